/* CSV reader: a small state machine over bytes; UTF-8 is checked for the whole file first so
   errors can name the line and column of the bad byte. */
#include <stdlib.h>
#include <string.h>
#include "kh_csv.h"
#include "kh_i18n.h"
#include "kh_text.h"
#include "kh_util.h"

char kh_csv_separator_for(const char *name)
{
    size_t n = strlen(name);
    if ((n > 4 && strcmp(name + n - 4, ".tsv") == 0) || (n > 4 && strcmp(name + n - 4, ".tab") == 0))
        return '\t';
    return ',';
}

static int is_separator(char c)
{
    return c == ',' || c == ';' || c == '\t';
}

char kh_csv_detect_separator(const char *data, size_t len)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    /* The header line: the first holding more than spaces (a spreadsheet may leave blank lines
       above the table). */
    size_t i = 0;
    for (;;) {
        size_t j = i;
        while (j < len && (data[j] == ' ' || data[j] == '\r'))
            j++;
        if (j >= len)
            return ',';
        if (data[j] != '\n')
            break;
        i = j + 1;
    }
    /* Counted outside quotes: a quote opens a quoted cell where a cell starts (the line's start
       or after any candidate), "" inside it is a quote, a line break inside it does not end the
       header. */
    size_t comma = 0, semicolon = 0, tab = 0;
    int quoted = 0, cell_start = 1;
    for (; i < len; i++) {
        char ch = data[i];
        if (quoted) {
            if (ch == '"') {
                if (i + 1 < len && data[i + 1] == '"')
                    i++;
                else
                    quoted = 0;
            }
            continue;
        }
        if (ch == '\n' || ch == '\r')
            break;
        if (ch == '"' && cell_start) {
            quoted = 1;
            continue;
        }
        cell_start = is_separator(ch);
        comma += ch == ',';
        semicolon += ch == ';';
        tab += ch == '\t';
    }
    if (semicolon > comma && semicolon > tab)
        return ';';
    if (tab > comma && tab > semicolon)
        return '\t';
    return ',';
}

char kh_csv_separator(char given, const char *name, const char *data, size_t len)
{
    if (given)
        return given;
    if (kh_csv_separator_for(name) == '\t')
        return '\t';
    return kh_csv_detect_separator(data, len);
}

void kh_csv_free(kh_csv *csv)
{
    for (size_t r = 0; r < csv->nrows; r++) {
        for (size_t c = 0; c < csv->rows[r].ncells; c++)
            free(csv->rows[r].cells[c].text);
        free(csv->rows[r].cells);
    }
    free(csv->rows);
    memset(csv, 0, sizeof *csv);
}

static int row_is_empty(const kh_csv_row *row)
{
    for (size_t i = 0; i < row->ncells; i++)
        if (row->cells[i].text[0])
            return 0;
    return 1;
}

static int end_cell(kh_csv_row *row, kh_buf *cell, int line, int column)
{
    char *nfc = kh_text_nfc(kh_buf_cstr(cell), cell->len);
    if (!nfc)
        return -1;
    KH_GROW(row->cells, row->ncells, row->cap);
    row->cells[row->ncells].text = nfc;
    row->cells[row->ncells].line = line;
    row->cells[row->ncells].column = column;
    row->ncells++;
    cell->len = 0;
    return 0;
}

int kh_csv_parse(const char *data, size_t len, char sep, const char *name, kh_csv *out, kh_error *err)
{
    return kh_csv_parse_limited(data, len, sep, name, KH_CSV_MAX_CELLS, out, err);
}

