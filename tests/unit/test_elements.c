/* test_elements.c — each element the writers make, as exact XML for a small model, in DOCX
   (word/document.xml) and ODT (content.xml): a paragraph with its style, runs, a table with
   spans and a header row, a landscape section with the page number in its header. A change
   to any of them shows here as the element that changed, not as a page that looks different. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "inflated.h"
#include "docx_internal.h"
#include "odt_internal.h"
#include "kh_finish.h"
#include "kh_model.h"

/* ---- building a small model ---- */

static void text(kh_para *p, const char *s, const kh_run_props *props)
{
    kh_gated g;
    kh_run_props plain;
    kh_run_props_init(&plain);
    assert_int_equal(kh_text_gate(s, strlen(s), &g, NULL), KH_TEXT_OK);
    kh_para_add_text(p, &g, props ? props : &plain);
}

static void name(char **field, const char *s)
{
    kh_gated g;
    assert_int_equal(kh_text_gate(s, strlen(s), &g, NULL), KH_TEXT_OK);
    kh_model_take(field, &g);
}

/* A document of one A4 section, its time fixed. */
static kh_doc *one_section(void)
{
    kh_doc *doc = kh_doc_new();
    doc->time = 1767225600;   /* 2026-01-01 */
    kh_section s;
    kh_section_init(&s);
    kh_doc_append_section(doc, &s);
    return doc;
}

static kh_para *add_para(kh_doc *doc, const char *style, const char *s)
{
    kh_para *p = kh_blocks_add_para(&kh_doc_current_section(doc)->body);
    if (style)
        name(&p->style, style);
    if (s)
        text(p, s, NULL);
    return p;
}

/* ---- the parts, and the piece of them a test looks at ---- */

/* The writers take a finished model, as kh_render gives them. */
static void finish(const kh_doc *doc)
{
    kh_error err = {0};
    assert_int_equal(kh_finish((kh_doc *)doc, &err), KH_OK);
}

static char *docx_part(const kh_doc *doc)
{
    finish(doc);
    docx_section_refs refs[4] = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    for (size_t i = 0; i < doc->nsections && i < 4; i++)
        if (doc->sections[i].page_numbers)
            refs[i] = (docx_section_refs){(int)(2 * i + 2), (int)(2 * i + 3)};
    kh_deflated part;
    assert_int_equal(docx_document_xml(doc, refs, &part), 0);
    return inflated(&part);
}

static char *odt_part(const kh_doc *doc)
{
    finish(doc);
    kh_deflated part;
    assert_int_equal(odt_content_xml(doc, &part), 0);
    return inflated(&part);
}

/* The text of XML between the end of the first FROM and the start of the following TO. */
static char *between(const char *xml, const char *from, const char *to)
{
    const char *a = strstr(xml, from);
    assert_non_null(a);
    a += strlen(from);
    const char *b = strstr(a, to);
    assert_non_null(b);
    char *out = malloc((size_t)(b - a) + 1);
    memcpy(out, a, (size_t)(b - a));
    out[b - a] = '\0';
    return out;
}

static void expect(char *part, const char *from, const char *to, const char *want)
{
    char *got = between(part, from, to);
    if (strcmp(got, want) != 0)
        fprintf(stderr, "expected\n  %s\ngot\n  %s\n", want, got);
    assert_string_equal(got, want);
    free(got);
    free(part);
}

#define DOCX_BODY(doc, want) expect(docx_part(doc), "<w:body>", "</w:body>", want)
#define ODT_TEXT(doc, want) expect(odt_part(doc), "<office:text>", "</office:text>", want)
#define ODT_AUTO(doc, want) \
    expect(odt_part(doc), "<office:automatic-styles>", "</office:automatic-styles>", want)

/* The closing w:sectPr of an A4 portrait section as kh_section_init makes it: the decree's
   margins (top/bottom 2 cm, left 3 cm, right 1.5 cm), the page number from page 2 (titlePg: the
   first page has the empty header). */
