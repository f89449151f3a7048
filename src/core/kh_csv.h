/* kh_csv.h — CSV/TSV tables edited in a spreadsheet: UTF-8 with or without a BOM, RFC 4180
   quoting (separators, quotes and line breaks inside quoted cells). */
#ifndef KH_CSV_H
#define KH_CSV_H
#include <stddef.h>
#include "kh_error.h"

typedef struct {
    char *text;          /* NFC UTF-8 */
    int line, column;    /* where the cell starts in the file (1-based) */
} kh_csv_cell;

typedef struct {
    kh_csv_cell *cells;
    size_t ncells, cap;
    int line;
} kh_csv_row;

typedef struct {
    kh_csv_row *rows;
    size_t nrows, cap;
    size_t ncols;        /* every row has this many cells */
} kh_csv;

/* At most this many cells in one file: each costs some hundred bytes, so a hostile file of
   separators alone would cost a hundredfold its size in memory. */
#define KH_CSV_MAX_CELLS 1000000

/* SEP is ',', ';' or '\t'. NAME prefixes errors: "phu-luc.csv:12:3: …". Rows of unequal length,
   an unclosed quote, text after a closing quote and invalid UTF-8 are errors. */
int kh_csv_parse(const char *data, size_t len, char sep, const char *name, kh_csv *out, kh_error *err);
/* The same with at most MAX_CELLS cells (a caller's memory budget divided by KH_CSV_CELL_COST);
   beyond, "memory budget exceeded". */
int kh_csv_parse_limited(const char *data, size_t len, char sep, const char *name, size_t max_cells,
                         kh_csv *out, kh_error *err);
void kh_csv_free(kh_csv *csv);

/* Bytes a cell costs at most, its text apart (the struct, the text's allocation, spare room). */
#define KH_CSV_CELL_COST 80

/* The separator a file name implies: '\t' for .tsv and .tab, ',' otherwise. */
char kh_csv_separator_for(const char *name);

/* The separator of a .csv file as saved, read from its header line (the first line with more
   than spaces, after a BOM): the one of ',' ';' TAB that occurs most often outside quoted cells.
   A tie, or none of them (a table of one column), gives ','. Excel and LibreOffice save ';' on a
   machine whose locale writes a decimal comma (Vietnamese, most of Europe). */
char kh_csv_detect_separator(const char *data, size_t len);

/* The separator read_table uses: GIVEN (the `separator` option) when nonzero, else TAB for a
   .tsv or .tab NAME, else the one the header line shows (kh_csv_detect_separator). */
char kh_csv_separator(char given, const char *name, const char *data, size_t len);
#endif