int kh_csv_parse_limited(const char *data, size_t len, char sep, const char *name, size_t max_cells,
                         kh_csv *out, kh_error *err)
{
    memset(out, 0, sizeof *out);
    if (max_cells > KH_CSV_MAX_CELLS)
        max_cells = KH_CSV_MAX_CELLS;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t bad;
    kh_text_status st = kh_text_check(data, len, &bad);
    if (st != KH_TEXT_OK) {
        int l, c;
        kh_text_position(data, bad, &l, &c);
        return kh_error_set_at(err, KH_EXIT_INPUT, name, l, c, _("%s: expected UTF-8 text (save the sheet as \"CSV UTF-8\")"),
                               kh_text_status_message(st));
    }
    kh_buf cell = {0};
    kh_csv_row row = {0};
    size_t cells = 0;                    /* made so far, against max_cells */
    int line = 1, col = 1;               /* position of the next byte */
    int cell_line = 1, cell_col = 1;     /* where the current cell started */
    int quote_line = 0, quote_col = 0;
    enum { START, UNQUOTED, QUOTED, AFTER_QUOTE } state = START;
    row.line = 1;
    for (size_t i = 0; i <= len; i++) {
        int eof = i == len;
        char ch = eof ? '\n' : data[i];
        if (eof && state == QUOTED) {
            kh_error_set_at(err, KH_EXIT_INPUT, name, quote_line, quote_col,
                            _("the quote opened here is never closed: expected a closing '\"'"));
            goto fail;
        }
        if (eof && state == START && row.ncells == 0 && cell.len == 0)
            break;
        switch (state) {
        case QUOTED:
            if (ch == '"') {
                if (i + 1 < len && data[i + 1] == '"') {
                    kh_buf_putc(&cell, '"');
                    i++;
                    col++;
                } else {
                    state = AFTER_QUOTE;
                }
            } else if (ch != '\r' || i + 1 >= len || data[i + 1] != '\n') {
                kh_buf_putc(&cell, ch);   /* a line break inside a cell; CR LF kept as LF */
            }
            break;
        case START:
            if (ch == '"') {
                state = QUOTED;
                quote_line = line;
                quote_col = col;
                break;
            }
            state = UNQUOTED;
            /* fall through */
        case UNQUOTED:
        case AFTER_QUOTE:
            if (ch == sep || ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < len && data[i + 1] == '\n')
                    break;   /* the \n that follows ends the row */
                if (++cells > max_cells) {
                    if (max_cells < KH_CSV_MAX_CELLS) {   /* the caller's memory budget set the limit */
                        kh_error_set_at(err, KH_EXIT_INPUT, name, cell_line, cell_col,
                                        _("memory budget exceeded: the budget left room for %zu cells"), max_cells);
                        kh_error_rule(err, "budget");
                    } else
                        kh_error_set_at(err, KH_EXIT_INPUT, name, cell_line, cell_col,
                                        _("more than %d cells: expected a table of at most %d"), KH_CSV_MAX_CELLS,
                                        KH_CSV_MAX_CELLS);
                    goto fail;
                }
                if (end_cell(&row, &cell, cell_line, cell_col) < 0) {
                    kh_error_set(err, KH_EXIT_IO, _("out of memory"));
                    goto fail;
                }
                state = START;
                cell_line = line;
                cell_col = col + 1;
                if (ch != sep) {
                    if (row.ncells == 1 && row.cells[0].text[0] == '\0' && eof) {
                        /* nothing after the last line break */
                    } else if (!row_is_empty(&row) || row.ncells > 1) {
                        if (out->nrows == 0)
                            out->ncols = row.ncells;
                        else if (row.ncells != out->ncols) {
                            kh_error_set_at(err, KH_EXIT_INPUT, name, row.line,
                                            (int)(row.ncells < out->ncols ? row.ncells : out->ncols) + 1,
                                            _("the row has %zu cells, expected %zu like the first row"),
                                            row.ncells, out->ncols);
                            kh_error_rule(err, "table-cells");
                            goto fail;
                        }
                        KH_GROW(out->rows, out->nrows, out->cap);
                        out->rows[out->nrows++] = row;
                        memset(&row, 0, sizeof row);
                    }
                    for (size_t k = 0; k < row.ncells; k++)
                        free(row.cells[k].text);
                    row.ncells = 0;
                    row.line = line + 1;
                    cell_line = line + 1;
                    cell_col = 1;
                }
            } else if (state == AFTER_QUOTE) {
                kh_error_set_at(err, KH_EXIT_INPUT, name, line, col,
                                _("expected a separator or the end of the line after the closing quote"));
                goto fail;
            } else {
                kh_buf_putc(&cell, ch);   /* a quote inside an unquoted cell is kept as typed */
            }
            break;
        }
        if (!eof) {
            if (data[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
                col++;
            }
        }
    }
    for (size_t k = 0; k < row.ncells; k++)
        free(row.cells[k].text);
    free(row.cells);
    kh_buf_free(&cell);
    if (out->nrows == 0)
        return kh_error_set_at(err, KH_EXIT_INPUT, name, 1, 1, _("the table is empty: expected a header row"));
    return KH_OK;
fail:
    for (size_t k = 0; k < row.ncells; k++)
        free(row.cells[k].text);
    free(row.cells);
    kh_buf_free(&cell);
    kh_csv_free(out);
    return KH_EXIT_INPUT;
}
