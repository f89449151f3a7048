/* content.xml: the automatic styles of the body, then the sections' paragraphs and tables.
   The body is walked twice by the same code: the first walk only registers the automatic styles
   (nothing is written), so they can be declared before the body that the second walk writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kh_units.h"
#include "odt_internal.h"

typedef struct {
    kh_xml *x;               /* NULL in the first walk */
    odt_autostyles *styles;
    odt_spec spec;           /* scratch property set */
    kh_buf text;             /* scratch text */
    char ref[128];           /* scratch style name */
    unsigned tables;         /* tables named so far */
    /* lists: items of the outline list are text:h, numbered by the outline style; items of
       any other list sit in text:list elements, DEPTH of them open, of series SERIES */
    const kh_lists *doc_lists;   /* the document's */
    int outline;             /* odt_outline_list */
    int depth, series;
    int outline_series;      /* the series the headings count in so far */
    unsigned lists;          /* text:list elements opened so far (their xml:id) */
    unsigned *last_list;     /* per series: the text:list that last held it, to continue */
} ctx;

/* How a section begins: its first block carries the master page and a page number restart. */
typedef struct {
    const char *master;
    int page_number;         /* 0: numbering continues */
} section_start;

/* ---- writing, skipped in the first walk ---- */

static void start(ctx *c, const char *name)
{
    if (c->x)
        kh_xml_start(c->x, name);
}

static void end(ctx *c)
{
    if (c->x)
        kh_xml_end(c->x);
}

static void attr(ctx *c, const char *name, const char *value)
{
    if (c->x)
        kh_xml_attr(c->x, name, value);
}

static void attr_int(ctx *c, const char *name, long value)
{
    if (c->x)
        kh_xml_attr_int(c->x, name, value);
}

static void empty(ctx *c, const char *name)
{
    if (c->x)
        kh_xml_empty(c->x, name, NULL, NULL);
}

static void flush_text(ctx *c)
{
    if (c->text.len && c->x)
        kh_xml_text(c->x, kh_buf_cstr(&c->text));
    c->text.len = 0;
}

/* ---- styles ---- */

static const char *para_style(ctx *c, const kh_para *p, const kh_para_props *props,
                              const section_start *st)
{
    const char *parent = p->style ? odt_style_ref(p->style, c->ref, sizeof c->ref) : "Standard";
    const char *master = st ? st->master : NULL;
    odt_spec_init(&c->spec, "paragraph", parent, master);
    odt_spec_para(&c->spec, props);
    if (st && st->page_number > 0) {
        char v[16];
        snprintf(v, sizeof v, "%d", st->page_number);
        odt_spec_prop(&c->spec, ODT_PARA_PROPS, "style:page-number", v);
    }
    odt_spec_text(&c->spec, &props->run);
    if (c->spec.nprops == 0 && !master)
        return parent;   /* nothing of its own: the named style itself */
    return odt_auto_name(c->styles, &c->spec);
}

/* The text style of a run whose properties (over the paragraph's, kh_finish) differ from its
   paragraph's, or NULL. */
static const char *span_style(ctx *c, const kh_run_props *run, const kh_run_props *para)
{
    kh_run_props d;
    kh_run_props_init(&d);
    int any = 0;
#define DIFF(f)                                          \
    if (run->f != para->f) {                             \
        d.f = run->f;                                    \
        any = 1;                                         \
    }
    DIFF(size)
    DIFF(bold)
    DIFF(italic)
    DIFF(underline)
    DIFF(caps)
    DIFF(color)
#undef DIFF
    if (!any)
        return NULL;
    odt_spec_init(&c->spec, "text", NULL, NULL);
    odt_spec_text(&c->spec, &d);
    return odt_auto_name(c->styles, &c->spec);
}

static const char *cell_style(ctx *c, const kh_table *t, const kh_cell *cell)
{
    static const char *const valign[] = {"top", "middle", "bottom"};
    const char *el = "style:table-cell-properties";
    char v[32];
    odt_spec_init(&c->spec, "table-cell", NULL, NULL);
    odt_spec_prop(&c->spec, el, "style:vertical-align", valign[cell->valign]);
    if (cell->fill != KH_UNSET) {
        kh_fmt_hash_rgb(v, sizeof v, cell->fill);
        odt_spec_prop(&c->spec, el, "fo:background-color", v);
    }
    odt_cm(v, sizeof v, t->cell_margin > 0 ? t->cell_margin : 0);
    odt_spec_prop(&c->spec, el, "fo:padding-left", v);
    odt_spec_prop(&c->spec, el, "fo:padding-right", v);
    odt_spec_prop(&c->spec, el, "fo:padding-top", "0cm");
    odt_spec_prop(&c->spec, el, "fo:padding-bottom", "0cm");
    odt_spec_prop(&c->spec, el, "fo:border", t->borders ? "0.5pt solid #000000" : "none");
    return odt_auto_name(c->styles, &c->spec);
}

