/* Shared by kehoach check and kehoach new: noting the files a plan reads, embedded modules, JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <utf8proc.h>
#include "kh_box.h"
#include "kh_cmd_plan.h"
#include "kh_embedded.h"
#include "kh_i18n.h"
#include "kh_plan.h"
#include "kh_sandbox.h"

static const char FILES_REF[] = "kh.cmd.files";

/* The list of noted files, created on first use, pushed. */
static void push_list(lua_State *L)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, FILES_REF) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, FILES_REF);
    }
}

/* Whether the plan called this reader inside a pcall of its own (upvalue 4), or in a coroutine:
   then the plan handles a failure itself, as it does in render, and it is not a finding. */
static int protected_by_plan(lua_State *L)
{
    if (!lua_pushthread(L)) {
        lua_pop(L, 1);
        return 1;
    }
    lua_pop(L, 1);
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "f", &ar);
        int same = lua_rawequal(L, -1, lua_upvalueindex(4));
        lua_pop(L, 1);
        if (same)
            return 1;
    }
    return 0;
}

/* read_text / read_table wrapped: upvalues are the reader, its kind, the lenient flag and the
   plan's pcall. */
static int noted_reader(lua_State *L)
{
    int nargs = lua_gettop(L);
    const char *kind = lua_tostring(L, lua_upvalueindex(2));
    int lenient = lua_toboolean(L, lua_upvalueindex(3));
    lua_Debug ar;
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
        line = ar.currentline;
    lua_pushvalue(L, lua_upvalueindex(1));
    for (int i = 1; i <= nargs; i++)
        lua_pushvalue(L, i);
    int rc = lua_pcall(L, nargs, 1, 0);
    if (rc != LUA_OK && (!lenient || rc != LUA_ERRRUN || protected_by_plan(L)))
        return lua_error(L);            /* out of memory, strict, or the plan's own pcall: as the plain reader would */
    int res = lua_gettop(L);
    push_list(L);
    int list = lua_gettop(L);
    lua_createtable(L, 0, 5);
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "kind");
    lua_pushinteger(L, line);
    lua_setfield(L, -2, "line");
    if (lua_type(L, 1) == LUA_TSTRING) {
        lua_pushvalue(L, 1);
        lua_setfield(L, -2, "rel");
    }
    if (rc == LUA_OK) {
        if (lua_istable(L, res)) {
            lua_pushliteral(L, "file");
            lua_rawget(L, res);
            lua_setfield(L, -2, "file");
        }
    } else {
        /* The error as text, without calling a __tostring the plan may have set on it, and
           its place, taken now: the next error raised replaces what the sandbox keeps. */
        kh_error place;
        int placed = lua_type(L, res) == LUA_TSTRING && kh_sandbox_place(L, lua_tostring(L, res), &place);
        if (lua_type(L, res) == LUA_TSTRING && place.rule[0]) {
            lua_pushstring(L, place.rule);
            lua_setfield(L, -2, "error_rule");
            lua_pushstring(L, place.field);
            lua_setfield(L, -2, "error_field");
        }
        if (placed) {
            lua_pushstring(L, place.file);
            lua_setfield(L, -2, "error_file");
            lua_pushinteger(L, place.line);
            lua_setfield(L, -2, "error_line");
            lua_pushinteger(L, place.column);
            lua_setfield(L, -2, "error_column");
            lua_pushstring(L, lua_tostring(L, res) + place.text);
            lua_setfield(L, -2, "error_text");
        }
        if (lua_type(L, res) == LUA_TSTRING)
            lua_pushvalue(L, res);
        else
            lua_pushfstring(L, _("(error object is a %s value)"), kh_lua_type_shown(L, res));
        lua_setfield(L, -2, "error");
    }
    lua_rawseti(L, list, (lua_Integer)lua_rawlen(L, list) + 1);
    lua_settop(L, res);
    if (rc == LUA_OK)
        return 1;
    /* An empty stand-in, marked as failed: its error is reported once, from the list. */
    lua_newtable(L);
    if (strcmp(kind, "table") == 0) {
        if (nargs >= 2 && lua_istable(L, 2)) {
            lua_pushnil(L);
            while (lua_next(L, 2)) {
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_rawset(L, -4);
            }
        }
        lua_newtable(L);
        lua_setfield(L, -2, "rows");
    } else {
        lua_pushliteral(L, "");
        lua_setfield(L, -2, "text");
    }
    if (lua_type(L, 1) == LUA_TSTRING) {
        lua_pushvalue(L, 1);
        lua_setfield(L, -2, "file");
    }
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "failed");
    return 1;
}

