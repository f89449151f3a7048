/* A table's rows from the texts of its cells: the cell conventions, inline markup, styles and
   the rows kept whole (see kh_table_rows.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kh_i18n.h"
#include "kh_markup.h"
#include "kh_metrics.h"
#include "kh_table_rows.h"
#include "kh_text.h"
#include "kh_units.h"
#include "kh_util.h"

void kh_table_look_init(kh_table_look *look, int ncols)
{
    memset(look, 0, sizeof *look);
    look->ncols = ncols;
    look->header_rows = 1;
    look->data = kh_xcalloc((size_t)ncols, sizeof *look->data);
    look->group = kh_xcalloc((size_t)ncols, sizeof *look->group);
    look->widths_mm = kh_xcalloc((size_t)ncols, sizeof *look->widths_mm);
    look->size_pt = 12;
    look->whole_max_mm = 80;
}

void kh_table_look_free(kh_table_look *look)
{
    free(look->header.style);
    free(look->group_label.style);
    free(look->group_title.style);
    for (int c = 0; c < look->ncols; c++) {
        free(look->data ? look->data[c].style : NULL);
        free(look->group ? look->group[c].style : NULL);
    }
    free(look->data);
    free(look->group);
    free(look->widths_mm);
    free(look->file);
    memset(look, 0, sizeof *look);
}

void kh_table_rows_init(kh_table_rows *tr, int ncols)
{
    tr->ncols = ncols;
    tr->origin_row = kh_xmalloc((size_t)ncols * sizeof(int));
    tr->origin_cell = kh_xmalloc((size_t)ncols * sizeof(int));
    tr->next_row = kh_xmalloc((size_t)ncols * sizeof(int));
    tr->next_cell = kh_xmalloc((size_t)ncols * sizeof(int));
    for (int c = 0; c < ncols; c++)
        tr->origin_row[c] = tr->origin_cell[c] = -1;
}

void kh_table_rows_free(kh_table_rows *tr)
{
    free(tr->origin_row);
    free(tr->origin_cell);
    free(tr->next_row);
    free(tr->next_cell);
    memset(tr, 0, sizeof *tr);
}

/* A fault of row R at column COL: at the file's LINE when the rows come from a file, else
   "table row R: …" (rows written in Lua). FMT takes COL. */
static int fail(kh_error *err, const kh_table_look *look, int r, int line, const char *fmt, int col)
{
    char text[512];
    snprintf(text, sizeof text, fmt, col);
    if (look->file && line > 0)
        kh_error_set_at(err, KH_EXIT_INPUT, look->file, line, 0, "%s", text);
    else
        kh_error_set(err, KH_EXIT_INPUT, _("table row %d: %s"), r, text);
    kh_error_rule(err, "table-merge");
    return KH_EXIT_INPUT;
}

static const double MM_PER_PT = 25.4 / 72;

/* The widths of a row's paragraphs, by cell, for the row's height once its spans are known. */
typedef struct {
    size_t *cell;
    double *width;
    size_t n, cap;
} line_widths;

static void note_width(line_widths *lw, size_t cell, double w)
{
    if (lw->n == lw->cap) {
        lw->cap = lw->cap ? 2 * lw->cap : 16;
        lw->cell = kh_xrealloc(lw->cell, lw->cap * sizeof *lw->cell);
        lw->width = kh_xrealloc(lw->width, lw->cap * sizeof *lw->width);
    }
    lw->cell[lw->n] = cell;
    lw->width[lw->n++] = w;
}

/* One line of a cell (LEN bytes) → a paragraph of LOOK in cell CI of ROW; the width of its text
   in mm (bold where LOOK's style is, BOLD) is noted in LW. */
