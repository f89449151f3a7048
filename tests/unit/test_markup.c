/* test_markup.c — the body markup parser (kh_markup_parse, kh_markup_inline). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kh_markup.h"

/* ---- helpers ---- */

static void parse_ok(const char *src, kh_markup *m)
{
    kh_error err;
    kh_error_clear(&err);
    int rc = kh_markup_parse(src, strlen(src), "body.txt", m, &err);
    if (rc != KH_OK)
        fail_msg("unexpected error: %s", err.message);
    assert_int_equal(err.status, KH_OK);
}

/* Parse SRC expecting a failure; the message goes to ERR. */
static void parse_fail(const char *src, size_t len, kh_error *err)
{
    kh_markup m;
    kh_error_clear(err);
    int rc = kh_markup_parse(src, len, "body.txt", &m, err);
    assert_int_equal(rc, KH_EXIT_INPUT);
    assert_int_equal(err->status, KH_EXIT_INPUT);
    assert_int_equal(m.nblocks, 0);   /* nothing half-built is handed back */
    assert_null(m.blocks);
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, hay);
}

static void assert_starts(const char *hay, const char *prefix)
{
    if (strncmp(hay, prefix, strlen(prefix)) != 0)
        fail_msg("expected \"%s\" to start with \"%s\"", hay, prefix);
}

/* The text of a block, spans joined (formatting ignored). */
static const char *block_text(const kh_mk_block *b)
{
    static char buf[1024];
    buf[0] = '\0';
    for (size_t i = 0; i < b->content.nspans; i++)
        strncat(buf, b->content.spans[i].text, sizeof buf - strlen(buf) - 1);
    return buf;
}

static void assert_block(const kh_mk_block *b, kh_mk_kind kind, int level, kh_mark mark, const char *text)
{
    assert_int_equal(b->kind, kind);
    if (kind == KH_MK_HEADING)
        assert_int_equal(b->level, level);
    assert_int_equal(b->mark, mark);
    assert_string_equal(block_text(b), text);
}

static void assert_span(const kh_span *s, const char *text, int bold, int italic)
{
    assert_string_equal(s->text, text);
    assert_int_equal(!!s->bold, bold);
    assert_int_equal(!!s->italic, italic);
}

/* ---- headings ---- */

static void test_headings_three_levels(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("# Phần một\n## Mục hai\n### Tiểu mục ba  \n", &m);
    assert_int_equal(m.nblocks, 3);
    assert_block(&m.blocks[0], KH_MK_HEADING, 1, KH_MARK_NONE, "Phần một");
    assert_block(&m.blocks[1], KH_MK_HEADING, 2, KH_MARK_NONE, "Mục hai");
    assert_block(&m.blocks[2], KH_MK_HEADING, 3, KH_MARK_NONE, "Tiểu mục ba");
    assert_int_equal(m.blocks[0].line, 1);
    assert_int_equal(m.blocks[1].line, 2);
    assert_int_equal(m.blocks[2].line, 3);
    kh_markup_free(&m);
}

static void test_heading_ends_at_line_end(void **state)
{
    (void)state;
    kh_markup m;
    /* the line after a heading starts a paragraph; a paragraph line before '#' ends there */
    parse_ok("Mở đầu\n## MỤC TIÊU\nNội dung tiếp theo\n", &m);
    assert_int_equal(m.nblocks, 3);
    assert_block(&m.blocks[0], KH_MK_PARA, 0, KH_MARK_NONE, "Mở đầu");
    assert_block(&m.blocks[1], KH_MK_HEADING, 2, KH_MARK_NONE, "MỤC TIÊU");
    assert_block(&m.blocks[2], KH_MK_PARA, 0, KH_MARK_NONE, "Nội dung tiếp theo");
    assert_int_equal(m.blocks[2].line, 3);
    kh_markup_free(&m);
}

