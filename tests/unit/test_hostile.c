/* test_hostile.c — regressions found by the hostile-input corpus (tests/hostile/) and fuzzing,
   at the level of the functions: the sandbox's errors name their place, a Lua state whose budget
   is full takes kehoach's own pushes without a panic, the document model counts against the
   budget, the parsers stop at their limits, and the atomic write tells a signal handler what to
   remove. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include "kh_builder.h"
#include "kh_csv.h"
#include "kh_markup.h"
#include "kh_model.h"
#include "kh_package.h"
#include "kh_sandbox.h"

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

static int run(kh_sandbox *sb, const char *code, const char *name, kh_error *err)
{
    kh_error_clear(err);
    kh_sandbox_push_env(sb);
    int rc = kh_sandbox_load(sb, code, strlen(code), name, err);
    if (rc != KH_OK)
        return rc;
    return kh_sandbox_call(sb, 0, 1, err);
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, hay);
}

static void test_instruction_budget_names_the_line(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(64u << 20, 1000000LL);
    kh_error err;
    assert_int_equal(run(sb, "local x = 0\nwhile true do x = x + 1 end", "loop.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "loop.lua:2: instruction budget");
    kh_sandbox_free(sb);
}

static void test_memory_budget_names_the_file(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(32u << 20, 0);
    kh_error err;
    assert_int_equal(run(sb, "return ('x'):rep(1e9)", "mem.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "mem.lua");
    assert_contains(err.message, "memory budget of 32 MB exceeded");
    /* a chunk too big to load names itself as well */
    size_t n = 40u << 20;
    char *big = malloc(n + 32);
    assert_non_null(big);
    memcpy(big, "return '", 8);
    memset(big + 8, 'x', n);
    memcpy(big + 8 + n, "'", 2);
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    assert_int_equal(kh_sandbox_load(sb, big, n + 9, "big.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "big.lua: memory budget of 32 MB exceeded");
    free(big);
    kh_sandbox_free(sb);
}

/* Code that fills the budget to the last byte, catches the failure and returns: kehoach's own
   pushes after it (outside any protected call) must not fail, or Lua would panic and abort. */
static void test_full_budget_then_unprotected_pushes(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(8u << 20, 0);
    lua_State *L = kh_sandbox_state(sb);
    kh_error err;
    assert_int_equal(run(sb,
                         "local keep = {}\n"
                         "for _, size in ipairs{1e5, 1e3, 10, 1} do\n"
                         "  pcall(function() while true do keep[#keep + 1] = ('x'):rep(size) .. #keep end end)\n"
                         "end\n"
                         "return keep\n",
                         "fill.lua", &err),
                     KH_OK);
    for (int i = 0; i < 100; i++) {
        lua_newtable(L);
        lua_pushfstring(L, "kehoach's own glue %d", i);
        lua_setfield(L, -2, "x");
        lua_pop(L, 1);
    }
    /* and the next call still fails cleanly, naming its chunk */
    assert_int_equal(run(sb, "local t = {} for i = 1, 1e6 do t[i] = {} end", "more.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "memory budget");
    lua_settop(L, 0);
    kh_sandbox_free(sb);
}

static void test_errors_without_position_get_one(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(64u << 20, 0);
    kh_error err;
    assert_int_equal(run(sb, "\nerror({})", "obj.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "obj.lua:2:");
    assert_contains(err.message, "error object is a table value");
    assert_int_equal(run(sb, "local function f(s) return (s:gsub('.', f)) end f('x')", "c.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "c.lua:1:");
    assert_contains(err.message, "stack overflow");
    assert_int_equal(run(sb, "setmetatable('', {})", "mt.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "mt.lua:1: bad argument #1 to 'setmetatable'");
    assert_int_equal(run(sb, "setmetatable({}, 5)", "mt.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "mt.lua:1: bad argument #2 to 'setmetatable'");
    assert_int_equal(run(sb, "setmetatable(setmetatable({}, {__metatable = 1}), {})", "mt.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "mt.lua:1: cannot change a protected metatable");
    /* the Lua parser's own C-stack limit names the chunk */
    char src[30000];
    strcpy(src, "return ");
    for (int i = 0; i < 10000; i++)
        strcat(src, "{");
    assert_int_equal(run(sb, src, "deep.lua", &err), KH_EXIT_INPUT);
    assert_contains(err.message, "deep.lua");
    kh_sandbox_free(sb);
}

static void test_gc_placeholder_is_refused(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(64u << 20, 1000000LL);
    kh_error err;
    alarm(60);
    assert_int_equal(run(sb, "local mt = {__gc = false} setmetatable({}, mt) mt.__gc = function() while true do end end",
                         "gc.lua", &err),
                     KH_EXIT_INPUT);
    assert_contains(err.message, "__gc");
    kh_sandbox_free(sb);   /* would hang in the finalizer had it been accepted */
    alarm(0);
}

/* doc:paragraph in a loop: the model lives in C, and counts against the budget. */
static void test_document_model_counts_against_the_budget(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox(16u << 20, 0);
    lua_State *L = kh_sandbox_state(sb);
    kh_doc *doc = kh_doc_new();
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    const char *code = "local doc = ...\ndoc:section{}\nfor i = 1, 1e7 do doc:paragraph('Đoạn ' .. i) end";
    assert_int_equal(kh_sandbox_load(sb, code, strlen(code), "doc.lua", &err), KH_OK);
    kh_builder_push_doc(L, doc);
    assert_int_equal(kh_sandbox_call(sb, 1, 0, &err), KH_EXIT_INPUT);
    assert_contains(err.message, "doc.lua:3: memory budget of 16 MB exceeded");
    assert_true(kh_doc_current_section(doc)->body.nblocks < 100000);
    kh_doc_free(doc);
    kh_sandbox_free(sb);
}

static void test_markup_stops_at_its_limit(void **state)
{
    (void)state;
    size_t n = (size_t)KH_MARKUP_MAX_ITEMS + 10;
    char *text = malloc(3 * n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + 3 * i, "a\n\n", 3);
    kh_markup m;
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_markup_parse(text, 3 * n, "body.txt", &m, &err), KH_EXIT_INPUT);
    assert_contains(err.message, "body.txt:1000001: more than 1000000");
    assert_int_equal(m.nblocks, 0);
    /* spans: "a*a*a*…" on one line, every other character a marker */
    for (size_t i = 0; i < 3 * n; i++)
        text[i] = i % 2 ? '*' : 'a';
    kh_error_clear(&err);
    assert_int_equal(kh_markup_parse(text, 3 * n, "body.txt", &m, &err), KH_EXIT_INPUT);
    assert_contains(err.message, "body.txt:1: more than 1000000");
    free(text);
}

static void test_csv_stops_at_its_limit(void **state)
{
    (void)state;
    size_t n = (size_t)KH_CSV_MAX_CELLS + 10;
    char *text = malloc(n);
    assert_non_null(text);
    memset(text, ',', n);
    kh_csv csv;
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_csv_parse(text, n, ',', "t.csv", &csv, &err), KH_EXIT_INPUT);
    assert_contains(err.message, "t.csv:1:1000001: more than 1000000 cells");
    free(text);
}

static void test_atomic_write_tells_the_handler(void **state)
{
    (void)state;
    char dir[] = "/tmp/kh-hostile-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.docx", dir);
    assert_null(kh_write_atomic_tmp());
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_write_atomic(path, "abc", 3, &err), KH_OK);
    assert_null(kh_write_atomic_tmp());
    assert_true(kh_write_atomic_committed());
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, 3);
    unlink(path);
    /* a failed write leaves nothing for the handler, and no file */
    snprintf(path, sizeof path, "%s/missing/out.docx", dir);
    assert_int_equal(kh_write_atomic(path, "abc", 3, &err), KH_EXIT_IO);
    assert_null(kh_write_atomic_tmp());
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instruction_budget_names_the_line),
        cmocka_unit_test(test_memory_budget_names_the_file),
        cmocka_unit_test(test_full_budget_then_unprotected_pushes),
        cmocka_unit_test(test_errors_without_position_get_one),
        cmocka_unit_test(test_gc_placeholder_is_refused),
        cmocka_unit_test(test_document_model_counts_against_the_budget),
        cmocka_unit_test(test_markup_stops_at_its_limit),
        cmocka_unit_test(test_csv_stops_at_its_limit),
        cmocka_unit_test(test_atomic_write_tells_the_handler),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
