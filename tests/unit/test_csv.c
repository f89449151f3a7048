/* test_csv.c — CSV/TSV tables as a spreadsheet saves them (kh_csv_parse). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kh_csv.h"

/* ---- helpers ---- */

static void parse_ok(const char *data, size_t len, char sep, kh_csv *csv)
{
    kh_error err;
    kh_error_clear(&err);
    if (kh_csv_parse(data, len, sep, "t.csv", csv, &err) != KH_OK)
        fail_msg("unexpected error: %s", err.message);
}

static void parse_fail(const char *data, size_t len, char sep, kh_error *err)
{
    kh_csv csv;
    kh_error_clear(err);
    assert_int_equal(kh_csv_parse(data, len, sep, "t.csv", &csv, err), KH_EXIT_INPUT);
    assert_int_equal(err->status, KH_EXIT_INPUT);
    assert_int_equal(csv.nrows, 0);
    assert_null(csv.rows);
}

#define PARSE_OK(lit, sep, csv) parse_ok(lit, sizeof lit - 1, sep, csv)
#define PARSE_FAIL(lit, sep, err) parse_fail(lit, sizeof lit - 1, sep, err)

static void assert_starts(const char *hay, const char *prefix)
{
    if (strncmp(hay, prefix, strlen(prefix)) != 0)
        fail_msg("expected \"%s\" to start with \"%s\"", hay, prefix);
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, hay);
}

static void assert_cell(const kh_csv *csv, size_t r, size_t c, const char *text, int line, int column)
{
    assert_true(r < csv->nrows);
    assert_true(c < csv->rows[r].ncells);
    const kh_csv_cell *cell = &csv->rows[r].cells[c];
    if (strcmp(cell->text, text) != 0)
        fail_msg("cell [%zu][%zu] is \"%s\", expected \"%s\"", r, c, cell->text, text);
    if (line && (cell->line != line || cell->column != column))
        fail_msg("cell [%zu][%zu] \"%s\" at %d:%d, expected %d:%d", r, c, text, cell->line,
                 cell->column, line, column);
}

/* ---- reading ---- */

static void test_plain_rows(void **state)
{
    (void)state;
    kh_csv csv;
    PARSE_OK("STT,Nội dung,Thời gian\n1,Khảo sát,Quý I\n2,Báo cáo,Quý II\n", ',', &csv);
    assert_int_equal(csv.nrows, 3);
    assert_int_equal(csv.ncols, 3);
    assert_cell(&csv, 0, 0, "STT", 1, 1);
    assert_cell(&csv, 0, 1, "Nội dung", 1, 5);
    assert_cell(&csv, 0, 2, "Thời gian", 1, 14);
    assert_cell(&csv, 1, 0, "1", 2, 1);
    assert_cell(&csv, 1, 1, "Khảo sát", 2, 3);
    assert_cell(&csv, 2, 2, "Quý II", 3, 11);
    for (size_t r = 0; r < csv.nrows; r++) {
        assert_int_equal(csv.rows[r].ncells, 3);
        assert_int_equal(csv.rows[r].line, (int)r + 1);
    }
    kh_csv_free(&csv);
    assert_int_equal(csv.nrows, 0);
    assert_null(csv.rows);
}

static void test_empty_cells(void **state)
{
    (void)state;
    kh_csv csv;
    PARSE_OK("a,,c\n,,\n", ',', &csv);
    assert_int_equal(csv.nrows, 2);
    assert_cell(&csv, 0, 1, "", 1, 3);
    assert_cell(&csv, 1, 0, "", 2, 1);
    assert_cell(&csv, 1, 2, "", 2, 3);
    kh_csv_free(&csv);
}