static void test_hash_without_space_is_text(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("#5 là mã số\n", &m);
    assert_int_equal(m.nblocks, 1);
    assert_block(&m.blocks[0], KH_MK_PARA, 0, KH_MARK_NONE, "#5 là mã số");
    kh_markup_free(&m);
}

static void test_four_hashes_is_error(void **state)
{
    (void)state;
    kh_error err;
    const char *src = "Đoạn đầu\n\n  #### Bốn cấp\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:3:3:");
    assert_contains(err.message, "three levels");

    src = "##### Năm\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:1:1:");
}

static void test_heading_without_text_is_error(void **state)
{
    (void)state;
    kh_error err;
    const char *src = "Đoạn\n\n##\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:3:1:");
    assert_contains(err.message, "title");

    src = "# \t \n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:1:1:");

    src = "x\n ###\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:2:2:");
}

/* ---- numbered paragraphs ---- */

static void test_item_markers(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("1. Mục một\n"
             "1.1. Tiểu mục\n"
             "a) Điểm a\n"
             "đ) Điểm đ\n"
             "- Gạch đầu dòng\n"
             "+ Dấu cộng\n"
             "12. Số hai chữ số\n"
             "3.10. Số phụ hai chữ số\n", &m);
    assert_int_equal(m.nblocks, 8);
    assert_block(&m.blocks[0], KH_MK_ITEM, 0, KH_MARK_NUMBER, "Mục một");
    assert_block(&m.blocks[1], KH_MK_ITEM, 0, KH_MARK_SUBNUMBER, "Tiểu mục");
    assert_block(&m.blocks[2], KH_MK_ITEM, 0, KH_MARK_LETTER, "Điểm a");
    assert_block(&m.blocks[3], KH_MK_ITEM, 0, KH_MARK_LETTER, "Điểm đ");
    assert_block(&m.blocks[4], KH_MK_ITEM, 0, KH_MARK_DASH, "Gạch đầu dòng");
    assert_block(&m.blocks[5], KH_MK_ITEM, 0, KH_MARK_PLUS, "Dấu cộng");
    assert_block(&m.blocks[6], KH_MK_ITEM, 0, KH_MARK_NUMBER, "Số hai chữ số");
    assert_block(&m.blocks[7], KH_MK_ITEM, 0, KH_MARK_SUBNUMBER, "Số phụ hai chữ số");
    for (size_t i = 0; i < m.nblocks; i++)
        assert_int_equal(m.blocks[i].line, (int)i + 1);
    kh_markup_free(&m);
}

/* "1.500 tỷ đồng" opens a sentence with a number (Vietnamese thousands use a dot): only
   "1.1." with its final dot is a marker. */
static void test_decimal_is_not_marker(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("1.500 tỷ đồng là kinh phí.\n\n1.2 triệu lượt truy cập.\n", &m);
    assert_int_equal(m.nblocks, 2);
    assert_block(&m.blocks[0], KH_MK_PARA, 0, KH_MARK_NONE, "1.500 tỷ đồng là kinh phí.");
    assert_block(&m.blocks[1], KH_MK_PARA, 0, KH_MARK_NONE, "1.2 triệu lượt truy cập.");
    kh_markup_free(&m);
}

static void test_marker_needs_space(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("-5 độ C\n\n1.x\n\na)b\n", &m);
    assert_int_equal(m.nblocks, 3);
    assert_block(&m.blocks[0], KH_MK_PARA, 0, KH_MARK_NONE, "-5 độ C");
    assert_block(&m.blocks[1], KH_MK_PARA, 0, KH_MARK_NONE, "1.x");
    assert_block(&m.blocks[2], KH_MK_PARA, 0, KH_MARK_NONE, "a)b");
    kh_markup_free(&m);
}

static void test_item_continuation(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("a) Điểm thứ nhất\n   viết tiếp dòng hai\nvà dòng ba\nb) Điểm thứ hai\n", &m);
    assert_int_equal(m.nblocks, 2);
    assert_block(&m.blocks[0], KH_MK_ITEM, 0, KH_MARK_LETTER, "Điểm thứ nhất viết tiếp dòng hai và dòng ba");
    assert_block(&m.blocks[1], KH_MK_ITEM, 0, KH_MARK_LETTER, "Điểm thứ hai");
    assert_int_equal(m.blocks[1].line, 4);
    kh_markup_free(&m);
}