/* ---- paragraphs ---- */

/* TEXT with every space kept. ODF folds a run of spaces into one and drops spaces where a
   paragraph begins, so a space is written as itself only right after a character; the others
   become <text:s text:c="N"/>. *AFTER_CHAR carries that state across runs. */
static void write_text(ctx *c, const char *s, int *after_char)
{
    while (*s) {
        size_t chunk = strcspn(s, " ");
        if (chunk) {
            kh_buf_append(&c->text, s, chunk);
            s += chunk;
            *after_char = 1;
            continue;
        }
        size_t n = strspn(s, " ");
        size_t literal = 0;
        if (*after_char) {
            kh_buf_putc(&c->text, ' ');
            literal = 1;
        }
        if (n > literal) {
            flush_text(c);
            start(c, "text:s");
            if (n - literal > 1)
                attr_int(c, "text:c", (long)(n - literal));
            end(c);
        }
        s += n;
        *after_char = 0;
    }
    flush_text(c);
}

static void write_blocks(ctx *c, const kh_block_list *blocks, const section_start *st);

/* Close the lists around the current item down to DEPTH (its list item stays open). */
static void close_lists(ctx *c, int depth)
{
    while (c->depth > depth) {
        end(c);   /* text:list-item */
        end(c);   /* text:list */
        c->depth--;
    }
}

/* Open what P, an item of a list other than the outline, stands in: a text:list a level,
   continuing its series where an earlier text:list left it. */
static void open_item(ctx *c, const kh_para *p)
{
    const kh_list_ref *it = &p->item;
    if (c->depth && c->series != it->series)
        close_lists(c, 0);
    if (c->depth > it->level)
        close_lists(c, it->level);
    if (c->depth == it->level) {
        end(c);
        start(c, "text:list-item");
    }
    while (c->depth < it->level) {
        start(c, "text:list");
        if (c->depth == 0) {
            char name[96], id[32];
            odt_list_style_name(name, sizeof name, c->doc_lists, it->list);
            attr(c, "text:style-name", name);
            snprintf(id, sizeof id, "list%u", ++c->lists);
            attr(c, "xml:id", id);
            if (c->last_list[it->series]) {
                snprintf(id, sizeof id, "list%u", c->last_list[it->series]);
                attr(c, "text:continue-list", id);
            }
            c->last_list[it->series] = c->lists;
            c->series = it->series;
        }
        start(c, "text:list-item");
        c->depth++;
    }
}

/* PREV_AFTER: the space after the paragraph just before P in the same flow (0 after a table or
   at the start of a section or cell). Word sets the larger of that and P's space before between
   them; ODF adds the two. P's space before is cut so the sum comes to Word's distance. */
static void write_para(ctx *c, const kh_para *p, const section_start *st, int prev_after)
{
    kh_para_props props = p->props;
    if (props.border_left.width || props.border_right.width)
        odt_frame_indents(&props, odt_applied(p->applied.indent_left), odt_applied(p->applied.indent_right));
    if (prev_after > 0) {
        int before = odt_applied(p->applied.space_before);
        int cut = before > prev_after ? before - prev_after : 0;
        if (cut != before)
            props.space_before = cut;
    }
    if (p->style)
        odt_complete_margins(&props, &p->applied);
    const char *style = para_style(c, p, &props, st);
    int outline = p->outline_level;
    if (p->item.list && p->item.list == c->outline)
        outline = p->item.level;
    start(c, outline ? "text:h" : "text:p");
    attr(c, "text:style-name", style);
    if (outline) {
        attr_int(c, "text:outline-level", outline);
        if (p->item.list == c->outline && p->item.list) {
            if (c->outline_series && p->item.series != c->outline_series) {
                const kh_list *l = kh_lists_get(c->doc_lists, p->item.list);
                attr(c, "text:restart-numbering", "true");
                attr_int(c, "text:start-value", l->levels[p->item.level - 1].start);
            }
            c->outline_series = p->item.series;
        }
    }
    int after_char = 0;
    for (size_t i = 0; i < p->nruns; i++) {
        const kh_run *run = &p->runs[i];
        const char *span = span_style(c, &run->props, &p->props.run);
        if (span) {
            start(c, "text:span");
            attr(c, "text:style-name", span);
        }
        switch (run->kind) {
        case KH_RUN_TEXT:
            write_text(c, run->text ? run->text : "", &after_char);
            break;
        case KH_RUN_BREAK:
            empty(c, "text:line-break");
            after_char = 0;
            break;
        case KH_RUN_TAB:
            empty(c, "text:tab");
            after_char = 0;
            break;
        case KH_RUN_PAGE_NUMBER:
            start(c, "text:page-number");
            attr(c, "text:select-page", "current");
            if (c->x)
                kh_xml_text(c->x, "1");
            end(c);
            after_char = 1;
            break;
        }
        if (span)
            end(c);
    }
    end(c);
}