#define A4_SECTPR \
    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/>" \
    "<w:headerReference w:type=\"first\" r:id=\"rId3\"/><w:type w:val=\"nextPage\"/>" \
    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>" \
    "<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>" \
    "<w:titlePg/></w:sectPr>"

/* ---- a paragraph with its style and its runs ---- */

static void test_docx_paragraph_with_style(void **state)
{
    (void)state;
    kh_doc *doc = one_section();
    kh_para *p = add_para(doc, "Body", "Nội dung ");
    kh_run_props bold;
    kh_run_props_init(&bold);
    bold.bold = 1;
    text(p, "in đậm", &bold);
    DOCX_BODY(doc, "<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr>"
                   "<w:r><w:t xml:space=\"preserve\">Nội dung </w:t></w:r>"
                   "<w:r><w:rPr><w:b w:val=\"1\"/><w:bCs w:val=\"1\"/></w:rPr>"
                   "<w:t xml:space=\"preserve\">in đậm</w:t></w:r></w:p>" A4_SECTPR);
    kh_doc_free(doc);
}

/* A tab and a line break in the text become their own runs; the paragraph's size is on its
   mark (an empty line keeps its height) and on every run. */
static void test_docx_runs(void **state)
{
    (void)state;
    kh_doc *doc = one_section();
    kh_para *p = add_para(doc, NULL, NULL);
    p->props.align = KH_ALIGN_CENTER;
    p->props.space_after = 120;
    p->props.run.size = 26;
    text(p, "a\tb\nc", &p->props.run);
#define SZ26 "<w:rPr><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr>"
    DOCX_BODY(doc, "<w:p><w:pPr><w:spacing w:after=\"120\"/><w:jc w:val=\"center\"/>" SZ26 "</w:pPr>"
                   "<w:r>" SZ26 "<w:t xml:space=\"preserve\">a</w:t></w:r>"
                   "<w:r>" SZ26 "<w:tab/></w:r>"
                   "<w:r>" SZ26 "<w:t xml:space=\"preserve\">b</w:t></w:r>"
                   "<w:r>" SZ26 "<w:br/></w:r>"
                   "<w:r>" SZ26 "<w:t xml:space=\"preserve\">c</w:t></w:r></w:p>" A4_SECTPR);
#undef SZ26
    kh_doc_free(doc);
}

static void test_odt_paragraph_with_style(void **state)
{
    (void)state;
    kh_doc *doc = one_section();
    kh_para *p = add_para(doc, "Body", "Nội dung ");
    kh_run_props bold;
    kh_run_props_init(&bold);
    bold.bold = 1;
    text(p, "in đậm", &bold);
    char *part = odt_part(doc);
    char *t = between(part, "<office:text>", "</office:text>");
    assert_string_equal(t, "<text:p text:style-name=\"P1\">Nội dung "
                           "<text:span text:style-name=\"T1\">in đậm</text:span></text:p>");
    free(t);
    ODT_AUTO(doc, "<style:style style:name=\"P1\" style:family=\"paragraph\" "
                  "style:parent-style-name=\"Body\" style:master-page-name=\"S1First\"/>"
                  "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
                  "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" "
                  "style:font-weight-complex=\"bold\"/></style:style>");
    free(part);
    kh_doc_free(doc);
}

/* ---- a table with spans and a header row ---- */

/* Two columns; a header row, then a cell spanning both columns, then a cell spanning two rows
   beside two one-row cells. */
