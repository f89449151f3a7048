/* test_units.c — the unit conversions and the strings the formats write them as (kh_units). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "kh_units.h"

static void test_to_twips(void **state)
{
    (void)state;
    assert_int_equal(kh_twips_from_mm(0), 0);
    assert_int_equal(kh_twips_from_mm(10), 567);        /* 566.93 */
    assert_int_equal(kh_twips_from_mm(20), 1134);       /* 1133.86 */
    assert_int_equal(kh_twips_from_mm(30), 1701);
    assert_int_equal(kh_twips_from_mm(210), 11906);     /* A4 */
    assert_int_equal(kh_twips_from_mm(297), 16838);
    assert_int_equal(kh_twips_from_mm(-10), -567);      /* a hanging indent */
    assert_int_equal(kh_twips_from_mm(25.4), 1440);
    assert_int_equal(kh_twips_from_cm(2.54), 1440);
    assert_int_equal(kh_twips_from_cm(1), 567);
    assert_int_equal(kh_twips_from_pt(0), 0);
    assert_int_equal(kh_twips_from_pt(6), 120);
    assert_int_equal(kh_twips_from_pt(0.025), 1);       /* a half rounds away from zero */
    assert_int_equal(kh_twips_from_pt(0.024), 0);
    assert_int_equal(kh_twips_from_pt(-0.025), -1);
    assert_int_equal(kh_twips_from_pt(-3), -60);
}

static void test_sizes_and_lines(void **state)
{
    (void)state;
    assert_int_equal(kh_half_points_from_pt(14), 28);
    assert_int_equal(kh_half_points_from_pt(13.5), 27);
    assert_int_equal(kh_half_points_from_pt(13.25), 27);  /* 26.5 away from zero */
    assert_int_equal(kh_half_points_from_pt(13.2), 26);
    assert_int_equal(kh_eighths_from_pt(0.5), 4);
    assert_int_equal(kh_eighths_from_pt(1.5), 12);
    assert_int_equal(kh_eighths_from_pt(0), 0);
    assert_int_equal(kh_lines240_from_lines(1), 240);
    assert_int_equal(kh_lines240_from_lines(1.15), 276);
    assert_int_equal(kh_lines240_from_lines(1.5), 360);
    /* a border's eighths in twips, halves up: 4 → 10, 3 → 7.5 → 8, 1 → 2.5 → 3 */
    assert_int_equal(kh_twips_from_eighths(4), 10);
    assert_int_equal(kh_twips_from_eighths(3), 8);
    assert_int_equal(kh_twips_from_eighths(1), 3);
    assert_int_equal(kh_twips_from_eighths(0), 0);
}

static void test_from_twips(void **state)
{
    (void)state;
    assert_true(kh_pt_from_twips(30) == 1.5);
    assert_true(kh_pt_from_twips(-20) == -1.0);
    assert_true(kh_pt_from_half_points(27) == 13.5);
    assert_true(kh_pt_from_eighths(4) == 0.5);
    assert_true(kh_in_from_twips(720) == 0.5);
    assert_true(kh_mm_from_twips(1440) > 25.3999 && kh_mm_from_twips(1440) < 25.4001);
    assert_true(kh_percent_from_lines240(276) == 115.0);
    assert_true(kh_emu_from_twips(1440) == 914400);
    assert_true(kh_emu_from_twips(-1) == -635);
    assert_true(kh_emu_from_twips(2000000000) == 1270000000000LL);   /* no int overflow */
}

static void assert_fmt(void (*f)(char *, size_t, int), int v, const char *want)
{
    char buf[32];
    f(buf, sizeof buf, v);
    assert_string_equal(buf, want);
}

static void test_odf_strings(void **state)
{
    (void)state;
    assert_fmt(kh_fmt_cm, 0, "0cm");
    assert_fmt(kh_fmt_cm, 567, "1.0001cm");     /* 1.000125: four decimals */
    assert_fmt(kh_fmt_cm, 1440, "2.54cm");      /* trailing zeros dropped */
    assert_fmt(kh_fmt_cm, 11906, "21.0009cm");   /* 21.000861 */
    assert_fmt(kh_fmt_cm, -567, "-1.0001cm");
    assert_fmt(kh_fmt_cm, -1, "-0.0018cm");
    assert_fmt(kh_fmt_in, 1440, "1in");         /* and a lone point */
    assert_fmt(kh_fmt_in, 720, "0.5in");
    assert_fmt(kh_fmt_percent, 240, "100%");
    assert_fmt(kh_fmt_percent, 276, "115%");
    assert_fmt(kh_fmt_percent, 250, "104.17%");
    char buf[32];
    kh_fmt_pt(buf, sizeof buf, 0.5);
    assert_string_equal(buf, "0.5pt");
    kh_fmt_pt(buf, sizeof buf, 13);
    assert_string_equal(buf, "13pt");
    kh_fmt_pt(buf, sizeof buf, -0.0001);        /* rounds to -0: written 0 */
    assert_string_equal(buf, "0pt");
    kh_fmt_pt(buf, sizeof buf, 1.0 / 3);
    assert_string_equal(buf, "0.333pt");
    kh_fmt_number(buf, 4, 123.5, 1, "cm");      /* cut to the buffer, still terminated */
    assert_string_equal(buf, "123");
}

static void test_colours(void **state)
{
    (void)state;
    assert_true(kh_color_valid(0));
    assert_true(kh_color_valid(0xFFFFFF));
    assert_false(kh_color_valid(0x1000000));
    assert_false(kh_color_valid(-1));
    assert_true(kh_shade_valid(0));
    assert_true(kh_shade_valid(100));
    assert_false(kh_shade_valid(101));
    assert_false(kh_shade_valid(150));
    assert_false(kh_shade_valid(-1));
    assert_int_equal(kh_shade_grey(0), 0xFFFFFF);
    assert_int_equal(kh_shade_grey(100), 0x000000);
    assert_int_equal(kh_shade_grey(15), 0xD9D9D9);   /* 255 - 38 = 217 */
    assert_int_equal(kh_shade_grey(50), 0x808080);   /* 255 - 127 = 128 */
    assert_int_equal(kh_shade_grey(1), 0xFDFDFD);    /* 255 - 2 = 253 */
    char buf[16];
    kh_fmt_rrggbb(buf, sizeof buf, 0xD9D9D9);
    assert_string_equal(buf, "D9D9D9");
    kh_fmt_rrggbb(buf, sizeof buf, 0xFF);
    assert_string_equal(buf, "0000FF");
    kh_fmt_hash_rgb(buf, sizeof buf, 0xFF0000);
    assert_string_equal(buf, "#FF0000");
    kh_fmt_hash_rgb(buf, sizeof buf, 0);
    assert_string_equal(buf, "#000000");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_to_twips),
        cmocka_unit_test(test_sizes_and_lines),
        cmocka_unit_test(test_from_twips),
        cmocka_unit_test(test_odf_strings),
        cmocka_unit_test(test_colours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
