/* kh_lua_messages.h — Lua's own error messages ("attempt to index a nil value (local 't')",
   "'}' expected (to close '{' at line 2) near 'date'") said in the user's language.
   Lua writes them in English inside the library; a clerk who mistyped plan.lua reads them. */
#ifndef KH_LUA_MESSAGES_H
#define KH_LUA_MESSAGES_H
#include <stddef.h>

/* MSG as Lua gave it, with any "file:line: " places before the text: the places kept, the text
   translated when it is one of Lua's messages (or ends with one, after "…: "), else kept as it
   is (a plan's or template's own words). SYNTAX adds the hint for a chunk that does not load.
   The result is cut to fit CAP bytes. */
void kh_lua_message_shown(const char *msg, int syntax, char *out, size_t cap);
#endif
