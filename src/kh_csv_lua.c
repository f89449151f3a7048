/* read_table: a CSV/TSV file of the plan's folder, as rows the template lays out. */
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "kh_csv.h"
#include "kh_csv_lua.h"
#include "kh_fileio.h"
#include "kh_plan.h"
#include "kh_sandbox.h"

int kh_csv_lua_read_table(lua_State *L)
{
    const char *rel = luaL_checkstring(L, 1);
    if (!lua_isnoneornil(L, 2))
        luaL_checktype(L, 2, LUA_TTABLE);
    kh_error err;
    kh_error_clear(&err);
    char *path = NULL, *data = NULL;
    size_t len = 0;
    /* beneath the plan's folder, no symbolic link (kh_plan.h) */
    if (kh_plan_read(kh_sandbox_of(L), rel, &data, &len, &err) != KH_OK)
        return kh_lua_error_plain(L, "%s: read_table: %s", kh_plan_file(), err.message);
    path = kh_plan_path(rel);
    char sep = kh_csv_separator_for(path);
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "separator");
        if (lua_isstring(L, -1)) {
            const char *s = lua_tostring(L, -1);
            if (strlen(s) != 1 || !strchr(",;\t", s[0])) {
                free(path);
                free(data);
                return luaL_error(L, "read_table: separator: expected \",\", \";\" or \"\\t\"");
            }
            sep = s[0];
        }
        lua_pop(L, 1);
    }
    kh_csv csv;
    int rc = kh_csv_parse(data, len, sep, path, &csv, &err);
    free(data);
    if (rc != KH_OK) {
        free(path);
        return kh_lua_error_plain(L, "%s", err.message);
    }
    /* The result: a copy of the options, plus file and rows. */
    lua_newtable(L);
    if (lua_istable(L, 2)) {
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
    }
    lua_pushstring(L, path);
    lua_setfield(L, -2, "file");
    free(path);
    lua_createtable(L, (int)csv.nrows, 0);
    for (size_t r = 0; r < csv.nrows; r++) {
        lua_createtable(L, (int)csv.ncols, 1);
        for (size_t c = 0; c < csv.rows[r].ncells; c++) {
            lua_pushstring(L, csv.rows[r].cells[c].text);
            lua_rawseti(L, -2, (lua_Integer)c + 1);
        }
        lua_pushinteger(L, csv.rows[r].line);
        lua_setfield(L, -2, "line");
        lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    lua_setfield(L, -2, "rows");
    kh_csv_free(&csv);
    return 1;
}
