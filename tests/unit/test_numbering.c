/* test_numbering.c — lua/numbering.lua and lua/vn.lua run in the sandbox, and the date checks of
   kh_plan.h. */
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
#include "kh_plan.h"
#include "kh_sandbox.h"

typedef struct {
    kh_sandbox *sb;
    lua_State *L;
    int numbering, vn;   /* registry references to the module tables */
} fixture;

/* Load NAME as require would, call the chunk, keep what it returns. */
static int load_module(fixture *f, const char *name)
{
    kh_error err;
    kh_error_clear(&err);
    if (kh_sandbox_load_module(f->sb, name, NULL, &err) != KH_OK)
        fail_msg("load %s: %s", name, err.message);
    lua_pushstring(f->L, name);
    if (kh_sandbox_call(f->sb, 1, 1, &err) != KH_OK)
        fail_msg("run %s: %s", name, err.message);
    assert_true(lua_istable(f->L, -1));
    return luaL_ref(f->L, LUA_REGISTRYINDEX);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    kh_error err;
    kh_error_clear(&err);
    kh_limits lim = {256u << 20, 100000000LL};
    f->sb = kh_sandbox_new(&lim, &err);
    if (!f->sb)
        return -1;
    f->L = kh_sandbox_state(f->sb);
    kh_builder_push_module(f->L);
    kh_sandbox_expose(f->sb, "kh");
    *state = f;
    f->numbering = load_module(f, "numbering");
    f->vn = load_module(f, "vn");
    assert_int_equal(lua_gettop(f->L), 0);
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    kh_sandbox_free(f->sb);
    free(f);
    return 0;
}

/* Push MODULE.FN. */
static void push_fn(fixture *f, int module, const char *fn)
{
    lua_rawgeti(f->L, LUA_REGISTRYINDEX, module);
    lua_getfield(f->L, -1, fn);
    lua_remove(f->L, -2);
    if (!lua_isfunction(f->L, -1))
        fail_msg("no function %s", fn);
}

/* Call the function pushed with NARGS arguments; its string result in a static buffer, or NULL
   with the error in ERR. */
static const char *call_str(fixture *f, int nargs, kh_error *err)
{
    static char buf[512];
    kh_error_clear(err);
    if (kh_sandbox_call(f->sb, nargs, 1, err) != KH_OK)
        return NULL;
    if (lua_type(f->L, -1) != LUA_TSTRING)
        fail_msg("expected a string, got %s", luaL_typename(f->L, -1));
    snprintf(buf, sizeof buf, "%s", lua_tostring(f->L, -1));
    lua_pop(f->L, 1);
    return buf;
}

static const char *roman(fixture *f, lua_Integer n)
{
    kh_error err;
    push_fn(f, f->numbering, "roman");
    lua_pushinteger(f->L, n);
    const char *s = call_str(f, 1, &err);
    if (!s)
        fail_msg("roman(%lld): %s", (long long)n, err.message);
    return s;
}

static const char *letter(fixture *f, lua_Integer n)
{
    kh_error err;
    push_fn(f, f->numbering, "letter");
    lua_pushinteger(f->L, n);
    const char *s = call_str(f, 1, &err);
    if (!s)
        fail_msg("letter(%lld): %s", (long long)n, err.message);
    return s;
}