static int add_line(kh_row *row, size_t ci, const kh_cell_look *look, int bold, const char *text, size_t len,
                    const kh_table_look *tl, int line, int column, line_widths *lw, size_t max_items,
                    kh_error *err)
{
    kh_cell *cell = &row->cells[ci];
    kh_spans spans = {0};
    if (kh_markup_inline_limited(text, len, tl->file ? tl->file : "table", line > 0 ? line : 1, column,
                                 max_items, &spans, err) != KH_OK)
        return KH_EXIT_INPUT;
    kh_para *p = kh_blocks_add_para(&cell->content);
    p->style = kh_xstrdup(look->style);
    p->props.align = look->align;
    if (look->keep_next)
        p->props.keep_next = 1;
    double w = 0;
    for (size_t i = 0; i < spans.nspans; i++) {
        const kh_span *s = &spans.spans[i];
        w += kh_mm_from_twips(kh_text_width_twips(s->text, tl->size_pt, s->bold || bold, 0));
        kh_run_props props;
        kh_run_props_init(&props);
        if (s->bold)
            props.bold = 1;
        if (s->italic)
            props.italic = 1;
        kh_gated g;
        if (kh_text_gate(s->text, strlen(s->text), &g, NULL) != KH_TEXT_OK) {
            kh_spans_free(&spans);
            return kh_error_set(err, KH_EXIT_INPUT, _("%s: expected UTF-8 text without control characters"),
                                tl->file ? tl->file : "table");
        }
        kh_para_add_text(p, &g, &props);
    }
    kh_spans_free(&spans);
    note_width(lw, ci, w);
    return KH_OK;
}

/* A cell's text → the paragraphs of the row's last cell: one a line, empty lines dropped but
   the first. */
static int add_paragraphs(kh_row *row, const kh_cell_look *look, int bold, const kh_cell_text *ct,
                          const kh_table_look *tl, int line, int column, line_widths *lw,
                          size_t max_items, kh_error *err)
{
    size_t ci = row->ncells - 1;
    const char *s = ct->text, *end = s + ct->len;
    int first = 1;
    for (;;) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *stop = nl ? nl : end;
        size_t n = (size_t)(stop - s);
        if (n > 0 && s[n - 1] == '\r')
            n--;
        if (n > 0 || first)
            if (add_line(row, ci, look, bold, s, n, tl, line, column, lw, max_items, err) != KH_OK)
                return KH_EXIT_INPUT;
        first = 0;
        if (!nl)
            return KH_OK;
        s = nl + 1;
        if (s == end)
            return KH_OK;   /* "a\n": the line break ends the last line */
    }
}

static int is(const kh_cell_text *c, const char *s)
{
    size_t n = strlen(s);
    return c->len == n && !memcmp(c->text, s, n);
}

static double span_width(const kh_table_look *look, int col, int span)
{
    double w = -2 * look->cell_margin_mm;
    for (int k = col; k < col + span && k <= look->ncols; k++)
        w += look->widths_mm[k - 1];
    return w;
}

