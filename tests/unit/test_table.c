/* test_table.c — the table grid of the document model (kh_table_layout). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kh_model.h"
#include "kh_util.h"

/* ---- helpers ---- */

static kh_table *add_table(kh_block_list *list, int ncols)
{
    kh_table *t = kh_table_new(ncols);
    kh_blocks_append_table(list, t);
    return t;
}

static void set_source(kh_table *t, const char *name)
{
    kh_gated g;
    assert_int_equal(kh_text_gate(name, strlen(name), &g, NULL), KH_TEXT_OK);
    kh_model_take(&t->source, &g);
}

typedef struct {
    int colspan, rowspan;
    const char *text;   /* NULL: an empty cell */
} spec;

/* Add a row of cells; a cell with text gets one paragraph holding it. */
static kh_row *add_row(kh_table *t, const spec *cells, size_t n)
{
    kh_row *row = kh_table_add_row(t);
    for (size_t i = 0; i < n; i++) {
        kh_cell *c = kh_row_add_cell(row);
        assert_int_equal(c->colspan, 1);   /* the defaults */
        assert_int_equal(c->rowspan, 1);
        c->colspan = cells[i].colspan ? cells[i].colspan : 1;
        c->rowspan = cells[i].rowspan ? cells[i].rowspan : 1;
        if (cells[i].text) {
            kh_para *p = kh_blocks_add_para(&c->content);
            kh_gated g;
            kh_run_props props;
            kh_run_props_init(&props);
            assert_int_equal(kh_text_gate(cells[i].text, strlen(cells[i].text), &g, NULL), KH_TEXT_OK);
            kh_para_add_text(p, &g, &props);
        }
    }
    return row;
}

#define ROW(t, ...) add_row(t, (const spec[]){__VA_ARGS__}, sizeof((const spec[]){__VA_ARGS__}) / sizeof(spec))

static const char *cell_text(const kh_cell *c)
{
    if (c && c->content.nblocks == 0)
        return "";   /* an empty cell, before kh_finish */
    if (!c || c->content.blocks[0].kind != KH_BLOCK_PARA)
        return NULL;
    const kh_para *p = c->content.blocks[0].u.para;
    return p->nruns ? p->runs[0].text : "";
}

static void assert_slot(const kh_table *t, int r, int c, int orow, int ocol)
{
    const kh_slot *s = kh_table_slot(t, r, c);
    if (s->row != orow || s->col != ocol)
        fail_msg("slot (%d,%d) holds the cell of (%d,%d), expected (%d,%d)", r, c, s->row, s->col, orow, ocol);
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

/* Lay out T expecting a failure; the message. */
static const char *layout_fail(kh_table *t)
{
    static kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_table_layout(t, &err), KH_EXIT_INPUT);
    assert_int_equal(err.status, KH_EXIT_INPUT);
    return err.message;
}

static void layout_ok(kh_table *t)
{
    kh_error err;
    kh_error_clear(&err);
    if (kh_table_layout(t, &err) != KH_OK)
        fail_msg("layout: %s", err.message);
}

/* ---- layout ---- */

/* STT | Tiêu chí | Nội dung (span 4)
 *     |          | Nội dung | Chủ trì | Phối hợp | Thời gian
 * 1   | Khảo sát | …        | …       | …        | … */
