/* test_sandbox.c — what a plan file or a template cannot do: reach the system, load bytecode,
   run for ever, take all the memory, or crash the program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include "kh_sandbox.h"

/* ---- helpers ---- */

static kh_sandbox *new_sandbox(size_t max_memory, long long max_instructions)
{
    kh_limits lim = {max_memory, max_instructions};
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox *sb = kh_sandbox_new(&lim, &err);
    if (!sb)
        fail_msg("kh_sandbox_new: %s", err.message);
    return sb;
}

static int setup(void **state)
{
    *state = new_sandbox(256u << 20, 200000000LL);
    return 0;
}

static int teardown(void **state)
{
    kh_sandbox_free(*state);
    alarm(0);   /* a test that set an alarm against a hang is over */
    return 0;
}

/* Load CODE as NAME in a fresh environment and run it for one result (left on the stack when
   it succeeds). Returns the status; the message goes to ERR. */
static int run(kh_sandbox *sb, const char *code, const char *name, kh_error *err)
{
    kh_error_clear(err);
    kh_sandbox_push_env(sb);
    int rc = kh_sandbox_load(sb, code, strlen(code), name, err);
    if (rc != KH_OK)
        return rc;
    return kh_sandbox_call(sb, 0, 1, err);
}

/* Run CODE, expecting success; its result as a string ("nil", "true", "2" …) in a static buffer. */
static const char *run_ok(kh_sandbox *sb, const char *code)
{
    static char buf[512];
    kh_error err;
    if (run(sb, code, "t.lua", &err) != KH_OK)
        fail_msg("%s\n  failed: %s", code, err.message);
    lua_State *L = kh_sandbox_state(sb);
    snprintf(buf, sizeof buf, "%s", luaL_tolstring(L, -1, NULL));
    lua_pop(L, 2);
    return buf;
}

/* Run CODE, expecting an error; its message. */
static const char *run_fail(kh_sandbox *sb, const char *code)
{
    static kh_error err;
    if (run(sb, code, "t.lua", &err) == KH_OK) {
        lua_State *L = kh_sandbox_state(sb);
        fail_msg("%s\n  succeeded with %s, expected an error", code, luaL_tolstring(L, -1, NULL));
    }
    assert_int_equal(err.status, KH_EXIT_INPUT);
    assert_true(err.message[0] != '\0');
    return err.message;
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, hay);
}

/* ---- what is not there ---- */

static void test_dangerous_globals_are_absent(void **state)
{
    kh_sandbox *sb = *state;
    static const char *const names[] = {
        "os", "io", "debug", "package", "dofile", "loadfile", "collectgarbage", "loadstring",
        "print", "_G", NULL};
    char code[128];
    for (const char *const *n = names; *n; n++) {
        snprintf(code, sizeof code, "return %s", *n);
        const char *got = run_ok(sb, code);
        if (strcmp(got, "nil") != 0)
            fail_msg("%s is reachable: %s", *n, got);
        snprintf(code, sizeof code, "return getmetatable(_ENV).__index.%s", *n);
        assert_string_equal(run_ok(sb, code), "nil");
    }
    /* using them fails */
    assert_contains(run_fail(sb, "os.execute('true')"), "os");
    assert_contains(run_fail(sb, "return io.open('/etc/passwd')"), "io");
    run_fail(sb, "return dofile('/etc/passwd')");
    run_fail(sb, "return loadfile('/etc/passwd')");
    run_fail(sb, "collectgarbage()");
}

static void test_require_of_system_modules_fails(void **state)
{
    kh_sandbox *sb = *state;
    static const char *const mods[] = {"os", "io", "debug", "package", "ffi", "lfs", NULL};
    char code[128];
    for (const char *const *m = mods; *m; m++) {
        snprintf(code, sizeof code, "return require('%s')", *m);
        assert_contains(run_fail(sb, code), "not found");
    }
    assert_contains(run_fail(sb, "return require('../../etc/passwd')"), "expected a name");
    assert_contains(run_fail(sb, "return require('/etc/passwd')"), "expected a name");
    /* a module that is there loads */
    assert_string_equal(run_ok(sb, "return type(require('numbering').roman)"), "function");
}

