/* WordprocessingML paragraphs, runs, tables and section properties. */
#include <stdio.h>
#include "docx_internal.h"
#include "kh_units.h"

static void on_off(kh_xml *x, const char *name, int v)
{
    if (v == KH_UNSET)
        return;
    kh_xml_empty(x, name, "w:val", v ? "1" : "0");
}

void docx_write_rpr_props(kh_xml *x, const kh_run_props *r)
{
    on_off(x, "w:b", r->bold);
    on_off(x, "w:bCs", r->bold);
    on_off(x, "w:i", r->italic);
    on_off(x, "w:iCs", r->italic);
    on_off(x, "w:caps", r->caps);
    if (r->color != KH_UNSET) {
        char hex[8];
        kh_fmt_rrggbb(hex, sizeof hex, r->color);
        kh_xml_empty(x, "w:color", "w:val", hex);
    }
    if (r->size != KH_UNSET) {
        kh_xml_empty_int(x, "w:sz", "w:val", r->size);
        kh_xml_empty_int(x, "w:szCs", "w:val", r->size);
    }
    if (r->underline != KH_UNSET)
        kh_xml_empty(x, "w:u", "w:val", r->underline ? "single" : "none");
}

static int rpr_is_empty(const kh_run_props *r)
{
    return r->bold == KH_UNSET && r->italic == KH_UNSET && r->caps == KH_UNSET
           && r->size == KH_UNSET && r->underline == KH_UNSET && r->color == KH_UNSET;
}

static void border(kh_xml *x, const char *name, const kh_border *b)
{
    kh_xml_start(x, name);
    kh_xml_attr(x, "w:val", "single");
    kh_xml_attr_int(x, "w:sz", b->width);
    kh_xml_attr(x, "w:space", "1");
    kh_xml_attr(x, "w:color", "000000");
    kh_xml_end(x);
}

static const char *jc_value(kh_align a)
{
    switch (a) {
    case KH_ALIGN_LEFT: return "left";
    case KH_ALIGN_CENTER: return "center";
    case KH_ALIGN_RIGHT: return "right";
    case KH_ALIGN_JUSTIFY: return "both";
    case KH_ALIGN_UNSET: break;
    }
    return NULL;
}

/* The paragraph properties after w:pStyle, in schema order; the run properties are not included. */
void docx_write_ppr_props(kh_xml *x, const kh_para_props *p, const docx_numpr *num)
{
    on_off(x, "w:keepNext", p->keep_next);
    on_off(x, "w:keepLines", p->keep_lines);
    on_off(x, "w:pageBreakBefore", p->page_break_before);
    on_off(x, "w:widowControl", p->widow_control);
    if (num && num->num_id) {
        kh_xml_start(x, "w:numPr");
        kh_xml_empty_int(x, "w:ilvl", "w:val", num->ilvl);
        kh_xml_empty_int(x, "w:numId", "w:val", num->num_id);
        kh_xml_end(x);
    }
    if (p->border_top.width || p->border_bottom.width || p->border_left.width || p->border_right.width) {
        kh_xml_start(x, "w:pBdr");
        if (p->border_top.width)
            border(x, "w:top", &p->border_top);
        if (p->border_left.width)
            border(x, "w:left", &p->border_left);
        if (p->border_bottom.width)
            border(x, "w:bottom", &p->border_bottom);
        if (p->border_right.width)
            border(x, "w:right", &p->border_right);
        kh_xml_end(x);
    }
    if (p->space_before != KH_UNSET || p->space_after != KH_UNSET || p->line_rule != KH_LINE_UNSET) {
        kh_xml_start(x, "w:spacing");
        if (p->space_before != KH_UNSET)
            kh_xml_attr_int(x, "w:before", p->space_before);
        if (p->space_after != KH_UNSET)
            kh_xml_attr_int(x, "w:after", p->space_after);
        if (p->line_rule != KH_LINE_UNSET) {
            kh_xml_attr_int(x, "w:line", p->line);
            kh_xml_attr(x, "w:lineRule", p->line_rule == KH_LINE_AUTO    ? "auto"
                                         : p->line_rule == KH_LINE_EXACT ? "exact"
                                                                         : "atLeast");
        }
        kh_xml_end(x);
    }
    if (p->indent_left != KH_UNSET || p->indent_right != KH_UNSET || p->indent_first != KH_UNSET) {
        kh_xml_start(x, "w:ind");
        if (p->indent_left != KH_UNSET)
            kh_xml_attr_int(x, "w:left", p->indent_left);
        if (p->indent_right != KH_UNSET)
            kh_xml_attr_int(x, "w:right", p->indent_right);
        if (p->indent_first != KH_UNSET) {
            if (p->indent_first >= 0)
                kh_xml_attr_int(x, "w:firstLine", p->indent_first);
            else
                kh_xml_attr_int(x, "w:hanging", -p->indent_first);
        }
        kh_xml_end(x);
    }
    const char *jc = jc_value(p->align);
    if (jc)
        kh_xml_empty(x, "w:jc", "w:val", jc);
    if (num && num->outline_level)
        kh_xml_empty_int(x, "w:outlineLvl", "w:val", num->outline_level - 1);
}