static void test_two_row_header(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 6);
    assert_int_equal(t->ncols, 6);
    kh_row *h1 = ROW(t, {1, 2, "STT"}, {1, 2, "Tiêu chí"}, {4, 1, "Nội dung"});
    h1->header = 1;
    kh_row *h2 = ROW(t, {0, 0, "Nội dung"}, {0, 0, "Chủ trì"}, {0, 0, "Phối hợp"}, {0, 0, "Thời gian"});
    h2->header = 1;
    ROW(t, {0, 0, "1"}, {0, 0, "Khảo sát"}, {0, 0, NULL}, {0, 0, "Sở Xây dựng"}, {0, 0, NULL}, {0, 0, "Quý I"});
    layout_ok(t);

    /* where every cell starts */
    assert_int_equal(t->rows[0].cells[0].col, 0);
    assert_int_equal(t->rows[0].cells[1].col, 1);
    assert_int_equal(t->rows[0].cells[2].col, 2);
    for (int i = 0; i < 4; i++)
        assert_int_equal(t->rows[1].cells[i].col, 2 + i);
    for (int i = 0; i < 6; i++)
        assert_int_equal(t->rows[2].cells[i].col, i);

    /* every place of the grid */
    static const int origin[3][6][2] = {
        {{0, 0}, {0, 1}, {0, 2}, {0, 2}, {0, 2}, {0, 2}},
        {{0, 0}, {0, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}},
        {{2, 0}, {2, 1}, {2, 2}, {2, 3}, {2, 4}, {2, 5}},
    };
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 6; c++)
            assert_slot(t, r, c, origin[r][c][0], origin[r][c][1]);

    /* the cell that holds each place */
    static const char *const text[3][6] = {
        {"STT", "Tiêu chí", "Nội dung", "Nội dung", "Nội dung", "Nội dung"},
        {"STT", "Tiêu chí", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"},
        {"1", "Khảo sát", "", "Sở Xây dựng", "", "Quý I"},
    };
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 6; c++)
            assert_string_equal(cell_text(kh_table_cell_at(t, r, c)), text[r][c]);
    assert_ptr_equal(kh_table_cell_at(t, 1, 0), &t->rows[0].cells[0]);
    assert_ptr_equal(kh_table_cell_at(t, 1, 1), &t->rows[0].cells[1]);
    assert_ptr_equal(kh_table_cell_at(t, 0, 5), &t->rows[0].cells[2]);
    assert_ptr_equal(kh_table_cell_at(t, 1, 2), &t->rows[1].cells[0]);
    assert_ptr_equal(kh_table_cell_at(t, 2, 4), &t->rows[2].cells[4]);

    /* the layout leaves an empty cell empty (kh_finish gives it its paragraph); a filled one
       keeps its own */
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t i = 0; i < t->rows[r].ncells; i++) {
            const kh_cell *c = &t->rows[r].cells[i];
            int empty = r == 2 && (i == 2 || i == 4);
            assert_int_equal(c->content.nblocks, empty ? 0 : 1);
        }
    assert_int_equal(t->rows[2].cells[1].content.blocks[0].u.para->nruns, 1);

    /* laying out again gives the same grid */
    layout_ok(t);
    assert_slot(t, 1, 0, 0, 0);
    assert_slot(t, 1, 5, 1, 5);
    assert_int_equal(t->rows[2].cells[2].content.nblocks, 0);
    kh_blocks_free(&list);
}

static void test_block_of_spans(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 3);
    /* A spans 2×2; B spans 2 rows; C fills the last row */
    ROW(t, {2, 2, "A"}, {1, 2, "B"});
    ROW(t, {0, 0, NULL});   /* everything in this row is covered already: a cell has no room */
    ROW(t, {3, 1, "C"});
    const char *msg = layout_fail(t);
    assert_contains(msg, "row 2, column 4");
    kh_blocks_free(&list);

    t = add_table(&list, 3);
    ROW(t, {2, 2, "A"}, {1, 2, "B"});
    kh_table_add_row(t);   /* a row with no cells of its own: all covered */
    ROW(t, {3, 1, "C"});
    layout_ok(t);
    for (int r = 0; r < 2; r++) {
        assert_slot(t, r, 0, 0, 0);
        assert_slot(t, r, 1, 0, 0);
        assert_slot(t, r, 2, 0, 2);
    }
    for (int c = 0; c < 3; c++)
        assert_slot(t, 2, c, 2, 0);
    assert_string_equal(cell_text(kh_table_cell_at(t, 1, 1)), "A");
    assert_string_equal(cell_text(kh_table_cell_at(t, 1, 2)), "B");
    assert_string_equal(cell_text(kh_table_cell_at(t, 2, 2)), "C");
    kh_blocks_free(&list);
}

/* ---- errors ---- */

static void test_overlapping_span(void **state)
{
    (void)state;
    kh_block_list list = {0};
    /* B hangs down into row 2; D in row 2 spans two columns across it */
    kh_table *t = add_table(&list, 3);
    ROW(t, {0, 0, "A"}, {1, 2, "B"}, {0, 0, "C"});
    ROW(t, {2, 1, "D"}, {0, 0, "E"});
    const char *msg = layout_fail(t);
    assert_starts(msg, "row 2, column 1:");
    assert_contains(msg, "overlaps");
    assert_contains(msg, "row 1, column 2");
    kh_blocks_free(&list);

    t = add_table(&list, 3);
    ROW(t, {0, 0, "A"}, {0, 0, "B"}, {1, 3, "C"});
    ROW(t, {0, 0, "D"}, {0, 0, "E"});
    ROW(t, {3, 1, "F"});
    msg = layout_fail(t);
    assert_starts(msg, "row 3, column 1:");
    assert_contains(msg, "row 1, column 3");
    kh_blocks_free(&list);
}

