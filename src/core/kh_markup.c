/* Body markup parser: lines → blocks, then inline spans. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "kh_i18n.h"
#include "kh_markup.h"
#include "kh_text.h"
#include "kh_util.h"

const char *kh_mark_name(kh_mark m)
{
    switch (m) {
    case KH_MARK_NUMBER: return "number";
    case KH_MARK_SUBNUMBER: return "subnumber";
    case KH_MARK_LETTER: return "letter";
    case KH_MARK_DASH: return "dash";
    case KH_MARK_PLUS: return "plus";
    case KH_MARK_ARTICLE: return "article";
    case KH_MARK_NONE: break;
    }
    return "none";
}

void kh_spans_free(kh_spans *s)
{
    for (size_t i = 0; i < s->nspans; i++)
        free(s->spans[i].text);
    free(s->spans);
    s->spans = NULL;
    s->nspans = s->cap = 0;
}

void kh_markup_free(kh_markup *m)
{
    for (size_t i = 0; i < m->nblocks; i++)
        kh_spans_free(&m->blocks[i].content);
    free(m->blocks);
    m->blocks = NULL;
    m->nblocks = m->cap = 0;
}

static void add_span(kh_spans *out, kh_buf *text, int bold, int italic)
{
    if (text->len == 0)
        return;
    KH_GROW(out->spans, out->nspans, out->cap);
    kh_span *s = &out->spans[out->nspans++];
    s->text = kh_xstrndup(text->data, text->len);
    s->bold = bold;
    s->italic = italic;
    text->len = 0;
}

/* Column (in characters) of byte I of a line that starts at column COL0. */
static int column_of(const char *s, size_t i, int col0)
{
    int c = col0;
    for (size_t k = 0; k < i; k++)
        if (((unsigned char)s[k] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Spans of S; on an unclosed marker returns -1 with its byte offset and kind; -2 when S would
   make more than MAX spans (a hostile text: each span costs far more memory than its bytes). */
static int parse_spans(const char *s, size_t len, kh_spans *out, size_t *bad_at, int *bad_bold, size_t max)
{
    kh_buf text = {0};
    int bold = 0, italic = 0;
    size_t bold_at = 0, italic_at = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < len && strchr("\\*#-+_`<^[]()", s[i + 1])) {
            kh_buf_putc(&text, s[++i]);
        } else if (c == '*' && out->nspans >= max) {
            kh_buf_free(&text);
            kh_spans_free(out);
            return -2;
        } else if (c == '*' && i + 1 < len && s[i + 1] == '*') {
            add_span(out, &text, bold, italic);
            bold = !bold;
            bold_at = i;
            i++;
        } else if (c == '*') {
            add_span(out, &text, bold, italic);
            italic = !italic;
            italic_at = i;
        } else {
            kh_buf_putc(&text, c);
        }
    }
    add_span(out, &text, bold, italic);
    kh_buf_free(&text);
    if (bold || italic) {
        *bad_at = bold ? bold_at : italic_at;
        *bad_bold = bold;
        kh_spans_free(out);
        return -1;
    }
    return 0;
}

static int too_many_error(kh_error *err, const char *name, int line, size_t max)
{
    if (max < KH_MARKUP_MAX_ITEMS) {   /* the caller's memory budget set the limit */
        kh_error_set_at(err, KH_EXIT_INPUT, name, line, 0,
                        _("memory budget exceeded: the budget left room for %zu paragraphs and bold or italic spans"),
                        max);
        kh_error_rule(err, "budget");
        return err->status;
    }
    return kh_error_set_at(err, KH_EXIT_INPUT, name, line, 0,
                           _("more than %d paragraphs and bold or italic spans: expected the text of a document"),
                           KH_MARKUP_MAX_ITEMS);
}

static int unclosed_error(kh_error *err, const char *name, int line, int column, int bold)
{
    return kh_error_set_at(err, KH_EXIT_INPUT, name, line, column,
                           _("'%s' is never closed: expected a matching '%s' before the paragraph ends"),
                           bold ? "**" : "*", bold ? "**" : "*");
}

static size_t item_limit(size_t max_items)
{
    return max_items < KH_MARKUP_MAX_ITEMS ? max_items : KH_MARKUP_MAX_ITEMS;
}

int kh_markup_inline_limited(const char *s, size_t len, const char *name, int line, int column,
                             size_t max_items, kh_spans *out, kh_error *err)
{
    size_t at;
    int bold;
    size_t max = item_limit(max_items);
    int rc = parse_spans(s, len, out, &at, &bold, max);
    if (rc == -2)
        return too_many_error(err, name, line, max);
    if (rc < 0)
        return unclosed_error(err, name, line, column_of(s, at, column), bold);
    return KH_OK;
}

int kh_markup_inline(const char *s, size_t len, const char *name, int line, int column,
                     kh_spans *out, kh_error *err)
{
    return kh_markup_inline_limited(s, len, name, line, column, KH_MARKUP_MAX_ITEMS, out, err);
}

/* The list marker at the start of LINE, and the length it takes with the space after it. */
static kh_mark detect_mark(const char *line, size_t len, size_t *skip)
{
    size_t i = 0;
    if (len >= 2 && (line[0] == '-' || line[0] == '+') && (line[1] == ' ' || line[1] == '\t')) {
        *skip = 2;
        return line[0] == '-' ? KH_MARK_DASH : KH_MARK_PLUS;
    }
    /* a) … z) and đ) */
    if (len >= 3 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')' && (line[2] == ' ' || line[2] == '\t')) {
        *skip = 3;
        return KH_MARK_LETTER;
    }
    if (len >= 4 && (unsigned char)line[0] == 0xC4 && (unsigned char)line[1] == 0x91 && line[2] == ')'
        && (line[3] == ' ' || line[3] == '\t')) {
        *skip = 4;
        return KH_MARK_LETTER;
    }
    /* "Điều 12. " — the article number is computed like every other number */
    static const char dieu[] = "\xc4\x90i\xe1\xbb\x81u ";
    if (len > sizeof dieu && memcmp(line, dieu, sizeof dieu - 1) == 0) {
        size_t k = sizeof dieu - 1;
        size_t d = k;
        while (k < len && isdigit((unsigned char)line[k]) && k - d < 4)
            k++;
        if (k > d && k + 1 < len && line[k] == '.' && (line[k + 1] == ' ' || line[k + 1] == '\t')) {
            *skip = k + 2;
            return KH_MARK_ARTICLE;
        }
    }
    while (i < len && isdigit((unsigned char)line[i]) && i < 4)
        i++;
    if (i == 0 || i >= len || line[i] != '.')
        return KH_MARK_NONE;
    i++;
    if (i < len && (line[i] == ' ' || line[i] == '\t')) {
        *skip = i + 1;
        return KH_MARK_NUMBER;
    }
    size_t j = i;
    while (j < len && isdigit((unsigned char)line[j]) && j - i < 4)
        j++;
    /* "1.1." needs its final dot: "1.500 tỷ đồng …" is a number in a sentence, not a marker. */
    if (j == i || j >= len || line[j] != '.')
        return KH_MARK_NONE;
    j++;
    if (j < len && (line[j] == ' ' || line[j] == '\t')) {
        *skip = j + 1;
        return KH_MARK_SUBNUMBER;
    }
    return KH_MARK_NONE;
}

/* Where each source line's text starts inside a block's joined text, for error positions. */
typedef struct {
    size_t offset;
    int line, column;
    const char *src;      /* the line's text in the source */
} segment;

typedef struct {
    kh_buf text;          /* the block's text so far, lines joined with a space */
    int open;
    size_t items;         /* blocks and spans made so far, against max_items */
    size_t max_items;     /* at most KH_MARKUP_MAX_ITEMS, less when the memory budget says so */
    segment *segs;
    size_t nsegs, segs_cap;
    kh_mk_block block;
} pending;

static void add_segment(pending *p, int line, int column, const char *src)
{
    KH_GROW(p->segs, p->nsegs, p->segs_cap);
    p->segs[p->nsegs].offset = p->text.len;
    p->segs[p->nsegs].line = line;
    p->segs[p->nsegs].column = column;
    p->segs[p->nsegs].src = src;
    p->nsegs++;
}

static int flush(pending *p, const char *name, kh_markup *out, kh_error *err)
{
    if (!p->open)
        return KH_OK;
    p->open = 0;
    kh_spans spans = {0};
    size_t at;
    int bold;
    if (++p->items > p->max_items)
        return too_many_error(err, name, p->block.line, p->max_items);
    int rc = parse_spans(p->text.data ? p->text.data : "", p->text.len, &spans, &at, &bold,
                         p->max_items - p->items);
    if (rc == -2)
        return too_many_error(err, name, p->block.line, p->max_items);
    if (rc < 0) {
        size_t k = 0;
        while (k + 1 < p->nsegs && p->segs[k + 1].offset <= at)
            k++;
        const segment *g = &p->segs[k];
        return unclosed_error(err, name, g->line, column_of(g->src, at - g->offset, g->column), bold);
    }
    p->text.len = 0;
    p->nsegs = 0;
    p->items += spans.nspans;
    KH_GROW(out->blocks, out->nblocks, out->cap);
    p->block.content = spans;
    out->blocks[out->nblocks++] = p->block;
    return KH_OK;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

int kh_markup_parse(const char *text, size_t len, const char *name, kh_markup *out, kh_error *err)
{
    return kh_markup_parse_limited(text, len, name, KH_MARKUP_MAX_ITEMS, out, err);
}

int kh_markup_parse_limited(const char *text, size_t len, const char *name, size_t max_items,
                            kh_markup *out, kh_error *err)
{
    memset(out, 0, sizeof *out);
    size_t bad;
    kh_text_status st = kh_text_check(text, len, &bad);
    if (st != KH_TEXT_OK) {
        int l, c;
        kh_text_position(text, bad, &l, &c);
        return kh_error_set_at(err, KH_EXIT_INPUT, name, l, c, _("%s: expected UTF-8 text"),
                               kh_text_status_message(st));
    }
    pending p = {0};
    p.max_items = item_limit(max_items);
    int lineno = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        lineno++;
        if (n && line[n - 1] == '\r')
            n--;
        if (is_blank(line, n)) {
            if (flush(&p, name, out, err) != KH_OK)
                goto fail;
            continue;
        }
        size_t indent = 0;
        while (indent < n && (line[indent] == ' ' || line[indent] == '\t'))
            indent++;
        const char *s = line + indent;
        size_t sn = n - indent;
        while (sn && isspace((unsigned char)s[sn - 1]))
            sn--;
        int level = 0;
        while ((size_t)level < sn && s[level] == '#')
            level++;
        size_t skip = 0;
        kh_mark mark = KH_MARK_NONE;
        if (level > 0 && ((size_t)level == sn || s[level] == ' ' || s[level] == '\t')) {
            if (level > 3) {
                kh_error_set_at(err, KH_EXIT_INPUT, name, lineno, (int)indent + 1,
                                _("a heading has at most three levels (#, ##, ###), found %d"), level);
                goto fail;
            }
            skip = (size_t)level;
            while (skip < sn && (s[skip] == ' ' || s[skip] == '\t'))
                skip++;
            if (skip == sn) {
                kh_error_set_at(err, KH_EXIT_INPUT, name, lineno, (int)indent + 1,
                                _("a heading needs a title after '%.*s'"), level, s);
                goto fail;
            }
        } else {
            level = 0;
            mark = detect_mark(s, sn, &skip);
            if (mark != KH_MARK_NONE)
                while (skip < sn && (s[skip] == ' ' || s[skip] == '\t'))
                    skip++;
        }
        int starts_block = level > 0 || mark != KH_MARK_NONE || !p.open
                           || p.block.kind == KH_MK_HEADING;
        if (starts_block) {
            if (flush(&p, name, out, err) != KH_OK)
                goto fail;
            memset(&p.block, 0, sizeof p.block);
            p.block.kind = level ? KH_MK_HEADING : mark ? KH_MK_ITEM : KH_MK_PARA;
            p.block.level = level;
            p.block.mark = mark;
            p.block.line = lineno;
            p.open = 1;
        } else {
            /* A continuation line joins its paragraph with a space. */
            kh_buf_putc(&p.text, ' ');
        }
        add_segment(&p, lineno, column_of(line, indent + skip, 1), s + skip);
        kh_buf_append(&p.text, s + skip, sn - skip);
    }
    if (flush(&p, name, out, err) != KH_OK)
        goto fail;
    kh_buf_free(&p.text);
    free(p.segs);
    return KH_OK;
fail:
    kh_buf_free(&p.text);
    free(p.segs);
    kh_markup_free(out);
    return KH_EXIT_INPUT;
}
