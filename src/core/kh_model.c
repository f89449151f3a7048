/* The document model: allocation, ownership and the table grid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kh_i18n.h"
#include "kh_model.h"
#include "kh_util.h"

void kh_run_props_init(kh_run_props *r)
{
    r->size = KH_UNSET;
    r->bold = r->italic = r->underline = r->caps = KH_UNSET;
    r->color = KH_UNSET;
}

void kh_para_props_init(kh_para_props *p)
{
    p->align = KH_ALIGN_UNSET;
    p->indent_left = p->indent_right = p->indent_first = KH_UNSET;
    p->space_before = p->space_after = KH_UNSET;
    p->line_rule = KH_LINE_UNSET;
    p->line = KH_UNSET;
    p->keep_next = p->keep_lines = p->page_break_before = p->widow_control = KH_UNSET;
    p->border_top.width = p->border_bottom.width = 0;
    p->border_left.width = p->border_right.width = 0;
    kh_run_props_init(&p->run);
}

kh_doc *kh_doc_new(void)
{
    kh_doc *d = kh_xcalloc(1, sizeof *d);
    d->font = kh_xstrdup("Times New Roman");
    d->size = 28;
    d->lang = kh_xstrdup("vi-VN");
    d->time = (long long)time(NULL);
    return d;
}

void kh_para_free(kh_para *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nruns; i++)
        free(p->runs[i].text);
    free(p->runs);
    free(p->style);
    free(p);
}

void kh_table_free(kh_table *t)
{
    if (!t)
        return;
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->rows[r].ncells; c++)
            kh_blocks_free(&t->rows[r].cells[c].content);
        free(t->rows[r].cells);
    }
    free(t->rows);
    free(t->widths);
    free(t->grid);
    free(t->source);
    free(t);
}

void kh_blocks_free(kh_block_list *list)
{
    for (size_t i = 0; i < list->nblocks; i++) {
        if (list->blocks[i].kind == KH_BLOCK_PARA)
            kh_para_free(list->blocks[i].u.para);
        else
            kh_table_free(list->blocks[i].u.table);
    }
    free(list->blocks);
    list->blocks = NULL;
    list->nblocks = list->cap = 0;
}

void kh_doc_free(kh_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nstyles; i++)
        kh_style_clear(&d->styles[i]);
    free(d->styles);
    kh_lists_free(&d->lists);
    for (size_t i = 0; i < d->nsections; i++)
        kh_blocks_free(&d->sections[i].body);
    free(d->sections);
    free(d->font);
    free(d->lang);
    free(d->title);
    free(d->subject);
    free(d->creator);
    free(d->description);
    free(d);
}

void kh_model_take(char **field, kh_gated *g)
{
    free(*field);
    *field = g->text;
    g->text = NULL;
    g->len = 0;
}

void kh_style_init(kh_style *s)
{
    memset(s, 0, sizeof *s);
    s->kind = KH_STYLE_PARAGRAPH;
    kh_para_props_init(&s->props);
    kh_para_props_init(&s->applied);
}

void kh_style_clear(kh_style *s)
{
    free(s->id);
    free(s->name);
    free(s->based_on);
    free(s->next);
    kh_style_init(s);
}

void kh_doc_put_style(kh_doc *d, kh_style *s)
{
    for (size_t i = 0; i < d->nstyles; i++)
        if (strcmp(d->styles[i].id, s->id) == 0) {   /* redefining a style replaces it */
            kh_style_clear(&d->styles[i]);
            d->styles[i] = *s;
            kh_style_init(s);
            return;
        }
    KH_GROW(d->styles, d->nstyles, d->styles_cap);
    d->styles[d->nstyles++] = *s;
    kh_style_init(s);
}

const kh_style *kh_doc_find_style(const kh_doc *d, const char *id)
{
    for (size_t i = 0; i < d->nstyles; i++)
        if (strcmp(d->styles[i].id, id) == 0)
            return &d->styles[i];
    return NULL;
}

void kh_section_init(kh_section *s)
{
    memset(s, 0, sizeof *s);
    s->width = 11906;    /* A4: 210 × 297 mm */
    s->height = 16838;
    s->margin_top = s->margin_bottom = 1134;
    s->margin_left = 1701;
    s->margin_right = 851;
    s->header_distance = s->footer_distance = 567;
    s->page_numbers = 1;
    s->number_first_page = 0;
    s->page_start = 0;
    kh_para_props_init(&s->number_props);
}

void kh_doc_append_section(kh_doc *d, const kh_section *s)
{
    KH_GROW(d->sections, d->nsections, d->sections_cap);
    d->sections[d->nsections++] = *s;
}

kh_section *kh_doc_current_section(kh_doc *d)
{
    if (!d->nsections) {
        kh_section s;
        kh_section_init(&s);
        kh_doc_append_section(d, &s);
    }
    return &d->sections[d->nsections - 1];
}

static kh_block *add_block(kh_block_list *list, kh_block_kind kind)
{
    KH_GROW(list->blocks, list->nblocks, list->cap);
    kh_block *b = &list->blocks[list->nblocks++];
    b->kind = kind;
    return b;
}