static kh_doc *spanned_table(void)
{
    kh_doc *doc = one_section();
    kh_table *t = kh_table_new(2);
    t->widths[0] = 1000;
    t->widths[1] = 2000;
    t->borders = 1;
    const char *cells[][3] = {{"STT", "Nội dung", NULL}, {"I", NULL, NULL}, {"1", "a", NULL}, {"b", NULL, NULL}};
    int colspan[] = {1, 2, 1, 1}, rowspan[] = {1, 1, 2, 1};
    for (int r = 0; r < 4; r++) {
        kh_row *row = kh_table_add_row(t);
        row->header = r == 0;
        for (int c = 0; c < 2 && cells[r][c]; c++) {
            kh_cell *cell = kh_row_add_cell(row);
            if (c == 0) {
                cell->colspan = colspan[r];
                cell->rowspan = rowspan[r];
            }
            kh_para *p = kh_blocks_add_para(&cell->content);
            text(p, cells[r][c], NULL);
        }
    }
    kh_error err = {0};
    assert_int_equal(kh_table_layout(t, &err), 0);
    kh_blocks_append_table(&kh_doc_current_section(doc)->body, t);
    return doc;
}

static void test_docx_table_spans_header(void **state)
{
    (void)state;
    kh_doc *doc = spanned_table();
#define BORDER(side) "<w:" side " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
#define CELL(w, extra, body) "<w:tc><w:tcPr><w:tcW w:w=\"" w "\" w:type=\"dxa\"/>" extra "</w:tcPr>" body "</w:tc>"
#define PARA(t) "<w:p><w:pPr/><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
    DOCX_BODY(doc,
              "<w:tbl><w:tblPr><w:tblW w:w=\"3000\" w:type=\"dxa\"/><w:tblBorders>" BORDER("top")
              BORDER("left") BORDER("bottom") BORDER("right") BORDER("insideH") BORDER("insideV")
              "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
              "<w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
              "<w:tblLook w:val=\"0000\"/></w:tblPr>"
              "<w:tblGrid><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"
              /* the header row, repeated at the top of every page */
              "<w:tr><w:trPr><w:tblHeader/></w:trPr>" CELL("1000", "", PARA("STT"))
              CELL("2000", "", PARA("Nội dung")) "</w:tr>"
              /* a cell across both columns: the width of both */
              "<w:tr>" CELL("3000", "<w:gridSpan w:val=\"2\"/>", PARA("I")) "</w:tr>"
              /* a cell down two rows: vMerge restart, then a continuing cell with an empty paragraph */
              "<w:tr>" CELL("1000", "<w:vMerge w:val=\"restart\"/>", PARA("1"))
              CELL("2000", "", PARA("a")) "</w:tr>"
              "<w:tr>" CELL("1000", "<w:vMerge/>", "<w:p/>") CELL("2000", "", PARA("b")) "</w:tr>"
              /* a body does not end with a table */
              "</w:tbl><w:p/>" A4_SECTPR);
#undef BORDER
#undef CELL
#undef PARA
    kh_doc_free(doc);
}

static void test_odt_table_spans_header(void **state)
{
    (void)state;
    kh_doc *doc = spanned_table();
#define CELL(extra, t) "<table:table-cell table:style-name=\"Ce1\"" extra ">" \
                       "<text:p text:style-name=\"Standard\">" t "</text:p></table:table-cell>"
    ODT_TEXT(doc, "<table:table table:name=\"Table1\" table:style-name=\"Ta1\">"
                  "<table:table-column table:style-name=\"Co1\"/><table:table-column table:style-name=\"Co2\"/>"
                  "<table:table-header-rows><table:table-row>" CELL("", "STT") CELL("", "Nội dung")
                  "</table:table-row></table:table-header-rows>"
                  "<table:table-row>" CELL(" table:number-columns-spanned=\"2\"", "I")
                  "<table:covered-table-cell/></table:table-row>"
                  "<table:table-row>" CELL(" table:number-rows-spanned=\"2\"", "1") CELL("", "a")
                  "</table:table-row>"
                  "<table:table-row><table:covered-table-cell/>" CELL("", "b") "</table:table-row>"
                  "</table:table><text:p text:style-name=\"Standard\"/>");
#undef CELL
    kh_doc_free(doc);
}

/* ---- a landscape section with the page number in its header ---- */

static kh_doc *two_sections(void)
{
    kh_doc *doc = one_section();
    add_para(doc, NULL, "dọc");
    kh_section s;
    kh_section_init(&s);
    s.width = 16838;
    s.height = 11906;
    s.page_numbers = 1;
    s.number_first_page = 1;
    s.page_start = 1;
    kh_doc_append_section(doc, &s);
    add_para(doc, NULL, "ngang");
    return doc;
}

