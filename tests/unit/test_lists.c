/* test_lists.c — multi-level lists: the label syntax, the series each item counts in, and the
   exact XML both writers make of them (numbering.xml and numPr in DOCX; the outline style,
   list styles, text:h and text:list in ODT). */
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
#include "kh_model.h"
#include "kh_util.h"
#include "odt_internal.h"

/* ---- the label syntax ---- */

static void parse_ok(const char *text, int level, const char *prefix, const char *suffix, int first)
{
    char *p = NULL, *s = NULL, why[160];
    int shown = 0;
    assert_int_equal(kh_list_parse_label(text, level, &p, &s, &shown, why, sizeof why), 0);
    assert_string_equal(p, prefix);
    assert_string_equal(s, suffix);
    assert_int_equal(shown, first);
    free(p);
    free(s);
}

static void parse_fails(const char *text, int level, const char *because)
{
    char *p = NULL, *s = NULL, why[160];
    int shown = 0;
    assert_int_equal(kh_list_parse_label(text, level, &p, &s, &shown, why, sizeof why), -1);
    assert_null(p);
    assert_non_null(strstr(why, because));
}

static void test_labels(void **state)
{
    (void)state;
    parse_ok("%1.", 1, "", ".", 1);
    parse_ok("%2.", 2, "", ".", 2);
    parse_ok("%2.%3.", 3, "", ".", 2);
    parse_ok("%1.%2.%3", 3, "", "", 1);
    parse_ok("(%4)", 4, "(", ")", 4);
    parse_ok("Điều %1.", 1, "Điều ", ".", 1);
    parse_fails("a)", 1, "%1");                      /* no number at all */
    parse_fails("%2.", 3, "must end with");          /* not this level's number */
    parse_fails("%1.%3.", 3, "consecutive");
    parse_fails("%1-%2", 2, "must end with");        /* joined by "." only */
    parse_fails("%2. %2.", 2, "only one run");
    parse_fails("%x", 1, "%1 to %9");
}

/* ---- a small model ---- */

static void gate(char **field, const char *s)
{
    kh_gated g;
    assert_int_equal(kh_text_gate(s, strlen(s), &g, NULL), KH_TEXT_OK);
    kh_model_take(field, &g);
}

static void level(kh_list *l, int k, kh_num_format f, const char *prefix, const char *suffix, int first)
{
    kh_list_level *lv = &l->levels[k - 1];
    lv->format = f;
    gate(&lv->prefix, prefix);
    gate(&lv->suffix, suffix);
    lv->first_shown = first;
    lv->start = 1;
    lv->follow = KH_FOLLOW_SPACE;
    lv->indent_first = 720;
    if (k > l->nlevels)
        l->nlevels = k;
}

/* The decree's headings (I., 1., 1.1.) as list 1, carried by Heading1–3; dashes as list 2. */
static kh_doc *decree_doc(void)
{
    kh_doc *doc = kh_doc_new();
    doc->time = 1767225600;
    kh_list l;
    kh_list_init(&l);
    gate(&l.id, "Decree");
    level(&l, 1, KH_NUM_UPPER_ROMAN, "", ".", 1);
    level(&l, 2, KH_NUM_DECIMAL, "", ".", 2);
    level(&l, 3, KH_NUM_DECIMAL, "", ".", 2);
    assert_int_equal(kh_lists_put(&doc->lists, &l), 1);
    kh_list_init(&l);
    gate(&l.id, "Dash");
    level(&l, 1, KH_NUM_BULLET, "", "-", 1);
    level(&l, 2, KH_NUM_BULLET, "", "+", 2);
    assert_int_equal(kh_lists_put(&doc->lists, &l), 2);
    for (int k = 1; k <= 3; k++) {
        kh_style s;
        kh_style_init(&s);
        char id[16];
        snprintf(id, sizeof id, "Heading%d", k);
        gate(&s.id, id);
        snprintf(id, sizeof id, "heading %d", k);
        gate(&s.name, id);
        s.list = (kh_list_ref){1, k, 0, 0};
        s.outline_level = k;
        gate(&doc->lists.items[0].levels[k - 1].style, s.id);
        kh_doc_put_style(doc, &s);
    }
    kh_section sect;
    kh_section_init(&sect);
    sect.page_numbers = 0;
    kh_doc_append_section(doc, &sect);
    return doc;
}