static void run_start(kh_xml *x, const kh_run_props *r)
{
    kh_xml_start(x, "w:r");
    if (!rpr_is_empty(r)) {
        kh_xml_start(x, "w:rPr");
        docx_write_rpr_props(x, r);
        kh_xml_end(x);
    }
}

static void field_char(kh_xml *x, const kh_run_props *r, const char *type)
{
    run_start(x, r);
    kh_xml_empty(x, "w:fldChar", "w:fldCharType", type);
    kh_xml_end(x);
}

static void write_run(kh_xml *x, const kh_run *run)
{
    kh_run_props r = run->props;   /* over the paragraph's (kh_finish) */
    switch (run->kind) {
    case KH_RUN_TEXT:
        run_start(x, &r);
        kh_xml_start(x, "w:t");
        kh_xml_attr(x, "xml:space", "preserve");
        kh_xml_text(x, run->text);
        kh_xml_end(x);
        kh_xml_end(x);
        break;
    case KH_RUN_BREAK:
        run_start(x, &r);
        kh_xml_empty(x, "w:br", NULL, NULL);
        kh_xml_end(x);
        break;
    case KH_RUN_TAB:
        run_start(x, &r);
        kh_xml_empty(x, "w:tab", NULL, NULL);
        kh_xml_end(x);
        break;
    case KH_RUN_PAGE_NUMBER:
        field_char(x, &r, "begin");
        run_start(x, &r);
        kh_xml_start(x, "w:instrText");
        kh_xml_attr(x, "xml:space", "preserve");
        kh_xml_text(x, " PAGE ");
        kh_xml_end(x);
        kh_xml_end(x);
        field_char(x, &r, "separate");
        run_start(x, &r);
        kh_xml_element(x, "w:t", "1");
        kh_xml_end(x);
        field_char(x, &r, "end");
        break;
    }
}

void docx_write_para(kh_xml *x, const kh_para *p, const kh_section *sect_end,
                     const docx_section_refs *refs)
{
    kh_xml_start(x, "w:p");
    kh_xml_start(x, "w:pPr");
    if (p->style)
        kh_xml_empty(x, "w:pStyle", "w:val", p->style);
    /* An item names its list when it is one of its own, or counts in a series its style's
       list does not (after a restart); otherwise the style's w:numPr applies. */
    docx_numpr num = {0, 0, 0};
    if (p->item.list && (p->list.list || p->item.series != p->item.list))
        num = (docx_numpr){p->item.series, p->item.level - 1, 0};
    docx_write_ppr_props(x, &p->props, &num);
    if (!rpr_is_empty(&p->props.run)) {
        /* The paragraph mark takes the paragraph's size, so an empty line has the right height. */
        kh_xml_start(x, "w:rPr");
        docx_write_rpr_props(x, &p->props.run);
        kh_xml_end(x);
    }
    if (sect_end)
        docx_write_sectpr(x, sect_end, refs);
    kh_xml_end(x);
    for (size_t i = 0; i < p->nruns; i++)
        write_run(x, &p->runs[i]);
    kh_xml_end(x);
}

static void width(kh_xml *x, const char *name, int w)
{
    kh_xml_start(x, name);
    kh_xml_attr_int(x, "w:w", w);
    kh_xml_attr(x, "w:type", "dxa");
    kh_xml_end(x);
}

static void table_borders(kh_xml *x, int on)
{
    static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"};
    kh_xml_start(x, "w:tblBorders");
    for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
        kh_xml_start(x, sides[i]);
        kh_xml_attr(x, "w:val", on ? "single" : "nil");
        if (on) {
            kh_xml_attr(x, "w:sz", "4");
            kh_xml_attr(x, "w:space", "0");
            kh_xml_attr(x, "w:color", "000000");
        }
        kh_xml_end(x);
    }
    kh_xml_end(x);
}

static int span_width(const kh_table *t, int col, int span)
{
    int w = 0;
    for (int i = col; i < col + span && i < t->ncols; i++)
        w += t->widths[i];
    return w;
}

static void cell_props(kh_xml *x, const kh_table *t, const kh_cell *c, const char *vmerge)
{
    kh_xml_start(x, "w:tcPr");
    width(x, "w:tcW", span_width(t, c->col, c->colspan));
    if (c->colspan > 1)
        kh_xml_empty_int(x, "w:gridSpan", "w:val", c->colspan);
    if (vmerge)
        kh_xml_empty(x, "w:vMerge", *vmerge ? "w:val" : NULL, vmerge);
    if (c->fill != KH_UNSET) {
        char fill[8];
        kh_fmt_rrggbb(fill, sizeof fill, c->fill);
        kh_xml_start(x, "w:shd");
        kh_xml_attr(x, "w:val", "clear");
        kh_xml_attr(x, "w:color", "auto");
        kh_xml_attr(x, "w:fill", fill);
        kh_xml_end(x);
    }
    if (c->valign != KH_VALIGN_TOP)
        kh_xml_empty(x, "w:vAlign", "w:val", c->valign == KH_VALIGN_CENTER ? "center" : "bottom");
    kh_xml_end(x);
}

