/* kh_finish: checks and resolutions on the whole model, once, before the writers (kh_finish.h). */
#include <stdio.h>
#include "kh_finish.h"
#include "kh_i18n.h"
#include "kh_units.h"

/* A chain of based_on longer than this is a loop (a style redefined over its own base). */
#define MAX_STYLE_DEPTH 64

#define TAKE(field, unset)            \
    if (dst->field == (unset))        \
        dst->field = src->field;

/* Every value DST leaves unset, from SRC. */
static void inherit(kh_para_props *dst, const kh_para_props *src)
{
    TAKE(align, KH_ALIGN_UNSET)
    TAKE(indent_left, KH_UNSET)
    TAKE(indent_right, KH_UNSET)
    TAKE(indent_first, KH_UNSET)
    TAKE(space_before, KH_UNSET)
    TAKE(space_after, KH_UNSET)
    if (dst->line_rule == KH_LINE_UNSET) {   /* a line height is its rule and its value */
        dst->line_rule = src->line_rule;
        dst->line = src->line;
    }
    TAKE(keep_next, KH_UNSET)
    TAKE(keep_lines, KH_UNSET)
    TAKE(page_break_before, KH_UNSET)
    TAKE(widow_control, KH_UNSET)
    TAKE(border_top.width, 0)
    TAKE(border_bottom.width, 0)
    TAKE(border_left.width, 0)
    TAKE(border_right.width, 0)
    TAKE(run.size, KH_UNSET)
    TAKE(run.bold, KH_UNSET)
    TAKE(run.italic, KH_UNSET)
    TAKE(run.underline, KH_UNSET)
    TAKE(run.caps, KH_UNSET)
    TAKE(run.color, KH_UNSET)
}
#undef TAKE

kh_para_props kh_finish_applied(const kh_doc *doc, const kh_para_props *props, const char *style_id)
{
    kh_para_props a = *props;
    for (int depth = 0; style_id && depth < MAX_STYLE_DEPTH; depth++) {
        const kh_style *s = kh_doc_find_style(doc, style_id);
        if (!s)
            break;
        inherit(&a, &s->props);
        style_id = s->based_on;
    }
    return a;
}

/* OVER's values, BASE's where OVER leaves them unset. */
static kh_run_props merge_run(const kh_run_props *base, const kh_run_props *over)
{
    kh_para_props a, b;
    kh_para_props_init(&a);
    kh_para_props_init(&b);
    a.run = *over;
    b.run = *base;
    inherit(&a, &b);
    return a.run;
}

/* ---- colours ---- */

static int check_color(const kh_run_props *r, const char *where, const char *field, kh_error *err)
{
    if (r->color == KH_UNSET || kh_color_valid(r->color))
        return KH_OK;
    return kh_error_set(err, KH_EXIT_INPUT, _("%s: %s: expected an RRGGBB colour from 000000 to FFFFFF, got %X"),
                        where, field, (unsigned)r->color);
}

/* ---- the body ---- */

/* The place being finished, "section 2, table 1, row 3, cell 2, paragraph 1", for errors. */
typedef struct {
    kh_doc *doc;
    kh_error *err;
    char at[512];
    size_t len;
} walk;

/* Append ", WHAT N" to the place; returns the length to cut back to. */
static size_t enter(walk *w, const char *what, size_t n)
{
    size_t old = w->len;
    if (w->len < sizeof w->at) {
        int k = snprintf(w->at + w->len, sizeof w->at - w->len, "%s%s %zu", w->len ? ", " : "", what, n);
        if (k > 0)
            w->len += (size_t)k;
        if (w->len >= sizeof w->at)
            w->len = sizeof w->at - 1;
    }
    return old;
}

static void leave(walk *w, size_t old)
{
    w->len = old;
    w->at[old] = '\0';
}

static int finish_blocks(walk *w, kh_block_list *list);

