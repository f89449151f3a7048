/* read_table: a CSV/TSV file of the plan's folder, as rows the template lays out. */
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "kh_boundary.h"
#include "kh_box.h"
#include "kh_csv.h"
#include "kh_csv_lua.h"
#include "kh_i18n.h"
#include "kh_message.h"
#include "kh_plan.h"
#include "kh_sandbox.h"
#include "kh_util.h"

static void free_csv(void *p)
{
    kh_csv_free(p);
    free(p);
}

int kh_csv_lua_read_table(lua_State *L)
{
    const char *rel = luaL_checkstring(L, 1);
    lua_settop(L, 2);
    int has_options = !lua_isnil(L, 2);
    if (has_options) {
        luaL_checktype(L, 2, LUA_TTABLE);
        kh_lua_check_plain(L, 2, "read_table: options");
        /* The options' names come from the plan schema, as the plan's fields do. */
        kh_plan_push_schema(L);
        lua_getfield(L, -1, "unknown_option");
        lua_pushvalue(L, 2);
        lua_call(L, 1, 3);
        if (lua_type(L, -3) == LUA_TSTRING) {
            char name[KH_MSG_QUOTED_SIZE];
            kh_msg_quote(name, lua_tostring(L, -3));
            if (lua_type(L, -2) == LUA_TSTRING)
                return kh_lua_raise_rule(L, "unknown-field", lua_tostring(L, -3), _("read_table: unknown option %s: did you mean '%s'?"), name,
                                         lua_tostring(L, -2));
            return kh_lua_raise_rule(L, "unknown-field", lua_tostring(L, -3), _("read_table: unknown option %s: the options are %s"), name,
                                     lua_tostring(L, -1));
        }
        lua_settop(L, 2);
    }
    char sep = 0;   /* none given: .tsv is tab, else read from the header line */
    if (has_options && kh_lua_rawfield(L, 2, "separator") != LUA_TNIL) {
        char word[4];
        const char *s = lua_type(L, -1) == LUA_TSTRING ? kh_lua_word(L, -1, word, sizeof word) : NULL;
        if (!s || strlen(s) != 1 || lua_rawlen(L, -1) != 1 || !strchr(",;\t", s[0]))
            return luaL_error(L, "%s", _("read_table: separator: expected \",\", \";\" or \"\\t\""));
        sep = s[0];
    }
    lua_settop(L, 2);
    int raw = kh_box_push(L);                       /* 3: the file's bytes */
    int parsed = kh_box_push(L);                    /* 4: the parsed rows */
    lua_pushfstring(L, "%s/%s", kh_plan_dir(), rel);  /* 5: how errors name the file */
    const char *path = lua_tostring(L, 5);
    size_t len;
    const char *data = kh_plan_read_boxed(L, raw, rel, &len, "read_table", 0);
    sep = kh_csv_separator(sep, rel, data, len);
    kh_csv *csv = kh_xcalloc(1, sizeof *csv);
    kh_box_put(L, parsed, csv, free_csv);
    /* The cells' text first; what the budget has left bounds the number of cells made. */
    kh_box_charge(L, parsed, KH_STRING_COST(len));
    size_t max_cells = kh_sandbox_available(L) / KH_CSV_CELL_COST;
    kh_error err;
    kh_error_clear(&err);
    if (kh_csv_parse_limited(data, len, sep, path, max_cells, csv, &err) != KH_OK)
        return kh_lua_raise(L, &err);
    kh_box_free(L, raw);
    size_t cells = 0;
    for (size_t r = 0; r < csv->nrows; r++)
        cells += csv->rows[r].ncells;
    kh_box_charge(L, parsed, cells * KH_CSV_CELL_COST);
    /* The result: a copy of the options (raw), plus file and rows. */
    lua_newtable(L);
    if (has_options) {
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
    }
    lua_pushvalue(L, 5);
    kh_lua_rawsetfield(L, -2, "file");
    lua_createtable(L, (int)csv->nrows, 0);
    for (size_t r = 0; r < csv->nrows; r++) {
        lua_createtable(L, (int)csv->ncols, 1);
        for (size_t c = 0; c < csv->rows[r].ncells; c++) {
            lua_pushstring(L, csv->rows[r].cells[c].text);
            lua_rawseti(L, -2, (lua_Integer)c + 1);
        }
        lua_pushinteger(L, csv->rows[r].line);
        lua_setfield(L, -2, "line");
        lua_rawseti(L, -2, (lua_Integer)r + 1);
    }
    kh_lua_rawsetfield(L, -2, "rows");
    return 1;   /* the boxes free the file and the parsed rows */
}