kh_para *kh_para_new(void)
{
    kh_para *p = kh_xcalloc(1, sizeof *p);
    kh_para_props_init(&p->props);
    kh_para_props_init(&p->applied);
    return p;
}

kh_table *kh_table_new(int ncols)
{
    kh_table *t = kh_xcalloc(1, sizeof *t);
    t->ncols = ncols;
    t->widths = kh_xcalloc((size_t)ncols, sizeof *t->widths);
    t->cell_margin = 85;   /* 0.15 cm */
    return t;
}

void kh_blocks_append_para(kh_block_list *list, kh_para *p)
{
    add_block(list, KH_BLOCK_PARA)->u.para = p;
}

void kh_blocks_append_table(kh_block_list *list, kh_table *t)
{
    add_block(list, KH_BLOCK_TABLE)->u.table = t;
}

kh_para *kh_blocks_add_para(kh_block_list *list)
{
    kh_para *p = kh_para_new();
    kh_blocks_append_para(list, p);
    return p;
}

static kh_run *add_run(kh_para *p, kh_run_kind kind, char *text)
{
    KH_GROW(p->runs, p->nruns, p->cap);
    kh_run *r = &p->runs[p->nruns++];
    r->kind = kind;
    r->text = text;
    kh_run_props_init(&r->props);
    return r;
}

kh_run *kh_para_add_run(kh_para *p, kh_run_kind kind)
{
    return add_run(p, kind == KH_RUN_TEXT ? KH_RUN_BREAK : kind, NULL);
}

void kh_para_add_text(kh_para *p, kh_gated *text, const kh_run_props *props)
{
    char *s = text->text;
    if (!s)
        return;
    /* One run, the text taken as it is, when it holds no break or tab (the usual case). */
    if (!strpbrk(s, "\n\t\r")) {
        if (*s)
            add_run(p, KH_RUN_TEXT, s)->props = *props;
        else
            free(s);
        text->text = NULL;
        text->len = 0;
        return;
    }
    /* Split at ASCII separators: each piece of NFC text stays NFC (a separator is a starter). */
    char *start = s;
    for (char *q = s;; q++) {
        if (*q == '\n' || *q == '\t' || *q == '\r' || *q == '\0') {
            char c = *q;
            if (q > start)
                add_run(p, KH_RUN_TEXT, kh_xstrndup(start, (size_t)(q - start)))->props = *props;
            if (c == '\0')
                break;
            if (c == '\n' || c == '\t')
                add_run(p, c == '\n' ? KH_RUN_BREAK : KH_RUN_TAB, NULL)->props = *props;
            start = q + 1;
        }
    }
    kh_gated_free(text);
}

kh_row *kh_table_add_row(kh_table *t)
{
    KH_GROW(t->rows, t->nrows, t->cap);
    kh_row *r = &t->rows[t->nrows++];
    memset(r, 0, sizeof *r);
    return r;
}

kh_cell *kh_row_add_cell(kh_row *r)
{
    /* Cells are few per row: grow one at a time. */
    r->cells = kh_xrealloc(r->cells, (r->ncells + 1) * sizeof *r->cells);
    kh_cell *c = &r->cells[r->ncells++];
    memset(c, 0, sizeof *c);
    c->colspan = c->rowspan = 1;
    c->fill = KH_UNSET;
    return c;
}

const kh_slot *kh_table_slot(const kh_table *t, int row, int col)
{
    return &t->grid[(size_t)row * (size_t)t->ncols + (size_t)col];
}

const kh_cell *kh_table_cell_at(const kh_table *t, int row, int col)
{
    const kh_slot *s = kh_table_slot(t, row, col);
    const kh_row *r = &t->rows[s->row];
    for (size_t i = 0; i < r->ncells; i++)
        if (r->cells[i].col == s->col)
            return &r->cells[i];
    return NULL;
}

/* "file.csv:12: column 3" or "row 5, column 3" */
static const char *where(const kh_table *t, size_t r, int c, char *buf, size_t n)
{
    if (t->source && t->rows[r].line > 0)
        snprintf(buf, n, "%s:%d: column %d", t->source, t->rows[r].line, c + 1);
    else
        snprintf(buf, n, "row %zu, column %d", r + 1, c + 1);
    return buf;
}