static void test_bom_is_skipped(void **state)
{
    (void)state;
    kh_csv csv;
    PARSE_OK("\xEF\xBB\xBFSTT,Tên\n1,Hà Nội\n", ',', &csv);
    assert_int_equal(csv.nrows, 2);
    assert_cell(&csv, 0, 0, "STT", 1, 1);
    assert_cell(&csv, 0, 1, "Tên", 1, 5);
    assert_cell(&csv, 1, 1, "Hà Nội", 2, 3);
    kh_csv_free(&csv);
}

static void test_quoted_cells(void **state)
{
    (void)state;
    kh_csv csv;
    PARSE_OK("\"a,b\",\"nói \"\"có\"\"\",\"dòng 1\ndòng 2\",\"x\r\ny\",\"\"\n", ',', &csv);
    assert_int_equal(csv.nrows, 1);
    assert_int_equal(csv.ncols, 5);
    assert_cell(&csv, 0, 0, "a,b", 1, 1);
    assert_cell(&csv, 0, 1, "nói \"có\"", 1, 7);
    assert_cell(&csv, 0, 2, "dòng 1\ndòng 2", 0, 0);   /* LF kept */
    assert_cell(&csv, 0, 3, "x\ny", 0, 0);             /* CR LF inside a cell becomes LF */
    assert_cell(&csv, 0, 4, "", 0, 0);
    kh_csv_free(&csv);

    /* a quote inside an unquoted cell is kept as typed */
    PARSE_OK("12\" màn hình,b\n", ',', &csv);
    assert_cell(&csv, 0, 0, "12\" màn hình", 1, 1);
    kh_csv_free(&csv);
}

static void test_cell_lines_after_multiline_cell(void **state)
{
    (void)state;
    kh_csv csv;
    /* line 1: a,"multi      line 2: line",c      line 3: d,e,f */
    PARSE_OK("a,\"multi\nline\",c\nd,e,f\n", ',', &csv);
    assert_int_equal(csv.nrows, 2);
    assert_cell(&csv, 0, 0, "a", 1, 1);
    assert_cell(&csv, 0, 1, "multi\nline", 1, 3);
    assert_cell(&csv, 0, 2, "c", 2, 7);
    assert_cell(&csv, 1, 0, "d", 3, 1);
    assert_cell(&csv, 1, 2, "f", 3, 5);
    assert_int_equal(csv.rows[0].line, 1);
    assert_int_equal(csv.rows[1].line, 3);
    kh_csv_free(&csv);

    /* the same with CR LF, and a doubled quote before the separator */
    PARSE_OK("\"x\r\n\"\"y\"\"\",z\r\n1,2\r\n", ',', &csv);
    assert_int_equal(csv.nrows, 2);
    assert_cell(&csv, 0, 0, "x\n\"y\"", 1, 1);
    assert_cell(&csv, 0, 1, "z", 2, 8);
    assert_cell(&csv, 1, 0, "1", 3, 1);
    assert_cell(&csv, 1, 1, "2", 3, 3);
    assert_int_equal(csv.rows[1].line, 3);
    kh_csv_free(&csv);
}

static void test_tsv(void **state)
{
    (void)state;
    assert_int_equal(kh_csv_separator_for("x.tsv"), '\t');
    assert_int_equal(kh_csv_separator_for("bang/phu-luc.tab"), '\t');
    assert_int_equal(kh_csv_separator_for("x.csv"), ',');
    assert_int_equal(kh_csv_separator_for("x.txt"), ',');
    assert_int_equal(kh_csv_separator_for("tsv"), ',');
    assert_int_equal(kh_csv_separator_for(".tsv.csv"), ',');

    kh_csv csv;
    PARSE_OK("STT\tNội dung, ghi chú\n1\t\"a\tb\"\n", kh_csv_separator_for("x.tsv"), &csv);
    assert_int_equal(csv.nrows, 2);
    assert_int_equal(csv.ncols, 2);
    assert_cell(&csv, 0, 1, "Nội dung, ghi chú", 1, 5);
    assert_cell(&csv, 1, 1, "a\tb", 2, 3);
    kh_csv_free(&csv);

    /* semicolons, as a spreadsheet in a comma-decimal locale writes */
    PARSE_OK("a;b\n1,5;2\n", ';', &csv);
    assert_cell(&csv, 1, 0, "1,5", 2, 1);
    assert_cell(&csv, 1, 1, "2", 2, 5);
    kh_csv_free(&csv);
}

