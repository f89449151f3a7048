/* kh_markup.h — the body markup: headings (#, ##, ###), numbered paragraphs (1. 1.1. a) - +),
   articles of a decision ("Điều 1."),
   plain paragraphs, **bold**, *italic* and \ escapes. The parser keeps the kind of each marker
   and drops the number typed; the template computes every number. */
#ifndef KH_MARKUP_H
#define KH_MARKUP_H
#include <stddef.h>
#include "kh_error.h"

typedef enum { KH_MK_PARA, KH_MK_HEADING, KH_MK_ITEM } kh_mk_kind;

typedef enum {
    KH_MARK_NONE,
    KH_MARK_NUMBER,      /* "1."   plain sequence */
    KH_MARK_SUBNUMBER,   /* "1.1." under the current second-level number (the final dot is needed) */
    KH_MARK_LETTER,      /* "a)"   a) b) c) d) đ) e) g) … */
    KH_MARK_DASH,        /* "-" */
    KH_MARK_PLUS,        /* "+" */
    KH_MARK_ARTICLE      /* "Điều 1." an article of a decision */
} kh_mark;

typedef struct {
    char *text;
    int bold, italic;
} kh_span;

typedef struct {
    kh_span *spans;
    size_t nspans, cap;
} kh_spans;

typedef struct {
    kh_mk_kind kind;
    int level;           /* headings: 1–3 */
    kh_mark mark;        /* items */
    int line;            /* 1-based line where the block starts */
    kh_spans content;
} kh_mk_block;

typedef struct {
    kh_mk_block *blocks;
    size_t nblocks, cap;
} kh_markup;

/* At most this many blocks and spans in one text: beyond, a text is refused (each costs some
   hundred bytes, so a hostile text of short paragraphs or "*a*a*a…" would cost a hundredfold
   its size in memory). */
#define KH_MARKUP_MAX_ITEMS 1000000

/* Parse TEXT (LEN bytes, valid UTF-8). NAME prefixes error messages: "body.txt:12:5: …". */
int kh_markup_parse(const char *text, size_t len, const char *name, kh_markup *out, kh_error *err);
/* The same with at most MAX_ITEMS blocks and spans (a caller's memory budget divided by
   KH_MARKUP_ITEM_COST); beyond, "memory budget exceeded". */
int kh_markup_parse_limited(const char *text, size_t len, const char *name, size_t max_items,
                            kh_markup *out, kh_error *err);
void kh_markup_free(kh_markup *m);

/* Bytes a block or span costs at most, its text apart (the struct, the text's own allocation,
   the arrays' spare room). */
#define KH_MARKUP_ITEM_COST 96

/* Inline markup only (for table cells and single fields). LINE and COLUMN locate TEXT in NAME
   for error messages. */
int kh_markup_inline(const char *text, size_t len, const char *name, int line, int column,
                     kh_spans *out, kh_error *err);
int kh_markup_inline_limited(const char *text, size_t len, const char *name, int line, int column,
                             size_t max_items, kh_spans *out, kh_error *err);
void kh_spans_free(kh_spans *s);

const char *kh_mark_name(kh_mark m);
#endif
