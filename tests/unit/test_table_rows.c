/* test_table_rows.c — a table's rows from its cells' texts (kh_table_rows.h): group rows, '<'
   and '^', the automatic numbers, a cell's lines and inline markup, the rows kept whole, and the
   faults of the plan, named at their file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kh_model.h"
#include "kh_table_rows.h"
#include "kh_util.h"

#define NCOLS 4

typedef struct {
    kh_table_look look;
    kh_table_rows state;
    kh_table *t;
    int r;
} fixture;

static void look_of(kh_cell_look *l, const char *style)
{
    l->style = kh_xstrdup(style);
}

static fixture *start(const char *file)
{
    fixture *f = kh_xcalloc(1, sizeof *f);
    kh_table_look_init(&f->look, NCOLS);
    look_of(&f->look.header, "TableHeader");
    look_of(&f->look.group_label, "TableGroupNumber");
    look_of(&f->look.group_title, "TableGroup");
    for (int c = 0; c < NCOLS; c++) {
        look_of(&f->look.data[c], c == 0 ? "TableNumber" : "TableText");
        look_of(&f->look.group[c], "TableText");
        f->look.group[c].keep_next = 1;
        f->look.widths_mm[c] = c == 0 ? 10 : 50;
    }
    f->look.stt_col = 1;
    f->look.file = file ? kh_xstrdup(file) : NULL;
    kh_table_rows_init(&f->state, NCOLS);
    f->t = kh_table_new(NCOLS);
    return f;
}

static void stop(fixture *f)
{
    kh_table_free(f->t);
    kh_table_rows_free(&f->state);
    kh_table_look_free(&f->look);
    free(f);
}

/* Add the next row: up to NCOLS texts (NULL ends the list early). */
static int row(fixture *f, int line, const char *number, kh_error *err, const char *a, const char *b,
               const char *c, const char *d)
{
    const char *texts[NCOLS] = {a, b, c, d};
    kh_cell_text cells[NCOLS];
    int n = 0;
    while (n < NCOLS && texts[n]) {
        cells[n].text = texts[n];
        cells[n].len = strlen(texts[n]);
        n++;
    }
    kh_error_clear(err);
    return kh_table_rows_add(&f->state, f->t, &f->look, ++f->r, cells, n, line, number, 100000, err);
}

static const kh_cell *cell(const fixture *f, size_t r, size_t k)
{
    assert_true(r < f->t->nrows);
    assert_true(k < f->t->rows[r].ncells);
    return &f->t->rows[r].cells[k];
}

/* The text of paragraph P of a cell, its runs joined. */
static const char *para_text(const kh_cell *c, size_t p, char *buf, size_t cap)
{
    assert_true(p < c->content.nblocks);
    const kh_para *para = c->content.blocks[p].u.para;
    buf[0] = '\0';
    for (size_t i = 0; i < para->nruns; i++)
        if (para->runs[i].text)
            strncat(buf, para->runs[i].text, cap - strlen(buf) - 1);
    return buf;
}

static void test_header_data_and_group_rows(void **state)
{
    (void)state;
    fixture *f = start("phu-luc.csv");
    kh_error err;
    char buf[128];
    assert_int_equal(row(f, 1, NULL, &err, "STT", "Nhiệm vụ", "Chủ trì", "Thời gian"), KH_OK);
    assert_int_equal(row(f, 2, NULL, &err, "#I", "CẢI CÁCH THỂ CHẾ", "", ""), KH_OK);
    assert_int_equal(row(f, 3, "1", &err, "", "Rà soát văn bản", "Sở Tư pháp", "Quý I"), KH_OK);
    assert_int_equal(row(f, 4, NULL, &err, "#", "Nhóm không số", "", "ghi chú"), KH_OK);
    assert_int_equal(f->t->nrows, 4);
    /* the header row: repeated, every cell in TableHeader, centred vertically */
    assert_true(f->t->rows[0].header);
    assert_string_equal(cell(f, 0, 1)->content.blocks[0].u.para->style, "TableHeader");
    assert_int_equal(cell(f, 0, 1)->valign, KH_VALIGN_CENTER);
    /* "#I": the label in the first column, the title spanning the empty cells after it */
    assert_int_equal(f->t->rows[1].ncells, 2);
    assert_string_equal(para_text(cell(f, 1, 0), 0, buf, sizeof buf), "I");
    assert_string_equal(cell(f, 1, 0)->content.blocks[0].u.para->style, "TableGroupNumber");
    assert_int_equal(cell(f, 1, 1)->colspan, 3);
    assert_string_equal(cell(f, 1, 1)->content.blocks[0].u.para->style, "TableGroup");
    /* a data row: the automatic number in the empty STT cell, centred */
    assert_string_equal(para_text(cell(f, 2, 0), 0, buf, sizeof buf), "1");
    assert_string_equal(cell(f, 2, 0)->content.blocks[0].u.para->style, "TableNumber");
    assert_int_equal(cell(f, 2, 0)->valign, KH_VALIGN_CENTER);
    assert_int_equal(cell(f, 2, 1)->valign, KH_VALIGN_TOP);
    assert_int_equal(f->t->rows[2].line, 3);
    /* "#" alone: no label, the title from the first column up to the next text, then the rest,
       kept with the next row */
    assert_int_equal(f->t->rows[3].ncells, 2);
    assert_int_equal(cell(f, 3, 0)->colspan, 3);   /* columns 1 to 3 */
    assert_string_equal(para_text(cell(f, 3, 1), 0, buf, sizeof buf), "ghi chú");
    assert_int_equal(cell(f, 3, 1)->content.blocks[0].u.para->props.keep_next, 1);
    stop(f);
}

