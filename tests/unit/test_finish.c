/* test_finish.c — the step between the builder and the writers (kh_finish): colours and shades
   checked and resolved, style inheritance, empty cells, the paragraphs that carry sections. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <stdlib.h>
#include "kh_docx.h"
#include "kh_finish.h"
#include "kh_odt.h"
#include "kh_model.h"

/* ---- helpers ---- */

static void set_text(char **field, const char *s)
{
    kh_gated g;
    assert_int_equal(kh_text_gate(s, strlen(s), &g, NULL), KH_TEXT_OK);
    kh_model_take(field, &g);
}

/* A style ID based on BASE (or NULL), with an indent and spaces (KH_UNSET: not set). */
static void add_style(kh_doc *doc, const char *id, const char *base, int indent, int before, int after, int bold)
{
    kh_style s;
    kh_style_init(&s);
    set_text(&s.id, id);
    if (base)
        set_text(&s.based_on, base);
    s.props.indent_left = indent;
    s.props.space_before = before;
    s.props.space_after = after;
    s.props.run.bold = bold;
    kh_doc_put_style(doc, &s);
}

static kh_section *add_section(kh_doc *doc)
{
    kh_section s;
    kh_section_init(&s);
    kh_doc_append_section(doc, &s);
    return kh_doc_current_section(doc);
}

static kh_para *add_para(kh_block_list *list, const char *text)
{
    kh_para *p = kh_blocks_add_para(list);
    if (text) {
        kh_gated g;
        kh_run_props r;
        kh_run_props_init(&r);
        assert_int_equal(kh_text_gate(text, strlen(text), &g, NULL), KH_TEXT_OK);
        kh_para_add_text(p, &g, &r);
    }
    return p;
}

/* A table of one row: a cell with text, an empty cell; laid out. */
static kh_table *add_table(kh_block_list *list)
{
    kh_table *t = kh_table_new(2);
    t->widths[0] = t->widths[1] = 1000;
    kh_row *row = kh_table_add_row(t);
    add_para(&kh_row_add_cell(row)->content, "ô");
    kh_row_add_cell(row);
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_table_layout(t, &err), KH_OK);
    kh_blocks_append_table(list, t);
    return t;
}

static void finish_ok(kh_doc *doc)
{
    kh_error err;
    kh_error_clear(&err);
    if (kh_finish(doc, &err) != KH_OK)
        fail_msg("kh_finish: %s", err.message);
}

static const char *finish_fails(kh_doc *doc)
{
    static kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_finish(doc, &err), KH_EXIT_INPUT);
    return err.message;
}

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, hay);
}

/* ---- tests ---- */

/* Base ← Body ← Quote: each value from the nearest style that sets it, the paragraph's own first. */
static void test_inheritance_chain(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    add_style(doc, "Base", NULL, 100, 10, 50, 1);
    add_style(doc, "Body", "Base", 200, KH_UNSET, KH_UNSET, KH_UNSET);
    add_style(doc, "Quote", "Body", KH_UNSET, 30, KH_UNSET, 0);
    kh_section *s = add_section(doc);
    kh_para *p = add_para(&s->body, "a");
    set_text(&p->style, "Quote");
    p->props.space_after = 7;
    kh_para *plain = add_para(&s->body, "b");
    finish_ok(doc);

    assert_int_equal(p->applied.indent_left, 200);    /* from Body */
    assert_int_equal(p->applied.space_before, 30);    /* from Quote */
    assert_int_equal(p->applied.space_after, 7);      /* its own */
    assert_int_equal(p->applied.run.bold, 0);         /* Quote's 0 over Base's 1 */
    assert_int_equal(p->applied.indent_right, KH_UNSET);   /* no one sets it */
    assert_int_equal(p->props.indent_left, KH_UNSET); /* the direct properties stay as they were */
    assert_int_equal(plain->applied.indent_left, KH_UNSET);

    const kh_style *body = kh_doc_find_style(doc, "Body");
    assert_int_equal(body->applied.indent_left, 200);
    assert_int_equal(body->applied.space_before, 10);
    assert_int_equal(body->applied.space_after, 50);
    assert_int_equal(body->applied.run.bold, 1);
    assert_int_equal(body->props.space_before, KH_UNSET);
    kh_doc_free(doc);
}

/* A style redefined over its own base makes a loop: finishing still ends. */
static void test_inheritance_loop_ends(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    add_style(doc, "A", NULL, KH_UNSET, KH_UNSET, KH_UNSET, KH_UNSET);
    add_style(doc, "B", "A", KH_UNSET, KH_UNSET, KH_UNSET, KH_UNSET);
    add_style(doc, "A", "B", 5, KH_UNSET, KH_UNSET, KH_UNSET);
    kh_section *s = add_section(doc);
    set_text(&add_para(&s->body, "x")->style, "B");
    finish_ok(doc);
    assert_int_equal(s->body.blocks[0].u.para->applied.indent_left, 5);
    assert_int_equal(s->body.blocks[0].u.para->applied.space_after, KH_UNSET);
    kh_doc_free(doc);
}

static void test_shade_out_of_range_names_the_field(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    kh_section *s = add_section(doc);
    add_para(&s->body, "trước");
    kh_table *t = add_table(&s->body);
    t->rows[0].cells[1].shade = 150;
    const char *m = finish_fails(doc);
    assert_contains(m, "section 1, table 1, row 1, cell 2: cell.shade");
    assert_contains(m, "0 to 100, got 150");
    assert_null(strchr(m, '\n'));
    t->rows[0].cells[1].shade = -1;
    assert_contains(finish_fails(doc), "got -1");
    kh_doc_free(doc);
}