static void test_row_wider_than_grid(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 2);
    ROW(t, {0, 0, "a"}, {0, 0, "b"});
    ROW(t, {0, 0, "c"}, {0, 0, "d"}, {0, 0, "e"});
    const char *msg = layout_fail(t);
    assert_starts(msg, "row 2, column 3:");
    assert_contains(msg, "more cells");
    kh_blocks_free(&list);

    /* a cell pushed past the end by a span from the row above */
    t = add_table(&list, 2);
    ROW(t, {1, 2, "a"}, {0, 0, "b"});
    ROW(t, {0, 0, "c"}, {0, 0, "d"});
    msg = layout_fail(t);
    assert_starts(msg, "row 2, column 3:");
    kh_blocks_free(&list);
}

static void test_colspan_past_end(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 3);
    ROW(t, {0, 0, "a"}, {3, 1, "b"});
    const char *msg = layout_fail(t);
    assert_starts(msg, "row 1, column 2:");
    assert_contains(msg, "spans 3 columns");
    kh_blocks_free(&list);
}

static void test_rowspan_past_last_row(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 2);
    ROW(t, {0, 0, "a"}, {0, 0, "b"});
    ROW(t, {0, 0, "c"}, {1, 2, "d"});
    const char *msg = layout_fail(t);
    assert_starts(msg, "row 2, column 2:");
    assert_contains(msg, "spans 2 rows");
    kh_blocks_free(&list);
}

static void test_short_row(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 3);
    ROW(t, {0, 0, "a"}, {0, 0, "b"}, {0, 0, "c"});
    ROW(t, {0, 0, "d"}, {0, 0, "e"});
    ROW(t, {0, 0, "f"}, {0, 0, "g"}, {0, 0, "h"});
    const char *msg = layout_fail(t);
    assert_starts(msg, "row 2, column 3:");
    assert_contains(msg, "short");
    kh_blocks_free(&list);
}

static void test_span_below_one(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 2);
    kh_row *r = ROW(t, {0, 0, "a"}, {0, 0, "b"});
    r->cells[1].colspan = 0;
    const char *msg = layout_fail(t);
    assert_starts(msg, "row 1, column 2:");
    kh_blocks_free(&list);

    t = add_table(&list, 2);
    r = ROW(t, {0, 0, "a"}, {0, 0, "b"});
    r->cells[0].rowspan = -1;
    layout_fail(t);
    kh_blocks_free(&list);
}

static void test_errors_name_source_line(void **state)
{
    (void)state;
    kh_block_list list = {0};
    kh_table *t = add_table(&list, 3);
    set_source(t, "x.csv");
    ROW(t, {0, 0, "a"}, {0, 0, "b"}, {0, 0, "c"})->line = 1;
    ROW(t, {0, 0, "d"}, {0, 0, "e"}, {0, 0, "f"}, {0, 0, "g"})->line = 7;
    const char *msg = layout_fail(t);
    assert_starts(msg, "x.csv:7: column 4");
    kh_blocks_free(&list);

    t = add_table(&list, 3);
    set_source(t, "x.csv");
    ROW(t, {0, 0, "a"}, {0, 0, "b"}, {0, 0, "c"})->line = 2;
    ROW(t, {0, 0, "d"}, {0, 0, "e"})->line = 12;
    msg = layout_fail(t);
    assert_starts(msg, "x.csv:12: column 3");
    kh_blocks_free(&list);

    t = add_table(&list, 3);
    set_source(t, "x.csv");
    ROW(t, {0, 0, "a"}, {0, 0, "b"}, {2, 1, "c"})->line = 4;
    msg = layout_fail(t);
    assert_starts(msg, "x.csv:4: column 3");
    kh_blocks_free(&list);

    /* a row of unknown line falls back to its number */
    t = add_table(&list, 1);
    set_source(t, "x.csv");
    ROW(t, {0, 0, "a"}, {0, 0, "b"});
    msg = layout_fail(t);
    assert_starts(msg, "row 1, column 2");
    kh_blocks_free(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_row_header),
        cmocka_unit_test(test_block_of_spans),
        cmocka_unit_test(test_overlapping_span),
        cmocka_unit_test(test_row_wider_than_grid),
        cmocka_unit_test(test_colspan_past_end),
        cmocka_unit_test(test_rowspan_past_last_row),
        cmocka_unit_test(test_short_row),
        cmocka_unit_test(test_span_below_one),
        cmocka_unit_test(test_errors_name_source_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