int kh_table_rows_add(kh_table_rows *tr, kh_table *t, const kh_table_look *look, int r,
                      const kh_cell_text *given, int ncells, int line, const char *number,
                      size_t max_items, kh_error *err)
{
    int ncols = look->ncols;
    static const kh_cell_text empty = {"", 0};
    /* the row's texts, one a column */
    const kh_cell_text **cells = kh_xmalloc((size_t)ncols * sizeof *cells);
    for (int c = 0; c < ncols; c++)
        cells[c] = c < ncells ? &given[c] : &empty;
    int header = r <= look->header_rows;
    kh_row *row = kh_table_add_row(t);
    int ri = (int)t->nrows - 1;
    row->header = header;
    row->line = line;
    line_widths lw = {0};
    int rc = KH_OK;
    const kh_cell_text *first = cells[0];
    size_t level = 0;
    while (!header && level < first->len && first->text[level] == '#')
        level++;
    if (level > 0) {
        /* a group row: the label, the title spanning the empty cells after it, the rest */
        kh_cell_text label = {first->text + level, first->len - level};
        int start = 1;
        if (label.len > 0) {
            kh_cell *cell = kh_row_add_cell(row);
            cell->valign = KH_VALIGN_CENTER;
            cell->source_col = 1;
            rc = add_paragraphs(row, &look->group_label, look->group_bold, &label, look, line, 1, &lw,
                                max_items, err);
            start = 2;
        }
        int title_col = 2;
        int stop = title_col + 1;
        while (stop <= ncols && cells[stop - 1]->len == 0)
            stop++;
        if (rc == KH_OK) {
            kh_cell *cell = kh_row_add_cell(row);
            cell->valign = KH_VALIGN_CENTER;
            cell->source_col = title_col;
            cell->colspan = stop - start;
            rc = add_paragraphs(row, &look->group_title, look->group_bold,
                                title_col <= ncols ? cells[title_col - 1] : &empty, look, line, title_col,
                                &lw, max_items, err);
        }
        for (int c = stop; c <= ncols && rc == KH_OK; c++) {
            kh_cell *cell = kh_row_add_cell(row);
            cell->source_col = c;
            rc = add_paragraphs(row, &look->group[c - 1], 0, cells[c - 1], look, line, c, &lw, max_items, err);
        }
    } else {
        for (int c = 1; c <= ncols && rc == KH_OK; c++) {
            const kh_cell_text *text = cells[c - 1];
            if (is(text, "<")) {
                if (c == 1 || row->ncells == 0) {
                    rc = fail(err, look, r, line, _("column %d: '<' has no cell on its left to merge with"), c);
                    break;
                }
                kh_cell *last = &row->cells[row->ncells - 1];
                if (last->source_col + last->colspan != c) {
                    rc = fail(err, look, r, line, _("column %d: '<' follows a '^': merge a block with '^' only"), c);
                    break;
                }
                last->colspan++;
            } else if (is(text, "^")) {
                if (r == 1) {
                    rc = fail(err, look, r, line, _("column %d: '^' has no cell above to merge with"), c);
                    break;
                }
                int orow = tr->origin_row[c - 1], ocell = tr->origin_cell[c - 1];
                if (orow < 0) {
                    rc = fail(err, look, r, line, _("column %d: '^' under a cell that cannot grow down"), c);
                    break;
                }
                kh_cell *above = &t->rows[orow].cells[ocell];
                if (above->source_col == c)
                    above->rowspan++;
            } else {
                kh_cell_text shown = *text;
                if (c == look->stt_col && text->len == 0 && number) {
                    shown.text = number;
                    shown.len = strlen(number);
                }
                kh_cell *cell = kh_row_add_cell(row);
                cell->source_col = c;
                cell->valign = header || c == look->stt_col ? KH_VALIGN_CENTER : KH_VALIGN_TOP;
                const kh_cell_look *cl = header ? &look->header : &look->data[c - 1];
                rc = add_paragraphs(row, cl, header ? look->header_bold : 0, &shown, look, line, c, &lw,
                                    max_items, err);
            }
        }
    }
    if (rc == KH_OK) {
        /* which cell holds each column now, for a "^" in the next row; a "^" of this row
           passes on the cell it extends */
        for (int c = 0; c < ncols; c++)
            tr->next_row[c] = tr->next_cell[c] = -1;
        if (level == 0) {
            for (size_t k = 0; k < row->ncells; k++) {
                const kh_cell *cell = &row->cells[k];
                for (int c = cell->source_col; c < cell->source_col + cell->colspan && c <= ncols; c++) {
                    tr->next_row[c - 1] = ri;
                    tr->next_cell[c - 1] = (int)k;
                }
            }
        }
        for (int c = 0; c < ncols; c++)
            if (tr->next_row[c] < 0 && r > 1 && is(cells[c], "^")) {
                tr->next_row[c] = tr->origin_row[c];
                tr->next_cell[c] = tr->origin_cell[c];
            }
        memcpy(tr->origin_row, tr->next_row, (size_t)ncols * sizeof(int));
        memcpy(tr->origin_cell, tr->next_cell, (size_t)ncols * sizeof(int));
        /* the row's height, its cells' spans known ('<' widens a cell after its text) */
        double height = 0, *cell_h = kh_xcalloc(row->ncells ? row->ncells : 1, sizeof *cell_h);
        for (size_t k = 0; k < lw.n; k++) {
            const kh_cell *cell = &row->cells[lw.cell[k]];
            double width = span_width(look, cell->source_col, cell->colspan);
            double lines = fmax(1, ceil(lw.width[k] * 1.1 / fmax(width, 1)));
            cell_h[lw.cell[k]] += (lines * look->size_pt * 1.15 + 2 * look->space_pt) * MM_PER_PT;
        }
        for (size_t k = 0; k < row->ncells; k++)
            height = fmax(height, cell_h[k]);
        free(cell_h);
        row->cant_split = height <= look->whole_max_mm;
    }
    free(lw.cell);
    free(lw.width);
    free(cells);
    return rc;
}