static kh_para *para(kh_doc *doc, const char *style, const char *text)
{
    kh_para *p = kh_blocks_add_para(&kh_doc_current_section(doc)->body);
    if (style)
        gate(&p->style, style);
    kh_gated g;
    kh_run_props plain;
    kh_run_props_init(&plain);
    assert_int_equal(kh_text_gate(text, strlen(text), &g, NULL), KH_TEXT_OK);
    kh_para_add_text(p, &g, &plain);
    return p;
}

static kh_para *dash(kh_doc *doc, int lvl, const char *text)
{
    kh_para *p = para(doc, NULL, text);
    p->list = (kh_list_ref){2, lvl, 0, 0};
    return p;
}

/* I. A / - a / + b / 1. B / (a second document:) I. C restarted / - c restarted */
static kh_doc *sample(void)
{
    kh_doc *doc = decree_doc();
    para(doc, "Heading1", "A");
    dash(doc, 1, "a");
    dash(doc, 2, "b");
    para(doc, "Heading2", "B");
    para(doc, NULL, "text");
    para(doc, "Heading1", "C")->list.restart = 1;
    dash(doc, 1, "c")->list.restart = 1;
    kh_lists_assign(doc);
    return doc;
}

static const kh_para *nth(const kh_doc *doc, size_t i) { return doc->sections[0].body.blocks[i].u.para; }

static void test_series(void **state)
{
    (void)state;
    kh_doc *doc = sample();
    /* the list's own series, then one new series per restart, numbered after the lists */
    int want[][3] = {{1, 1, 1}, {2, 1, 2}, {2, 2, 2}, {1, 2, 1}, {0, 0, 0}, {1, 1, 3}, {2, 1, 4}};
    for (size_t i = 0; i < 7; i++) {
        const kh_list_ref *it = &nth(doc, i)->item;
        assert_int_equal(it->list, want[i][0]);
        assert_int_equal(it->level, want[i][1]);
        assert_int_equal(it->series, want[i][2]);
    }
    assert_int_equal(doc->lists.nrestarts, 2);
    assert_int_equal(doc->lists.restart_of[0], 1);
    assert_int_equal(doc->lists.restart_of[1], 2);
    /* a restart on a list's first item opens no series: there is nothing to restart */
    kh_doc *fresh = decree_doc();
    para(fresh, "Heading1", "A")->list.restart = 1;
    kh_lists_assign(fresh);
    assert_int_equal(nth(fresh, 0)->item.series, 1);
    assert_int_equal(fresh->lists.nrestarts, 0);
    kh_doc_free(fresh);
    kh_doc_free(doc);
}

/* ---- the XML ---- */

static void expect_between(char *xml, const char *from, const char *to, const char *want)
{
    const char *a = strstr(xml, from);
    assert_non_null(a);
    a += strlen(from);
    const char *b = strstr(a, to);
    assert_non_null(b);
    size_t n = (size_t)(b - a);
    if (strlen(want) != n || memcmp(a, want, n) != 0)
        fprintf(stderr, "expected\n  %s\ngot\n  %.*s\n", want, (int)n, a);
    assert_int_equal(strlen(want), n);
    assert_memory_equal(a, want, n);
    free(xml);
}

#define LVL(i, fmt, style, text)                                                                \
    "<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt "\"/>" style         \
    "<w:suff w:val=\"space\"/><w:lvlText w:val=\"" text "\"/><w:lvlJc w:val=\"left\"/>"          \
    "<w:pPr><w:ind w:left=\"0\" w:firstLine=\"720\"/></w:pPr></w:lvl>"

