/* test_text.c — UTF-8 checks, NFC and Vietnamese case mapping (kh_text.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>
#include "kh_text.h"

/* ---- helpers ---- */

static void check_upper(const char *in, const char *expected)
{
    char *u = kh_text_upper(in, strlen(in));
    assert_non_null(u);
    assert_string_equal(u, expected);
    free(u);
}

static void check_lower(const char *in, const char *expected)
{
    char *u = kh_text_lower(in, strlen(in));
    assert_non_null(u);
    assert_string_equal(u, expected);
    free(u);
}

/* Append code point C as UTF-8. */
static size_t put_cp(char *out, utf8proc_int32_t c)
{
    return (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out);
}

/* NFC of a base letter followed by an optional combining tone mark, built with utf8proc alone. */
static char *compose(utf8proc_int32_t base, utf8proc_int32_t tone)
{
    char tmp[16];
    size_t n = put_cp(tmp, base);
    if (tone)
        n += put_cp(tmp + n, tone);
    tmp[n] = '\0';
    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)tmp);
    assert_non_null(nfc);
    return nfc;
}

static int is_nfc(const char *s)
{
    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
    int same = nfc && strcmp(nfc, s) == 0;
    free(nfc);
    return same;
}

/* Every code point of S is upper-case or not a letter that has an upper-case form. */
static int all_upper(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s);
    while (len > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(p, len, &c);
        if (n <= 0)
            return 0;
        if (utf8proc_category(c) == UTF8PROC_CATEGORY_LL || utf8proc_toupper(c) != c)
            return 0;
        p += n;
        len -= n;
    }
    return 1;
}

