/* ODF lengths, property sets and the registry of automatic styles (shared by content.xml and
   styles.xml). A property set is kept as text — "family\tparent\tmaster\n" and one
   "element\tattribute\tvalue\n" line a property — so identical sets compare equal as strings:
   a table of 100,000 rows needs a handful of cell and paragraph styles, not one per cell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kh_units.h"
#include "odt_internal.h"

/* ---- lengths ---- */

/* The formats' lengths are written by kh_units; these names keep the ODF writer's calls short. */
void odt_cm(char *buf, size_t n, int twips) { kh_fmt_cm(buf, n, twips); }
void odt_pt(char *buf, size_t n, double points) { kh_fmt_pt(buf, n, points); }

/* ---- property sets ---- */

void odt_spec_init(odt_spec *s, const char *family, const char *parent, const char *master)
{
    s->key.len = 0;
    s->nprops = 0;
    kh_buf_puts(&s->key, family);
    kh_buf_putc(&s->key, '\t');
    kh_buf_puts(&s->key, parent ? parent : "");
    kh_buf_putc(&s->key, '\t');
    kh_buf_puts(&s->key, master ? master : "");
    kh_buf_putc(&s->key, '\n');
}

void odt_spec_prop(odt_spec *s, const char *element, const char *attr, const char *value)
{
    kh_buf_puts(&s->key, element);
    kh_buf_putc(&s->key, '\t');
    kh_buf_puts(&s->key, attr);
    kh_buf_putc(&s->key, '\t');
    kh_buf_puts(&s->key, value);
    kh_buf_putc(&s->key, '\n');
    s->nprops++;
}

void odt_spec_free(odt_spec *s) { kh_buf_free(&s->key); }

static void prop_cm(odt_spec *s, const char *attr, int twips)
{
    char v[32];
    odt_cm(v, sizeof v, twips);
    odt_spec_prop(s, ODT_PARA_PROPS, attr, v);
}

static void border(odt_spec *s, const char *side, const kh_border *b)
{
    char w[32], v[64], attr[32];
    odt_pt(w, sizeof w, kh_pt_from_eighths(b->width));
    snprintf(v, sizeof v, "%s solid #000000", w);
    snprintf(attr, sizeof attr, "fo:border-%s", side);
    odt_spec_prop(s, ODT_PARA_PROPS, attr, v);
    /* The line sits 1 pt from the text, as the DOCX border's w:space="1". */
    snprintf(attr, sizeof attr, "fo:padding-%s", side);
    odt_spec_prop(s, ODT_PARA_PROPS, attr, "1pt");
}

static const char *text_align(kh_align a)
{
    switch (a) {
    case KH_ALIGN_LEFT: return "start";
    case KH_ALIGN_CENTER: return "center";
    case KH_ALIGN_RIGHT: return "end";
    case KH_ALIGN_JUSTIFY: return "justify";
    case KH_ALIGN_UNSET: break;
    }
    return NULL;
}

void odt_spec_para(odt_spec *s, const kh_para_props *p)
{
    const char *align = text_align(p->align);
    if (align)
        odt_spec_prop(s, ODT_PARA_PROPS, "fo:text-align", align);
    if (p->indent_left != KH_UNSET)
        prop_cm(s, "fo:margin-left", p->indent_left);
    if (p->indent_right != KH_UNSET)
        prop_cm(s, "fo:margin-right", p->indent_right);
    if (p->indent_first != KH_UNSET)
        prop_cm(s, "fo:text-indent", p->indent_first);
    /* Spacing, line heights and borders are non-negative in ODF (and in WordprocessingML). */
    if (p->space_before != KH_UNSET)
        prop_cm(s, "fo:margin-top", p->space_before > 0 ? p->space_before : 0);
    if (p->space_after != KH_UNSET)
        prop_cm(s, "fo:margin-bottom", p->space_after > 0 ? p->space_after : 0);
    if (p->line_rule != KH_LINE_UNSET && p->line >= 0) {
        char v[32];
        if (p->line_rule == KH_LINE_AUTO) {
            kh_fmt_percent(v, sizeof v, p->line);
            odt_spec_prop(s, ODT_PARA_PROPS, "fo:line-height", v);
        } else {
            odt_pt(v, sizeof v, kh_pt_from_twips(p->line));
            odt_spec_prop(s, ODT_PARA_PROPS,
                          p->line_rule == KH_LINE_EXACT ? "fo:line-height" : "style:line-height-at-least", v);
        }
    }
    if (p->keep_next != KH_UNSET)
        odt_spec_prop(s, ODT_PARA_PROPS, "fo:keep-with-next", p->keep_next ? "always" : "auto");
    if (p->keep_lines != KH_UNSET)
        odt_spec_prop(s, ODT_PARA_PROPS, "fo:keep-together", p->keep_lines ? "always" : "auto");
    if (p->page_break_before != KH_UNSET)
        odt_spec_prop(s, ODT_PARA_PROPS, "fo:break-before", p->page_break_before ? "page" : "auto");
    if (p->widow_control != KH_UNSET) {
        odt_spec_prop(s, ODT_PARA_PROPS, "fo:widows", p->widow_control ? "2" : "0");
        odt_spec_prop(s, ODT_PARA_PROPS, "fo:orphans", p->widow_control ? "2" : "0");
    }
    if (p->border_top.width > 0)
        border(s, "top", &p->border_top);
    if (p->border_bottom.width > 0)
        border(s, "bottom", &p->border_bottom);
    if (p->border_left.width > 0)
        border(s, "left", &p->border_left);
    if (p->border_right.width > 0)
        border(s, "right", &p->border_right);
}