static void test_trailing_newline_or_not(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "a,b\n1,2", "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r\n1,2", "a,b\n1,2\n\n\n", "a,b\n\n1,2\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        kh_csv csv;
        parse_ok(inputs[i], strlen(inputs[i]), ',', &csv);
        assert_int_equal(csv.nrows, 2);
        assert_int_equal(csv.ncols, 2);
        assert_cell(&csv, 0, 0, "a", 1, 1);
        assert_cell(&csv, 0, 1, "b", 1, 3);
        assert_cell(&csv, 1, 0, "1", 0, 0);
        assert_cell(&csv, 1, 1, "2", 0, 0);   /* no '\r' left in the last cell */
        kh_csv_free(&csv);
    }
    /* an empty last cell without the final line break */
    kh_csv csv;
    PARSE_OK("a,b\n1,", ',', &csv);
    assert_int_equal(csv.nrows, 2);
    assert_cell(&csv, 1, 1, "", 2, 3);
    kh_csv_free(&csv);
    /* a quoted last cell without the final line break */
    PARSE_OK("a,b\n1,\"x\"", ',', &csv);
    assert_cell(&csv, 1, 1, "x", 2, 3);
    kh_csv_free(&csv);
}

static void test_blank_line_rows_keep_their_line(void **state)
{
    (void)state;
    kh_csv csv;
    PARSE_OK("a,b\n\n\n1,2\n", ',', &csv);
    assert_int_equal(csv.nrows, 2);
    assert_int_equal(csv.rows[1].line, 4);
    assert_cell(&csv, 1, 1, "2", 4, 3);
    kh_csv_free(&csv);
}

static void test_nfc(void **state)
{
    (void)state;
    kh_csv csv;
    /* "Việt" and "Đắk Lắk" typed with combining marks, one quoted */
    PARSE_OK("Vie\xcc\x82\xcc\xa3t,\"\xc4\x90\x61\xcc\x86\xcc\x81k La\xcc\x86\xcc\x81k\"\n", ',', &csv);
    assert_cell(&csv, 0, 0, "Vi\xe1\xbb\x87t", 1, 1);
    assert_cell(&csv, 0, 1, "Đắk Lắk", 0, 0);
    kh_csv_free(&csv);
}

/* ---- errors ---- */

/* "t.csv:LINE:COL: …" — LINE and COL read back from the message. */
static void error_position(const char *msg, int *line, int *col)
{
    char rest[8];
    if (sscanf(msg, "t.csv:%d:%d%1[:]", line, col, rest) != 3)
        fail_msg("\"%s\" does not start with t.csv:LINE:COL:", msg);
}

static void test_ragged_rows(void **state)
{
    (void)state;
    kh_error err;
    int line, col;

    PARSE_FAIL("a,b,c\n1,2,3\n4,5\n", ',', &err);
    error_position(err.message, &line, &col);
    assert_int_equal(line, 3);
    assert_true(col >= 1);
    assert_contains(err.message, "2 cells");
    assert_contains(err.message, "expected 3");

    PARSE_FAIL("a,b\n1,2,3\n", ',', &err);
    error_position(err.message, &line, &col);
    assert_int_equal(line, 2);
    assert_contains(err.message, "3 cells");

    /* the row after a cell spanning lines 2–3 starts on line 4 */
    PARSE_FAIL("a,b\n\"x\ny\",2\n3\n", ',', &err);
    error_position(err.message, &line, &col);
    assert_int_equal(line, 4);

    /* after blank lines, CR LF, and with no final line break */
    PARSE_FAIL("a,b\r\n\r\n1,2\r\n\r\n3,4,5", ',', &err);
    error_position(err.message, &line, &col);
    assert_int_equal(line, 5);
}