/* ---- paragraphs ---- */

static void test_plain_paragraphs_and_blank_lines(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("\n\nDòng một\nDòng hai\n\n   \t\n\nĐoạn hai\n\n", &m);
    assert_int_equal(m.nblocks, 2);
    assert_block(&m.blocks[0], KH_MK_PARA, 0, KH_MARK_NONE, "Dòng một Dòng hai");
    assert_block(&m.blocks[1], KH_MK_PARA, 0, KH_MARK_NONE, "Đoạn hai");
    assert_int_equal(m.blocks[0].line, 3);
    assert_int_equal(m.blocks[1].line, 8);
    kh_markup_free(&m);
}

static void test_no_trailing_newline(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("Một\nhai", &m);
    assert_int_equal(m.nblocks, 1);
    assert_block(&m.blocks[0], KH_MK_PARA, 0, KH_MARK_NONE, "Một hai");
    kh_markup_free(&m);
}

static void test_empty_text(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("", &m);
    assert_int_equal(m.nblocks, 0);
    kh_markup_free(&m);
    parse_ok("\n\n  \n", &m);
    assert_int_equal(m.nblocks, 0);
    kh_markup_free(&m);
}

/* ---- inline ---- */

static void test_bold_and_italic(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("Có **chữ đậm** và *chữ nghiêng* rồi ***cả hai***.\n", &m);
    assert_int_equal(m.nblocks, 1);
    const kh_spans *s = &m.blocks[0].content;
    assert_int_equal(s->nspans, 7);
    assert_span(&s->spans[0], "Có ", 0, 0);
    assert_span(&s->spans[1], "chữ đậm", 1, 0);
    assert_span(&s->spans[2], " và ", 0, 0);
    assert_span(&s->spans[3], "chữ nghiêng", 0, 1);
    assert_span(&s->spans[4], " rồi ", 0, 0);
    assert_span(&s->spans[5], "cả hai", 1, 1);
    assert_span(&s->spans[6], ".", 0, 0);
    kh_markup_free(&m);
}

static void test_bold_across_lines(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("- **Đậm\nqua dòng** hết\n", &m);
    assert_int_equal(m.nblocks, 1);
    const kh_spans *s = &m.blocks[0].content;
    assert_int_equal(s->nspans, 2);
    assert_span(&s->spans[0], "Đậm qua dòng", 1, 0);
    assert_span(&s->spans[1], " hết", 0, 0);
    kh_markup_free(&m);
}

static void test_escapes(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("Giá \\*5\\* và \\*\\*x\\*\\* và a\\\\b\n"
             "\n"
             "\\- x\n"
             "\n"
             "\\+ y\n"
             "\n"
             "\\# z\n", &m);
    assert_int_equal(m.nblocks, 4);
    assert_int_equal(m.blocks[0].content.nspans, 1);
    assert_span(&m.blocks[0].content.spans[0], "Giá *5* và **x** và a\\b", 0, 0);
    assert_block(&m.blocks[1], KH_MK_PARA, 0, KH_MARK_NONE, "- x");
    assert_block(&m.blocks[2], KH_MK_PARA, 0, KH_MARK_NONE, "+ y");
    assert_block(&m.blocks[3], KH_MK_PARA, 0, KH_MARK_NONE, "# z");
    kh_markup_free(&m);
}

static void test_unclosed_bold(void **state)
{
    (void)state;
    kh_error err;
    const char *src = "Một **hai\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:1:5:");
    assert_contains(err.message, "'**'");

    /* after an indented marker and a multi-byte letter: columns count characters */
    src = "Mở đầu\n\n  - Việt **x\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:3:10:");

    /* đ) is three characters but four bytes */
    src = "đ) Việt **x";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:1:9:");
}