int odt_applied(int twips) { return twips == KH_UNSET ? 0 : twips; }

void odt_complete_margins(kh_para_props *p, const kh_para_props *applied)
{
    if ((p->space_before == KH_UNSET) != (p->space_after == KH_UNSET)) {
        if (p->space_before == KH_UNSET)
            p->space_before = odt_applied(applied->space_before);
        else
            p->space_after = odt_applied(applied->space_after);
    }
    if (p->indent_left != KH_UNSET || p->indent_right != KH_UNSET || p->indent_first != KH_UNSET) {
        if (p->indent_left == KH_UNSET)
            p->indent_left = odt_applied(applied->indent_left);
        if (p->indent_right == KH_UNSET)
            p->indent_right = odt_applied(applied->indent_right);
        if (p->indent_first == KH_UNSET)
            p->indent_first = odt_applied(applied->indent_first);
    }
}

/* The border's width and its 1 pt padding, in twips. */
static int frame_width(const kh_border *b) { return KH_TWIPS_PER_PT + kh_twips_from_eighths(b->width); }

void odt_frame_indents(kh_para_props *p, int left, int right)
{
    if (p->border_left.width > 0)
        p->indent_left = left - frame_width(&p->border_left);
    if (p->border_right.width > 0)
        p->indent_right = right - frame_width(&p->border_right);
}

/* fo:ATTR, style:ATTR-asian and style:ATTR-complex: the same value for every script. */
static void three_scripts(odt_spec *s, const char *attr, const char *value)
{
    char name[64];
    snprintf(name, sizeof name, "fo:%s", attr);
    odt_spec_prop(s, ODT_TEXT_PROPS, name, value);
    snprintf(name, sizeof name, "style:%s-asian", attr);
    odt_spec_prop(s, ODT_TEXT_PROPS, name, value);
    snprintf(name, sizeof name, "style:%s-complex", attr);
    odt_spec_prop(s, ODT_TEXT_PROPS, name, value);
}

void odt_spec_text(odt_spec *s, const kh_run_props *r)
{
    if (r->size != KH_UNSET) {
        char v[32];
        odt_pt(v, sizeof v, kh_pt_from_half_points(r->size));
        three_scripts(s, "font-size", v);
    }
    if (r->bold != KH_UNSET)
        three_scripts(s, "font-weight", r->bold ? "bold" : "normal");
    if (r->italic != KH_UNSET)
        three_scripts(s, "font-style", r->italic ? "italic" : "normal");
    if (r->underline != KH_UNSET) {
        odt_spec_prop(s, ODT_TEXT_PROPS, "style:text-underline-style", r->underline ? "solid" : "none");
        if (r->underline) {
            odt_spec_prop(s, ODT_TEXT_PROPS, "style:text-underline-width", "auto");
            odt_spec_prop(s, ODT_TEXT_PROPS, "style:text-underline-color", "font-color");
        }
    }
    if (r->caps != KH_UNSET)
        odt_spec_prop(s, ODT_TEXT_PROPS, "fo:text-transform", r->caps ? "uppercase" : "none");
    if (r->color != KH_UNSET) {
        char v[16];
        kh_fmt_hash_rgb(v, sizeof v, r->color);
        odt_spec_prop(s, ODT_TEXT_PROPS, "fo:color", v);
    }
}

const char *odt_style_ref(const char *id, char *buf, size_t n)
{
    if (*id >= '0' && *id <= '9') {
        snprintf(buf, n, "_%s", id);
        return buf;
    }
    return id;
}

/* ---- writing a style from its key ---- */

/* Split the next line of *P at tabs into up to 3 fields (NUL-terminated in place). */
static int next_line(char **p, char *fields[3])
{
    if (!**p)
        return 0;
    char *line = *p;
    char *nl = strchr(line, '\n');
    *p = nl ? nl + 1 : line + strlen(line);
    if (nl)
        *nl = '\0';
    for (int i = 0; i < 3; i++) {
        fields[i] = line;
        char *tab = i < 2 ? strchr(line, '\t') : NULL;
        if (tab) {
            *tab = '\0';
            line = tab + 1;
        } else {
            line += strlen(line);
        }
    }
    return 1;
}

void odt_write_style(kh_xml *x, const char *name, const char *display_name, const char *next,
                     const char *key)
{
    odt_write_style_in_list(x, name, display_name, next, key, 0, NULL);
}

