/* kh_cmd_plan.h — what the drafting commands (kh_check.c, kh_new.c) share: running a plan while
   noting the files it reads, and running the Lua modules built into the binary. */
#ifndef KH_CMD_PLAN_H
#define KH_CMD_PLAN_H
#include <stdio.h>
#include <lua.h>
#include "kh_error.h"
#include "kh_sandbox.h"

/* A PREPARE function for kh_plan_run: wraps read_text and read_table so that every file the plan
   reads is noted. UD points to an int: nonzero makes them lenient — a file that cannot be read
   or parsed is noted with its error and stands in as an empty text or table ({failed = true}),
   so that the rest of the plan can still be checked. */
void kh_cmd_note_files(lua_State *L, void *ud);

/* Push the files noted so far: { {kind = "text"|"table", rel, file, line, error}, … } where rel
   is the name the plan gave, file the path read, line the plan file's line of the call and
   error the reader's message (lenient mode). */
void kh_cmd_push_files(lua_State *L);

/* Set CTX.plan_text (the plan file as typed) and CTX.files (the noted files, each readable one
   with its bytes as raw), for kehoach check, reading them again beneath the plan's folder in a
   protected call: the copies count against the memory budget. Fails only when they do not fit. */
int kh_cmd_gather(kh_sandbox *sb, int ctx, kh_error *err);

/* Run lua/NAME.lua as built into the binary (never a file on disk: the checks and rewrites are
   the program's own) and push what it returns. */
int kh_cmd_load_module(kh_sandbox *sb, const char *name, kh_error *err);

/* Print S (LEN bytes) as a JSON string: quotes, escapes, and U+FFFD for bytes not UTF-8. */
void kh_cmd_json_string(FILE *out, const char *s, size_t len);
#endif
