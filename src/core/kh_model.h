/* kh_model.h — the document model: sections of blocks (paragraphs, tables), styles, metadata.
   Templates build it through the Lua builder (kh_builder.c); kh_finish then checks it and
   resolves what both formats share (the fields marked "kh_finish"); the DOCX and ODT writers only
   read it.
   Lengths are twips (1/20 pt); sizes are half-points, as in WordprocessingML.
   Text enters the model only as kh_gated text (kh_text_gate: UTF-8, XML characters, NFC), which
   the model takes over: kh_para_add_text, kh_model_take. Nothing else sets a string of it. */
#ifndef KH_MODEL_H
#define KH_MODEL_H
#include <stddef.h>
#include "kh_error.h"
#include "kh_list.h"
#include "kh_text.h"

#define KH_UNSET (-32768)   /* a property the paragraph inherits from its style */

typedef enum { KH_ALIGN_UNSET, KH_ALIGN_LEFT, KH_ALIGN_CENTER, KH_ALIGN_RIGHT, KH_ALIGN_JUSTIFY } kh_align;
typedef enum { KH_VALIGN_TOP, KH_VALIGN_CENTER, KH_VALIGN_BOTTOM } kh_valign;
typedef enum { KH_LINE_UNSET, KH_LINE_AUTO, KH_LINE_EXACT, KH_LINE_AT_LEAST } kh_line_rule;

typedef struct {
    int size;            /* half-points */
    int bold, italic, underline;   /* 0, 1, or KH_UNSET */
    int caps;            /* render in capitals (kept as typed in the text) */
    int color;           /* 0xRRGGBB, or KH_UNSET for the default black */
} kh_run_props;

typedef struct {
    int width;           /* eighths of a point; 0 = none */
} kh_border;

typedef struct {
    kh_align align;
    int indent_left, indent_right, indent_first;   /* twips; indent_first < 0 is a hanging indent */
    int space_before, space_after;                 /* twips */
    kh_line_rule line_rule;
    int line;            /* 240ths of a line for AUTO, twips for EXACT/AT_LEAST */
    int keep_next, keep_lines, page_break_before, widow_control;
    kh_border border_top, border_bottom, border_left, border_right;   /* all four: a stamp's frame */
    kh_run_props run;    /* the paragraph's default run properties */
} kh_para_props;

typedef enum { KH_RUN_TEXT, KH_RUN_BREAK, KH_RUN_TAB, KH_RUN_PAGE_NUMBER } kh_run_kind;

typedef struct {
    kh_run_kind kind;
    char *text;          /* NFC UTF-8, for KH_RUN_TEXT */
    kh_run_props props;  /* its own; after kh_finish, over its paragraph's run properties (a
                            value the run leaves unset is the paragraph's) */
} kh_run;

/* A paragraph's place in a list (kh_list.h), its own or its style's. */
typedef struct {
    int list;            /* 1-based number in kh_doc.lists; 0: none */
    int level;           /* 1-based level */
    int restart;         /* the list starts again from here (a new series of "1., 2.") */
    int series;          /* the series the paragraph counts in (kh_lists_assign) */
} kh_list_ref;

typedef struct {
    char *style;         /* style id, or NULL for the default paragraph style */
    kh_para_props props;
    kh_para_props applied;   /* kh_finish: PROPS over those of the style chain (KH_UNSET where
                                none sets a value) */
    kh_list_ref list;    /* a list item of its own (else its style's list, if any) */
    kh_list_ref item;    /* its place in a list as it applies, own or the style's, with its
                            series: set by kh_lists_assign; list 0 when not an item */
    int outline_level;   /* 1–9 when a heading, through its style (kh_lists_assign); else 0 */
    kh_run *runs;
    size_t nruns, cap;
} kh_para;

typedef struct kh_block kh_block;

typedef struct {
    kh_block *blocks;    /* paragraphs (and nested tables) */
    size_t nblocks, cap;
} kh_block_list;

typedef struct {
    kh_block_list content;
    int colspan, rowspan;
    int col;             /* grid column where the cell starts, set by kh_table_layout */
    int source_col;      /* column in the source file, for errors (0 when unknown) */
    kh_valign valign;
    int shade;           /* grey background for header rows: 0 none, else percent */
    int fill;            /* kh_finish: the background as 0xRRGGBB, or KH_UNSET for none */
} kh_cell;

/* One place in the table grid: the cell that starts there, or the cell that covers it. */
typedef struct {
    int row, col;        /* the origin of the cell that holds this place */
} kh_slot;

typedef struct {
    kh_cell *cells;      /* cells in order of their origin column */
    size_t ncells;
    int header;          /* repeated at the top of every page */
    int line;            /* line in the source file, for errors (0 when unknown) */
    int cant_split;      /* keep the row whole across a page break (else it may break) */
} kh_row;

typedef struct {
    int ncols;
    int *widths;         /* twips, one per grid column */
    kh_row *rows;
    size_t nrows, cap;
    kh_slot *grid;       /* nrows × ncols, filled by kh_table_layout */
    int borders;         /* single 0.5 pt borders on every cell */
    int indent;          /* twips from the left margin */
    int cell_margin;     /* left/right cell padding, twips */
    char *source;        /* the file the rows came from, for errors (NULL when written in Lua) */
} kh_table;

