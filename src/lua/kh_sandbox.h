/* kh_sandbox.h — the Lua 5.4 state that runs plan files and templates.
   No os, io, debug, package.loadlib or C modules; load of text only; require limited to the
   template search path and the embedded modules; budgets of instructions and memory. */
#ifndef KH_SANDBOX_H
#define KH_SANDBOX_H
#include <stddef.h>
#include <lua.h>
#include "kh_error.h"
#include "kh_limits.h"

typedef struct kh_sandbox kh_sandbox;

kh_sandbox *kh_sandbox_new(const kh_limits *limits, kh_error *err);
void kh_sandbox_free(kh_sandbox *sb);
lua_State *kh_sandbox_state(kh_sandbox *sb);

/* Folders searched by require (in the order added), before the embedded modules. Each is opened
   once, here (a folder that is not there is left out), and a module is opened beneath its
   descriptor: no symbolic link, no way out (kh_fileio.h). */
void kh_sandbox_add_path(kh_sandbox *sb, const char *dir);
/* Search the open folder FD, named NAME in messages, before every folder added so far (a
   template file's own folder). The sandbox owns FD from now on. */
void kh_sandbox_prepend_folder(kh_sandbox *sb, const char *name, int fd);

/* The plan's folder, opened once by kh_plan_run: the sandbox owns FD (a descriptor set before is
   closed) and closes it when freed. -1 until a plan ran. */
void kh_sandbox_set_plan_dir(kh_sandbox *sb, int fd);
int kh_sandbox_plan_dir(const kh_sandbox *sb);

/* The sandbox running L (NULL for a Lua state that is not a sandbox's). */
kh_sandbox *kh_sandbox_of(lua_State *L);

/* Pop the value on top of the stack into the safe globals as NAME (e.g. the `kh` module). */
void kh_sandbox_expose(kh_sandbox *sb, const char *name);

/* Push a fresh environment table for a chunk: reads fall through to the safe globals. */
void kh_sandbox_push_env(kh_sandbox *sb);

/* Load a chunk of text (never bytecode) with the environment on top of the stack (popped).
   CHUNKNAME is how errors name it ("plan.lua"). Leaves the function on the stack. */
int kh_sandbox_load(kh_sandbox *sb, const char *data, size_t len, const char *chunkname, kh_error *err);

/* Call the function on the stack with NARGS arguments under the budgets; NRESULTS results.
   A Lua error, or a budget exceeded, becomes one line in ERR. */
int kh_sandbox_call(kh_sandbox *sb, int nargs, int nresults, kh_error *err);

/* Find a module by name as require would: on disk in the search path, then embedded (SUBDIR/,
   then lua/ and templates/). *FILE names it ("templates/nd30.lua"), *DATA its source; both
   malloc'ed. A file that is there but is refused (a symbolic link, not a regular file) is an
   error, not a reason to look further. */
int kh_sandbox_find_module(kh_sandbox *sb, const char *name, const char *subdir, char **file,
                           char **data, size_t *len, kh_error *err);
/* kh_sandbox_find_module, then the chunk loaded (not yet called) pushed. */
int kh_sandbox_load_module(kh_sandbox *sb, const char *name, const char *subdir, kh_error *err);

/* Count BYTES the C side keeps for the code running (the document model a template writes)
   against the memory budget; raises "memory budget … exceeded" when it would go over. */
int kh_sandbox_charge(lua_State *L, size_t bytes);

/* Bytes the memory budget has left (SIZE_MAX for a state that is not a sandbox). */
size_t kh_sandbox_available(lua_State *L);

/* The memory budget in bytes (0 for a state that is not a sandbox). */
size_t kh_sandbox_max_memory(lua_State *L);

/* Bytes charged so far for the C side (kh_sandbox_charge less kh_sandbox_uncharge). */
size_t kh_sandbox_charged(lua_State *L);

/* Give back BYTES charged earlier for memory the C side has freed. */
void kh_sandbox_uncharge(lua_State *L, size_t bytes);

/* Push E as a table { message, file, line, column, text, field, rule } (text: the words after
   the place; file "" and line 0 when it names none). */
void kh_lua_push_error(lua_State *L, const kh_error *e);

/* Raise E's message as a Lua error, its place kept beside it for kh_sandbox_place. */
int kh_lua_raise(lua_State *L, const kh_error *e);

/* Raise the formatted message at the place of the Lua code calling the C function, naming
   RULE, the check rule it breaks, and FIELD, the name it is about (NULL: none). */
int kh_lua_raise_rule(lua_State *L, const char *rule, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The place of MSG, an error caught from a protected call, into OUT's file, line, column, text
   and field (OUT's message and status untouched): the place kh_lua_raise kept for it, or the
   place Lua wrote before a message raised in a chunk this sandbox loaded. 0 when none is known. */
int kh_sandbox_place(lua_State *L, const char *msg, kh_error *out);   /* and OUT's rule */

/* kh.error_place(message) → file, line, column, text, field, rule (nil, nil, nil and the
   message when no place is known): for the rules, which catch errors with pcall. */
int kh_lua_error_place(lua_State *L);

/* Raise a Lua error with MESSAGE as it is (no position of the caller prepended). */
int kh_lua_error_plain(lua_State *L, const char *fmt, ...);

/* The type of the value at IDX, named in the user's language ("table", "bảng"), for messages
   that say what was found instead. */
const char *kh_lua_type_shown(lua_State *L, int idx);

/* Instructions used so far (approximate, for the benchmark) and peak memory. */
size_t kh_sandbox_peak_memory(const kh_sandbox *sb);
#endif