static void test_unclosed_quote(void **state)
{
    (void)state;
    kh_error err;
    PARSE_FAIL("a,b\n1,\"abc\n\nmore,x\n", ',', &err);
    assert_starts(err.message, "t.csv:2:3:");
    assert_contains(err.message, "never closed");

    PARSE_FAIL("Việt,\"x", ',', &err);
    assert_starts(err.message, "t.csv:1:6:");

    /* a doubled quote at the end is an escaped quote, not the closing one */
    PARSE_FAIL("a,b\n\"x\"\"", ',', &err);
    assert_starts(err.message, "t.csv:2:1:");
}

static void test_text_after_closing_quote(void **state)
{
    (void)state;
    kh_error err;
    PARSE_FAIL("\"a\"b,c\n", ',', &err);
    assert_starts(err.message, "t.csv:1:4:");
    assert_contains(err.message, "closing quote");

    PARSE_FAIL("x,y\n1,\"dòng\nhai\" ,3\n", ',', &err);
    assert_starts(err.message, "t.csv:3:5:");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    kh_error err;
    PARSE_FAIL("a,b\n1,\xff\n", ',', &err);
    assert_starts(err.message, "t.csv:2:3:");
    assert_contains(err.message, "UTF-8");

    /* a BOM does not shift the columns of the first line */
    PARSE_FAIL("\xEF\xBB\xBFô,\xc0\xaf\n", ',', &err);
    assert_starts(err.message, "t.csv:1:3:");

    /* Latin-1 "Hà Nội" as an old spreadsheet would save it */
    PARSE_FAIL("a,b\nH\xe0 N\xf4i,2\n", ',', &err);
    assert_starts(err.message, "t.csv:2:2:");

    /* a control character XML forbids */
    PARSE_FAIL("a,b\x01\n", ',', &err);
    assert_starts(err.message, "t.csv:1:4:");
}

static void test_empty_file(void **state)
{
    (void)state;
    kh_error err;
    parse_fail("", 0, ',', &err);
    assert_starts(err.message, "t.csv:");
    assert_contains(err.message, "empty");
    PARSE_FAIL("\xEF\xBB\xBF", ',', &err);
    assert_contains(err.message, "empty");
    PARSE_FAIL("\n\r\n\n", ',', &err);
    assert_contains(err.message, "empty");
}

/* ---- the separator, read from the header line ---- */

#define DETECT(lit) kh_csv_detect_separator(lit, sizeof lit - 1)

static void test_detect_comma_semicolon_tab(void **state)
{
    (void)state;
    assert_int_equal(DETECT("STT,Nhiệm vụ,Chủ trì\n1,a,b\n"), ',');
    assert_int_equal(DETECT("STT;Nhiệm vụ;Chủ trì\r\n1;a;b\r\n"), ';');
    assert_int_equal(DETECT("STT\tNhiệm vụ\tChủ trì\n1\ta\tb\n"), '\t');
    /* the header decides, not the rows below it */
    assert_int_equal(DETECT("STT;Nhiệm vụ;Điểm\n1;a,b,c,d,e;87,20\n"), ';');
    /* the most frequent wins: commas inside a cell of a semicolon file */
    assert_int_equal(DETECT("STT;Nội dung, nhiệm vụ;Chủ trì;Thời gian\n"), ';');
}