static void test_docx_numbering_part(void **state)
{
    (void)state;
    kh_doc *doc = sample();
    char *data;
    size_t len;
    assert_int_equal(docx_numbering_xml(doc, &data, &len), 0);
    expect_between(data, "wordprocessingml/2006/main\">", "</w:numbering>",
                   /* every abstractNum before the first num, as the schema orders them */
                   "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
                   LVL(0, "upperRoman", "<w:pStyle w:val=\"Heading1\"/>", "%1.")
                   LVL(1, "decimal", "<w:pStyle w:val=\"Heading2\"/>", "%2.")
                   LVL(2, "decimal", "<w:pStyle w:val=\"Heading3\"/>", "%2.%3.") "</w:abstractNum>"
                   "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"multilevel\"/>"
                   LVL(0, "bullet", "", "-") LVL(1, "bullet", "", "+") "</w:abstractNum>"
                   "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                   "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
                   /* each restart: the same abstractNum, every level from its start */
                   "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/>"
                   "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
                   "<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
                   "<w:lvlOverride w:ilvl=\"2\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
                   "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/>"
                   "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
                   "<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>");
    kh_doc_free(doc);
}

static void test_docx_items(void **state)
{
    (void)state;
    kh_doc *doc = sample();
    docx_section_refs refs = {0, 0};
    kh_deflated part;
    assert_int_equal(docx_document_xml(doc, &refs, &part), 0);
    char *data = inflated(&part);
#define T(s) "<w:r><w:t xml:space=\"preserve\">" s "</w:t></w:r></w:p>"
#define NUMPR(ilvl, id) "<w:numPr><w:ilvl w:val=\"" #ilvl "\"/><w:numId w:val=\"" #id "\"/></w:numPr>"
    expect_between(data, "<w:body>", "<w:sectPr>",
                   /* a heading takes its number from its style */
                   "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" T("A")
                   /* an item of its own list names it */
                   "<w:p><w:pPr>" NUMPR(0, 2) "</w:pPr>" T("a")
                   "<w:p><w:pPr>" NUMPR(1, 2) "</w:pPr>" T("b")
                   "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>" T("B")
                   "<w:p><w:pPr/>" T("text")
                   /* after a restart a heading names the new series, on top of its style */
                   "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>" NUMPR(0, 3) "</w:pPr>" T("C")
                   "<w:p><w:pPr>" NUMPR(0, 4) "</w:pPr>" T("c"));
#undef T
#undef NUMPR
    kh_doc_free(doc);
}

static void test_docx_heading_style(void **state)
{
    (void)state;
    kh_doc *doc = sample();
    char *data;
    size_t len;
    assert_int_equal(docx_styles_xml(doc, &data, &len), 0);
    /* Word's own id and name; the list level and the outline level (0-based) */
    /* Word's built-in heading: no w:customStyle */
    expect_between(data, "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">", "</w:style>",
                   "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
                   "<w:qFormat/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>"
                   "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr/>");
    kh_doc_free(doc);
}

static void test_odt_items(void **state)
{
    (void)state;
    kh_doc *doc = sample();
    kh_deflated part;
    assert_int_equal(odt_content_xml(doc, &part), 0);
    char *data = inflated(&part);
    expect_between(data, "<office:text>", "</office:text>",
                   /* headings are text:h, numbered by the outline style */
                   "<text:h text:style-name=\"P1\" text:outline-level=\"1\">A</text:h>"
                   /* items sit in nested lists; a deeper level inside the item above it */
                   "<text:list text:style-name=\"LDash\" xml:id=\"list1\"><text:list-item>"
                   "<text:p text:style-name=\"Standard\">a</text:p>"
                   "<text:list><text:list-item><text:p text:style-name=\"Standard\">b</text:p>"
                   "</text:list-item></text:list></text:list-item></text:list>"
                   "<text:h text:style-name=\"Heading2\" text:outline-level=\"2\">B</text:h>"
                   "<text:p text:style-name=\"Standard\">text</text:p>"
                   /* a restart: the heading starts again; the list is a new one, not continued */
                   "<text:h text:style-name=\"Heading1\" text:outline-level=\"1\" "
                   "text:restart-numbering=\"true\" text:start-value=\"1\">C</text:h>"
                   "<text:list text:style-name=\"LDash\" xml:id=\"list2\"><text:list-item>"
                   "<text:p text:style-name=\"Standard\">c</text:p></text:list-item></text:list>");
    kh_doc_free(doc);
}

