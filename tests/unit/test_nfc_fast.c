/* test_nfc_fast.c — kh_text_nfc's fast path (text of inert code points is copied, not mapped)
   gives what utf8proc's NFC gives: for every code point alone, for every pair of the code points
   the fast path accepts (a proof for any length: all of them are starters, so composition only
   ever looks at neighbours), and for text that must take the slow path. */
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

/* The fast path's ranges, as kh_text.c states them. */
static int inert(utf8proc_int32_t c)
{
    return c < 0x300 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2010 && c < 0x2070);
}

/* Code points kh_text_check lets through. */
static int allowed(utf8proc_int32_t c)
{
    if (c < 0x20)
        return c == 0x09 || c == 0x0A || c == 0x0D;
    if (c >= 0xD800 && c <= 0xDFFF)
        return 0;
    return c != 0xFFFE && c != 0xFFFF;
}

/* utf8proc's NFC, with the options kh_text_nfc passes to it. */
static char *reference(const char *s, size_t len)
{
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    return n < 0 ? NULL : (char *)out;
}

static int same_as_reference(const char *s, size_t len)
{
    char *a = kh_text_nfc(s, len);
    char *b = reference(s, len);
    int same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

static void every_code_point_alone(void **state)
{
    (void)state;
    char buf[8];
    for (utf8proc_int32_t c = 1; c < 0x30000; c++) {
        if (!allowed(c))
            continue;
        size_t n = (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)buf);
        buf[n] = '\0';
        if (!same_as_reference(buf, n))
            fail_msg("U+%04X alone: kh_text_nfc differs from utf8proc's NFC", (unsigned)c);
    }
}

static void every_pair_of_inert_code_points(void **state)
{
    (void)state;
    static utf8proc_int32_t list[0x1000];
    size_t n = 0;
    for (utf8proc_int32_t c = 1; c < 0x2070; c++)
        if (inert(c) && allowed(c))
            list[n++] = c;
    char buf[16];
    for (size_t i = 0; i < n; i++) {
        size_t a = (size_t)utf8proc_encode_char(list[i], (utf8proc_uint8_t *)buf);
        for (size_t j = 0; j < n; j++) {
            size_t len = a + (size_t)utf8proc_encode_char(list[j], (utf8proc_uint8_t *)buf + a);
            buf[len] = '\0';
            char *ref = reference(buf, len);
            assert_non_null(ref);
            if (strcmp(ref, buf) != 0)   /* the fast path would copy it as it is */
                fail_msg("U+%04X U+%04X: not NFC as it stands", (unsigned)list[i], (unsigned)list[j]);
            free(ref);
        }
    }
}

static void slow_path_still_composes(void **state)
{
    (void)state;
    /* "a" + combining acute, "ư" + combining dot below, "Ð" + combining hook: composed. */
    const char *cases[][2] = {
        { "a\xCC\x81", "\xC3\xA1" },                       /* á */
        { "\xC6\xB0\xCC\xA3", "\xE1\xBB\xB1" },             /* ự */
        { "Vi\xC3\xAA\xCC\xA3t Nam", "Vi\xE1\xBB\x87t Nam" }, /* Việt */
        { "\xE2\x84\xA6", "\xCE\xA9" },                     /* Ohm sign → Omega */
        { "K\xE1\xBA\xBF ho\xE1\xBA\xA1""ch", "K\xE1\xBA\xBF ho\xE1\xBA\xA1""ch" },   /* Kế hoạch, as is */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = kh_text_nfc(cases[i][0], strlen(cases[i][0]));
        assert_non_null(out);
        assert_string_equal(out, cases[i][1]);
        free(out);
    }
    /* Invalid UTF-8 is still refused. */
    assert_null(kh_text_nfc("\xC3", 1));
    assert_null(kh_text_nfc("a\x01", 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_code_point_alone),
        cmocka_unit_test(every_pair_of_inert_code_points),
        cmocka_unit_test(slow_path_still_composes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
