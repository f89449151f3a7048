/* styles.xml: the fonts, the default paragraph style, the template's named styles, and one page
   style a section — a page layout and a master page whose header holds the page number, plus a
   header-less first-page master for sections whose first page shows no number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kh_units.h"
#include "odt_internal.h"

void odt_master_name(char *buf, size_t n, size_t index, int first)
{
    snprintf(buf, n, first ? "S%zuFirst" : "S%zu", index + 1);
}

int odt_section_first_master(const kh_section *s) { return s->page_numbers && !s->number_first_page; }

static void layout_name(char *buf, size_t n, size_t index, int first)
{
    snprintf(buf, n, first ? "pm%zuFirst" : "pm%zu", index + 1);
}

static void attr_cm(kh_xml *x, const char *name, int twips)
{
    char v[32];
    odt_cm(v, sizeof v, twips);
    kh_xml_attr(x, name, v);
}

/* "vi-VN" → fo:language="vi" fo:country="VN"; a four-letter part is a script. */
static void language(kh_xml *x, const char *lang)
{
    char *copy = kh_xstrdup(lang ? lang : "");
    char *save = NULL;
    int i = 0;
    for (char *part = strtok_r(copy, "-_", &save); part; part = strtok_r(NULL, "-_", &save), i++) {
        size_t n = strlen(part);
        if (i == 0)
            kh_xml_attr(x, "fo:language", part);
        else if (n == 4)
            kh_xml_attr(x, "fo:script", part);
        else if (n == 2 || n == 3)
            kh_xml_attr(x, "fo:country", part);
    }
    free(copy);
}

static void default_style(kh_xml *x, const kh_doc *doc)
{
    char family[512], size[32];
    odt_quoted_family(family, sizeof family, doc->font);
    odt_pt(size, sizeof size, kh_pt_from_half_points(doc->size));
    kh_xml_start(x, "style:default-style");
    kh_xml_attr(x, "style:family", "paragraph");
    kh_xml_start(x, ODT_PARA_PROPS);
    kh_xml_attr(x, "fo:margin-top", "0cm");
    kh_xml_attr(x, "fo:margin-bottom", "0cm");
    kh_xml_attr(x, "fo:line-height", "100%");
    attr_cm(x, "style:tab-stop-distance", 720);   /* Word's 0.5 inch */
    kh_xml_attr(x, "style:writing-mode", "lr-tb");
    kh_xml_end(x);
    kh_xml_start(x, ODT_TEXT_PROPS);
    kh_xml_attr(x, "style:font-name", doc->font);
    kh_xml_attr(x, "fo:font-family", family);
    kh_xml_attr(x, "style:font-name-asian", doc->font);
    kh_xml_attr(x, "style:font-name-complex", doc->font);
    kh_xml_attr(x, "fo:font-size", size);
    kh_xml_attr(x, "style:font-size-asian", size);
    kh_xml_attr(x, "style:font-size-complex", size);
    kh_xml_attr(x, "fo:color", "#000000");   /* the decree: black text */
    language(x, doc->lang);
    kh_xml_attr(x, "fo:hyphenate", "false");
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_start(x, "style:default-style");
    kh_xml_attr(x, "style:family", "table");
    kh_xml_start(x, "style:table-properties");
    kh_xml_attr(x, "table:border-model", "collapsing");
    kh_xml_end(x);
    kh_xml_end(x);
}

static void named_styles(kh_xml *x, const kh_doc *doc)
{
    int own_standard = kh_doc_find_style(doc, "Standard") != NULL;
    if (!own_standard) {
        kh_xml_start(x, "style:style");
        kh_xml_attr(x, "style:name", "Standard");
        kh_xml_attr(x, "style:family", "paragraph");
        kh_xml_attr(x, "style:class", "text");
        kh_xml_end(x);
    }
    odt_spec spec = {0};
    char name[128], parent[128], next[128];
    for (size_t i = 0; i < doc->nstyles; i++) {
        const kh_style *s = &doc->styles[i];
        if (s->kind != KH_STYLE_PARAGRAPH)
            continue;
        const char *id = odt_style_ref(s->id, name, sizeof name);
        const char *base = s->based_on ? odt_style_ref(s->based_on, parent, sizeof parent)
                           : strcmp(s->id, "Standard") ? "Standard" : NULL;
        kh_para_props props = s->props;
        if (props.border_left.width || props.border_right.width)
            odt_frame_indents(&props, odt_applied(s->applied.indent_left), odt_applied(s->applied.indent_right));
        if (s->based_on)   /* over the default style, which sets none of them, nothing to fill */
            odt_complete_margins(&props, &s->applied);
        odt_spec_init(&spec, "paragraph", base, NULL);
        odt_spec_para(&spec, &props);
        odt_spec_text(&spec, &s->props.run);
        const char *display = s->name && strcmp(s->name, id) ? s->name : NULL;
        char list[96];
        int in_list = s->list.list && s->list.list != odt_outline_list(doc);
        if (in_list)
            odt_list_style_name(list, sizeof list, &doc->lists, s->list.list);
        odt_write_style_in_list(x, id, display, s->next ? odt_style_ref(s->next, next, sizeof next) : NULL,
                                kh_buf_cstr(&spec.key), s->outline_level, in_list ? list : NULL);
    }
    odt_spec_free(&spec);
}