static size_t count_cps(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* The Vietnamese vowels, lower and upper case: a ă â e ê i o ô ơ u ư y. */
static const utf8proc_int32_t LOWER_VOWELS[] = {'a', 0x103, 0xE2, 'e', 0xEA, 'i', 'o', 0xF4, 0x1A1, 'u', 0x1B0, 'y'};
static const utf8proc_int32_t UPPER_VOWELS[] = {'A', 0x102, 0xC2, 'E', 0xCA, 'I', 'O', 0xD4, 0x1A0, 'U', 0x1AF, 'Y'};
/* no tone, huyền, sắc, hỏi, ngã, nặng */
static const utf8proc_int32_t TONES[] = {0, 0x300, 0x301, 0x309, 0x303, 0x323};
#define NVOWELS (sizeof LOWER_VOWELS / sizeof *LOWER_VOWELS)
#define NTONES (sizeof TONES / sizeof *TONES)

/* ---- upper ---- */

static void test_upper_samples(void **state)
{
    (void)state;
    check_upper("ư", "Ư");
    check_upper("đ", "Đ");
    check_upper("ỗ", "Ỗ");
    check_upper("ặ", "Ặ");
    check_upper("ữ", "Ữ");
    check_upper("ỳ", "Ỳ");
    check_upper("ơ", "Ơ");
    check_upper("ẫ", "Ẫ");
    check_upper("ệ", "Ệ");
    check_upper("ị", "Ị");
    check_upper("ỹ", "Ỹ");
    check_upper("cộng hòa xã hội chủ nghĩa việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    check_upper("độc lập - tự do - hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC");
    check_upper("kế hoạch số 05/KH-SXD", "KẾ HOẠCH SỐ 05/KH-SXD");
    check_upper("", "");
}

static void test_upper_every_vietnamese_letter(void **state)
{
    (void)state;
    char all_lower[1024] = "", all_expected[1024] = "";
    size_t checked = 0;
    for (size_t v = 0; v < NVOWELS; v++)
        for (size_t t = 0; t < NTONES; t++) {
            char *lower = compose(LOWER_VOWELS[v], TONES[t]);
            char *upper = compose(UPPER_VOWELS[v], TONES[t]);
            /* every Vietnamese letter exists precomposed */
            assert_int_equal(count_cps(lower), 1);
            assert_int_equal(count_cps(upper), 1);
            char *got = kh_text_upper(lower, strlen(lower));
            assert_non_null(got);
            if (strcmp(got, upper) != 0)
                fail_msg("upper(%s) = %s, expected %s", lower, got, upper);
            assert_true(is_nfc(got));
            assert_true(all_upper(got));
            /* the upper case of an upper-case letter is itself */
            char *again = kh_text_upper(upper, strlen(upper));
            assert_string_equal(again, upper);
            strcat(all_lower, lower);
            strcat(all_expected, upper);
            free(again);
            free(got);
            free(lower);
            free(upper);
            checked++;
        }
    assert_int_equal(checked, 72);
    strcat(all_lower, "đ");
    strcat(all_expected, "Đ");

    /* the whole set at once */
    char *got = kh_text_upper(all_lower, strlen(all_lower));
    assert_non_null(got);
    assert_string_equal(got, all_expected);
    assert_true(is_nfc(got));
    assert_true(all_upper(got));
    assert_int_equal(count_cps(got), 73);
    free(got);
}

static void test_upper_of_decomposed_input(void **state)
{
    (void)state;
    /* the whole set in NFD: the tone marks must end up on the upper-case letter, precomposed */
    for (size_t v = 0; v < NVOWELS; v++)
        for (size_t t = 1; t < NTONES; t++) {
            char *lower = compose(LOWER_VOWELS[v], TONES[t]);
            char *nfd = (char *)utf8proc_NFD((const utf8proc_uint8_t *)lower);
            char *upper = compose(UPPER_VOWELS[v], TONES[t]);
            char *got = kh_text_upper(nfd, strlen(nfd));
            assert_non_null(got);
            assert_string_equal(got, upper);
            free(got);
            free(upper);
            free(nfd);
            free(lower);
        }
    check_upper("vie\xcc\xa3\xcc\x82t nam", "VIỆT NAM");
    check_upper("d\xcc\x9b", "D\xcc\x9b");   /* no precomposed form: stays combined, NFC */
}

static void test_upper_refuses_invalid(void **state)
{
    (void)state;
    assert_null(kh_text_upper("a\xff", 2));
    assert_null(kh_text_lower("a\xed\xa0\x80", 4));
    assert_null(kh_text_nfc("\xc0\xaf", 2));
}

/* ---- lower ---- */

static void test_lower(void **state)
{
    (void)state;
    check_lower("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng hòa xã hội chủ nghĩa việt nam");
    check_lower("Đ", "đ");
    check_lower("Ư", "ư");
    check_lower("ỖẶỮỲ", "ỗặữỳ");
    check_lower("KẾ HOẠCH 05/KH", "kế hoạch 05/kh");
    for (size_t v = 0; v < NVOWELS; v++)
        for (size_t t = 0; t < NTONES; t++) {
            char *lower = compose(LOWER_VOWELS[v], TONES[t]);
            char *upper = compose(UPPER_VOWELS[v], TONES[t]);
            char *got = kh_text_lower(upper, strlen(upper));
            assert_non_null(got);
            assert_string_equal(got, lower);
            free(got);
            free(lower);
            free(upper);
        }
}

/* ---- NFC ---- */

static void test_nfc(void **state)
{
    (void)state;
    /* "Việt" decomposed, in both orders of the two marks */
    const char *nfd1 = "Vie\xcc\x82\xcc\xa3t";
    const char *nfd2 = "Vie\xcc\xa3\xcc\x82t";
    char *a = kh_text_nfc(nfd1, strlen(nfd1));
    char *b = kh_text_nfc(nfd2, strlen(nfd2));
    assert_string_equal(a, "Vi\xe1\xbb\x87t");
    assert_string_equal(b, "Vi\xe1\xbb\x87t");
    assert_string_equal(a, "Việt");
    free(a);
    free(b);

    /* already NFC: unchanged, byte for byte */
    const char *s = "Hà Nội, ngày 05 tháng 01 năm 2024";
    char *c = kh_text_nfc(s, strlen(s));
    assert_string_equal(c, s);
    free(c);

    /* LEN is respected: no read past it */
    char *d = kh_text_nfc("abcdef", 3);
    assert_string_equal(d, "abc");
    free(d);

    char *e = kh_text_nfc("", 0);
    assert_non_null(e);
    assert_string_equal(e, "");
    free(e);

    /* "Đắk Lắk" with combining marks */
    const char *dak = "\xc4\x90\x61\xcc\x86\xcc\x81k La\xcc\x86\xcc\x81k";
    char *f = kh_text_nfc(dak, strlen(dak));
    assert_string_equal(f, "Đắk Lắk");
    free(f);
}

/* ---- check ---- */

static void expect_status(const char *s, size_t len, kh_text_status st, size_t offset)
{
    size_t off = (size_t)-1;
    kh_text_status got = kh_text_check(s, len, &off);
    if (got != st) {
        char hex[128] = "";
        for (size_t i = 0; i < len && i < 32; i++)
            snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%02X ", (unsigned char)s[i]);
        fail_msg("kh_text_check(%s): status %d, expected %d (offset %zu)", hex, got, st, off);
    }
    if (st != KH_TEXT_OK)
        assert_int_equal(off, offset);
}

static void test_check_rejects_bad_utf8(void **state)
{
    (void)state;
    expect_status("ab\xff", 3, KH_TEXT_BAD_UTF8, 2);
    expect_status("\x80", 1, KH_TEXT_BAD_UTF8, 0);              /* lone continuation */
    expect_status("Vi\xe1\xbb", 4, KH_TEXT_BAD_UTF8, 2);        /* truncated */
    expect_status("a\xe1\x41\x41", 4, KH_TEXT_BAD_UTF8, 1);     /* missing continuation */
    /* overlong forms */
    expect_status("\xc0\xaf", 2, KH_TEXT_BAD_UTF8, 0);
    expect_status("\xc1\xbf", 2, KH_TEXT_BAD_UTF8, 0);
    expect_status("x\xe0\x80\xaf", 4, KH_TEXT_BAD_UTF8, 1);
    expect_status("\xe0\x9f\xbf", 3, KH_TEXT_BAD_UTF8, 0);
    expect_status("\xf0\x80\x80\xaf", 4, KH_TEXT_BAD_UTF8, 0);
    expect_status("\xf0\x8f\xbf\xbf", 4, KH_TEXT_BAD_UTF8, 0);
    /* encoded surrogates */
    expect_status("\xed\xa0\x80", 3, KH_TEXT_BAD_UTF8, 0);
    expect_status("ok\xed\xbf\xbf", 5, KH_TEXT_BAD_UTF8, 2);
    /* past U+10FFFF, and bytes that never occur */
    expect_status("\xf4\x90\x80\x80", 4, KH_TEXT_BAD_UTF8, 0);
    expect_status("\xf5\x80\x80\x80", 4, KH_TEXT_BAD_UTF8, 0);
    expect_status("\xfe", 1, KH_TEXT_BAD_UTF8, 0);
    /* the offset counts bytes, after multi-byte characters */
    expect_status("Việt\xff", 7, KH_TEXT_BAD_UTF8, 6);
}

static void test_check_rejects_forbidden_characters(void **state)
{
    (void)state;
    for (int c = 0; c < 0x20; c++) {
        char s[3] = {'a', (char)c, 'b'};
        if (c == '\t' || c == '\n' || c == '\r')
            expect_status(s, 3, KH_TEXT_OK, 0);
        else
            expect_status(s, 3, KH_TEXT_FORBIDDEN, 1);
    }
    expect_status("\xef\xbf\xbe", 3, KH_TEXT_FORBIDDEN, 0);    /* U+FFFE */
    expect_status("ab\xef\xbf\xbf", 5, KH_TEXT_FORBIDDEN, 2);  /* U+FFFF */
    expect_status("Việt\x0b", 7, KH_TEXT_FORBIDDEN, 6);
    /* a NUL inside the length is refused, not taken as the end */
    expect_status("ab\0cd", 5, KH_TEXT_FORBIDDEN, 2);
}

static void test_check_accepts_valid_text(void **state)
{
    (void)state;
    const char *ok[] = {
        "\t\n\r",
        "Cộng hòa xã hội chủ nghĩa Việt Nam\r\n",
        "\x7f",                    /* DEL: XML 1.0 allows it */
        "\xc2\x80",                /* U+0080 */
        "\xef\xbf\xbd",            /* U+FFFD */
        "\xee\x80\x80",            /* U+E000, private use */
        "\xf0\x9f\x98\x80",        /* U+1F600 */
        "\xf4\x8f\xbf\xbf",        /* U+10FFFF */
        "\xed\x9f\xbf",            /* U+D7FF, just below the surrogates */
        "",
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        expect_status(ok[i], strlen(ok[i]), KH_TEXT_OK, 0);
    /* the offset pointer may be NULL */
    assert_int_equal(kh_text_check("\xff", 1, NULL), KH_TEXT_BAD_UTF8);
    /* only LEN bytes are checked */
    assert_int_equal(kh_text_check("ab\xff", 2, NULL), KH_TEXT_OK);
}

static void test_status_message(void **state)
{
    (void)state;
    assert_string_equal(kh_text_status_message(KH_TEXT_BAD_UTF8), "invalid UTF-8");
    assert_true(strlen(kh_text_status_message(KH_TEXT_FORBIDDEN)) > 0);
    assert_string_not_equal(kh_text_status_message(KH_TEXT_FORBIDDEN),
                            kh_text_status_message(KH_TEXT_BAD_UTF8));
}

/* ---- position ---- */

static void test_position(void **state)
{
    (void)state;
    int l, c;
    kh_text_position("abc", 0, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 1);
    kh_text_position("ab\ncd", 4, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 2);
    kh_text_position("ab\ncd", 3, &l, &c);   /* just after the line break */
    assert_int_equal(l, 2);
    assert_int_equal(c, 1);
    kh_text_position("ab\ncd", 2, &l, &c);   /* the line break itself */
    assert_int_equal(l, 1);
    assert_int_equal(c, 3);
    kh_text_position("a\n\n\nb", 4, &l, &c);
    assert_int_equal(l, 4);
    assert_int_equal(c, 1);
    /* columns count characters: "Việt x", 'x' at byte 7 is the 6th character */
    kh_text_position("Việt x", 7, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 6);
    kh_text_position("đ\nĐắk Lắk!", strlen("đ\nĐắk Lắk"), &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 8);
    /* CRLF: the CR is the last character of its line */
    kh_text_position("ab\r\ncd", 5, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_upper_samples),
        cmocka_unit_test(test_upper_every_vietnamese_letter),
        cmocka_unit_test(test_upper_of_decomposed_input),
        cmocka_unit_test(test_upper_refuses_invalid),
        cmocka_unit_test(test_lower),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_check_rejects_bad_utf8),
        cmocka_unit_test(test_check_rejects_forbidden_characters),
        cmocka_unit_test(test_check_accepts_valid_text),
        cmocka_unit_test(test_status_message),
        cmocka_unit_test(test_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