/* ---- tables ---- */

static void write_cell(ctx *c, const kh_table *t, const kh_cell *cell)
{
    const char *style = cell_style(c, t, cell);
    start(c, "table:table-cell");
    attr(c, "table:style-name", style);
    if (cell->colspan > 1)
        attr_int(c, "table:number-columns-spanned", cell->colspan);
    if (cell->rowspan > 1)
        attr_int(c, "table:number-rows-spanned", cell->rowspan);
    write_blocks(c, &cell->content, NULL);
    end(c);
}

static void write_row(ctx *c, const kh_table *t, int r)
{
    const kh_row *row = &t->rows[r];
    const char *style = NULL;
    if (row->cant_split) {
        odt_spec_init(&c->spec, "table-row", NULL, NULL);
        odt_spec_prop(&c->spec, "style:table-row-properties", "fo:keep-together", "always");
        style = odt_auto_name(c->styles, &c->spec);
    }
    start(c, "table:table-row");
    if (style)
        attr(c, "table:style-name", style);
    /* One element per grid place: a cell where one starts, a covered cell wherever a column or
       row span reaches. */
    for (int col = 0; col < t->ncols; col++) {
        const kh_slot *s = kh_table_slot(t, r, col);
        if (s->row == r && s->col == col)
            write_cell(c, t, kh_table_cell_at(t, r, col));
        else
            empty(c, "table:covered-table-cell");
    }
    end(c);
}

static void write_table(ctx *c, const kh_table *t, const section_start *st)
{
    char v[32], name[32];
    if (t->nrows == 0) {
        /* ODF has no table without rows; only the section start it may carry is kept. */
        if (st) {
            kh_para blank = {0};
            kh_para_props_init(&blank.props);
            kh_para_props_init(&blank.applied);
            write_para(c, &blank, st, 0);
        }
        return;
    }
    int total = 0;
    for (int i = 0; i < t->ncols; i++)
        total += t->widths[i];
    const char *el = "style:table-properties";
    odt_spec_init(&c->spec, "table", NULL, st ? st->master : NULL);
    odt_cm(v, sizeof v, total);
    odt_spec_prop(&c->spec, el, "style:width", v);
    /* Word draws a table's 0.5 pt left border centred on the indent, ODF inside it: half the
       border (5 twips; the border is DOCX's w:sz="4" eighths) further right sets the rule and the
       text where Word does. */
    odt_cm(v, sizeof v, t->indent + (t->borders ? kh_twips_from_eighths(4) / 2 : 0));
    odt_spec_prop(&c->spec, el, "fo:margin-left", v);
    if (st && st->page_number > 0) {
        snprintf(v, sizeof v, "%d", st->page_number);
        odt_spec_prop(&c->spec, el, "style:page-number", v);
    }
    odt_spec_prop(&c->spec, el, "table:align", "left");
    const char *style = odt_auto_name(c->styles, &c->spec);
    snprintf(name, sizeof name, "Table%u", ++c->tables);
    start(c, "table:table");
    attr(c, "table:name", name);
    attr(c, "table:style-name", style);
    for (int i = 0; i < t->ncols; i++) {
        odt_spec_init(&c->spec, "table-column", NULL, NULL);
        odt_cm(v, sizeof v, t->widths[i]);
        odt_spec_prop(&c->spec, "style:table-column-properties", "style:column-width", v);
        const char *col = odt_auto_name(c->styles, &c->spec);
        start(c, "table:table-column");
        attr(c, "table:style-name", col);
        end(c);
    }
    /* The header rows that lead the table repeat on every page, as Word repeats them. */
    int nrows = (int)t->nrows, nheader = 0;
    while (nheader < nrows && t->rows[nheader].header)
        nheader++;
    for (int r = 0; r < nrows; r++) {
        if (r == 0 && nheader > 0)
            start(c, "table:table-header-rows");
        write_row(c, t, r);
        if (r + 1 == nheader)
            end(c);
    }
    end(c);
}