int kh_table_layout(kh_table *t, kh_error *err)
{
    char at[600];
    size_t n = t->nrows * (size_t)t->ncols;
    free(t->grid);
    t->grid = kh_xcalloc(n ? n : 1, sizeof *t->grid);
    for (size_t i = 0; i < n; i++)
        t->grid[i].row = -1;
    for (size_t r = 0; r < t->nrows; r++) {
        kh_row *row = &t->rows[r];
        int c = 0;
        for (size_t i = 0; i < row->ncells; i++) {
            kh_cell *cell = &row->cells[i];
            int named;   /* the column errors name: the source file's, when known */
            while (c < t->ncols && t->grid[r * (size_t)t->ncols + (size_t)c].row >= 0)
                c++;
            named = cell->source_col > 0 ? cell->source_col - 1 : c;
            if (c >= t->ncols) {
                int covered = 0;
                for (int k = 0; k < t->ncols; k++)
                    covered |= t->grid[r * (size_t)t->ncols + (size_t)k].row < (int)r;
                return kh_error_set(err, KH_EXIT_INPUT, covered
                                    ? _("%s: the row has more cells than the places the merged cells above leave free")
                                    : _("%s: the row has more cells than the table's %d columns"),
                                    where(t, r, named, at, sizeof at), t->ncols);
            }
            if (cell->colspan < 1 || cell->rowspan < 1)
                return kh_error_set(err, KH_EXIT_INPUT, _("%s: a span must be at least 1"), where(t, r, named, at, sizeof at));
            if (c + cell->colspan > t->ncols)
                return kh_error_set(err, KH_EXIT_INPUT,
                                    _("%s: spans %d columns, past the table's end at column %d"),
                                    where(t, r, named, at, sizeof at), cell->colspan, t->ncols);
            if (r + (size_t)cell->rowspan > t->nrows)
                return kh_error_set(err, KH_EXIT_INPUT,
                                    _("%s: spans %d rows, past the table's last row"),
                                    where(t, r, named, at, sizeof at), cell->rowspan);
            for (int dr = 0; dr < cell->rowspan; dr++)
                for (int dc = 0; dc < cell->colspan; dc++) {
                    kh_slot *s = &t->grid[(r + (size_t)dr) * (size_t)t->ncols + (size_t)(c + dc)];
                    if (s->row >= 0)
                        return kh_error_set(err, KH_EXIT_INPUT,
                                            _("%s: the span overlaps the cell of row %d, column %d"),
                                            where(t, r, named, at, sizeof at), s->row + 1, s->col + 1);
                    s->row = (int)r;
                    s->col = c;
                }
            cell->col = c;
            c += cell->colspan;
        }
    }
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++)
            if (t->grid[r * (size_t)t->ncols + (size_t)c].row < 0)
                return kh_error_set(err, KH_EXIT_INPUT,
                                    _("%s: no cell covers this place (the row is short)"),
                                    where(t, r, c, at, sizeof at));
    return KH_OK;
}

int kh_section_text_width(const kh_section *s)
{
    return s->width - s->margin_left - s->margin_right;
}

/* ---- lists: which series each item counts in ---- */

/* P's list place (its own, else the first its style chain gives) and its outline level, in one
   walk up the chain (based_on chains are acyclic; bounded anyway). */
static const kh_list_ref *style_chain_places(const kh_doc *doc, const kh_para *p, int *outline)
{
    const kh_list_ref *ref = p->list.list ? &p->list : NULL;
    *outline = 0;
    const char *id = p->style;
    for (int depth = 0; id && depth < 64 && (!ref || !*outline); depth++) {
        const kh_style *s = kh_doc_find_style(doc, id);
        if (!s)
            break;
        if (!ref && s->list.list)
            ref = &s->list;
        if (!*outline)
            *outline = s->outline_level;
        id = s->based_on;
    }
    return ref;
}

static void assign_blocks(kh_doc *doc, kh_block_list *b, int *current);

static void assign_para(kh_doc *doc, kh_para *p, int *current)
{
    const kh_list_ref *ref = style_chain_places(doc, p, &p->outline_level);
    memset(&p->item, 0, sizeof p->item);
    if (!ref)
        return;
    int l = ref->list;
    p->item.list = l;
    p->item.level = ref->level;
    if (p->list.restart && current[l - 1]) {   /* a list's first item needs no new series */
        KH_GROW(doc->lists.restart_of, doc->lists.nrestarts, doc->lists.restarts_cap);
        doc->lists.restart_of[doc->lists.nrestarts++] = l;
        current[l - 1] = (int)(doc->lists.n + doc->lists.nrestarts);
    } else if (!current[l - 1]) {
        current[l - 1] = l;
    }
    p->item.series = current[l - 1];
}

static void assign_blocks(kh_doc *doc, kh_block_list *b, int *current)
{
    for (size_t i = 0; i < b->nblocks; i++) {
        if (b->blocks[i].kind == KH_BLOCK_PARA) {
            assign_para(doc, b->blocks[i].u.para, current);
            continue;
        }
        kh_table *t = b->blocks[i].u.table;
        for (size_t r = 0; r < t->nrows; r++)
            for (size_t c = 0; c < t->rows[r].ncells; c++)
                assign_blocks(doc, &t->rows[r].cells[c].content, current);
    }
}

void kh_lists_assign(kh_doc *doc)
{
    doc->lists.nrestarts = 0;
    if (!doc->lists.n)
        return;
    int *current = kh_xcalloc(doc->lists.n, sizeof *current);
    for (size_t i = 0; i < doc->nsections; i++)
        assign_blocks(doc, &doc->sections[i].body, current);
    free(current);
}