void odt_write_style_in_list(kh_xml *x, const char *name, const char *display_name, const char *next,
                             const char *key, int outline_level, const char *list_style)
{
    char *copy = kh_xstrdup(key);
    char *p = copy, *f[3];
    if (!next_line(&p, f)) {
        free(copy);
        return;
    }
    kh_xml_start(x, "style:style");
    kh_xml_attr(x, "style:name", name);
    if (display_name)
        kh_xml_attr(x, "style:display-name", display_name);
    kh_xml_attr(x, "style:family", f[0]);
    if (*f[1])
        kh_xml_attr(x, "style:parent-style-name", f[1]);
    if (next)
        kh_xml_attr(x, "style:next-style-name", next);
    if (*f[2])
        kh_xml_attr(x, "style:master-page-name", f[2]);
    if (outline_level)
        kh_xml_attr_int(x, "style:default-outline-level", outline_level);
    if (list_style)
        kh_xml_attr(x, "style:list-style-name", list_style);
    const char *open = NULL;
    while (next_line(&p, f)) {
        if (!open || strcmp(open, f[0]) != 0) {
            if (open)
                kh_xml_end(x);
            kh_xml_start(x, f[0]);
            open = f[0];
        }
        kh_xml_attr(x, f[1], f[2]);
    }
    if (open)
        kh_xml_end(x);
    kh_xml_end(x);
    free(copy);
}

/* ---- the registry ---- */

typedef struct {
    char *key, *name;
    size_t len;
} entry;

struct odt_autostyles {
    char prefix[8];
    entry *entries;
    size_t n, cap;
    size_t *slots;       /* index + 1 into entries, 0 when free; a power of two long */
    size_t nslots;
    unsigned counters[7];
    size_t recent[8];    /* index + 1 of the styles found last: a table asks for the same few */
    unsigned next_recent;
};

static const char *const families[] = {"paragraph", "text", "table", "table-column", "table-row",
                                       "table-cell", NULL};
static const char *const codes[] = {"P", "T", "Ta", "Co", "Ro", "Ce", "S"};

odt_autostyles *odt_auto_new(const char *prefix)
{
    odt_autostyles *a = kh_xcalloc(1, sizeof *a);
    snprintf(a->prefix, sizeof a->prefix, "%s", prefix ? prefix : "");
    a->nslots = 64;
    a->slots = kh_xcalloc(a->nslots, sizeof *a->slots);
    return a;
}

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ULL & (size_t)-1;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= (size_t)1099511628211ULL;
    }
    return h;
}

static void rehash(odt_autostyles *a)
{
    free(a->slots);
    a->nslots *= 2;
    a->slots = kh_xcalloc(a->nslots, sizeof *a->slots);
    for (size_t i = 0; i < a->n; i++) {
        size_t k = hash(a->entries[i].key) & (a->nslots - 1);
        while (a->slots[k])
            k = (k + 1) & (a->nslots - 1);
        a->slots[k] = i + 1;
    }
}

const char *odt_auto_name(odt_autostyles *a, const odt_spec *s)
{
    const char *key = kh_buf_cstr((kh_buf *)&s->key);
    size_t len = s->key.len;
    for (size_t i = 0; i < sizeof a->recent / sizeof *a->recent; i++) {
        if (a->recent[i]) {
            entry *e = &a->entries[a->recent[i] - 1];
            if (e->len == len && memcmp(e->key, key, len) == 0)
                return e->name;
        }
    }
    size_t k = hash(key) & (a->nslots - 1);
    while (a->slots[k]) {
        entry *e = &a->entries[a->slots[k] - 1];
        if (e->len == len && memcmp(e->key, key, len) == 0) {
            a->recent[a->next_recent++ % 8] = a->slots[k];
            return e->name;
        }
        k = (k + 1) & (a->nslots - 1);
    }
    size_t fam = 0;
    size_t flen = strcspn(key, "\t");
    while (families[fam] && !(strlen(families[fam]) == flen && strncmp(families[fam], key, flen) == 0))
        fam++;
    char name[48];
    snprintf(name, sizeof name, "%s%s%u", a->prefix, codes[fam], ++a->counters[fam]);
    KH_GROW(a->entries, a->n, a->cap);
    a->entries[a->n].key = kh_xstrdup(key);
    a->entries[a->n].name = kh_xstrdup(name);
    a->entries[a->n].len = len;
    a->slots[k] = ++a->n;
    a->recent[a->next_recent++ % 8] = a->n;
    const char *result = a->entries[a->n - 1].name;
    if (a->n * 2 > a->nslots)
        rehash(a);
    return result;
}

size_t odt_auto_count(const odt_autostyles *a) { return a->n; }

void odt_auto_write(const odt_autostyles *a, kh_xml *x)
{
    for (size_t i = 0; i < a->n; i++)
        odt_write_style(x, a->entries[i].name, NULL, NULL, a->entries[i].key);
}

void odt_auto_free(odt_autostyles *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++) {
        free(a->entries[i].key);
        free(a->entries[i].name);
    }
    free(a->entries);
    free(a->slots);
    free(a);
}