static void test_string_dump_is_gone(void **state)
{
    kh_sandbox *sb = *state;
    assert_string_equal(run_ok(sb, "return string.dump"), "nil");
    assert_string_equal(run_ok(sb, "return ('').dump"), "nil");
    assert_string_equal(run_ok(sb, "return ('x').dump"), "nil");
    run_fail(sb, "return ('').dump(function() end)");
    /* the rest of the string library works, as methods too */
    assert_string_equal(run_ok(sb, "return ('abc'):upper() .. string.rep('-', 3)"), "ABC---");
}

static void test_string_metatable_is_locked(void **state)
{
    kh_sandbox *sb = *state;
    const char *mt = run_ok(sb, "return type(getmetatable(''))");
    assert_string_not_equal(mt, "table");
    run_fail(sb, "return getmetatable('').__index");
    run_fail(sb, "getmetatable('').__index = {}");
    run_fail(sb, "setmetatable('', {})");
    run_fail(sb, "setmetatable('', nil)");
    /* and nothing changed for the next chunk */
    assert_string_equal(run_ok(sb, "return ('ab'):rep(2)"), "abab");
}

static void test_load_refuses_bytecode(void **state)
{
    kh_sandbox *sb = *state;
    /* load returns nil and a message, as for a syntax error */
    assert_string_equal(run_ok(sb, "return load('\\27Lua')"), "nil");
    assert_contains(run_ok(sb, "return select(2, load('\\27LuaT\\0\\25\\147\\r\\n\\26\\n'))"), "binary");
    assert_string_equal(run_ok(sb, "return load(string.char(27) .. 'Lua', 'x', 't')"), "nil");
    /* asking for binary mode is an error */
    assert_contains(run_fail(sb, "return load('return 1', 'x', 'b')"), "only text");
    run_fail(sb, "return load('return 1', 'x', 'bt')");
    /* a reader function is not accepted (it could hand over bytecode piece by piece) */
    run_fail(sb, "local done; return load(function() if done then return nil end done = true return '\\27Lua' end)");

    /* kh_sandbox_load refuses it too */
    kh_error err;
    kh_error_clear(&err);
    static const char bin[] = "\x1bLuaT\x00\x19\x93\r\n\x1a\n";
    kh_sandbox_push_env(sb);
    assert_int_equal(kh_sandbox_load(sb, bin, sizeof bin - 1, "b.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "binary");
    assert_int_equal(lua_gettop(kh_sandbox_state(sb)), 0);
}

static void test_load_of_text_works(void **state)
{
    kh_sandbox *sb = *state;
    assert_string_equal(run_ok(sb, "return load('return 1+1')()"), "2");
    assert_string_equal(run_ok(sb, "return load('return ...', 'c')(7)"), "7");
    assert_string_equal(run_ok(sb, "return load('return x', 'c', 't', {x = 5})()"), "5");
    /* the loaded chunk is in the sandbox too */
    assert_string_equal(run_ok(sb, "return load('return os')()"), "nil");
    assert_string_equal(run_ok(sb, "return type(load('return string')())"), "table");
    /* a syntax error comes back as nil and a message */
    assert_contains(run_ok(sb, "return select(2, load('x = = 1', '=chunk'))"), "chunk:1:");
}

static void test_environment_is_fresh_per_chunk(void **state)
{
    kh_sandbox *sb = *state;
    assert_string_equal(run_ok(sb, "leak = 42 return leak"), "42");
    assert_string_equal(run_ok(sb, "return leak"), "nil");
}

static void test_setmetatable_refuses_gc(void **state)
{
    kh_sandbox *sb = *state;
    alarm(60);   /* were __gc accepted, closing the state would hang: fail instead */
    /* a finalizer runs with the hook off: an endless loop in one could never be stopped */
    assert_contains(run_fail(sb, "setmetatable({}, {__gc = function() while true do end end})"), "__gc");
    /* every other metatable is fine */
    assert_string_equal(run_ok(sb, "return setmetatable({}, {__index = function(t, k) return k .. '!' end}).x"), "x!");
    assert_string_equal(run_ok(sb, "return getmetatable(setmetatable({}, {__metatable = 'khóa'}))"), "khóa");
    assert_string_equal(run_ok(sb, "local t = setmetatable({}, {}) return getmetatable(setmetatable(t, nil)) == nil"), "true");
}

/* ---- budgets ---- */

static void test_endless_loop_hits_instruction_budget(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(64u << 20, 1000000LL);
    kh_error err;
    assert_int_equal(run(sb, "while true do end", "t.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "instruction budget");
    kh_sandbox_free(sb);

    sb = new_sandbox(64u << 20, 1000000LL);
    assert_int_equal(run(sb, "local function f() return f() end return f()", "t.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "instruction budget");
    kh_sandbox_free(sb);
}

/* A budget error caught by pcall must not let the loop around it go on for ever. */
static void test_pcall_cannot_swallow_the_budget(void **state)
{
    (void)state;
    static const char *const escapes[] = {
        "while true do pcall(function() while true do end end) end",
        "local n = 0 while true do n = n + 1 pcall(function() while true do end end) end",
        "while true do xpcall(function() while true do end end, function(m) return m end) end",
        "while true do xpcall(function() while true do end end, function(m) while true do end end) end",
        "while true do xpcall(function() error('x') end, function(m) while true do end end) end",
        "while true do pcall(coroutine.wrap(function() while true do pcall(function() while true do end end) end end)) end",
        "local co = coroutine.wrap(function() while true do pcall(function() while true do end end) end end) while true do pcall(co) end",
        NULL};
    for (const char *const *code = escapes; *code; code++) {
        kh_sandbox *sb = new_sandbox(64u << 20, 1000000LL);
        kh_error err;
        alarm(60);   /* a hang fails the test run instead of blocking it */
        int rc = run(sb, *code, "t.lua", &err);
        alarm(0);
        if (rc != KH_EXIT_INPUT)
            fail_msg("%s: status %d", *code, rc);
        assert_contains(err.message, "instruction budget");
        kh_sandbox_free(sb);
    }
}

static void test_xpcall_still_works(void **state)
{
    kh_sandbox *sb = *state;
    assert_string_equal(run_ok(sb, "local ok, v = xpcall(function() error('boom', 0) end, function(m) return 'h:' .. m end) return tostring(ok) .. ' ' .. v"),
                        "false h:boom");
    assert_string_equal(run_ok(sb, "return select('#', xpcall(function(...) return ... end, tostring, 1, nil, 3))"), "4");
    assert_string_equal(run_ok(sb, "local ok, a, b = xpcall(function(x, y) return x + y, x * y end, tostring, 2, 3) return tostring(ok) .. a .. b"),
                        "true56");
    assert_contains(run_fail(sb, "return xpcall(function() end, 5)"), "xpcall");
}

static void test_memory_budget(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(64u << 20, 0);
    /* 1e10 bytes: Lua 5.4 refuses the size itself ("resulting string too large"), before any
       allocation; either way it fails cleanly */
    run_fail(sb, "return string.rep('x', 1e10)");
    /* 1e9 bytes fits string.rep's limit, so it is the memory budget that stops it */
    assert_contains(run_fail(sb, "return string.rep('x', 1e9)"), "memory");
    assert_contains(run_fail(sb, "local t = {} for i = 1, 1e8 do t[i] = i end return #t"), "memory");
    assert_contains(run_fail(sb, "local s = 'x' while true do s = s .. s end"), "memory");
    assert_contains(run_fail(sb, "local t = {} for i = 1, 1e8 do t[i] = i end return #t"), "64 MB");
    /* the state is still usable afterwards */
    assert_string_equal(run_ok(sb, "return #string.rep('x', 1000)"), "1000");
    assert_true(kh_sandbox_peak_memory(sb) <= (64u << 20));
    assert_true(kh_sandbox_peak_memory(sb) > (16u << 20));
    kh_sandbox_free(sb);
}

static void test_deep_recursion_is_an_error(void **state)
{
    kh_sandbox *sb = *state;
    assert_contains(run_fail(sb, "local function f() return 1 + f() end f()"), "stack overflow");
    run_fail(sb, "local function f(s) return #s + f(s .. 'x') end f('')");
    /* deep through C functions (string.gsub calling back) */
    run_fail(sb, "local function f(s) return (s:gsub('.', f)) end f('x')");
    run_fail(sb, "local t = setmetatable({}, {}) getmetatable(t).__index = t return t.x");
    assert_string_equal(run_ok(sb, "return 1"), "1");
}

/* ---- messages ---- */

static void test_errors_name_chunk_and_line(void **state)
{
    kh_sandbox *sb = *state;
    kh_error err;
    assert_int_equal(run(sb, "local x = 1\nlocal = 2\n", "t.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "t.lua:2:");
    assert_int_equal(lua_gettop(kh_sandbox_state(sb)), 0);

    assert_int_equal(run(sb, "local x\n\nreturn x.y\n", "plan.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "plan.lua:3:");

    assert_int_equal(run(sb, "error('một lỗi')", "t.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "t.lua:1: một lỗi");

    /* one line, whatever the error value is */
    assert_int_equal(run(sb, "error({})", "t.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "table");
    assert_int_equal(run(sb, "error('a\\nb', 0)", "t.lua", &err), KH_EXIT_INPUT);
    assert_null(strchr(err.message, '\n'));
    assert_int_equal(lua_gettop(kh_sandbox_state(sb)), 0);
}

static void test_load_module_refuses_paths(void **state)
{
    kh_sandbox *sb = *state;
    static const char *const bad[] = {"../numbering", "lua/numbering", "/etc/passwd", "..", "a/b",
                                      "numbering.lua", "", "x\\y", NULL};
    for (const char *const *n = bad; *n; n++) {
        kh_error err;
        kh_error_clear(&err);
        if (kh_sandbox_load_module(sb, *n, NULL, &err) == KH_OK)
            fail_msg("module name '%s' accepted", *n);
        assert_int_equal(err.status, KH_EXIT_INPUT);
    }
    assert_int_equal(lua_gettop(kh_sandbox_state(sb)), 0);
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_sandbox_load_module(sb, "numbering", NULL, &err), KH_OK);
    assert_true(lua_isfunction(kh_sandbox_state(sb), -1));
    lua_pop(kh_sandbox_state(sb), 1);
    assert_int_equal(kh_sandbox_load_module(sb, "no-such-module", NULL, &err), KH_EXIT_INPUT);
    assert_contains(err.message, "not found");
}

static void test_require_from_search_path(void **state)
{
    kh_sandbox *sb = *state;
    char dir[] = "/tmp/kh-sandbox-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/mymod.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("local M = {calls = 0}\nM.v = 42\nM.os = os\nreturn M\n", f);
    fclose(f);
    kh_sandbox_add_path(sb, dir);
    assert_string_equal(run_ok(sb, "return require('mymod').v"), "42");
    /* the module runs in the sandbox as well */
    assert_string_equal(run_ok(sb, "return require('mymod').os"), "nil");
    /* loaded once: the same table each time */
    assert_string_equal(run_ok(sb, "return require('mymod') == require('mymod')"), "true");
    unlink(path);
    rmdir(dir);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_dangerous_globals_are_absent),
        T(test_require_of_system_modules_fails),
        T(test_string_dump_is_gone),
        T(test_string_metatable_is_locked),
        T(test_load_refuses_bytecode),
        T(test_load_of_text_works),
        T(test_environment_is_fresh_per_chunk),
        T(test_setmetatable_refuses_gc),
        cmocka_unit_test(test_endless_loop_hits_instruction_budget),
        cmocka_unit_test(test_pcall_cannot_swallow_the_budget),
        T(test_xpcall_still_works),
        cmocka_unit_test(test_memory_budget),
        T(test_deep_recursion_is_an_error),
        T(test_errors_name_chunk_and_line),
        T(test_load_module_refuses_paths),
        T(test_require_from_search_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
