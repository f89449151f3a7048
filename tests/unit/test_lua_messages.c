/* test_lua_messages.c — the places errors carry (kh_error_set_at, kh_lua_raise, Lua's own
   "chunk:line: "), and Lua's messages as kh_lua_message_shown gives them (English here: Lua's
   text unchanged, the places kept, an author's own words untouched). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include "kh_lua_messages.h"
#include "kh_sandbox.h"

static void shown(const char *msg, int syntax, const char *want)
{
    char out[1024];
    kh_lua_message_shown(msg, syntax, out, sizeof out);
    assert_string_equal(out, want);
}

static void test_english_is_lua_text(void **state)
{
    (void)state;
    shown("plan.lua:2: attempt to index a nil value (local 't')", 0,
          "plan.lua:2: attempt to index a nil value (local 't')");
    shown("t.lua:2: bad argument #1 to 'load' (string expected, got function)", 0,
          "t.lua:2: bad argument #1 to 'load' (string expected, got function)");
    /* the author's words before Lua's message are kept */
    shown("t.lua:5: refused: attempt to load a binary chunk (mode is 't')", 0,
          "t.lua:5: refused: attempt to load a binary chunk (mode is 't')");
    /* a template's own text is not Lua's: as it is */
    shown("t.lua:9: this template is for Tuyên Quang", 0, "t.lua:9: this template is for Tuyên Quang");
}

static void test_syntax_hint_and_end_of_file(void **state)
{
    (void)state;
    shown("plan.lua:11: '}' expected (to close '{' at line 2) near 'date'", 1,
          "plan.lua:11: '}' expected (to close '{' at line 2) near 'date': check this line and the one "
          "before it (a comma, a quote or a bracket is often missing)");
    shown("t.lua:2: unexpected symbol near <eof>", 0, "t.lua:2: unexpected symbol at the end of the file");
}

static void test_long_text_is_cut_not_scanned(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *msg = malloc(n + 32);
    assert_non_null(msg);
    strcpy(msg, "plan.lua:1: ");
    for (size_t i = strlen(msg); i < n; i += 2)
        memcpy(msg + i, ": ", 2);
    msg[n] = '\0';
    char out[64];
    kh_lua_message_shown(msg, 0, out, sizeof out);
    assert_int_equal(strncmp(out, "plan.lua:1: : : ", 16), 0);
    assert_true(strlen(out) == sizeof out - 1);
    free(msg);
}

static kh_sandbox *new_sandbox(void)
{
    kh_error err;
    kh_error_clear(&err);
    kh_limits lim = {64u << 20, 100000000LL};
    kh_sandbox *sb = kh_sandbox_new(&lim, &err);
    assert_non_null(sb);
    return sb;
}

/* A chunk name longer than Lua shows (60 bytes): the error's place names it in full. */
static void test_lua_place_names_the_chunk_in_full(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox();
    lua_State *L = kh_sandbox_state(sb);
    const char *name = "/tmp/a/folder/with/a/rather/long/name/for/a/plan/of/this/year/plan.lua";
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    assert_int_equal(kh_sandbox_load(sb, "return {\n  x = 1\n  y = 2 }", 27, name, &err), KH_EXIT_INPUT);
    assert_string_equal(err.file, name);
    assert_int_equal(err.line, 3);
    assert_int_equal(strncmp(err.message, name, strlen(name)), 0);
    assert_non_null(strstr(kh_error_text(&err), "'}' expected"));

    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    assert_int_equal(kh_sandbox_load(sb, "local t\nreturn t.x", 18, name, &err), KH_OK);
    assert_int_equal(kh_sandbox_call(sb, 0, 1, &err), KH_EXIT_INPUT);
    assert_string_equal(err.file, name);
    assert_int_equal(err.line, 2);
    assert_string_equal(kh_error_text(&err), "attempt to index a nil value (local 't')");
    (void)L;
    kh_sandbox_free(sb);
}

/* A text that looks like a place but names no chunk loaded has no place. */
static void test_lookalike_is_no_place(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox();
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    assert_int_equal(kh_sandbox_load(sb, "error('other.lua:7: fake', 0)", 29, "plan.lua", &err), KH_OK);
    assert_int_equal(kh_sandbox_call(sb, 0, 0, &err), KH_EXIT_INPUT);
    assert_string_equal(err.file, "");
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "other.lua:7: fake");
    kh_sandbox_free(sb);
}

static int raise_it(lua_State *L)
{
    kh_error e;
    kh_error_clear(&e);
    kh_error_set_at(&e, KH_EXIT_INPUT, "t.csv", 4, 2, "the row has %d cells", 3);
    kh_error_rule(&e, "table-cells");
    return kh_lua_raise(L, &e);
}

/* kh_lua_raise keeps the place beside the message: a pcall's catcher gets it back. */
static void test_raised_place_comes_back(void **state)
{
    (void)state;
    kh_sandbox *sb = new_sandbox();
    lua_State *L = kh_sandbox_state(sb);
    lua_pushcfunction(L, raise_it);
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_sandbox_call(sb, 0, 0, &err), KH_EXIT_INPUT);
    assert_string_equal(err.message, "t.csv:4:2: the row has 3 cells");
    assert_string_equal(err.file, "t.csv");
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 2);
    assert_string_equal(kh_error_text(&err), "the row has 3 cells");
    assert_string_equal(err.rule, "table-cells");
    kh_sandbox_free(sb);
}

static void test_set_at_and_locate(void **state)
{
    (void)state;
    kh_error e;
    kh_error_clear(&e);
    kh_error_set_at(&e, KH_EXIT_INPUT, "body.txt", 0, 5, "too long");
    assert_string_equal(e.message, "body.txt: too long");   /* no line: no column either */
    assert_int_equal(e.column, 0);
    kh_error_clear(&e);
    kh_error_set(&e, KH_EXIT_INPUT, "%s: cannot open", "plan.lua");
    kh_error_locate(&e, "other.lua");
    assert_string_equal(e.file, "");
    kh_error_locate(&e, "plan.lua");
    assert_string_equal(e.file, "plan.lua");
    assert_string_equal(kh_error_text(&e), "cannot open");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_is_lua_text),
        cmocka_unit_test(test_syntax_hint_and_end_of_file),
        cmocka_unit_test(test_long_text_is_cut_not_scanned),
        cmocka_unit_test(test_lua_place_names_the_chunk_in_full),
        cmocka_unit_test(test_lookalike_is_no_place),
        cmocka_unit_test(test_raised_place_comes_back),
        cmocka_unit_test(test_set_at_and_locate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
