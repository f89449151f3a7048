/* kh_sandbox.h — the Lua 5.4 state that runs plan files and templates.
   No os, io, debug, package.loadlib or C modules; load of text only; require limited to the
   template search path and the embedded modules; budgets of instructions and memory. */
#ifndef KH_SANDBOX_H
#define KH_SANDBOX_H
#include <stddef.h>
#include <lua.h>
#include "kh_error.h"

typedef struct {
    size_t max_memory;          /* bytes the Lua state may hold */
    long long max_instructions; /* VM instructions, counted in steps of 1000 */
} kh_limits;

#define KH_DEFAULT_MAX_MEMORY ((size_t)1 << 30)
#define KH_DEFAULT_MAX_INSTRUCTIONS 4000000000LL

typedef struct kh_sandbox kh_sandbox;

kh_sandbox *kh_sandbox_new(const kh_limits *limits, kh_error *err);
void kh_sandbox_free(kh_sandbox *sb);
lua_State *kh_sandbox_state(kh_sandbox *sb);

/* Folders searched by require (in the order added), before the embedded modules. */
void kh_sandbox_add_path(kh_sandbox *sb, const char *dir);
/* Search DIR before every folder added so far (a template file's own folder). */
void kh_sandbox_prepend_path(kh_sandbox *sb, const char *dir);

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

/* Find a module by name as require would: on disk in the search path, then embedded.
   On success pushes the loaded (not yet called) chunk. */
int kh_sandbox_load_module(kh_sandbox *sb, const char *name, const char *subdir, kh_error *err);

/* Count BYTES the C side keeps for the code running (the document model a template writes)
   against the memory budget; raises "memory budget … exceeded" when it would go over. */
int kh_sandbox_charge(lua_State *L, size_t bytes);

/* Bytes the memory budget has left (SIZE_MAX for a state that is not a sandbox). */
size_t kh_sandbox_available(lua_State *L);

/* Give back BYTES charged earlier for memory the C side has freed. */
void kh_sandbox_uncharge(lua_State *L, size_t bytes);

/* Raise a Lua error with MESSAGE as it is (no position of the caller prepended). */
int kh_lua_error_plain(lua_State *L, const char *fmt, ...);

/* Instructions used so far (approximate, for the benchmark) and peak memory. */
size_t kh_sandbox_peak_memory(const kh_sandbox *sb);
#endif
