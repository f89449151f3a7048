/* kh_table_rows.h — a table laid out from the texts of its cells, as a plan writes them (a CSV
   file or rows in Lua), by the cell conventions of docs/templates.md:
     "<"      merged into the cell on its left (column span)
     "^"      merged into the cell above (row span)
     "#I" …   a group row: label I in the first column, the title in the next cell spanning the
              empty cells after it; "#" alone: no label, the title spans from the first column
     ""       in the STT column of a data row: the automatic number given for the row
   a line break inside a cell starts a new paragraph; **bold** and *italic* as in the body.
   The template decides the look once per table (kh_table_look); this makes each row, in C,
   without a value per cell on the template's side. */
#ifndef KH_TABLE_ROWS_H
#define KH_TABLE_ROWS_H
#include <stddef.h>
#include "kh_error.h"
#include "kh_model.h"

/* The paragraphs of one kind of cell: a named style, and the exceptions to it. */
typedef struct {
    char *style;          /* a style id the document defines */
    kh_align align;       /* KH_ALIGN_UNSET: the style's */
    int keep_next;        /* 1: kept with the next row; else the style's */
} kh_cell_look;

typedef struct {
    int ncols;
    int header_rows;      /* the first rows, repeated on every page */
    int stt_col;          /* 1-based column of the automatic numbers; 0: none */
    kh_cell_look header, group_label, group_title;
    kh_cell_look *data, *group;   /* per column: a data row's cells, a group row's other cells */
    double *widths_mm;    /* per column */
    double size_pt, space_pt;     /* the table styles' size and spacing, for the rows' heights */
    int header_bold, group_bold;
    double cell_margin_mm;
    double whole_max_mm;  /* a row no taller than this is kept whole on one page */
    char *file;           /* the file the rows come from, for messages; NULL: rows written in Lua */
} kh_table_look;

void kh_table_look_init(kh_table_look *look, int ncols);
void kh_table_look_free(kh_table_look *look);

/* One cell's text as the plan wrote it (valid UTF-8, NFC: the plan loader's gate passed). */
typedef struct {
    const char *text;
    size_t len;
} kh_cell_text;

/* The state of a table being laid out row after row: which cell holds each column of the last
   row (a "^" below extends it). */
typedef struct {
    int ncols;
    int *origin_row, *origin_cell;   /* per column: row and cell index in the table, or -1 */
    int *next_row, *next_cell;
} kh_table_rows;

void kh_table_rows_init(kh_table_rows *tr, int ncols);
void kh_table_rows_free(kh_table_rows *tr);

/* Lay out row R (1-based) of T: CELLS (NCELLS texts; missing ones are empty), LINE in the file
   (0: unknown), NUMBER the automatic STT text of the row (NULL: none). Appends a row to T, kept
   whole on one page when no taller than look->whole_max_mm (its height estimated from the
   font's widths). MAX_ITEMS bounds the inline markup of a cell (a memory budget). On a fault of
   the plan's (a "<" or "^" with nothing to merge with, bad markup) returns KH_EXIT_INPUT with
   ERR naming the file and line. */
int kh_table_rows_add(kh_table_rows *tr, kh_table *t, const kh_table_look *look, int r,
                      const kh_cell_text *cells, int ncells, int line, const char *number,
                      size_t max_items, kh_error *err);
#endif