static void write_table(kh_xml *x, const kh_table *t)
{
    kh_xml_start(x, "w:tbl");
    kh_xml_start(x, "w:tblPr");
    width(x, "w:tblW", span_width(t, 0, t->ncols));
    if (t->indent)
        width(x, "w:tblInd", t->indent);
    table_borders(x, t->borders);
    kh_xml_empty(x, "w:tblLayout", "w:type", "fixed");
    kh_xml_start(x, "w:tblCellMar");
    width(x, "w:left", t->cell_margin);
    width(x, "w:right", t->cell_margin);
    kh_xml_end(x);
    kh_xml_start(x, "w:tblLook");
    kh_xml_attr(x, "w:val", "0000");
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_start(x, "w:tblGrid");
    for (int i = 0; i < t->ncols; i++)
        kh_xml_empty_int(x, "w:gridCol", "w:w", t->widths[i]);
    kh_xml_end(x);
    for (size_t r = 0; r < t->nrows; r++) {
        const kh_row *row = &t->rows[r];
        kh_xml_start(x, "w:tr");
        if (row->cant_split || row->header) {
            kh_xml_start(x, "w:trPr");
            if (row->cant_split)
                kh_xml_empty(x, "w:cantSplit", NULL, NULL);
            if (row->header)
                kh_xml_empty(x, "w:tblHeader", NULL, NULL);
            kh_xml_end(x);
        }
        for (int c = 0; c < t->ncols;) {
            const kh_slot *s = kh_table_slot(t, (int)r, c);
            const kh_cell *cell = kh_table_cell_at(t, (int)r, c);
            if (s->row == (int)r) {
                kh_xml_start(x, "w:tc");
                cell_props(x, t, cell, cell->rowspan > 1 ? "restart" : NULL);
                docx_write_blocks(x, &cell->content);
                kh_xml_end(x);
            } else {
                /* A place covered from the row above: Word needs a continuing cell here. */
                kh_xml_start(x, "w:tc");
                cell_props(x, t, cell, "");
                kh_xml_empty(x, "w:p", NULL, NULL);
                kh_xml_end(x);
            }
            c += cell->colspan;
        }
        kh_xml_end(x);
    }
    kh_xml_end(x);
}

void docx_write_blocks(kh_xml *x, const kh_block_list *blocks)
{
    for (size_t i = 0; i < blocks->nblocks; i++) {
        if (blocks->blocks[i].kind == KH_BLOCK_PARA)
            docx_write_para(x, blocks->blocks[i].u.para, NULL, NULL);
        else
            write_table(x, blocks->blocks[i].u.table);
    }
}

static void header_ref(kh_xml *x, const char *type, int rid)
{
    char id[16];
    snprintf(id, sizeof id, "rId%d", rid);
    kh_xml_start(x, "w:headerReference");
    kh_xml_attr(x, "w:type", type);
    kh_xml_attr(x, "r:id", id);
    kh_xml_end(x);
}

void docx_write_sectpr(kh_xml *x, const kh_section *s, const docx_section_refs *refs)
{
    kh_xml_start(x, "w:sectPr");
    /* Every section names its headers: a section without one would inherit the previous one's. */
    header_ref(x, "default", s->page_numbers ? refs->number_header : refs->empty_header);
    header_ref(x, "first", s->page_numbers && s->number_first_page ? refs->number_header : refs->empty_header);
    kh_xml_empty(x, "w:type", "w:val", "nextPage");
    kh_xml_start(x, "w:pgSz");
    kh_xml_attr_int(x, "w:w", s->width);
    kh_xml_attr_int(x, "w:h", s->height);
    if (s->width > s->height)
        kh_xml_attr(x, "w:orient", "landscape");
    kh_xml_end(x);
    kh_xml_start(x, "w:pgMar");
    kh_xml_attr_int(x, "w:top", s->margin_top);
    kh_xml_attr_int(x, "w:right", s->margin_right);
    kh_xml_attr_int(x, "w:bottom", s->margin_bottom);
    kh_xml_attr_int(x, "w:left", s->margin_left);
    kh_xml_attr_int(x, "w:header", s->header_distance);
    kh_xml_attr_int(x, "w:footer", s->footer_distance);
    kh_xml_attr(x, "w:gutter", "0");
    kh_xml_end(x);
    if (s->page_start > 0)
        kh_xml_empty_int(x, "w:pgNumType", "w:start", s->page_start);
    kh_xml_empty(x, "w:titlePg", NULL, NULL);
    kh_xml_end(x);
}