/* An item of a series after other text continues that series' list. */
static void test_odt_continued_list(void **state)
{
    (void)state;
    kh_doc *doc = decree_doc();
    dash(doc, 1, "a");
    para(doc, NULL, "text");
    dash(doc, 1, "b");
    kh_lists_assign(doc);
    kh_deflated part;
    assert_int_equal(odt_content_xml(doc, &part), 0);
    char *data = inflated(&part);
    expect_between(data, "<office:text>", "</office:text>",
                   "<text:list text:style-name=\"LDash\" xml:id=\"list1\"><text:list-item>"
                   "<text:p text:style-name=\"P1\">a</text:p></text:list-item></text:list>"
                   "<text:p text:style-name=\"Standard\">text</text:p>"
                   "<text:list text:style-name=\"LDash\" xml:id=\"list2\" text:continue-list=\"list1\">"
                   "<text:list-item><text:p text:style-name=\"Standard\">b</text:p></text:list-item></text:list>");
    kh_doc_free(doc);
}

static void test_odt_list_styles(void **state)
{
    (void)state;
    kh_doc *doc = sample();
    char *data;
    size_t len;
    assert_int_equal(odt_styles_xml(doc, &data, &len), 0);
#define POS "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">" \
            "<style:list-level-label-alignment text:label-followed-by=\"space\" fo:text-indent=\"1.27cm\" " \
            "fo:margin-left=\"0cm\"/></style:list-level-properties>"
    expect_between(data, "<text:outline-style style:name=\"Outline\">", "</text:outline-style>",
                   "<text:outline-level-style text:level=\"1\" style:num-suffix=\".\" style:num-format=\"I\" "
                   "text:start-value=\"1\">" POS "</text:outline-level-style>"
                   "<text:outline-level-style text:level=\"2\" style:num-suffix=\".\" style:num-format=\"1\" "
                   "text:start-value=\"1\">" POS "</text:outline-level-style>"
                   /* "1.1.": two levels shown */
                   "<text:outline-level-style text:level=\"3\" style:num-suffix=\".\" style:num-format=\"1\" "
                   "text:display-levels=\"2\" text:start-value=\"1\">" POS "</text:outline-level-style>");
    assert_int_equal(odt_styles_xml(doc, &data, &len), 0);
    expect_between(data, "<text:list-style style:name=\"LDash\" style:display-name=\"Dash\">", "</text:list-style>",
                   "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"-\">" POS
                   "</text:list-level-style-bullet>"
                   "<text:list-level-style-bullet text:level=\"2\" text:bullet-char=\"+\">" POS
                   "</text:list-level-style-bullet>");
    /* a heading style is a heading of its level */
    assert_int_equal(odt_styles_xml(doc, &data, &len), 0);
    expect_between(data, "<style:style style:name=\"Heading2\" style:display-name=\"heading 2\" ", ">",
                   "style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
                   "style:default-outline-level=\"2\"/");
#undef POS
    kh_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_docx_numbering_part),
        cmocka_unit_test(test_docx_items),
        cmocka_unit_test(test_docx_heading_style),
        cmocka_unit_test(test_odt_items),
        cmocka_unit_test(test_odt_continued_list),
        cmocka_unit_test(test_odt_list_styles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