void kh_cmd_note_files(lua_State *L, void *ud)
{
    int lenient = ud ? *(int *)ud : 0;
    int env = lua_gettop(L);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, FILES_REF);
    static const char *const readers[][2] = {{"read_text", "text"}, {"read_table", "table"}};
    for (size_t i = 0; i < sizeof readers / sizeof *readers; i++) {
        lua_getfield(L, env, readers[i][0]);
        lua_pushstring(L, readers[i][1]);
        lua_pushboolean(L, lenient);
        lua_getfield(L, env, "pcall");
        lua_pushcclosure(L, noted_reader, 4);
        lua_setfield(L, env, readers[i][0]);
    }
}

void kh_cmd_push_files(lua_State *L)
{
    push_list(L);
}

/* In a protected call, so that the budget holds: CTX.plan_text and CTX.files, each readable
   file with its bytes as raw. The copies are charged like anything the plan reads. */
static int gather(lua_State *L)
{
    int ctx = 1;
    int box = kh_box_push(L);
    size_t len;
    char *data = kh_plan_read_boxed(L, box, NULL, &len, "check", 1);
    if (data) {
        lua_pushlstring(L, data, len);
        lua_setfield(L, ctx, "plan_text");
        kh_box_free(L, box);
    }
    push_list(L);
    int list = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, list);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        /* Read again by the name the plan gave, beneath the plan's folder as read_text did. */
        int entry = lua_gettop(L);
        if (lua_getfield(L, entry, "rel") == LUA_TSTRING && lua_getfield(L, entry, "error") == LUA_TNIL) {
            data = kh_plan_read_boxed(L, box, lua_tostring(L, entry + 1), &len, "check", 1);
            if (data) {
                lua_pushlstring(L, data, len);
                lua_setfield(L, entry, "raw");
                kh_box_free(L, box);
            }
        }
        lua_settop(L, entry - 1);
    }
    lua_setfield(L, ctx, "files");
    return 0;
}

int kh_cmd_gather(kh_sandbox *sb, int ctx, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    ctx = lua_absindex(L, ctx);
    lua_pushcfunction(L, gather);
    lua_pushvalue(L, ctx);
    return kh_sandbox_call(sb, 1, 0, err);
}

int kh_cmd_load_module(kh_sandbox *sb, const char *name, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    char path[128];
    snprintf(path, sizeof path, "lua/%s.lua", name);
    const kh_embedded_file *f = kh_embedded_find(path);
    if (!f)
        return kh_error_set(err, KH_EXIT_IO, _("%s: not built into this binary"), path);
    kh_sandbox_push_env(sb);
    if (kh_sandbox_load(sb, f->data, f->size, path, err) != KH_OK)
        return KH_EXIT_IO;
    lua_pushstring(L, name);
    if (kh_sandbox_call(sb, 1, 1, err) != KH_OK)
        return KH_EXIT_IO;
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        return kh_error_set(err, KH_EXIT_IO, _("%s: expected the module to return a table"), path);
    }
    return KH_OK;
}

void kh_cmd_json_string(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (n < 0) {
            fputs("\\ufffd", out);
            i++;
            continue;
        }
        if (c == '"')
            fputs("\\\"", out);
        else if (c == '\\')
            fputs("\\\\", out);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029)
            fprintf(out, "\\u%04x", (unsigned)c);
        else
            fwrite(s + i, 1, (size_t)n, out);
        i += (size_t)n;
    }
    fputc('"', out);
}