static void test_docx_landscape_section(void **state)
{
    (void)state;
    kh_doc *doc = two_sections();
    DOCX_BODY(doc,
              /* the first section's properties ride on its last paragraph */
              "<w:p><w:pPr>" A4_SECTPR "</w:pPr><w:r><w:t xml:space=\"preserve\">dọc</w:t></w:r></w:p>"
              "<w:p><w:pPr/><w:r><w:t xml:space=\"preserve\">ngang</w:t></w:r></w:p>"
              /* the last one closes the body: landscape, numbered from 1, on its first page too */
              "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
              "<w:headerReference w:type=\"first\" r:id=\"rId4\"/><w:type w:val=\"nextPage\"/>"
              "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
              "<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" "
              "w:footer=\"567\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr>");
    kh_doc_free(doc);
}

/* The page number header: a centred PAGE field. */
static void test_docx_page_number_header(void **state)
{
    (void)state;
    kh_doc *doc = two_sections();
    char *data;
    size_t len;
    finish(doc);
    assert_int_equal(docx_header_xml(&doc->sections[1], 1, &data, &len), 0);
    expect(data, "relationships\">", "</w:hdr>",
           "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
           "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
    kh_doc_free(doc);
}

static void test_odt_landscape_section(void **state)
{
    (void)state;
    kh_doc *doc = two_sections();
    ODT_TEXT(doc, "<text:p text:style-name=\"P1\">dọc</text:p>"
                  "<text:p text:style-name=\"P2\">ngang</text:p>");
    /* a section starts where a paragraph names its master page; the second restarts at 1 */
    ODT_AUTO(doc, "<style:style style:name=\"P1\" style:family=\"paragraph\" "
                  "style:parent-style-name=\"Standard\" style:master-page-name=\"S1First\"/>"
                  "<style:style style:name=\"P2\" style:family=\"paragraph\" "
                  "style:parent-style-name=\"Standard\" style:master-page-name=\"S2\">"
                  "<style:paragraph-properties style:page-number=\"1\"/></style:style>");
    kh_doc_free(doc);
}

/* The master pages: the first page of section 1 has no number (its own page style, followed
   by the numbered one); section 2 is numbered from its first page, in a centred header. */
static void test_odt_master_pages(void **state)
{
    (void)state;
    kh_doc *doc = two_sections();
    char *data;
    size_t len;
    finish(doc);
    assert_int_equal(odt_styles_xml(doc, &data, &len), 0);
#define NUMBER_HEADER "<style:header><text:p text:style-name=\"MP1\">" \
                      "<text:page-number text:select-page=\"current\">1</text:page-number></text:p></style:header>"
    expect(data, "<office:master-styles>", "</office:master-styles>",
           "<style:master-page style:name=\"S1\" style:display-name=\"Section 1\" "
           "style:page-layout-name=\"pm1\">" NUMBER_HEADER "</style:master-page>"
           "<style:master-page style:name=\"S1First\" style:display-name=\"Section 1, first page\" "
           "style:page-layout-name=\"pm1First\" style:next-style-name=\"S1\"/>"
           "<style:master-page style:name=\"S2\" style:display-name=\"Section 2\" "
           "style:page-layout-name=\"pm2\">" NUMBER_HEADER "</style:master-page>");
#undef NUMBER_HEADER
    kh_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docx_paragraph_with_style),
        cmocka_unit_test(test_docx_runs),
        cmocka_unit_test(test_odt_paragraph_with_style),
        cmocka_unit_test(test_docx_table_spans_header),
        cmocka_unit_test(test_odt_table_spans_header),
        cmocka_unit_test(test_docx_landscape_section),
        cmocka_unit_test(test_docx_page_number_header),
        cmocka_unit_test(test_odt_landscape_section),
        cmocka_unit_test(test_odt_master_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
