/* test_message.c — untrusted text escaped for one-line messages (kh_message.h, kh_error_set). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kh_error.h"
#include "kh_i18n.h"
#include "kh_message.h"

static const char ellipsis[] = "\xe2\x80\xa6";

static const char *quoted(const char *text)
{
    static char out[KH_MSG_QUOTED_SIZE];
    return kh_msg_quote(out, text);
}

static const char *plain(const char *text, size_t len)
{
    static char out[4096];
    kh_msg_escape(out, sizeof out, text, len, 0, 0);
    return out;
}

/* Nothing a terminal acts on is left: no C0 byte, no DEL, no C1, no bidi, no line separator. */
static void assert_inert(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        assert_false(*p < 0x20 || *p == 0x7F);
        if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            fail_msg("a C1 control is left in '%s'", s);
        if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xA8 && p[2] <= 0xAE)
            fail_msg("U+2028–U+202E is left in '%s'", s);
        if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
            fail_msg("a bidi isolate is left in '%s'", s);
    }
}

static void test_escape_sequences(void **state)
{
    (void)state;
    assert_string_equal(quoted("\x1b[2J\x1b]0;title\x07"), "'\\x1b[2J\\x1b]0;title\\x07'");
    assert_string_equal(quoted("bell\a"), "'bell\\x07'");
    assert_string_equal(quoted("\x01\x02\x08\x0b\x0c\x1f\x7f"), "'\\x01\\x02\\x08\\x0b\\x0c\\x1f\\x7f'");
    assert_string_equal(quoted("a\tb"), "'a\\x09b'");
    assert_inert(quoted("\x1b[31mred\x1b[0m"));
}

static void test_newlines_folded(void **state)
{
    (void)state;
    assert_string_equal(quoted("x\nkehoach: error: fake"), "'x\\nkehoach: error: fake'");
    assert_string_equal(quoted("a\r\nb"), "'a\\x0d\\nb'");
    assert_string_equal(plain("one\ntwo\rthree", 13), "one\\ntwo\\x0dthree");
    assert_null(strchr(quoted("\n\n\n"), '\n'));
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    assert_string_equal(quoted("a\xff" "b"), "'a\\xffb'");
    assert_string_equal(quoted("\xc3"), "'\\xc3'");                     /* cut short */
    assert_string_equal(quoted("\xc0\xaf"), "'\\xc0\\xaf'");             /* overlong '/' */
    assert_string_equal(quoted("\xed\xa0\x80"), "'\\xed\\xa0\\x80'");   /* a surrogate */
    assert_string_equal(quoted("\x80z"), "'\\x80z'");                   /* a lone continuation */
}

static void test_c1_and_bidi(void **state)
{
    (void)state;
    assert_string_equal(quoted("\xc2\x9b" "31m"), "'\\u009b31m'");   /* CSI */
    assert_string_equal(quoted("\xc2\x85"), "'\\u0085'");            /* NEL */
    assert_string_equal(quoted("a\xe2\x80\xae" "cba"), "'a\\u202ecba'");
    assert_string_equal(quoted("\xe2\x81\xa6x\xe2\x81\xa9"), "'\\u2066x\\u2069'");
    assert_string_equal(quoted("\xe2\x80\xa8\xe2\x80\xa9"), "'\\u2028\\u2029'");
    assert_string_equal(quoted("\xe2\x80\x8f"), "'\\u200f'");
    assert_inert(quoted("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae\xe2\x81\xa7\xe2\x81\xa8"));
}

static void test_quotes_and_backslashes(void **state)
{
    (void)state;
    /* The quoted piece cannot be closed early, and "\x1b" typed as text stays distinguishable. */
    assert_string_equal(quoted("it's"), "'it\\'s'");
    assert_string_equal(quoted("\\x1b"), "'\\\\x1b'");
    /* Unquoted (the last pass over a whole message): backslashes and quotes stay as they are. */
    assert_string_equal(plain("'a\\b'", 5), "'a\\b'");
}

static void test_vietnamese_unchanged(void **state)
{
    (void)state;
    const char *vi = "Kế hoạch phát triển kinh tế - xã hội năm 2026 của tỉnh Đắk Lắk: “Ưu tiên” – ỗ ữ ỹ";
    char want[512];
    snprintf(want, sizeof want, "'%s'", vi);
    assert_string_equal(quoted(vi), want);
    assert_string_equal(plain(vi, strlen(vi)), vi);
    /* Decomposed marks are shown as they are: not the escaper's business. */
    assert_string_equal(plain("a\xcc\x81", 3), "a\xcc\x81");
}

static void test_long_text_truncated(void **state)
{
    (void)state;
    char *big = malloc(1 << 20);
    assert_non_null(big);
    memset(big, 'x', (1 << 20) - 1);
    big[(1 << 20) - 1] = '\0';
    const char *q = quoted(big);
    size_t n = strlen(q);
    assert_int_equal(n, 1 + KH_MSG_MAX_CHARS + strlen(ellipsis) + 1);
    assert_memory_equal(q + n - 4, "\xe2\x80\xa6'", 4);
    /* Vietnamese letters count as characters, not bytes, and are never split. */
    for (size_t i = 0; i + 2 < (1 << 20); i += 2)
        memcpy(big + i, "\xc4\x91", 2);   /* đ */
    big[(1 << 20) - 2] = '\0';
    q = quoted(big);
    assert_int_equal(strlen(q), 1 + 2 * KH_MSG_MAX_CHARS + strlen(ellipsis) + 1);
    /* Every character escaped: still at most KH_MSG_MAX_CHARS, still fits the buffer. */
    memset(big, '\x1b', (1 << 20) - 1);
    big[(1 << 20) - 1] = '\0';
    q = quoted(big);
    assert_int_equal(strlen(q), 1 + 4 * KH_MSG_MAX_CHARS + strlen(ellipsis) + 1);
    free(big);
    /* A text exactly at the limit is whole, with no ellipsis. */
    char exact[KH_MSG_MAX_CHARS + 1];
    memset(exact, 'y', KH_MSG_MAX_CHARS);
    exact[KH_MSG_MAX_CHARS] = '\0';
    assert_null(strstr(quoted(exact), ellipsis));
}