static void test_unclosed_bold_on_continuation_line(void **state)
{
    (void)state;
    kh_error err;
    /* the '**' is on line 2, column 5 (after "def "), not on the paragraph's first line */
    const char *src = "abc\ndef **x\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:2:5:");

    src = "1. Mục\n   tiếp *nghiêng\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:2:9:");
}

static void test_unclosed_italic(void **state)
{
    (void)state;
    kh_error err;
    const char *src = "a *b **c**\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:1:3:");
    assert_contains(err.message, "'*'");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    kh_error err;
    const char src[] = "Dòng đầu\nab\xff cd\n";
    parse_fail(src, sizeof src - 1, &err);
    assert_starts(err.message, "body.txt:2:3:");
    assert_contains(err.message, "UTF-8");

    const char ctl[] = "Việt\x01\n";
    parse_fail(ctl, sizeof ctl - 1, &err);
    assert_starts(err.message, "body.txt:1:5:");
}

static void test_crlf(void **state)
{
    (void)state;
    kh_markup m;
    parse_ok("# Tiêu đề\r\n\r\nDòng một\r\nDòng hai\r\n- mục\r\n\r\n**đậm**\r\n", &m);
    assert_int_equal(m.nblocks, 4);
    assert_block(&m.blocks[0], KH_MK_HEADING, 1, KH_MARK_NONE, "Tiêu đề");
    assert_block(&m.blocks[1], KH_MK_PARA, 0, KH_MARK_NONE, "Dòng một Dòng hai");
    assert_block(&m.blocks[2], KH_MK_ITEM, 0, KH_MARK_DASH, "mục");
    assert_block(&m.blocks[3], KH_MK_PARA, 0, KH_MARK_NONE, "đậm");
    assert_int_equal(m.blocks[3].content.spans[0].bold, 1);
    for (size_t i = 0; i < m.nblocks; i++)
        for (size_t j = 0; j < m.blocks[i].content.nspans; j++)
            assert_null(strchr(m.blocks[i].content.spans[j].text, '\r'));
    assert_int_equal(m.blocks[1].line, 3);
    kh_markup_free(&m);

    /* an error position in a CRLF file is the same as with LF */
    kh_error err;
    const char *src = "x\r\nab **c\r\n";
    parse_fail(src, strlen(src), &err);
    assert_starts(err.message, "body.txt:2:4:");
}

static void test_inline_position(void **state)
{
    (void)state;
    kh_spans s = {0};
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_markup_inline("ô **y", strlen("ô **y"), "t.csv", 7, 3, &s, &err), KH_EXIT_INPUT);
    assert_starts(err.message, "t.csv:7:5:");
    assert_int_equal(s.nspans, 0);

    kh_error_clear(&err);
    assert_int_equal(kh_markup_inline("a *b* c", 7, "t.csv", 1, 1, &s, &err), KH_OK);
    assert_int_equal(s.nspans, 3);
    assert_span(&s.spans[1], "b", 0, 1);
    kh_spans_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headings_three_levels),
        cmocka_unit_test(test_heading_ends_at_line_end),
        cmocka_unit_test(test_hash_without_space_is_text),
        cmocka_unit_test(test_four_hashes_is_error),
        cmocka_unit_test(test_heading_without_text_is_error),
        cmocka_unit_test(test_item_markers),
        cmocka_unit_test(test_decimal_is_not_marker),
        cmocka_unit_test(test_marker_needs_space),
        cmocka_unit_test(test_item_continuation),
        cmocka_unit_test(test_plain_paragraphs_and_blank_lines),
        cmocka_unit_test(test_no_trailing_newline),
        cmocka_unit_test(test_empty_text),
        cmocka_unit_test(test_bold_and_italic),
        cmocka_unit_test(test_bold_across_lines),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_unclosed_bold),
        cmocka_unit_test(test_unclosed_bold_on_continuation_line),
        cmocka_unit_test(test_unclosed_italic),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_inline_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