static int finish_para(walk *w, kh_para *p)
{
    if (check_color(&p->props.run, w->at, "paragraph.color", w->err))
        return w->err->status;
    for (size_t i = 0; i < p->nruns; i++) {
        char field[64];
        snprintf(field, sizeof field, "run %zu: color", i + 1);
        if (check_color(&p->runs[i].props, w->at, field, w->err))
            return w->err->status;
        p->runs[i].props = merge_run(&p->props.run, &p->runs[i].props);
    }
    p->applied = kh_finish_applied(w->doc, &p->props, p->style);
    return KH_OK;
}

static int finish_table(walk *w, kh_table *t)
{
    for (size_t r = 0; r < t->nrows; r++) {
        size_t row = enter(w, "row", r + 1);
        for (size_t i = 0; i < t->rows[r].ncells; i++) {
            kh_cell *cell = &t->rows[r].cells[i];
            size_t at = enter(w, "cell", i + 1);
            if (!kh_shade_valid(cell->shade))
                return kh_error_set(w->err, KH_EXIT_INPUT,
                                    _("%s: cell.shade: expected a percentage from 0 to 100, got %d"), w->at, cell->shade);
            cell->fill = cell->shade > 0 ? kh_shade_grey(cell->shade) : KH_UNSET;
            /* Both formats need a paragraph in every cell. */
            if (cell->content.nblocks == 0)
                kh_blocks_add_para(&cell->content);
            if (finish_blocks(w, &cell->content))
                return w->err->status;
            leave(w, at);
        }
        leave(w, row);
    }
    return KH_OK;
}

static int finish_blocks(walk *w, kh_block_list *list)
{
    size_t paras = 0, tables = 0;
    for (size_t i = 0; i < list->nblocks; i++) {
        kh_block *b = &list->blocks[i];
        int para = b->kind == KH_BLOCK_PARA;
        size_t at = para ? enter(w, "paragraph", ++paras) : enter(w, "table", ++tables);
        if (para ? finish_para(w, b->u.para) : finish_table(w, b->u.table))
            return w->err->status;
        leave(w, at);
    }
    return KH_OK;
}

/* Where the section's page properties ride: kh_section's CARRIER and OPENS_BLANK. */
static void section_carriers(kh_doc *doc)
{
    for (size_t i = 0; i < doc->nsections; i++) {
        kh_section *s = &doc->sections[i];
        size_t n = s->body.nblocks;
        int last = i + 1 == doc->nsections;
        s->carrier = !last && n > 0 && s->body.blocks[n - 1].kind == KH_BLOCK_PARA ? s->body.blocks[n - 1].u.para
                                                                                   : NULL;
        s->opens_blank = n == 0;
        s->closes_blank = last && n > 0 && s->body.blocks[n - 1].kind == KH_BLOCK_TABLE;
    }
}

int kh_finish(kh_doc *doc, kh_error *err)
{
    char at[64];
    doc->finished = 0;
    if (doc->nsections == 0)
        return kh_error_set(err, KH_EXIT_INPUT, _("the template wrote no content"));
    for (size_t i = 0; i < doc->nstyles; i++) {
        kh_style *s = &doc->styles[i];
        snprintf(at, sizeof at, "style '%.40s'", s->id ? s->id : "");
        if (check_color(&s->props.run, at, "color", err))
            return err->status;
        s->applied = kh_finish_applied(doc, &s->props, s->based_on);
    }
    walk w = {doc, err, "", 0};
    for (size_t i = 0; i < doc->nsections; i++) {
        kh_section *s = &doc->sections[i];
        size_t top = enter(&w, "section", i + 1);
        if (check_color(&s->number_props.run, w.at, "page_number.color", err))
            return err->status;
        if (s->number_props.align == KH_ALIGN_UNSET)
            s->number_props.align = KH_ALIGN_CENTER;   /* the decree: centred in the top margin */
        if (finish_blocks(&w, &s->body))
            return err->status;
        leave(&w, top);
    }
    section_carriers(doc);
    kh_lists_assign(doc);
    doc->finished = 1;
    return KH_OK;
}