static void test_small_buffer(void **state)
{
    (void)state;
    char out[12];
    size_t n = kh_msg_escape(out, sizeof out, "\x1b\x1b\x1b\x1b", 4, 0, KH_MSG_QUOTE);
    assert_int_equal(n, strlen(out));
    assert_true(n < sizeof out);
    assert_string_equal(out, "'\\x1b\xe2\x80\xa6'");   /* whole escapes only, then the ellipsis */
    assert_string_equal(quoted(NULL), "'(null)'");
}

static void test_truncated_input_drops_split_character(void **state)
{
    (void)state;
    char out[64];
    kh_msg_escape(out, sizeof out, "ab\xe1\xbb", 4, 0, KH_MSG_TRUNCATED);   /* "ab" + half of ỗ */
    assert_string_equal(out, "ab\xe2\x80\xa6");
}

static void test_error_set_is_one_clean_line(void **state)
{
    (void)state;
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_error_set(&err, KH_EXIT_INPUT, "plan.lua:3: %s", "bad\n\x1b[31mkehoach: ok\x07"),
                     KH_EXIT_INPUT);
    assert_string_equal(err.message, "plan.lua:3: bad\\n\\x1b[31mkehoach: ok\\x07");
    /* A message far longer than the buffer: cut at a whole character, ends in the ellipsis. */
    char *big = malloc(100000);
    assert_non_null(big);
    for (size_t i = 0; i + 3 < 100000; i += 3)
        memcpy(big + i, "\xe1\xbb\x97", 3);   /* ỗ */
    big[99999] = '\0';
    big[99998] = '\0';
    big[99997] = '\0';
    kh_error_clear(&err);
    kh_error_set(&err, KH_EXIT_INPUT, "t.lua:1: %s", big);
    size_t n = strlen(err.message);
    assert_true(n < sizeof err.message);
    assert_memory_equal(err.message + n - 3, ellipsis, 3);
    assert_inert(err.message);
    for (size_t i = strlen("t.lua:1: "); i + 3 < n; i += 3)
        assert_memory_equal(err.message + i, "\xe1\xbb\x97", 3);
    free(big);
    /* The first error wins: a later one changes nothing. */
    assert_int_equal(kh_error_set(&err, KH_EXIT_IO, "later"), KH_EXIT_INPUT);
    assert_memory_equal(err.message, "t.lua:1: ", 9);
}

/* The message language: LC_ALL, LC_MESSAGES, LANG, the first set; LANGUAGE before them unless
   the locale is C, as gettext reads them. */
static void set_locale_env(const char *all, const char *messages, const char *lang, const char *language)
{
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"};
    const char *values[] = {all, messages, lang, language};
    for (int i = 0; i < 4; i++) {
        if (values[i])
            setenv(names[i], values[i], 1);
        else
            unsetenv(names[i]);
    }
}

static void test_message_language(void **state)
{
    (void)state;
    set_locale_env(NULL, NULL, NULL, NULL);
    assert_false(kh_i18n_environment_vietnamese());
    set_locale_env(NULL, NULL, "vi_VN.UTF-8", NULL);
    assert_true(kh_i18n_environment_vietnamese());
    set_locale_env("C.UTF-8", NULL, "vi_VN.UTF-8", NULL);
    assert_false(kh_i18n_environment_vietnamese());        /* LC_ALL wins over LANG */
    set_locale_env("", "vi_VN", "en_US.UTF-8", NULL);
    assert_true(kh_i18n_environment_vietnamese());         /* an empty LC_ALL is not set */
    set_locale_env(NULL, NULL, "en_US.UTF-8", "vi:en");
    assert_true(kh_i18n_environment_vietnamese());         /* LANGUAGE lists the languages first */
    set_locale_env(NULL, NULL, "vi_VN.UTF-8", "en");
    assert_false(kh_i18n_environment_vietnamese());
    set_locale_env("C", NULL, NULL, "vi");
    assert_false(kh_i18n_environment_vietnamese());        /* under the C locale LANGUAGE is not read */
    set_locale_env(NULL, NULL, "en_US.UTF-8", "en_GB:vi");
    assert_false(kh_i18n_environment_vietnamese());   /* English has no catalogue: the first wins */
    setenv("KEHOACH_LANG", "vi", 1);
    assert_true(kh_i18n_environment_vietnamese());    /* KEHOACH_LANG wins over every locale */
    set_locale_env(NULL, NULL, "vi_VN.UTF-8", NULL);
    setenv("KEHOACH_LANG", "en", 1);
    assert_false(kh_i18n_environment_vietnamese());
    unsetenv("KEHOACH_LANG");
    set_locale_env(NULL, NULL, NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_sequences),
        cmocka_unit_test(test_newlines_folded),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_c1_and_bidi),
        cmocka_unit_test(test_quotes_and_backslashes),
        cmocka_unit_test(test_vietnamese_unchanged),
        cmocka_unit_test(test_long_text_truncated),
        cmocka_unit_test(test_small_buffer),
        cmocka_unit_test(test_truncated_input_drops_split_character),
        cmocka_unit_test(test_error_set_is_one_clean_line),
        cmocka_unit_test(test_message_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
