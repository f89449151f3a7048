/* The boundary between Lua values and C: raw reads, plain tables, the text gate. */
#include <string.h>
#include <lauxlib.h>
#include "kh_boundary.h"
#include "kh_box.h"
#include "kh_i18n.h"
#include "kh_sandbox.h"

int kh_lua_is_plain(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx))
        return 1;
    lua_pushliteral(L, "__index");
    int t = lua_rawget(L, -2);
    lua_pop(L, 2);
    return t == LUA_TNIL;
}

void kh_lua_check_plain(lua_State *L, int idx, const char *what)
{
    if (!kh_lua_is_plain(L, idx))
        luaL_error(L, _("%s: expected a plain table, got a table with a metatable that lends fields "
                      "(__index): write the fields into the table itself"), what);
}

int kh_lua_rawfield(lua_State *L, int idx, const char *name)
{
    idx = lua_absindex(L, idx);
    lua_pushstring(L, name);
    return lua_rawget(L, idx);
}

void kh_lua_gate(lua_State *L, int idx, const char *what, kh_gated *out)
{
    out->text = NULL;
    out->len = 0;
    if (lua_type(L, idx) != LUA_TSTRING)   /* checked first: lua_tolstring would convert a number */
        luaL_error(L, _("%s: expected text, got %s"), what, kh_lua_type_shown(L, idx));
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    kh_sandbox_charge(L, KH_STRING_COST(len));   /* before anything is allocated */
    size_t bad = 0;
    kh_text_status st = kh_text_gate(s, len, out, &bad);
    if (st == KH_TEXT_NO_MEMORY)
        luaL_error(L, _("%s: out of memory"), what);
    if (st != KH_TEXT_OK)
        luaL_error(L, _("%s: %s at byte %d: expected UTF-8 text without control characters"), what,
                   kh_text_status_message(st), (int)bad + 1);
    if (out->len > len) {
        /* NFC made it longer (rare): charge the rest with the copy held in a box meanwhile. */
        int b = kh_box_push(L);
        kh_box_put(L, b, out->text, NULL);
        kh_box_charge(L, b, out->len - len);
        out->text = kh_box_take(L, b);
        lua_pop(L, 1);
    }
}

void kh_lua_rawsetfield(lua_State *L, int idx, const char *name)
{
    idx = lua_absindex(L, idx);
    lua_pushstring(L, name);
    lua_insert(L, -2);
    lua_rawset(L, idx);
}

const char *kh_lua_word(lua_State *L, int idx, char *buf, size_t cap)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    if (!s || cap == 0)
        return NULL;
    if (memchr(s, '\0', len))
        len = 0;   /* no word holds a NUL byte */
    if (len >= cap)
        len = cap - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return buf;
}