static void page_layout(kh_xml *x, const kh_section *s, size_t index, int first)
{
    char name[48];
    int header = s->page_numbers && !first;
    layout_name(name, sizeof name, index, first);
    kh_xml_start(x, "style:page-layout");
    kh_xml_attr(x, "style:name", name);
    kh_xml_start(x, "style:page-layout-properties");
    attr_cm(x, "fo:page-width", s->width);
    attr_cm(x, "fo:page-height", s->height);
    kh_xml_attr(x, "style:num-format", "1");
    kh_xml_attr(x, "style:print-orientation", s->width > s->height ? "landscape" : "portrait");
    /* With a header the page margin is the header's distance from the edge, and the header's
       spacing takes the body down to the section's top margin (Word's geometry). */
    attr_cm(x, "fo:margin-top", header ? s->header_distance : s->margin_top);
    attr_cm(x, "fo:margin-bottom", s->margin_bottom);
    attr_cm(x, "fo:margin-left", s->margin_left);
    attr_cm(x, "fo:margin-right", s->margin_right);
    kh_xml_attr(x, "style:writing-mode", "lr-tb");
    kh_xml_end(x);
    if (header) {
        int height = s->margin_top - s->header_distance;
        kh_xml_start(x, "style:header-style");
        kh_xml_start(x, "style:header-footer-properties");
        attr_cm(x, "fo:min-height", height > 0 ? height : 0);
        kh_xml_attr(x, "fo:margin-left", "0cm");
        kh_xml_attr(x, "fo:margin-right", "0cm");
        kh_xml_attr(x, "fo:margin-bottom", "0cm");
        kh_xml_attr(x, "style:dynamic-spacing", "true");
        kh_xml_end(x);
        kh_xml_end(x);
    }
    kh_xml_end(x);
}

/* The header paragraph's automatic style: the section's number properties, centred unless
   they say otherwise. */
static const char *number_style(odt_autostyles *a, odt_spec *spec, const kh_section *s)
{
    kh_para_props p = s->number_props;   /* centred unless set (kh_finish) */
    odt_frame_indents(&p, p.indent_left == KH_UNSET ? 0 : p.indent_left,
                      p.indent_right == KH_UNSET ? 0 : p.indent_right);
    odt_spec_init(spec, "paragraph", "Standard", NULL);
    odt_spec_para(spec, &p);
    odt_spec_text(spec, &p.run);
    return odt_auto_name(a, spec);
}

static void master_page(kh_xml *x, const kh_section *s, size_t index, int first, const char *number)
{
    char name[48], layout[48], display[64];
    odt_master_name(name, sizeof name, index, first);
    layout_name(layout, sizeof layout, index, first);
    snprintf(display, sizeof display, first ? "Section %zu, first page" : "Section %zu", index + 1);
    kh_xml_start(x, "style:master-page");
    kh_xml_attr(x, "style:name", name);
    kh_xml_attr(x, "style:display-name", display);
    kh_xml_attr(x, "style:page-layout-name", layout);
    if (first) {
        odt_master_name(name, sizeof name, index, 0);
        kh_xml_attr(x, "style:next-style-name", name);
    }
    if (s->page_numbers && !first) {
        kh_xml_start(x, "style:header");
        kh_xml_start(x, "text:p");
        kh_xml_attr(x, "text:style-name", number);
        kh_xml_start(x, "text:page-number");
        kh_xml_attr(x, "text:select-page", "current");
        kh_xml_text(x, "1");
        kh_xml_end(x);
        kh_xml_end(x);
        kh_xml_end(x);
    }
    kh_xml_end(x);
}

int odt_styles_xml(const kh_doc *doc, char **data, size_t *len)
{
    odt_autostyles *autos = odt_auto_new("M");
    odt_spec spec = {0};
    size_t n = doc->nsections;
    const char **numbers = kh_xcalloc(n ? n : 1, sizeof *numbers);
    for (size_t i = 0; i < n; i++)
        if (doc->sections[i].page_numbers)
            numbers[i] = number_style(autos, &spec, &doc->sections[i]);
    kh_xml x;
    int rc = -1;
    if (kh_xml_begin(&x) == 0) {
        kh_xml_start(&x, "office:document-styles");
        kh_xml_attr(&x, "xmlns:office", ODT_NS_OFFICE);
        kh_xml_attr(&x, "xmlns:style", ODT_NS_STYLE);
        kh_xml_attr(&x, "xmlns:text", ODT_NS_TEXT);
        kh_xml_attr(&x, "xmlns:table", ODT_NS_TABLE);
        kh_xml_attr(&x, "xmlns:fo", ODT_NS_FO);
        kh_xml_attr(&x, "xmlns:svg", ODT_NS_SVG);
        kh_xml_attr(&x, "office:version", ODT_VERSION);
        odt_font_faces(&x, doc);
        kh_xml_start(&x, "office:styles");
        default_style(&x, doc);
        named_styles(&x, doc);
        odt_list_styles(&x, doc);
        kh_xml_end(&x);
        kh_xml_start(&x, "office:automatic-styles");
        for (size_t i = 0; i < n; i++) {
            page_layout(&x, &doc->sections[i], i, 0);
            if (odt_section_first_master(&doc->sections[i]))
                page_layout(&x, &doc->sections[i], i, 1);
        }
        odt_auto_write(autos, &x);
        kh_xml_end(&x);
        kh_xml_start(&x, "office:master-styles");
        for (size_t i = 0; i < n; i++) {
            master_page(&x, &doc->sections[i], i, 0, numbers[i]);
            if (odt_section_first_master(&doc->sections[i]))
                master_page(&x, &doc->sections[i], i, 1, NULL);
        }
        kh_xml_end(&x);
        kh_xml_end(&x);
        rc = kh_xml_finish(&x, data, len);
    } else {
        kh_xml_discard(&x);
    }
    free(numbers);
    odt_spec_free(&spec);
    odt_auto_free(autos);
    return rc;
}
