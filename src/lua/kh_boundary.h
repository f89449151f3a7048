/* kh_boundary.h — the one boundary between Lua values and C.
   C takes a table's own fields only: every read is raw (no metamethod runs from C, so a value
   cannot change between two looks or run code behind C's back), and each field is read once and
   copied at once. A table whose metatable has an __index is refused, since the fields it would
   lend could not be seen. Text becomes document text only through kh_lua_gate. */
#ifndef KH_BOUNDARY_H
#define KH_BOUNDARY_H
#include <stddef.h>
#include <lua.h>
#include "kh_text.h"

/* Raise "WHAT: expected a plain table …" when the table at IDX has a metatable with __index. */
void kh_lua_check_plain(lua_State *L, int idx, const char *what);

/* 1 when the table at IDX has no metatable, or one without __index. */
int kh_lua_is_plain(lua_State *L, int idx);

/* Push T[NAME] of the table at IDX, read raw; returns its type. */
int kh_lua_rawfield(lua_State *L, int idx, const char *name);
/* T[NAME] = the value on top (popped), set raw: no __newindex runs. */
void kh_lua_rawsetfield(lua_State *L, int idx, const char *name);

/* The string at IDX through the text gate (kh_text_gate) into *OUT, its bytes charged to the
   memory budget first. Raises "WHAT: invalid UTF-8 at byte N" and the like. *OUT must go into
   the document model (or be freed) before the next Lua call. */
void kh_lua_gate(lua_State *L, int idx, const char *what, kh_gated *out);

/* Copy the string at IDX into BUF (CAP bytes) for a comparison with fixed words ("left",
   "landscape", …): a longer string is cut, which no word matches. */
const char *kh_lua_word(lua_State *L, int idx, char *buf, size_t cap);

/* The bytes charged for one string of LEN bytes the C side keeps. */
#define KH_STRING_COST(len) ((len) + 1 + 16)
#endif