static void write_blocks(ctx *c, const kh_block_list *blocks, const section_start *st)
{
    int prev_after = 0;
    for (size_t i = 0; i < blocks->nblocks; i++) {
        const section_start *s = i == 0 ? st : NULL;
        if (blocks->blocks[i].kind == KH_BLOCK_PARA) {
            const kh_para *p = blocks->blocks[i].u.para;
            if (p->item.list && p->item.list != c->outline)
                open_item(c, p);
            else
                close_lists(c, 0);
            write_para(c, p, s, prev_after);
            prev_after = odt_applied(p->applied.space_after);
        } else {
            close_lists(c, 0);
            write_table(c, blocks->blocks[i].u.table, s);
            prev_after = 0;
        }
    }
    close_lists(c, 0);
}

static void write_body(ctx *c, const kh_doc *doc)
{
    c->tables = 0;
    c->depth = c->series = c->outline_series = 0;
    c->lists = 0;
    memset(c->last_list, 0, (doc->lists.n + doc->lists.nrestarts + 1) * sizeof *c->last_list);
    start(c, "office:body");
    start(c, "office:text");
    for (size_t i = 0; i < doc->nsections; i++) {
        const kh_section *s = &doc->sections[i];
        char master[48];
        odt_master_name(master, sizeof master, i, odt_section_first_master(s));
        section_start st = {master, s->page_start};
        const kh_block_list *b = &s->body;
        if (s->opens_blank) {
            kh_para blank = {0};
            kh_para_props_init(&blank.props);
            kh_para_props_init(&blank.applied);
            write_para(c, &blank, &st, 0);   /* the page style needs a paragraph to ride on */
        }
        write_blocks(c, b, &st);
        if (s->closes_blank) {
            /* The text ends with a paragraph, as in the DOCX body. */
            start(c, "text:p");
            attr(c, "text:style-name", "Standard");
            end(c);
        }
    }
    end(c);
    end(c);
}

int odt_content_xml(const kh_doc *doc, kh_deflated *out)
{
    ctx c;
    memset(&c, 0, sizeof c);
    c.styles = odt_auto_new("");
    c.doc_lists = &doc->lists;
    c.outline = odt_outline_list(doc);
    c.last_list = kh_xcalloc(doc->lists.n + doc->lists.nrestarts + 1, sizeof *c.last_list);
    write_body(&c, doc);   /* first walk: the automatic styles */
    kh_xml x;
    int rc = -1;
    if (kh_xml_begin_deflated(&x) == 0) {
        c.x = &x;
        kh_xml_start(&x, "office:document-content");
        kh_xml_attr(&x, "xmlns:office", ODT_NS_OFFICE);
        kh_xml_attr(&x, "xmlns:style", ODT_NS_STYLE);
        kh_xml_attr(&x, "xmlns:text", ODT_NS_TEXT);
        kh_xml_attr(&x, "xmlns:table", ODT_NS_TABLE);
        kh_xml_attr(&x, "xmlns:fo", ODT_NS_FO);
        kh_xml_attr(&x, "xmlns:svg", ODT_NS_SVG);
        kh_xml_attr(&x, "office:version", ODT_VERSION);
        odt_font_faces(&x, doc);
        kh_xml_start(&x, "office:automatic-styles");
        odt_auto_write(c.styles, &x);
        kh_xml_end(&x);
        write_body(&c, doc);
        kh_xml_end(&x);
        rc = kh_xml_finish_deflated(&x, out);
    } else {
        kh_xml_discard(&x);
    }
    odt_spec_free(&c.spec);
    kh_buf_free(&c.text);
    odt_auto_free(c.styles);
    free(c.last_list);
    return rc;
}
