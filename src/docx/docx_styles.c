/* word/styles.xml: document defaults, the Normal style and the template's own styles. */
#include <stdio.h>
#include <string.h>
#include "docx_internal.h"

static void write_fonts(kh_xml *x, const char *font)
{
    kh_xml_start(x, "w:rFonts");
    kh_xml_attr(x, "w:ascii", font);
    kh_xml_attr(x, "w:hAnsi", font);
    kh_xml_attr(x, "w:eastAsia", font);
    kh_xml_attr(x, "w:cs", font);
    kh_xml_end(x);
}

static void doc_defaults(kh_xml *x, const kh_doc *doc)
{
    kh_xml_start(x, "w:docDefaults");
    kh_xml_start(x, "w:rPrDefault");
    kh_xml_start(x, "w:rPr");
    write_fonts(x, doc->font);
    kh_xml_empty(x, "w:color", "w:val", "000000");   /* the decree: black text */
    kh_xml_empty_int(x, "w:sz", "w:val", doc->size);
    kh_xml_empty_int(x, "w:szCs", "w:val", doc->size);
    kh_xml_start(x, "w:lang");
    kh_xml_attr(x, "w:val", doc->lang);
    kh_xml_attr(x, "w:eastAsia", "en-US");
    kh_xml_attr(x, "w:bidi", "ar-SA");
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_start(x, "w:pPrDefault");
    kh_xml_start(x, "w:pPr");
    kh_xml_start(x, "w:spacing");
    kh_xml_attr(x, "w:before", "0");
    kh_xml_attr(x, "w:after", "0");
    kh_xml_attr(x, "w:line", "240");
    kh_xml_attr(x, "w:lineRule", "auto");
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_end(x);
}

/* Word's own heading style: id "HeadingN" named "heading N", as Word writes it, so the
   Navigation Pane, a TOC field and Word's Heading buttons take it for theirs. */
static int word_heading(const kh_style *s)
{
    char name[16];
    int n = s->id[0] ? s->id[strlen(s->id) - 1] - '0' : 0;
    if (n < 1 || n > 9 || strlen(s->id) != 8 || strncmp(s->id, "Heading", 7) != 0)
        return 0;
    snprintf(name, sizeof name, "heading %d", n);
    return s->name && strcmp(s->name, name) == 0;
}

static void write_style(kh_xml *x, const kh_style *s)
{
    int heading = word_heading(s);
    kh_xml_start(x, "w:style");
    kh_xml_attr(x, "w:type", "paragraph");
    if (!heading)
        kh_xml_attr(x, "w:customStyle", "1");
    kh_xml_attr(x, "w:styleId", s->id);
    kh_xml_empty(x, "w:name", "w:val", s->name ? s->name : s->id);
    kh_xml_empty(x, "w:basedOn", "w:val", s->based_on ? s->based_on : "Normal");
    if (s->next)
        kh_xml_empty(x, "w:next", "w:val", s->next);
    if (heading)
        kh_xml_empty(x, "w:uiPriority", "w:val", "9");   /* where Word lists its headings */
    kh_xml_empty(x, "w:qFormat", NULL, NULL);
    kh_xml_start(x, "w:pPr");
    docx_numpr num = {s->list.list, s->list.level > 0 ? s->list.level - 1 : 0, s->outline_level};
    docx_write_ppr_props(x, &s->props, &num);
    kh_xml_end(x);
    kh_xml_start(x, "w:rPr");
    docx_write_rpr_props(x, &s->props.run);
    kh_xml_end(x);
    kh_xml_end(x);
}

int docx_styles_xml(const kh_doc *doc, char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "w:styles");
    kh_xml_attr(&x, "xmlns:w", DOCX_NS_W);
    doc_defaults(&x, doc);
    kh_xml_start(&x, "w:style");
    kh_xml_attr(&x, "w:type", "paragraph");
    kh_xml_attr(&x, "w:default", "1");
    kh_xml_attr(&x, "w:styleId", "Normal");
    kh_xml_empty(&x, "w:name", "w:val", "Normal");
    kh_xml_empty(&x, "w:qFormat", NULL, NULL);
    kh_xml_end(&x);
    kh_xml_start(&x, "w:style");
    kh_xml_attr(&x, "w:type", "table");
    kh_xml_attr(&x, "w:default", "1");
    kh_xml_attr(&x, "w:styleId", "TableNormal");
    kh_xml_empty(&x, "w:name", "w:val", "Normal Table");
    kh_xml_empty(&x, "w:uiPriority", "w:val", "99");
    kh_xml_empty(&x, "w:semiHidden", NULL, NULL);
    kh_xml_empty(&x, "w:unhideWhenUsed", NULL, NULL);
    kh_xml_end(&x);
    for (size_t i = 0; i < doc->nstyles; i++)
        if (doc->styles[i].kind == KH_STYLE_PARAGRAPH)
            write_style(&x, &doc->styles[i]);
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}
