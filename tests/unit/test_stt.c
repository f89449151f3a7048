/* test_stt.c — lua/stt.lua in the sandbox: which rows of a table are numbered, the number each
   gets, and the typed numbers that disagree with it. */
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
#include "kh_builder.h"
#include "kh_sandbox.h"

static int setup(void **state)
{
    kh_error err;
    kh_error_clear(&err);
    kh_limits lim = {64u << 20, 100000000LL};
    kh_sandbox *sb = kh_sandbox_new(&lim, &err);
    if (!sb)
        return -1;
    kh_builder_push_module(kh_sandbox_state(sb));
    kh_sandbox_expose(sb, "kh");
    *state = sb;
    return 0;
}

static int teardown(void **state)
{
    kh_sandbox_free(*state);
    return 0;
}

/* stt.number over ROWS (a Lua list of rows) with the options STT (a Lua table), header_rows 1:
   "L1 L2 … | row:typed≠number …", one label a row ("-": not numbered). */
static const char *number(void **state, const char *rows, const char *stt)
{
    kh_sandbox *sb = *state;
    static char chunk[4096], out[1024];
    snprintf(chunk, sizeof chunk,
             "local stt = require('stt')\n"
             "local rows = %s\n"
             "local numbers, disagree = stt.number({ rows = rows, header_rows = 1, stt = %s })\n"
             "local out, d = {}, {}\n"
             "for r = 1, #rows do out[#out + 1] = numbers[r] or '-' end\n"
             "for _, x in ipairs(disagree) do d[#d + 1] = x.row .. ':' .. x.typed .. '≠' .. x.number end\n"
             "return table.concat(out, ' ') .. ' | ' .. table.concat(d, ' ')\n",
             rows, stt);
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    if (kh_sandbox_load(sb, chunk, strlen(chunk), "test_stt", &err) != KH_OK
        || kh_sandbox_call(sb, 0, 1, &err) != KH_OK)
        fail_msg("%s", err.message);
    lua_State *L = kh_sandbox_state(sb);
    snprintf(out, sizeof out, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    return out;
}

/* The issue as a clerk meets it: 1, 7, 3 typed; the 7 is named, the 3 agrees. */
static void test_typed_numbers(void **state)
{
    assert_string_equal(number(state, "{ {'STT','Việc'}, {'1','a'}, {'7','b'}, {'3','c'}, {'','d'} }", "{}"),
                        "- - - - 4 | 3:7≠2");
    /* "1.", "01", " 2 " are the numbers 1, 1, 2 */
    assert_string_equal(number(state, "{ {'STT','Việc'}, {'1.','a'}, {'02','b'}, {' 3 ','c'}, {'4)','d'} }", "{}"),
                        "- - - - - | ");
}

static void test_words_are_not_numbers(void **state)
{
    /* "Tổng", "^" and "-" are not counted; a row empty but for its STT is not numbered */
    assert_string_equal(number(state,
                               "{ {'STT','Việc','Kết quả'}, {'','a','x'}, {'^','b',''}, {'Tổng','<','<'},"
                               " {'-','c','y'}, {'','',''}, {'7','',''}, {'','d','z'} }", "{}"),
                        "- 1 - - - - - 2 | ");
}

static void test_groups_and_restart(void **state)
{
    const char *rows = "{ {'STT','Việc'}, {'#I','Nhóm một'}, {'','a'}, {'2','b'}, {'##1','Nhóm con'},"
                       " {'','c'}, {'#II','Nhóm hai'}, {'1','d'}, {'','e'} }";
    assert_string_equal(number(state, rows, "{}"), "- - 1 - - 1 - - 2 | ");
    assert_string_equal(number(state, rows, "{ restart = false }"), "- - 1 - - 3 - - 5 | 8:1≠4");
    assert_string_equal(number(state, rows, "{ format = 'group.n' }"), "- - I.1 - - 1.1 - - II.2 | ");
    /* under group.n a typed "I.2" or a bare "2" is the row's number; "I.3" is not */
    assert_string_equal(number(state, "{ {'STT','Việc'}, {'#I','Nhóm'}, {'I.1','a'}, {'2','b'}, {'I.5','c'} }",
                               "{ format = 'group.n' }"),
                        "- - - - - | 5:I.5≠I.3");
}

static void test_roman_and_letters(void **state)
{
    assert_string_equal(number(state, "{ {'STT','Việc'}, {'I','a'}, {'iv','b'}, {'','c'} }", "{ format = 'roman' }"),
                        "- - - III | 3:iv≠II");
    assert_string_equal(number(state, "{ {'STT','Việc'}, {'a)','a'}, {'','b'}, {'','c'}, {'','d'}, {'đ','e'}, {'g','f'} }",
                               "{ format = 'letter' }"),
                        "- - b c d - - | 7:g≠e");
    /* under "n", a Roman numeral is text, not a number */
    assert_string_equal(number(state, "{ {'STT','Việc'}, {'II','a'}, {'','b'} }", "{}"), "- - 1 | ");
}

static void test_other_column_and_headers(void **state)
{
    /* the STT in column 2; the group marks stay in column 1 */
    assert_string_equal(number(state, "{ {'Mã','STT','Việc'}, {'x','','a'}, {'y','5','b'}, {'#I','Nhóm',''}, {'z','','c'} }",
                               "{ column = 2 }"),
                        "- 1 - - 1 | 3:5≠2");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_typed_numbers),
        T(test_words_are_not_numbers),
        T(test_groups_and_restart),
        T(test_roman_and_letters),
        T(test_other_column_and_headers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