/* An independent Roman numeral: one table per decimal digit. */
static void roman_ref(int n, char *out)
{
    static const char *const th[] = {"", "M", "MM", "MMM"};
    static const char *const hu[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
    static const char *const te[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
    static const char *const on[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    sprintf(out, "%s%s%s%s", th[n / 1000], hu[n / 100 % 10], te[n / 10 % 10], on[n % 10]);
}

/* ---- numbering ---- */

static void test_roman_selected(void **state)
{
    fixture *f = *state;
    assert_string_equal(roman(f, 1), "I");
    assert_string_equal(roman(f, 2), "II");
    assert_string_equal(roman(f, 4), "IV");
    assert_string_equal(roman(f, 5), "V");
    assert_string_equal(roman(f, 9), "IX");
    assert_string_equal(roman(f, 14), "XIV");
    assert_string_equal(roman(f, 40), "XL");
    assert_string_equal(roman(f, 90), "XC");
    assert_string_equal(roman(f, 400), "CD");
    assert_string_equal(roman(f, 1994), "MCMXCIV");
    assert_string_equal(roman(f, 2024), "MMXXIV");
    assert_string_equal(roman(f, 3999), "MMMCMXCIX");
    assert_int_equal(lua_gettop(f->L), 0);   /* the helpers leave the stack as they found it */
}

static void test_roman_every_value(void **state)
{
    fixture *f = *state;
    char want[32];
    for (int n = 1; n <= 3999; n++) {
        roman_ref(n, want);
        const char *got = roman(f, n);
        if (strcmp(got, want) != 0)
            fail_msg("roman(%d) = %s, expected %s", n, got, want);
    }
}

static void test_roman_out_of_range(void **state)
{
    fixture *f = *state;
    kh_error err;
    lua_Integer bad[] = {0, -1, 4000};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        push_fn(f, f->numbering, "roman");
        lua_pushinteger(f->L, bad[i]);
        assert_null(call_str(f, 1, &err));
        assert_non_null(strstr(err.message, "1 to 3999"));
    }
    push_fn(f, f->numbering, "roman");
    lua_pushnumber(f->L, 2.5);
    assert_null(call_str(f, 1, &err));
}

static void test_letters(void **state)
{
    fixture *f = *state;
    static const char *const first[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"};
    for (int n = 1; n <= 10; n++)
        assert_string_equal(letter(f, n), first[n - 1]);
    assert_string_equal(letter(f, 5), "đ");
    assert_string_equal(letter(f, 11), "l");
    assert_string_equal(letter(f, 22), "x");
    assert_string_equal(letter(f, 23), "y");
    assert_string_equal(letter(f, 24), "aa");
    assert_string_equal(letter(f, 28), "đđ");
    assert_string_equal(letter(f, 46), "yy");
    assert_string_equal(letter(f, 47), "aaa");
    /* f, j, w and z are not Vietnamese letters: never used, however long the list */
    for (int n = 1; n <= 300; n++) {
        const char *s = letter(f, n);
        assert_null(strpbrk(s, "fjwz"));
        assert_true(s[0] != '\0');
    }
}

static void test_letter_zero_is_error(void **state)
{
    fixture *f = *state;
    kh_error err;
    push_fn(f, f->numbering, "letter");
    lua_pushinteger(f->L, 0);
    assert_null(call_str(f, 1, &err));
    assert_int_equal(err.status, KH_EXIT_INPUT);
}

static const char *format(fixture *f, const char *style, lua_Integer n, kh_error *err)
{
    push_fn(f, f->numbering, "format");
    lua_pushstring(f->L, style);
    lua_pushinteger(f->L, n);
    return call_str(f, 2, err);
}

static void test_format(void **state)
{
    fixture *f = *state;
    kh_error err;
    assert_string_equal(format(f, "roman", 4, &err), "IV");
    assert_string_equal(format(f, "arabic", 12, &err), "12");
    assert_string_equal(format(f, "letter", 5, &err), "đ");
    assert_string_equal(format(f, "upper-letter", 5, &err), "Đ");
    assert_string_equal(format(f, "upper-letter", 24, &err), "AA");
    assert_null(format(f, "greek", 1, &err));
    assert_non_null(strstr(err.message, "unknown style 'greek'"));
}

/* ---- vn ---- */

/* vn.date{year=Y, month=M, day=D}; D == 0 leaves the day out. */
static void push_date(fixture *f, int y, int m, int d)
{
    lua_createtable(f->L, 0, 3);
    lua_pushinteger(f->L, y);
    lua_setfield(f->L, -2, "year");
    lua_pushinteger(f->L, m);
    lua_setfield(f->L, -2, "month");
    if (d) {
        lua_pushinteger(f->L, d);
        lua_setfield(f->L, -2, "day");
    }
}

static const char *vn_date(fixture *f, int y, int m, int d)
{
    kh_error err;
    push_fn(f, f->vn, "date");
    push_date(f, y, m, d);
    const char *s = call_str(f, 1, &err);
    if (!s)
        fail_msg("vn.date: %s", err.message);
    return s;
}

static void test_vn_blank(void **state)
{
    fixture *f = *state;
    lua_rawgeti(f->L, LUA_REGISTRYINDEX, f->vn);
    lua_getfield(f->L, -1, "BLANK");
    assert_string_equal(lua_tostring(f->L, -1), "      ");
    assert_int_equal(lua_rawlen(f->L, -1), 6);
    lua_pop(f->L, 2);
}

static void test_vn_date(void **state)
{
    fixture *f = *state;
    assert_string_equal(vn_date(f, 2024, 1, 5), "ngày 05 tháng 01 năm 2024");
    assert_string_equal(vn_date(f, 2024, 2, 29), "ngày 29 tháng 02 năm 2024");
    assert_string_equal(vn_date(f, 2026, 6, 15), "ngày 15 tháng 6 năm 2026");
    assert_string_equal(vn_date(f, 2026, 3, 9), "ngày 09 tháng 3 năm 2026");
    assert_string_equal(vn_date(f, 2026, 10, 1), "ngày 01 tháng 10 năm 2026");
    assert_string_equal(vn_date(f, 2026, 12, 31), "ngày 31 tháng 12 năm 2026");
    /* a draft without the day: the blank the clerk fills in by hand, exactly vn.BLANK (six
       spaces) between "ngày" and "tháng" */
    assert_string_equal(vn_date(f, 2026, 6, 0), "ngày" "      " "tháng 6 năm 2026");
    assert_string_equal(vn_date(f, 2026, 1, 0), "ngày" "      " "tháng 01 năm 2026");
}

static void test_vn_date_line(void **state)
{
    fixture *f = *state;
    kh_error err;
    push_fn(f, f->vn, "date_line");
    lua_pushstring(f->L, "Đắk Lắk");
    push_date(f, 2024, 1, 5);
    assert_string_equal(call_str(f, 2, &err), "Đắk Lắk, ngày 05 tháng 01 năm 2024");
    push_fn(f, f->vn, "date_line");
    lua_pushstring(f->L, "Hà Nội");
    push_date(f, 2026, 6, 0);
    assert_string_equal(call_str(f, 2, &err), "Hà Nội, ngày" "      " "tháng 6 năm 2026");
}

static const char *number_line(fixture *f, lua_Integer n, int has_number, const char *symbol)
{
    kh_error err;
    push_fn(f, f->vn, "number_line");
    if (has_number)
        lua_pushinteger(f->L, n);
    else
        lua_pushnil(f->L);
    lua_pushstring(f->L, symbol);
    const char *s = call_str(f, 2, &err);
    if (!s)
        fail_msg("vn.number_line: %s", err.message);
    return s;
}

static void test_vn_number_line(void **state)
{
    fixture *f = *state;
    assert_string_equal(number_line(f, 5, 1, "KH-SXD"), "Số: 05/KH-SXD");
    assert_string_equal(number_line(f, 12, 1, "KH-SXD"), "Số: 12/KH-SXD");
    assert_string_equal(number_line(f, 123, 1, "QĐ-UBND"), "Số: 123/QĐ-UBND");
    /* a draft without the number: "Số:" then vn.BLANK */
    assert_string_equal(number_line(f, 0, 0, "KH-SXD"), "Số:" "      " "/KH-SXD");
}

static const char *sentence_case(fixture *f, const char *s)
{
    kh_error err;
    push_fn(f, f->vn, "sentence_case");
    lua_pushstring(f->L, s);
    const char *r = call_str(f, 1, &err);
    if (!r)
        fail_msg("vn.sentence_case: %s", err.message);
    return r;
}

static void test_vn_sentence_case(void **state)
{
    fixture *f = *state;
    assert_string_equal(sentence_case(f, "KẾ HOẠCH"), "Kế hoạch");
    assert_string_equal(sentence_case(f, "QUYẾT ĐỊNH"), "Quyết định");
    assert_string_equal(sentence_case(f, "ĐỀ ÁN"), "Đề án");
    assert_string_equal(sentence_case(f, "ỦY BAN NHÂN DÂN"), "Ủy ban nhân dân");
    assert_string_equal(sentence_case(f, "tờ trình"), "Tờ trình");
    assert_string_equal(sentence_case(f, "Đ"), "Đ");
    assert_string_equal(sentence_case(f, ""), "");
}

/* ---- kh_plan.h dates ---- */

static void test_parse_date_valid(void **state)
{
    (void)state;
    int y = -1, m = -1, d = -1;
    assert_int_equal(kh_parse_date("2024-02-29", &y, &m, &d), 0);
    assert_int_equal(y, 2024);
    assert_int_equal(m, 2);
    assert_int_equal(d, 29);
    assert_int_equal(kh_parse_date("2000-02-29", &y, &m, &d), 0);
    assert_int_equal(kh_parse_date("2026-12-31", &y, &m, &d), 0);
    assert_int_equal(d, 31);
    assert_int_equal(kh_parse_date("2026-01-01", &y, &m, &d), 0);
    d = -1;
    assert_int_equal(kh_parse_date("2026-06", &y, &m, &d), 0);
    assert_int_equal(y, 2026);
    assert_int_equal(m, 6);
    assert_int_equal(d, 0);
}

static void test_parse_date_invalid(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2023-02-29", "1900-02-29", "2026-02-31", "2026-04-31", "2026-13", "2026-13-01", "2026-00",
        "2026-06-00", "2026-6-1", "2026-06-1", "2026-6", "26-06-01", "2026/06/01", "20260601",
        "2026-06-01x", " 2026-06", "2026-06 ", "2026-+6", "2026--6", "2026-06-+1", "1899-12-31",
        "", "năm 2026", "2026-06-01T00:00",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int y, m, d;
        if (kh_parse_date(bad[i], &y, &m, &d) == 0)
            fail_msg("\"%s\" accepted as %d-%d-%d", bad[i], y, m, d);
    }
}

static void test_days_in_month(void **state)
{
    (void)state;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++)
        assert_int_equal(kh_days_in_month(2026, m), days[m - 1]);
    assert_int_equal(kh_days_in_month(2024, 2), 29);
    assert_int_equal(kh_days_in_month(2023, 2), 28);
    assert_int_equal(kh_days_in_month(2000, 2), 29);
    assert_int_equal(kh_days_in_month(1900, 2), 28);
    assert_int_equal(kh_days_in_month(2100, 2), 28);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_roman_selected),
        T(test_roman_every_value),
        T(test_roman_out_of_range),
        T(test_letters),
        T(test_letter_zero_is_error),
        T(test_format),
        T(test_vn_blank),
        T(test_vn_date),
        T(test_vn_date_line),
        T(test_vn_number_line),
        T(test_vn_sentence_case),
        cmocka_unit_test(test_parse_date_valid),
        cmocka_unit_test(test_parse_date_invalid),
        cmocka_unit_test(test_days_in_month),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