typedef enum { KH_BLOCK_PARA, KH_BLOCK_TABLE } kh_block_kind;

struct kh_block {
    kh_block_kind kind;
    union {
        kh_para *para;
        kh_table *table;
    } u;
};

typedef struct {
    int width, height;   /* twips; landscape when width > height */
    int margin_top, margin_bottom, margin_left, margin_right;
    int header_distance, footer_distance;
    int page_numbers;    /* show the page number centred in the header */
    int number_first_page;
    int page_start;      /* restart numbering at this value; 0 continues */
    kh_para_props number_props;   /* how the page number is set (kh_finish: centred unless set) */
    kh_block_list body;
    /* kh_finish: where the section's page properties ride in the text. DOCX closes a section
       with its last paragraph, which holds the w:sectPr: CARRIER, or NULL when the section does
       not end with a paragraph (the writer adds an empty one) or is the last (its properties
       close the body). ODT starts the section's master page on its first block, or on a blank
       paragraph when OPENS_BLANK (the section is empty). CLOSES_BLANK: the document's last
       section ends with a table, and both formats end the text with an empty paragraph. */
    kh_para *carrier;
    int opens_blank, closes_blank;
} kh_section;

typedef enum { KH_STYLE_PARAGRAPH, KH_STYLE_CHARACTER, KH_STYLE_TABLE } kh_style_kind;

typedef struct {
    char *id;            /* "Body", "Heading1" … */
    char *name;          /* shown in Word's and LibreOffice's style lists */
    char *based_on;
    char *next;
    kh_style_kind kind;
    kh_para_props props;
    kh_para_props applied;   /* kh_finish: PROPS over those of the styles it is based on */
    kh_list_ref list;    /* paragraphs of this style are items of this list level */
    int outline_level;   /* 1–9: a heading of that level (Navigation Pane, TOC); 0: body text */
} kh_style;

typedef struct {
    char *font;          /* "Times New Roman" */
    int size;            /* default half-points */
    char *lang;          /* "vi-VN" */
    char *title, *subject, *creator, *description;
    long long time;      /* seconds since 1970 UTC: the date in core.xml/meta.xml and of every zip
                            entry (kh_render sets it: SOURCE_DATE_EPOCH, else the plan's date) */
    kh_style *styles;
    size_t nstyles, styles_cap;
    kh_lists lists;      /* the numbering of headings and items */
    kh_section *sections;
    size_t nsections, sections_cap;
    int finished;        /* kh_finish passed: the writers write nothing else */
} kh_doc;

kh_doc *kh_doc_new(void);
void kh_doc_free(kh_doc *doc);

void kh_para_props_init(kh_para_props *p);
void kh_run_props_init(kh_run_props *r);

/* Set *FIELD to the gated text G, which the model takes (G is emptied); the old value is freed. */
void kh_model_take(char **field, kh_gated *g);

/* A style is built apart (kh_style_init, then fields), then put in the document: it replaces
   the style of the same id, or is added. kh_doc_put_style takes S over. */
void kh_style_init(kh_style *s);
void kh_style_clear(kh_style *s);
void kh_doc_put_style(kh_doc *doc, kh_style *s);
const kh_style *kh_doc_find_style(const kh_doc *doc, const char *id);

/* A section with A4 portrait defaults, built apart then appended (kh_doc_append_section copies
   it; its body must still be empty). */
void kh_section_init(kh_section *s);
void kh_doc_append_section(kh_doc *doc, const kh_section *s);
kh_section *kh_doc_current_section(kh_doc *doc);

/* Paragraphs and tables are built apart, then appended to a list that takes them over: a
   template error half way through leaves nothing half-built in the document. */
kh_para *kh_para_new(void);
void kh_para_free(kh_para *p);
kh_table *kh_table_new(int ncols);
void kh_table_free(kh_table *t);
void kh_blocks_append_para(kh_block_list *list, kh_para *p);
void kh_blocks_append_table(kh_block_list *list, kh_table *t);
kh_para *kh_blocks_add_para(kh_block_list *list);
void kh_blocks_free(kh_block_list *list);

/* A run without text: a line break, a tab or the page number. */
kh_run *kh_para_add_run(kh_para *p, kh_run_kind kind);
/* Text runs from gated TEXT (taken over): a line break, tab or carriage return in it becomes a
   break or tab run, every run with PROPS. */
void kh_para_add_text(kh_para *p, kh_gated *text, const kh_run_props *props);

kh_row *kh_table_add_row(kh_table *t);
kh_cell *kh_row_add_cell(kh_row *r);

/* Place every cell in the grid. Fails, naming the row (or source file and line) and column, when a span overlaps
   another cell, a row is wider than the grid, a span runs past the table's end, or a place is
   left empty. (An empty cell is given its paragraph by kh_finish.) */
int kh_table_layout(kh_table *t, kh_error *err);

/* The slot at (row, col) after layout. */
const kh_slot *kh_table_slot(const kh_table *t, int row, int col);
const kh_cell *kh_table_cell_at(const kh_table *t, int row, int col);

/* Number the series of every list: each paragraph's item (its list and level, its own or its
   style's, and the series it counts in), its outline level, and doc->lists' restarts. Part of
   kh_finish. */
void kh_lists_assign(kh_doc *doc);

/* Width of the text block of a section (page width less the margins). */
int kh_section_text_width(const kh_section *s);
#endif
