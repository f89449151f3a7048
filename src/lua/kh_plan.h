/* kh_plan.h — loading plan.lua in the sandbox, and checking what it returns.
   On success the plan table is on top of the Lua stack: every string NFC, the date parsed into
   {year, month, day}, the number an integer (or absent). */
#ifndef KH_PLAN_H
#define KH_PLAN_H
#include "kh_error.h"
#include "kh_sandbox.h"

/* PATH is a plan folder (holding plan.lua) or a plan file. */
int kh_plan_load(kh_sandbox *sb, const char *path, kh_error *err);

/* The two halves of kh_plan_load. kh_plan_run runs the plan file and leaves the table it returns
   on the stack as written (no field checked, strings as typed); PREPARE, when not NULL, is called
   with the plan's environment on top of the stack (read_text and read_table set) just before
   the plan runs, to wrap them. kh_plan_validate checks the table on top of the stack
   against the plan schema (lua/schema.lua) and normalises it (popped on failure); QUIET lets
   pass the stand-ins kehoach check puts for the files it could not read (marked failed). */
int kh_plan_run(kh_sandbox *sb, const char *path, void (*prepare)(lua_State *L, void *ud), void *ud,
                kh_error *err);
int kh_plan_validate(kh_sandbox *sb, int quiet, kh_error *err);
/* The first part of kh_plan_validate alone: every table below the table on top of the stack is
   plain (no metatable that lends fields or lengths), nested at most 64 deep, and holds no function;
   the text is left as typed, the metatables are removed (so that reading the table runs nothing
   of the plan). The rules of kehoach check read only such a table. The table is popped on
   failure. */
int kh_plan_check_shape(kh_sandbox *sb, kh_error *err);

/* The plan's folder and file as named in messages, as set by the last kh_plan_run. */
const char *kh_plan_dir(void);
const char *kh_plan_file(void);

/* Files of the plan's folder, opened beneath the descriptor kh_plan_run opened once for the run
   (the sandbox owns it): REL relative, no "..", no symbolic link (kh_fileio.h). Errors name the
   file as kh_plan_dir()/REL. REL NULL: the plan file itself. */
int kh_plan_open(kh_sandbox *sb, const char *rel, int folder, kh_error *err);
int kh_plan_read(kh_sandbox *sb, const char *rel, char **data, size_t *len, kh_error *err);
/* For a C function called from Lua (WHO: "read_text"): read REL of the plan's folder (NULL: the
   plan file), its size charged to the memory budget before it is read, the buffer put in the box
   at BOX (kh_box.h). Raises a one-line error naming the file on failure; LENIENT returns NULL
   instead when the file cannot be opened or read (a budget exceeded still raises). */
/* The plan schema (lua/schema.lua as built in: a plan's folder cannot replace it), loaded once
   per sandbox, pushed. Raises a Lua error when it cannot be loaded. */
void kh_plan_push_schema(lua_State *L);

char *kh_plan_read_boxed(lua_State *L, int box, const char *rel, size_t *len, const char *who, int lenient);
/* kh_plan_dir()/REL, malloc'ed: how read_text and read_table name the file they read. */
char *kh_plan_path(const char *rel);

/* Parse "YYYY-MM-DD" or "YYYY-MM" (a draft without the day: *day = 0). 0 when valid. */
int kh_parse_date(const char *s, int *year, int *month, int *day);
int kh_days_in_month(int year, int month);
#endif