static void test_spans(void **state)
{
    (void)state;
    fixture *f = start(NULL);
    kh_error err;
    assert_int_equal(row(f, 0, NULL, &err, "STT", "A", "B", "C"), KH_OK);
    assert_int_equal(row(f, 0, NULL, &err, "1", "gộp", "<", "x"), KH_OK);
    assert_int_equal(row(f, 0, NULL, &err, "2", "^", "^", "y"), KH_OK);
    assert_int_equal(row(f, 0, NULL, &err, "3", "^", "^", "z"), KH_OK);
    /* "<" widens the cell on its left; "^" under its first column lengthens it */
    assert_int_equal(cell(f, 1, 1)->colspan, 2);
    assert_int_equal(cell(f, 1, 1)->rowspan, 3);
    assert_int_equal(f->t->rows[2].ncells, 2);   /* "2" and "y" */
    kh_error lerr;
    kh_error_clear(&lerr);
    assert_int_equal(kh_table_layout(f->t, &lerr), KH_OK);
    stop(f);
}

static void test_typed_number_kept_and_lines(void **state)
{
    (void)state;
    fixture *f = start(NULL);
    kh_error err;
    char buf[128];
    assert_int_equal(row(f, 0, NULL, &err, "STT", "A", "B", "C"), KH_OK);
    assert_int_equal(row(f, 0, "1", &err, "7", "dòng một\n\ndòng hai\r\n", "\nsau dòng trống", "**đậm** thường"), KH_OK);
    assert_string_equal(para_text(cell(f, 1, 0), 0, buf, sizeof buf), "7");   /* typed: kept */
    /* one paragraph a line, empty lines dropped but the first, "\r" dropped */
    assert_int_equal(cell(f, 1, 1)->content.nblocks, 2);
    assert_string_equal(para_text(cell(f, 1, 1), 1, buf, sizeof buf), "dòng hai");
    assert_int_equal(cell(f, 1, 2)->content.nblocks, 2);
    assert_string_equal(para_text(cell(f, 1, 2), 0, buf, sizeof buf), "");
    /* inline markup: a bold run, then plain text */
    const kh_para *p = cell(f, 1, 3)->content.blocks[0].u.para;
    assert_int_equal(p->nruns, 2);
    assert_string_equal(p->runs[0].text, "đậm");
    assert_int_equal(p->runs[0].props.bold, 1);
    assert_int_not_equal(p->runs[1].props.bold, 1);
    stop(f);
}

static void test_rows_kept_whole(void **state)
{
    (void)state;
    fixture *f = start(NULL);
    f->look.whole_max_mm = 20;
    kh_error err;
    char longer[4096] = "";
    for (int i = 0; i < 60; i++)
        strcat(longer, "một câu dài trong ô của bảng ");
    assert_int_equal(row(f, 0, NULL, &err, "STT", "A", "B", "C"), KH_OK);
    assert_int_equal(row(f, 0, "1", &err, "", "ngắn", "", ""), KH_OK);
    assert_int_equal(row(f, 0, "2", &err, "", longer, "", ""), KH_OK);
    assert_true(f->t->rows[1].cant_split);
    assert_false(f->t->rows[2].cant_split);   /* taller than 20 mm: may break across pages */
    stop(f);
}

/* Each fault names the file and line, and the rule. */
static void expect_fault(const char *a, const char *b, int first_row_group, const char *words)
{
    fixture *f = start("phu-luc.csv");
    kh_error err;
    assert_int_equal(row(f, 1, NULL, &err, "STT", "A", "B", "C"), KH_OK);
    if (first_row_group)
        assert_int_equal(row(f, 2, NULL, &err, "#I", "Nhóm", "", ""), KH_OK);
    else
        assert_int_equal(row(f, 2, "1", &err, "", "x", "y", "z"), KH_OK);
    assert_int_equal(row(f, 7, NULL, &err, a, b, "", ""), KH_EXIT_INPUT);
    assert_string_equal(err.file, "phu-luc.csv");
    assert_int_equal(err.line, 7);
    assert_string_equal(err.rule, "table-merge");
    assert_non_null(strstr(err.message, words));
    assert_true(!strncmp(err.message, "phu-luc.csv:7: ", 15));
    stop(f);
}

static void test_faults(void **state)
{
    (void)state;
    expect_fault("<", "x", 0, "column 1: '<' has no cell on its left");
    expect_fault("1", "^", 1, "column 2: '^' under a cell that cannot grow down");
    /* '^' in the first row, rows written in Lua: "table row 1" */
    fixture *f = start(NULL);
    kh_error err;
    assert_int_equal(row(f, 0, NULL, &err, "^", "A", "B", "C"), KH_EXIT_INPUT);
    assert_string_equal(err.message, "table row 1: column 1: '^' has no cell above to merge with");
    stop(f);
    /* bad inline markup names the cell's line and column */
    f = start("phu-luc.csv");
    assert_int_equal(row(f, 1, NULL, &err, "STT", "A", "B", "C"), KH_OK);
    assert_int_equal(row(f, 9, "1", &err, "", "**không đóng", "", ""), KH_EXIT_INPUT);
    assert_non_null(strstr(err.message, "phu-luc.csv:9:"));
    stop(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_data_and_group_rows),
        cmocka_unit_test(test_spans),
        cmocka_unit_test(test_typed_number_kept_and_lines),
        cmocka_unit_test(test_rows_kept_whole),
        cmocka_unit_test(test_faults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
