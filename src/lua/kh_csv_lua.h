/* kh_csv_lua.h — read_table(path, options) for plan files. */
#ifndef KH_CSV_LUA_H
#define KH_CSV_LUA_H
#include <lua.h>

/* read_table("phu-luc.csv", {header_rows = 1, columns = {…}, stt = {…}}) returns the options
   table with `file` and `rows` added: each row a list of cell texts with its `line` in the file. */
int kh_csv_lua_read_table(lua_State *L);
#endif