static void test_detect_quoted_separators(void **state)
{
    (void)state;
    /* separators inside quoted header cells do not count, nor do "" and line breaks there */
    assert_int_equal(DETECT("STT;\"Nội dung, nhiệm vụ, giải pháp\";Chủ trì\n"), ';');
    assert_int_equal(DETECT("\"a,b,c\";\"d,\"\"e\"\",f\"\n"), ';');
    assert_int_equal(DETECT("STT,\"Nhiệm vụ;\nmột; hai; ba\",Chủ trì\n"), ',');
    /* a quote inside an unquoted cell is a character: it opens nothing */
    assert_int_equal(DETECT("Ống 5\";Dài;Rộng\n"), ';');
}

static void test_detect_ties_and_none(void **state)
{
    (void)state;
    assert_int_equal(DETECT("STT\n1\n"), ',');            /* one column */
    assert_int_equal(DETECT("STT;Tên, mô tả\n"), ',');      /* a tie */
    assert_int_equal(DETECT("a;b\tc\n"), ',');
    assert_int_equal(DETECT(""), ',');
    assert_int_equal(DETECT("\n \r\n"), ',');
    assert_int_equal(DETECT("\"STT;Tên\""), ',');         /* all inside one quoted cell */
}

static void test_detect_after_bom_and_blank_lines(void **state)
{
    (void)state;
    assert_int_equal(DETECT("\xEF\xBB\xBFSTT;Tên;Ghi chú\n"), ';');
    assert_int_equal(DETECT("\r\n\n  \nSTT;Tên;Ghi chú\n1,2,3,4,5\n"), ';');
    /* a line of separators alone is a header line too */
    assert_int_equal(DETECT(";;;\nSTT,Tên\n"), ';');
}

static void test_separator_given_wins(void **state)
{
    (void)state;
    static const char semi[] = "STT;Tên;Ghi chú\n";
    static const char comma[] = "STT,Nhiệm vụ (a; b; c; d),Chủ trì\n";
    assert_int_equal(kh_csv_separator(0, "phu-luc.csv", semi, sizeof semi - 1), ';');
    assert_int_equal(kh_csv_separator(',', "phu-luc.csv", semi, sizeof semi - 1), ',');
    assert_int_equal(kh_csv_separator(0, "phu-luc.csv", comma, sizeof comma - 1), ';');
    assert_int_equal(kh_csv_separator(',', "phu-luc.csv", comma, sizeof comma - 1), ',');
    /* .tsv and .tab are tab whatever the header holds, unless given */
    assert_int_equal(kh_csv_separator(0, "bang.tsv", semi, sizeof semi - 1), '\t');
    assert_int_equal(kh_csv_separator(0, "bang.tab", comma, sizeof comma - 1), '\t');
    assert_int_equal(kh_csv_separator(';', "bang.tsv", semi, sizeof semi - 1), ';');
}

static void test_detected_decimal_comma_stays_one_cell(void **state)
{
    (void)state;
    static const char data[] = "STT;Chỉ số;Điểm\n1;PAR INDEX;87,20\n";
    kh_csv csv;
    parse_ok(data, sizeof data - 1, kh_csv_detect_separator(data, sizeof data - 1), &csv);
    assert_int_equal(csv.ncols, 3);
    assert_cell(&csv, 1, 2, "87,20", 2, 13);
    kh_csv_free(&csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_rows),
        cmocka_unit_test(test_empty_cells),
        cmocka_unit_test(test_bom_is_skipped),
        cmocka_unit_test(test_quoted_cells),
        cmocka_unit_test(test_cell_lines_after_multiline_cell),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_trailing_newline_or_not),
        cmocka_unit_test(test_blank_line_rows_keep_their_line),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_ragged_rows),
        cmocka_unit_test(test_unclosed_quote),
        cmocka_unit_test(test_text_after_closing_quote),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_detect_comma_semicolon_tab),
        cmocka_unit_test(test_detect_quoted_separators),
        cmocka_unit_test(test_detect_ties_and_none),
        cmocka_unit_test(test_detect_after_bom_and_blank_lines),
        cmocka_unit_test(test_separator_given_wins),
        cmocka_unit_test(test_detected_decimal_comma_stays_one_cell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
