/* test_fonts.c — the font table says the template's font with its family and pitch, and an ODT
   paragraph style that sets one margin (or indent) of a group writes the whole group. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "docx_internal.h"
#include "kh_finish.h"
#include "kh_fonts.h"
#include "kh_util.h"
#include "odt_internal.h"

static void test_lookup(void **state)
{
    (void)state;
    kh_font_info f = kh_font_lookup("times new roman");
    assert_string_equal(f.name, "times new roman");   /* as the template spells it */
    assert_string_equal(f.family, "roman");
    assert_int_equal(f.fixed_pitch, 0);
    assert_string_equal(f.panose, "02020603050405020304");
    assert_int_equal(kh_font_lookup("Courier New").fixed_pitch, 1);
    f = kh_font_lookup("Phông Lạ");
    assert_string_equal(f.name, "Phông Lạ");
    assert_null(f.family);
    assert_null(f.panose);
}

static char *font_table(const char *font)
{
    kh_doc *doc = kh_doc_new();
    free(doc->font);
    doc->font = kh_xstrdup(font);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(docx_font_table_xml(doc, &data, &len), 0);
    kh_doc_free(doc);
    return data;
}

static void test_docx_font_table(void **state)
{
    (void)state;
    char *xml = font_table("Arial");
    assert_non_null(strstr(xml, "<w:font w:name=\"Arial\"><w:panose1 w:val=\"020B0604020202020204\"/>"
                                "<w:charset w:val=\"00\"/><w:family w:val=\"swiss\"/>"
                                "<w:pitch w:val=\"variable\"/></w:font>"));
    free(xml);
    xml = font_table("Phông Lạ");   /* unknown: no PANOSE, family auto */
    assert_non_null(strstr(xml, "<w:font w:name=\"Phông Lạ\"><w:charset w:val=\"00\"/>"
                                "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"));
    free(xml);
}

static kh_doc *doc_with_style(void)
{
    kh_doc *doc = kh_doc_new();
    kh_style s;
    kh_style_init(&s);
    s.id = kh_xstrdup("Rule");
    s.props.space_before = 60;
    s.props.space_after = 40;
    s.props.indent_first = 0;
    s.props.indent_right = 100;
    kh_doc_put_style(doc, &s);
    return doc;
}

static void test_margins_completed(void **state)
{
    (void)state;
    kh_doc *doc = doc_with_style();
    kh_para_props own;
    kh_para_props_init(&own);
    own.space_after = 120;
    own.indent_left = 300;
    kh_para_props p = own, applied = kh_finish_applied(doc, &own, "Rule");
    odt_complete_margins(&p, &applied);
    assert_int_equal(p.space_before, 60);    /* the style's, written beside the own space after */
    assert_int_equal(p.space_after, 120);
    assert_int_equal(p.indent_left, 300);
    assert_int_equal(p.indent_right, 100);
    assert_int_equal(p.indent_first, 0);
    kh_doc_free(doc);
}

static void test_margins_untouched(void **state)
{
    (void)state;
    kh_doc *doc = doc_with_style();
    kh_para_props own;
    kh_para_props_init(&own);
    own.align = KH_ALIGN_CENTER;
    kh_para_props p = own, applied = kh_finish_applied(doc, &own, "Rule");
    odt_complete_margins(&p, &applied);   /* nothing of the groups set: the style's stand */
    assert_int_equal(p.space_before, KH_UNSET);
    assert_int_equal(p.space_after, KH_UNSET);
    assert_int_equal(p.indent_left, KH_UNSET);
    kh_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_docx_font_table),
        cmocka_unit_test(test_margins_completed),
        cmocka_unit_test(test_margins_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