static void test_shade_resolves_to_a_fill(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    kh_section *s = add_section(doc);
    kh_table *t = add_table(&s->body);
    t->rows[0].cells[0].shade = 15;
    finish_ok(doc);
    assert_int_equal(t->rows[0].cells[0].fill, 0xD9D9D9);
    assert_int_equal(t->rows[0].cells[1].fill, KH_UNSET);   /* shade 0: no fill */
    t->rows[0].cells[0].shade = 100;
    finish_ok(doc);
    assert_int_equal(t->rows[0].cells[0].fill, 0x000000);
    kh_doc_free(doc);
}

static void test_colour_out_of_range_names_the_field(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    kh_section *s = add_section(doc);
    add_para(&s->body, "a");
    kh_para *p = add_para(&s->body, "b");
    p->runs[0].props.color = 0x1000000;
    assert_contains(finish_fails(doc), "section 1, paragraph 2: run 1: color: expected an RRGGBB colour");
    p->runs[0].props.color = 0xFF0000;
    p->props.run.color = -5;
    assert_contains(finish_fails(doc), "section 1, paragraph 2: paragraph.color");
    p->props.run.color = KH_UNSET;
    finish_ok(doc);
    add_style(doc, "Red", NULL, KH_UNSET, KH_UNSET, KH_UNSET, KH_UNSET);
    doc->styles[0].props.run.color = 0x7FFFFFFF;
    assert_contains(finish_fails(doc), "style 'Red': color");
    kh_doc_free(doc);
}

static void test_empty_cell_gets_its_paragraph(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    kh_section *s = add_section(doc);
    kh_table *t = add_table(&s->body);
    assert_int_equal(t->rows[0].cells[1].content.nblocks, 0);   /* the layout leaves it empty */
    finish_ok(doc);
    const kh_cell *empty = &t->rows[0].cells[1], *full = &t->rows[0].cells[0];
    assert_int_equal(empty->content.nblocks, 1);
    assert_int_equal(empty->content.blocks[0].kind, KH_BLOCK_PARA);
    assert_int_equal(empty->content.blocks[0].u.para->nruns, 0);
    assert_null(empty->content.blocks[0].u.para->style);
    assert_int_equal(full->content.nblocks, 1);                 /* a filled cell keeps its own */
    assert_int_equal(full->content.blocks[0].u.para->nruns, 1);
    finish_ok(doc);                                             /* again: nothing more */
    assert_int_equal(empty->content.nblocks, 1);
    kh_doc_free(doc);
}

/* Sections ending with a paragraph, with a table, empty, and the last one. */
static void test_section_carriers(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    kh_section *s1 = add_section(doc);
    add_table(&s1->body);
    kh_para *end1 = add_para(&s1->body, "cuối");
    kh_section *s2 = add_section(doc);
    add_para(&s2->body, "đầu");
    add_table(&s2->body);
    add_section(doc);
    kh_section *s4 = add_section(doc);
    add_para(&s4->body, "hết");
    finish_ok(doc);
    const kh_section *sec = doc->sections;   /* the array settled: take the sections again */
    assert_ptr_equal(sec[0].carrier, end1);
    assert_int_equal(sec[0].opens_blank, 0);
    assert_null(sec[1].carrier);                /* ends with a table */
    assert_int_equal(sec[1].opens_blank, 0);
    assert_null(sec[2].carrier);                /* empty */
    assert_int_equal(sec[2].opens_blank, 1);
    assert_null(sec[3].carrier);                /* the last: its properties close the body */
    assert_int_equal(sec[3].opens_blank, 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(sec[i].closes_blank, 0);   /* the text ends with a paragraph */
    add_table(&kh_doc_current_section(doc)->body);
    finish_ok(doc);
    assert_int_equal(doc->sections[3].closes_blank, 1);
    assert_int_equal(doc->sections[1].closes_blank, 0);   /* only the last section's end counts */
    kh_doc_free(doc);
}

/* The writers take only a finished model; a model without a section does not finish. */
static void test_writers_need_a_finished_model(void **state)
{
    (void)state;
    kh_doc *doc = kh_doc_new();
    assert_contains(finish_fails(doc), "the template wrote no content");
    assert_int_equal(doc->finished, 0);
    kh_section *s = add_section(doc);
    add_para(&s->body, "a");
    char *data = NULL;
    size_t len = 0;
    kh_error err;
    kh_error_clear(&err);
    assert_int_equal(kh_docx_write(doc, &data, &len, &err), KH_EXIT_IO);
    assert_contains(err.message, "not finished");
    kh_error_clear(&err);
    assert_int_equal(kh_odt_write(doc, &data, &len, &err), KH_EXIT_IO);
    assert_null(data);
    finish_ok(doc);
    assert_int_equal(doc->finished, 1);
    for (int odt = 0; odt < 2; odt++) {
        kh_error_clear(&err);
        assert_int_equal(odt ? kh_odt_write(doc, &data, &len, &err) : kh_docx_write(doc, &data, &len, &err), KH_OK);
        assert_true(len > 0);
        free(data);
        data = NULL;
    }
    kh_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inheritance_chain),
        cmocka_unit_test(test_inheritance_loop_ends),
        cmocka_unit_test(test_shade_out_of_range_names_the_field),
        cmocka_unit_test(test_shade_resolves_to_a_fill),
        cmocka_unit_test(test_colour_out_of_range_names_the_field),
        cmocka_unit_test(test_empty_cell_gets_its_paragraph),
        cmocka_unit_test(test_section_carriers),
        cmocka_unit_test(test_writers_need_a_finished_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
