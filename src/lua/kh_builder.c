/* The builder: Lua tables in, document model out. Each spec table is checked field by field so a
   template author's slip names the field and the template line. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "kh_boundary.h"
#include "kh_box.h"
#include "kh_builder.h"
#include "kh_i18n.h"
#include "kh_markup.h"
#include "kh_message.h"
#include "kh_metrics.h"
#include "kh_sandbox.h"
#include "kh_table_rows.h"
#include "kh_text.h"
#include "kh_units.h"
#include "kh_util.h"

#define DOC_META "kh.doc"

/* What the document model and the writer's XML take for each thing a template writes, charged
   against the sandbox's memory budget (kh_sandbox_charge): the model lives in C, outside the
   Lua heap, and a loop of doc:paragraph calls must not be a way around the budget. */
#define COST_PARA 320
#define COST_RUN 96
#define COST_CELL 128
#define COST_ROW 128
#define COST_SECTION 1024
#define COST_STYLE 768
#define COST_LIST 2048
/* Each covers its struct twice over (arrays grow by doubling) and the list entry holding it;
   the text of every string is charged apart, by its length (kh_lua_gate). */
_Static_assert(COST_PARA >= sizeof(kh_para) + 16 + 2 * sizeof(kh_block), "COST_PARA too small");
_Static_assert(COST_RUN >= 2 * sizeof(kh_run) + 16, "COST_RUN too small");
_Static_assert(COST_CELL >= sizeof(kh_cell) + 2 * sizeof(kh_block) + 16, "COST_CELL too small");
_Static_assert(COST_ROW >= 2 * sizeof(kh_row) + 16, "COST_ROW too small");
_Static_assert(COST_SECTION >= 2 * sizeof(kh_section), "COST_SECTION too small");
_Static_assert(COST_STYLE >= 2 * sizeof(kh_style) + sizeof(kh_style) + 16, "COST_STYLE too small");
_Static_assert(COST_LIST >= 3 * sizeof(kh_list) + 16, "COST_LIST too small");


/* ---- reading fields (raw, once: kh_boundary.h) ---- */

/* MESSAGE (marked N_, a whole sentence per type for the translator) names WHAT.FIELD and the type
   found: "%s.%s: expected a number, got %s". */
static int field_type_error(lua_State *L, const char *what, const char *field, const char *message)
{
    return luaL_error(L, _(message), what, field, kh_lua_type_shown(L, -1));
}

/* The table at IDX is plain and every key of it is one of NAMES (or an integer when LIST). */
static void check_keys(lua_State *L, int idx, const char *what, const char *const *names, int list)
{
    kh_lua_check_plain(L, idx, what);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER && list)
            continue;
        char key[64];
        const char *k = lua_type(L, -1) == LUA_TSTRING ? kh_lua_word(L, -1, key, sizeof key) : NULL;
        int ok = 0;
        for (const char *const *n = names; k && *n && !ok; n++)
            ok = strcmp(*n, k) == 0;
        if (!ok) {
            luaL_Buffer b;
            luaL_buffinit(L, &b);
            for (const char *const *n = names; *n; n++) {
                luaL_addstring(&b, *n);
                if (n[1])
                    luaL_addstring(&b, ", ");
            }
            luaL_pushresult(&b);
            luaL_error(L, _("%s: unknown field '%s' (known: %s)"), what, k ? k : kh_lua_type_shown(L, -2),
                       lua_tostring(L, -1));
        }
    }
}

/* Push the list-like table FIELD of the table at IDX (or nil), checked plain. */
static int opt_list(lua_State *L, int idx, const char *what, const char *field, const char *message)
{
    int t = kh_lua_rawfield(L, idx, field);
    if (t == LUA_TTABLE) {
        char name[96];
        snprintf(name, sizeof name, "%s.%s", what, field);
        kh_lua_check_plain(L, -1, name);
    } else if (t != LUA_TNIL) {
        field_type_error(L, what, field, message);
    }
    return t;
}

static int opt_number(lua_State *L, int idx, const char *what, const char *field, double *out)
{
    int t = kh_lua_rawfield(L, idx, field);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TNUMBER)
        field_type_error(L, what, field, N_("%s.%s: expected a number, got %s"));
    *out = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!isfinite(*out) || fabs(*out) > 1e6)
        luaL_error(L, _("%s.%s: expected a reasonable number, got %f"), what, field, *out);
    return 1;
}

static int opt_bool(lua_State *L, int idx, const char *what, const char *field, int *out)
{
    int t = kh_lua_rawfield(L, idx, field);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TBOOLEAN)
        field_type_error(L, what, field, N_("%s.%s: expected true or false, got %s"));
    *out = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return 1;
}

/* A field holding one of a few fixed words ("left", "landscape"), copied into BUF. */
static const char *opt_word(lua_State *L, int idx, const char *what, const char *field, char *buf, size_t cap)
{
    int t = kh_lua_rawfield(L, idx, field);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return NULL;
    }
    if (t != LUA_TSTRING)
        field_type_error(L, what, field, N_("%s.%s: expected text, got %s"));
    kh_lua_word(L, -1, buf, cap);
    lua_pop(L, 1);
    return buf;
}

/* A text field for the document, through the gate into *OUT; 0 when absent. */
static int opt_text(lua_State *L, int idx, const char *what, const char *field, kh_gated *out)
{
    out->text = NULL;
    out->len = 0;
    int t = kh_lua_rawfield(L, idx, field);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TSTRING)
        field_type_error(L, what, field, N_("%s.%s: expected text, got %s"));
    char name[96];
    snprintf(name, sizeof name, "%s.%s", what, field);
    kh_lua_gate(L, -1, name, out);
    lua_pop(L, 1);
    return 1;
}

static void opt_mm(lua_State *L, int idx, const char *what, const char *field, int *twips)
{
    double v;
    if (opt_number(L, idx, what, field, &v))
        *twips = kh_twips_from_mm(v);
}

static void opt_pt(lua_State *L, int idx, const char *what, const char *field, int *twips)
{
    double v;
    if (opt_number(L, idx, what, field, &v))
        *twips = kh_twips_from_pt(v);
}

static void opt_size(lua_State *L, int idx, const char *what, int *half_points)
{
    double v;
    if (opt_number(L, idx, what, "size", &v)) {
        if (v < 1 || v > 200)
            luaL_error(L, _("%s.size: expected a font size in points from 1 to 200, got %f"), what, v);
        *half_points = kh_half_points_from_pt(v);
    }
}

static kh_align parse_align(lua_State *L, const char *what, const char *s)
{
    if (!s) return KH_ALIGN_UNSET;
    if (!strcmp(s, "left")) return KH_ALIGN_LEFT;
    if (!strcmp(s, "center")) return KH_ALIGN_CENTER;
    if (!strcmp(s, "right")) return KH_ALIGN_RIGHT;
    if (!strcmp(s, "justify")) return KH_ALIGN_JUSTIFY;
    luaL_error(L, _("%s.align: expected \"left\", \"center\", \"right\" or \"justify\", got \"%s\""), what, s);
    return KH_ALIGN_UNSET;
}

static void read_color(lua_State *L, int idx, const char *what, int *color)
{
    char buf[16];
    const char *c = opt_word(L, idx, what, "color", buf, sizeof buf);
    if (!c)
        return;
    char *end;
    long v = strtol(c, &end, 16);
    if (strlen(c) != 6 || *end || c[0] == '-' || c[0] == '+' || c[0] == ' ')
        luaL_error(L, _("%s.color: expected six hex digits RRGGBB (e.g. \"FF0000\"), got \"%s\""), what, c);
    *color = (int)v;
}

static void read_run_props(lua_State *L, int idx, const char *what, kh_run_props *r)
{
    opt_size(L, idx, what, &r->size);
    read_color(L, idx, what, &r->color);
    opt_bool(L, idx, what, "bold", &r->bold);
    opt_bool(L, idx, what, "italic", &r->italic);
    opt_bool(L, idx, what, "underline", &r->underline);
    opt_bool(L, idx, what, "caps", &r->caps);
}

static const char *const para_fields[] = {
    "style", "text", "runs", "list", "list_level", "list_restart", "align", "size", "bold", "italic", "underline", "caps",
    "indent_left", "indent_right", "indent_first", "space_before", "space_after", "line",
    "line_exact", "line_at_least", "keep_next", "keep_lines", "page_break_before",
    "widow_control", "border_top", "border_bottom", "border", "color", NULL};

static void read_para_props(lua_State *L, int idx, const char *what, kh_para_props *p)
{
    char align[16];
    p->align = parse_align(L, what, opt_word(L, idx, what, "align", align, sizeof align));
    read_run_props(L, idx, what, &p->run);
    opt_mm(L, idx, what, "indent_left", &p->indent_left);
    opt_mm(L, idx, what, "indent_right", &p->indent_right);
    opt_mm(L, idx, what, "indent_first", &p->indent_first);
    opt_pt(L, idx, what, "space_before", &p->space_before);
    opt_pt(L, idx, what, "space_after", &p->space_after);
    double v;
    if (opt_number(L, idx, what, "line", &v)) {
        if (v < 0.5 || v > 5)
            luaL_error(L, _("%s.line: expected a line spacing from 0.5 to 5 (1 = single), got %f"), what, v);
        p->line_rule = KH_LINE_AUTO;
        p->line = kh_lines240_from_lines(v);
    }
    if (opt_number(L, idx, what, "line_exact", &v)) {
        p->line_rule = KH_LINE_EXACT;
        p->line = kh_twips_from_pt(v);
    }
    if (opt_number(L, idx, what, "line_at_least", &v)) {
        p->line_rule = KH_LINE_AT_LEAST;
        p->line = kh_twips_from_pt(v);
    }
    opt_bool(L, idx, what, "keep_next", &p->keep_next);
    opt_bool(L, idx, what, "keep_lines", &p->keep_lines);
    opt_bool(L, idx, what, "page_break_before", &p->page_break_before);
    opt_bool(L, idx, what, "widow_control", &p->widow_control);
    if (opt_number(L, idx, what, "border_top", &v))
        p->border_top.width = kh_eighths_from_pt(v);
    if (opt_number(L, idx, what, "border_bottom", &v))
        p->border_bottom.width = kh_eighths_from_pt(v);
    if (opt_number(L, idx, what, "border", &v))   /* a frame on all four sides */
        p->border_top.width = p->border_bottom.width = p->border_left.width = p->border_right.width =
            kh_eighths_from_pt(v);
}

/* The string at IDX as text runs of P (line breaks and tabs become break and tab runs). */
static void add_text_runs(lua_State *L, kh_para *p, const char *what, int idx, const kh_run_props *props)
{
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    size_t runs = 1;
    for (size_t i = 0; i < len; i++)
        runs += s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
    kh_sandbox_charge(L, COST_RUN * runs);   /* before anything is allocated */
    kh_gated text;
    kh_lua_gate(L, idx, what, &text);
    kh_para_add_text(p, &text, props);   /* no Lua call between the gate and the model */
}

static const char *const run_fields[] = {"text", "size", "bold", "italic", "underline", "caps",
                                         "color", "page_number", "br", NULL};

static void read_runs(lua_State *L, int idx, const char *what, kh_para *p)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        int r = lua_gettop(L);
        kh_run_props props;
        kh_run_props_init(&props);
        if (lua_type(L, r) == LUA_TSTRING) {
            add_text_runs(L, p, what, r, &props);
        } else if (lua_type(L, r) == LUA_TTABLE) {
            check_keys(L, r, "run", run_fields, 0);
            read_run_props(L, r, "run", &props);
            int flag = 0;
            if (opt_bool(L, r, "run", "page_number", &flag) && flag) {
                kh_sandbox_charge(L, COST_RUN);
                kh_para_add_run(p, KH_RUN_PAGE_NUMBER)->props = props;
            } else if (opt_bool(L, r, "run", "br", &flag) && flag) {
                kh_sandbox_charge(L, COST_RUN);
                kh_para_add_run(p, KH_RUN_BREAK)->props = props;
            } else {
                if (kh_lua_rawfield(L, r, "text") != LUA_TSTRING)
                    luaL_error(L, _("%s.runs[%d].text: expected text, got %s"), what, (int)i, kh_lua_type_shown(L, -1));
                add_text_runs(L, p, what, lua_gettop(L), &props);
                lua_pop(L, 1);
            }
        } else {
            luaL_error(L, _("%s.runs[%d]: expected text or a run table {text=…, bold=…}, got %s"), what,
                       (int)i, kh_lua_type_shown(L, r));
        }
        lua_settop(L, r - 1);
    }
}

/* One paragraph from the string or spec table at IDX, appended to INTO. INTO belongs to
   something a Lua error frees (a boxed list or table): a paragraph left half-read by an error
   goes with it. */
/* The list fields of a paragraph or style spec: list = "id" and list_level = 1…9 (default 1). */
static void read_list_ref(lua_State *L, int idx, const kh_doc *doc, const char *what, kh_list_ref *ref)
{
    char id[72];
    const char *list = opt_word(L, idx, what, "list", id, sizeof id);
    double level = 0;
    int has_level = opt_number(L, idx, what, "list_level", &level);
    if (!list) {
        if (has_level)
            luaL_error(L, _("%s.list_level: give the list too (list = \"…\")"), what);
        return;
    }
    int n = kh_lists_find(&doc->lists, list);
    if (!n)
        luaL_error(L, _("%s.list: no list '%s' was defined (doc:list{id = \"%s\", …})"), what, list, list);
    const kh_list *l = kh_lists_get(&doc->lists, n);
    if (!has_level)
        level = 1;
    if (level != floor(level) || level < 1 || level > l->nlevels)
        luaL_error(L, _("%s.list_level: expected a level of list '%s', from 1 to %d, got %f"), what, list,
                   l->nlevels, level);
    ref->list = n;
    ref->level = (int)level;
}

static void read_para(lua_State *L, int idx, kh_doc *doc, kh_block_list *into, const char *what)
{
    idx = lua_absindex(L, idx);
    kh_sandbox_charge(L, COST_PARA);
    if (lua_type(L, idx) == LUA_TSTRING) {
        kh_para *p = kh_blocks_add_para(into);
        kh_run_props props;
        kh_run_props_init(&props);
        add_text_runs(L, p, what, idx, &props);
        return;
    }
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, what, para_fields, 0);
    kh_para *p = kh_blocks_add_para(into);
    kh_gated style;
    if (opt_text(L, idx, what, "style", &style)) {
        if (!kh_doc_find_style(doc, style.text)) {
            char id[64];
            snprintf(id, sizeof id, "%s", style.text);
            kh_gated_free(&style);
            luaL_error(L, _("%s.style: no style '%s' was defined (doc:style{id = \"%s\", …})"), what, id, id);
        }
        kh_model_take(&p->style, &style);
    }
    read_list_ref(L, idx, doc, what, &p->list);
    opt_bool(L, idx, what, "list_restart", &p->list.restart);
    read_para_props(L, idx, what, &p->props);
    int t = kh_lua_rawfield(L, idx, "text");
    if (t == LUA_TSTRING) {
        kh_run_props props;
        kh_run_props_init(&props);
        add_text_runs(L, p, what, lua_gettop(L), &props);
    } else if (t != LUA_TNIL) {
        field_type_error(L, what, "text", N_("%s.%s: expected text, got %s"));
    }
    lua_pop(L, 1);
    if (opt_list(L, idx, what, "runs", N_("%s.%s: expected a list of runs, got %s")) == LUA_TTABLE)
        read_runs(L, lua_gettop(L), what, p);
    lua_pop(L, 1);
}

/* ---- doc methods ---- */

static kh_doc *check_doc(lua_State *L)
{
    kh_doc **d = luaL_checkudata(L, 1, DOC_META);
    return *d;
}

static void free_block_list(void *p)
{
    kh_blocks_free(p);
    free(p);
}

static int doc_paragraph(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    lua_settop(L, 2);
    /* Read into a boxed list, then move into the document: an error leaves nothing behind. */
    int box = kh_box_push(L);
    kh_block_list *list = kh_xcalloc(1, sizeof *list);
    kh_box_put(L, box, list, free_block_list);
    kh_box_hold_charges(L, box);
    read_para(L, 2, doc, list, "paragraph");
    kh_block_list *body = &kh_doc_current_section(doc)->body;
    for (size_t i = 0; i < list->nblocks; i++)
        kh_blocks_append_para(body, list->blocks[i].u.para);
    list->nblocks = 0;
    kh_box_take(L, box);   /* the paragraphs' charges stay with the document */
    free_block_list(list);
    return 0;
}

static const char *const style_fields[] = {
    "id", "name", "based_on", "next", "kind", "list", "list_level", "outline_level", "align", "size", "bold", "italic", "underline", "caps",
    "indent_left", "indent_right", "indent_first", "space_before", "space_after", "line",
    "line_exact", "line_at_least", "keep_next", "keep_lines", "page_break_before",
    "widow_control", "border_top", "border_bottom", "border", "color", NULL};

static void free_style(void *p)
{
    kh_style_clear(p);
    free(p);
}

/* An id of a style (also based_on, next) or a list: letters and digits, as both formats take
   it in names. */
static void check_id(lua_State *L, const char *what, const char *field, const char *id)
{
    if (!*id)
        luaL_error(L, _("%s.%s: expected an id, got an empty string"), what, field);
    if (strlen(id) > 64)
        luaL_error(L, _("%s.%s: expected an id of at most 64 letters and digits"), what, field);
    for (const char *c = id; *c; c++)
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
            luaL_error(L, _("%s.%s: expected letters and digits only (A-Z, a-z, 0-9), got \"%s\""), what, field, id);
}

static void check_style_id(lua_State *L, const char *field, const char *id) { check_id(L, "style", field, id); }

static int doc_style(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    kh_sandbox_charge(L, COST_STYLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    check_keys(L, 2, "style", style_fields, 0);
    int box = kh_box_push(L);
    kh_style *s = kh_xmalloc(sizeof *s);
    kh_style_init(s);
    kh_box_put(L, box, s, free_style);
    kh_box_hold_charges(L, box);
    kh_gated g;
    if (!opt_text(L, 2, "style", "id", &g))
        luaL_error(L, _("style.id: expected text (the style's identifier)"));
    kh_model_take(&s->id, &g);
    check_style_id(L, "id", s->id);
    if (opt_text(L, 2, "style", "name", &g)) {
        kh_model_take(&s->name, &g);
    } else {
        kh_sandbox_charge(L, KH_STRING_COST(strlen(s->id)));
        if (kh_text_gate(s->id, strlen(s->id), &g, NULL) == KH_TEXT_OK)
            kh_model_take(&s->name, &g);
    }
    if (opt_text(L, 2, "style", "based_on", &g)) {
        kh_model_take(&s->based_on, &g);
        check_style_id(L, "based_on", s->based_on);
        if (!kh_doc_find_style(doc, s->based_on))
            luaL_error(L, _("style.based_on: no style '%s' was defined before '%s'"), s->based_on, s->id);
    }
    if (opt_text(L, 2, "style", "next", &g)) {
        kh_model_take(&s->next, &g);
        check_style_id(L, "next", s->next);
    }
    read_list_ref(L, 2, doc, "style", &s->list);
    double outline;
    if (opt_number(L, 2, "style", "outline_level", &outline)) {
        if (outline != floor(outline) || outline < 1 || outline > 9)
            luaL_error(L, _("style.outline_level: expected a heading level from 1 to 9, got %f"), outline);
        s->outline_level = (int)outline;
    }
    if (s->outline_level && s->list.list) {
        /* Headings are numbered by one list, level for level: ODF has one outline numbering. */
        if (s->list.level != s->outline_level)
            luaL_error(L, _("style.list_level: a heading of outline_level %d takes level %d of its list, not %d"),
                       s->outline_level, s->outline_level, s->list.level);
        for (size_t i = 0; i < doc->nstyles; i++) {
            const kh_style *o = &doc->styles[i];
            if (o->outline_level && o->list.list && o->list.list != s->list.list && strcmp(o->id, s->id))
                luaL_error(L, _("style.list: headings are numbered by one list; '%s' already uses list '%s'"),
                           o->id, doc->lists.items[o->list.list - 1].id);
        }
    }
    read_para_props(L, 2, "style", &s->props);
    if (s->list.list) {   /* the list's level names the style that carries it */
        kh_list_level *lv = &doc->lists.items[s->list.list - 1].levels[s->list.level - 1];
        kh_sandbox_charge(L, KH_STRING_COST(strlen(s->id)));
        free(lv->style);
        lv->style = kh_xstrdup(s->id);
    }
    kh_doc_put_style(doc, s);   /* takes the fields; their charges stay with the document */
    free_style(kh_box_take(L, box));
    return 0;
}

/* ---- lists ---- */

static const char *const list_fields[] = {"id", "levels", NULL};
static const char *const level_fields[] = {"format", "text", "start", "follow", "indent_left",
                                           "indent_first", NULL};

static void free_list(void *p)
{
    kh_list_clear(p);
    free(p);
}

static void read_level(lua_State *L, int idx, kh_list_level *lv, int level)
{
    char what[32], word[24];
    snprintf(what, sizeof what, "list.levels[%d]", level);
    luaL_checktype(L, idx, LUA_TTABLE);
    check_keys(L, idx, what, level_fields, 0);
    static const char *const formats[] = {"decimal", "upper-roman", "lower-roman", "upper-letter",
                                          "lower-letter", "bullet", "none", NULL};
    const char *f = opt_word(L, idx, what, "format", word, sizeof word);
    lv->format = KH_NUM_DECIMAL;
    if (f) {
        int i = 0;
        while (formats[i] && strcmp(formats[i], f) != 0)
            i++;
        if (!formats[i])
            luaL_error(L, _("%s.format: expected decimal, upper-roman, lower-roman, upper-letter, "
                          "lower-letter, bullet or none, got \"%s\""), what, f);
        lv->format = (kh_num_format)i;
    }
    kh_gated text;
    if (!opt_text(L, idx, what, "text", &text))
        luaL_error(L, _("%s.text: expected the label, e.g. \"%%%d.\" (or the bullet, \"-\")"), what, level);
    if (lv->format == KH_NUM_BULLET || lv->format == KH_NUM_NONE) {
        kh_model_take(&lv->suffix, &text);   /* the label is the text itself */
        lv->first_shown = level;
    } else {
        char why[160];
        int rc = kh_list_parse_label(text.text, level, &lv->prefix, &lv->suffix, &lv->first_shown,
                                     why, sizeof why);
        kh_gated_free(&text);
        if (rc)
            luaL_error(L, _("%s.text: %s"), what, why);
    }
    double v;
    lv->start = 1;
    if (opt_number(L, idx, what, "start", &v)) {
        if (v != floor(v) || v < 0 || v > 32767)
            luaL_error(L, _("%s.start: expected a whole number from 0 to 32767, got %f"), what, v);
        lv->start = (int)v;
    }
    const char *follow = opt_word(L, idx, what, "follow", word, sizeof word);
    lv->follow = KH_FOLLOW_TAB;
    if (follow) {
        if (strcmp(follow, "space") == 0)
            lv->follow = KH_FOLLOW_SPACE;
        else if (strcmp(follow, "nothing") == 0)
            lv->follow = KH_FOLLOW_NOTHING;
        else if (strcmp(follow, "tab") != 0)
            luaL_error(L, _("%s.follow: expected tab, space or nothing, got \"%s\""), what, follow);
    }
    lv->indent_left = lv->indent_first = 0;
    opt_mm(L, idx, what, "indent_left", &lv->indent_left);
    opt_mm(L, idx, what, "indent_first", &lv->indent_first);
}

static int doc_list(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    kh_sandbox_charge(L, COST_LIST);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    check_keys(L, 2, "list", list_fields, 0);
    int box = kh_box_push(L);
    kh_list *l = kh_xmalloc(sizeof *l);
    kh_list_init(l);
    kh_box_put(L, box, l, free_list);
    kh_box_hold_charges(L, box);
    kh_gated g;
    if (!opt_text(L, 2, "list", "id", &g))
        luaL_error(L, _("list.id: expected text (the list's identifier)"));
    kh_model_take(&l->id, &g);
    check_id(L, "list", "id", l->id);
    if (opt_list(L, 2, "list", "levels", N_("%s.%s: expected a list of levels, got %s")) != LUA_TTABLE)
        luaL_error(L, _("list.levels: expected a list of 1 to %d levels"), KH_LIST_LEVELS);
    int levels = lua_gettop(L);
    size_t n = lua_rawlen(L, levels);
    if (n < 1 || n > KH_LIST_LEVELS)
        luaL_error(L, _("list.levels: expected 1 to %d levels, got %d"), KH_LIST_LEVELS, (int)n);
    check_keys(L, levels, "list.levels", (const char *const[]){NULL}, 1);
    for (size_t k = 1; k <= n; k++) {
        lua_rawgeti(L, levels, (lua_Integer)k);
        read_level(L, lua_gettop(L), &l->levels[k - 1], (int)k);
        l->nlevels = (int)k;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    kh_lists_put(&doc->lists, l);   /* takes the fields; their charges stay with the document */
    free_list(kh_box_take(L, box));
    return 0;
}

static const char *const section_fields[] = {
    "orientation", "width", "height", "margin_top", "margin_bottom", "margin_left",
    "margin_right", "header_distance", "footer_distance", "page_numbers", "number_first_page",
    "page_start", "number_size", NULL};

static int doc_section(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    kh_sandbox_charge(L, COST_SECTION);
    if (lua_isnoneornil(L, 2)) {
        lua_settop(L, 1);
        lua_newtable(L);
    }
    luaL_checktype(L, 2, LUA_TTABLE);
    check_keys(L, 2, "section", section_fields, 0);
    kh_section s;   /* built here, holding nothing on the heap, and appended once complete */
    kh_section_init(&s);
    opt_mm(L, 2, "section", "width", &s.width);
    opt_mm(L, 2, "section", "height", &s.height);
    char word[16];
    const char *orient = opt_word(L, 2, "section", "orientation", word, sizeof word);
    if (orient && strcmp(orient, "landscape") && strcmp(orient, "portrait"))
        luaL_error(L, _("section.orientation: expected \"portrait\" or \"landscape\", got \"%s\""), orient);
    int landscape = orient && !strcmp(orient, "landscape");
    if ((landscape && s.width < s.height) || (!landscape && orient && s.width > s.height)) {
        int w = s.width;
        s.width = s.height;
        s.height = w;
    }
    opt_mm(L, 2, "section", "margin_top", &s.margin_top);
    opt_mm(L, 2, "section", "margin_bottom", &s.margin_bottom);
    opt_mm(L, 2, "section", "margin_left", &s.margin_left);
    opt_mm(L, 2, "section", "margin_right", &s.margin_right);
    opt_mm(L, 2, "section", "header_distance", &s.header_distance);
    opt_mm(L, 2, "section", "footer_distance", &s.footer_distance);
    opt_bool(L, 2, "section", "page_numbers", &s.page_numbers);
    opt_bool(L, 2, "section", "number_first_page", &s.number_first_page);
    double v;
    if (opt_number(L, 2, "section", "page_start", &v))
        s.page_start = (int)v;
    if (opt_number(L, 2, "section", "number_size", &v)) {
        if (v < 1 || v > 200)
            luaL_error(L, _("section.number_size: expected a font size in points from 1 to 200, got %f"), v);
        s.number_props.run.size = kh_half_points_from_pt(v);
    }
    if (s.width < 1000 || s.height < 1000 || kh_section_text_width(&s) < 1000
        || s.height - s.margin_top - s.margin_bottom < 1000)
        luaL_error(L, _("section: the margins leave no room for text"));
    kh_doc_append_section(doc, &s);
    return 0;
}

static const char *const table_fields[] = {"widths", "rows", "borders", "indent", "cell_margin",
                                           "source", NULL};
static const char *const row_fields[] = {"cells", "header", "cant_split", "line", NULL};
static const char *const cell_fields[] = {"content", "colspan", "rowspan", "valign", "shade", "column", NULL};

static void read_cell(lua_State *L, int idx, kh_doc *doc, kh_cell *cell)
{
    check_keys(L, idx, "cell", cell_fields, 0);
    double v;
    if (opt_number(L, idx, "cell", "colspan", &v))
        cell->colspan = (int)v;
    if (opt_number(L, idx, "cell", "rowspan", &v))
        cell->rowspan = (int)v;
    if (opt_number(L, idx, "cell", "shade", &v)) {
        /* kh_finish's rule, checked here too so the error names the template line */
        if (!kh_shade_valid((int)v))
            luaL_error(L, _("cell.shade: expected a percentage from 0 to 100, got %f"), v);
        cell->shade = (int)v;
    }
    if (opt_number(L, idx, "cell", "column", &v))
        cell->source_col = (int)v;
    char word[16];
    const char *va = opt_word(L, idx, "cell", "valign", word, sizeof word);
    if (va) {
        if (!strcmp(va, "top")) cell->valign = KH_VALIGN_TOP;
        else if (!strcmp(va, "center")) cell->valign = KH_VALIGN_CENTER;
        else if (!strcmp(va, "bottom")) cell->valign = KH_VALIGN_BOTTOM;
        else luaL_error(L, _("cell.valign: expected \"top\", \"center\" or \"bottom\", got \"%s\""), va);
    }
    if (opt_list(L, idx, "cell", "content", N_("%s.%s: expected a list of paragraphs, got %s")) == LUA_TTABLE) {
        int c = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, c);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, c, i);
            read_para(L, -1, doc, &cell->content, "cell paragraph");
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

static void free_table(void *p)
{
    kh_table_free(p);
}

/* The number of columns of the spec at 2: its `widths`, a list of 1 to 63. */
static int count_widths(lua_State *L, const char *what)
{
    if (opt_list(L, 2, what, "widths", N_("%s.%s: expected a list of column widths in mm, got %s")) != LUA_TTABLE
        || lua_rawlen(L, -1) == 0 || lua_rawlen(L, -1) > 63)
        luaL_error(L, _("%s.widths: expected a list of 1 to 63 column widths in mm"), what);
    int ncols = (int)lua_rawlen(L, -1);
    lua_pop(L, 1);
    return ncols;
}

/* The spec's widths (mm) into T's grid columns (twips), and into MM when given. */
static void read_widths(lua_State *L, const char *what, kh_table *t, double *mm)
{
    kh_lua_rawfield(L, 2, "widths");
    for (int i = 0; i < t->ncols; i++) {
        lua_rawgeti(L, -1, i + 1);
        if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) > 0 && lua_tonumber(L, -1) <= 2000))   /* NaN too */
            luaL_error(L, _("%s.widths[%d]: expected a width in mm, got %s"), what, i + 1, kh_lua_type_shown(L, -1));
        t->widths[i] = kh_twips_from_mm(lua_tonumber(L, -1));
        if (mm)
            mm[i] = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static int doc_table(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    check_keys(L, 2, "table", table_fields, 0);
    int ncols = count_widths(L, "table");
    /* The table is built apart, in a box, and moved into the document once it is laid out. */
    int box = kh_box_push(L);
    kh_table *t = kh_table_new(ncols);
    kh_box_put(L, box, t, free_table);
    kh_box_hold_charges(L, box);
    read_widths(L, "table", t, NULL);
    opt_bool(L, 2, "table", "borders", &t->borders);
    opt_mm(L, 2, "table", "indent", &t->indent);
    opt_mm(L, 2, "table", "cell_margin", &t->cell_margin);
    kh_gated src;
    if (opt_text(L, 2, "table", "source", &src))
        kh_model_take(&t->source, &src);
    if (opt_list(L, 2, "table", "rows", N_("%s.%s: expected a list of rows, got %s")) != LUA_TTABLE)
        luaL_error(L, _("table.rows: expected a list of rows"));
    int rows = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, rows);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, rows, i);
        int r = lua_gettop(L);
        if (!lua_istable(L, r))
            luaL_error(L, _("table.rows[%d]: expected a row {cells = {…}}"), (int)i);
        check_keys(L, r, "row", row_fields, 0);
        kh_sandbox_charge(L, COST_ROW + (size_t)ncols * 16);
        kh_row *row = kh_table_add_row(t);
        opt_bool(L, r, "row", "header", &row->header);
        opt_bool(L, r, "row", "cant_split", &row->cant_split);
        double v;
        if (opt_number(L, r, "row", "line", &v))
            row->line = (int)v;
        if (opt_list(L, r, "row", "cells", N_("%s.%s: expected a list of cells, got %s")) != LUA_TTABLE)
            luaL_error(L, _("table.rows[%d].cells: expected a list of cells"), (int)i);
        int cells = lua_gettop(L);
        lua_Integer nc = (lua_Integer)lua_rawlen(L, cells);
        for (lua_Integer k = 1; k <= nc; k++) {
            lua_rawgeti(L, cells, k);
            if (!lua_istable(L, -1))
                luaL_error(L, _("table.rows[%d].cells[%d]: expected a cell {content = {…}}"), (int)i, (int)k);
            kh_sandbox_charge(L, COST_CELL);
            read_cell(L, lua_gettop(L), doc, kh_row_add_cell(row));
            lua_pop(L, 1);
        }
        lua_settop(L, rows);
    }
    lua_pop(L, 1);
    kh_error err;
    kh_error_clear(&err);
    if (kh_table_layout(t, &err) != KH_OK) {
        /* Rows from a file: the file and line say it all; rows from Lua: the template line. */
        if (t->source)
            return kh_lua_raise(L, &err);
        return luaL_error(L, _("table: %s"), err.message);
    }
    kh_blocks_append_table(&kh_doc_current_section(doc)->body, kh_box_take(L, box));
    return 0;
}

/* ---- doc:data_table: a table from the texts of its cells (kh_table_rows.h) ---- */

static const char *const data_table_fields[] = {
    "rows", "widths", "header_rows", "stt_column", "numbers", "file", "borders", "cell_margin",
    "styles", "size", "space", "header_bold", "group_bold", "whole_max", NULL};
static const char *const data_styles_fields[] = {"header", "group_label", "group_title", "data", "group", NULL};
static const char *const cell_look_fields[] = {"style", "align", "keep_next", NULL};

/* The cell look at IDX ({style = "TableText", align = …, keep_next = …}) into *LOOK. */
static void read_cell_look(lua_State *L, int idx, const kh_doc *doc, const char *what, kh_cell_look *look)
{
    idx = lua_absindex(L, idx);
    if (!lua_istable(L, idx))
        luaL_error(L, _("%s: expected a cell look {style = …, align = …}, got %s"), what, kh_lua_type_shown(L, idx));
    check_keys(L, idx, what, cell_look_fields, 0);
    char id[64];
    const char *style = opt_word(L, idx, what, "style", id, sizeof id);
    if (!style || !kh_doc_find_style(doc, style))
        luaL_error(L, _("%s.style: no style '%s' was defined (doc:style{id = \"%s\", …})"), what,
                   style ? style : "", style ? style : "");
    char align[16];
    look->align = parse_align(L, what, opt_word(L, idx, what, "align", align, sizeof align));
    opt_bool(L, idx, what, "keep_next", &look->keep_next);
    look->style = kh_xstrdup(style);
}

static void free_look(void *p)
{
    kh_table_look_free(p);
    free(p);
}

static void free_table_rows(void *p)
{
    kh_table_rows_free(p);
    free(p);
}

static int doc_data_table(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    check_keys(L, 2, "data_table", data_table_fields, 0);
    int ncols = count_widths(L, "data_table");
    /* The look, the table and the layout state are boxed: an error frees them. */
    int box = kh_box_push(L);   /* 3 */
    kh_table_look *look = kh_xmalloc(sizeof *look);
    kh_table_look_init(look, ncols);
    kh_box_put(L, box, look, free_look);
    int tbox = kh_box_push(L);  /* 4 */
    kh_table *t = kh_table_new(ncols);
    kh_box_put(L, tbox, t, free_table);
    kh_box_hold_charges(L, tbox);
    int sbox = kh_box_push(L);  /* 5 */
    kh_table_rows *tr = kh_xmalloc(sizeof *tr);
    kh_table_rows_init(tr, ncols);
    kh_box_put(L, sbox, tr, free_table_rows);
    read_widths(L, "data_table", t, look->widths_mm);
    double v;
    if (opt_number(L, 2, "data_table", "header_rows", &v))
        look->header_rows = (int)v;
    if (opt_number(L, 2, "data_table", "stt_column", &v))
        look->stt_col = (int)v;
    if (opt_number(L, 2, "data_table", "size", &v))
        look->size_pt = v;
    if (opt_number(L, 2, "data_table", "space", &v))
        look->space_pt = v;
    if (opt_number(L, 2, "data_table", "whole_max", &v))
        look->whole_max_mm = v;
    if (opt_number(L, 2, "data_table", "cell_margin", &v)) {
        look->cell_margin_mm = v;
        t->cell_margin = kh_twips_from_mm(v);
    }
    opt_bool(L, 2, "data_table", "header_bold", &look->header_bold);
    opt_bool(L, 2, "data_table", "group_bold", &look->group_bold);
    opt_bool(L, 2, "data_table", "borders", &t->borders);
    kh_gated file;
    if (opt_text(L, 2, "data_table", "file", &file)) {
        look->file = kh_xstrdup(file.text);
        kh_model_take(&t->source, &file);
    }
    if (kh_lua_rawfield(L, 2, "styles") != LUA_TTABLE)
        luaL_error(L, _("data_table.styles: expected the cells' looks {header = …, data = {…}, …}"));
    int st = lua_gettop(L);
    check_keys(L, st, "data_table.styles", data_styles_fields, 0);
    kh_lua_rawfield(L, st, "header");
    read_cell_look(L, -1, doc, "data_table.styles.header", &look->header);
    kh_lua_rawfield(L, st, "group_label");
    read_cell_look(L, -1, doc, "data_table.styles.group_label", &look->group_label);
    kh_lua_rawfield(L, st, "group_title");
    read_cell_look(L, -1, doc, "data_table.styles.group_title", &look->group_title);
    lua_settop(L, st);
    static const char *const per_column[] = {"data", "group"};
    for (int k = 0; k < 2; k++) {
        if (kh_lua_rawfield(L, st, per_column[k]) != LUA_TTABLE || (int)lua_rawlen(L, -1) != ncols)
            luaL_error(L, _("data_table.styles.%s: expected one cell look a column (%d)"), per_column[k], ncols);
        for (int c = 0; c < ncols; c++) {
            char what[64];
            snprintf(what, sizeof what, "data_table.styles.%s[%d]", per_column[k], c + 1);
            lua_rawgeti(L, -1, c + 1);
            read_cell_look(L, -1, doc, what, k == 0 ? &look->data[c] : &look->group[c]);
            lua_pop(L, 1);
        }
        lua_settop(L, st);
    }
    lua_settop(L, 5);
    int cbox = kh_box_push(L);  /* 6: the texts of a row, pointing into its strings */
    kh_cell_text *cells = kh_xcalloc((size_t)ncols, sizeof *cells);
    kh_box_put(L, cbox, cells, NULL);
    int numbers = 0;
    if (kh_lua_rawfield(L, 2, "numbers") == LUA_TTABLE)
        numbers = lua_gettop(L);   /* 7 */
    else
        lua_pop(L, 1);
    if (opt_list(L, 2, "data_table", "rows", N_("%s.%s: expected a list of rows, got %s")) != LUA_TTABLE)
        luaL_error(L, _("data_table.rows: expected a list of rows"));
    int rows = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, rows);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, rows, i);
        int r = lua_gettop(L);
        if (!lua_istable(L, r))
            luaL_error(L, _("table row %d: expected a list of cell texts"), (int)i);
        int nc = (int)lua_rawlen(L, r);
        if (nc > ncols)
            luaL_error(L, _("data_table.rows[%d]: %d cells, more than the %d columns of widths"), (int)i, nc, ncols);
        size_t bytes = 0;
        for (int c = 0; c < nc; c++) {
            lua_rawgeti(L, r, c + 1);
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, _("table row %d: expected a list of cell texts"), (int)i);
            cells[c].text = lua_tolstring(L, -1, &cells[c].len);   /* ROW holds the string */
            bytes += cells[c].len;
            lua_pop(L, 1);
        }
        int line = 0;
        if (kh_lua_rawfield(L, r, "line") == LUA_TNUMBER)
            line = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
        const char *number = NULL;
        if (numbers && lua_rawgeti(L, numbers, i) == LUA_TSTRING)
            number = lua_tostring(L, -1);   /* stays on the stack until the row is done */
        /* what the row holds: itself, a cell, a paragraph and a run a column, the text twice */
        kh_sandbox_charge(L, COST_ROW + (size_t)ncols * (16 + COST_CELL + COST_PARA + COST_RUN)
                             + 2 * bytes);
        kh_error err;
        kh_error_clear(&err);
        size_t max_items = kh_sandbox_available(L) / KH_MARKUP_ITEM_COST;
        if (kh_table_rows_add(tr, t, look, (int)i, cells, nc, line, number, max_items, &err) != KH_OK)
            return kh_lua_raise(L, &err);
        lua_settop(L, rows);
    }
    kh_error err;
    kh_error_clear(&err);
    if (kh_table_layout(t, &err) != KH_OK) {
        if (t->source)
            return kh_lua_raise(L, &err);
        return luaL_error(L, _("table: %s"), err.message);
    }
    kh_blocks_append_table(&kh_doc_current_section(doc)->body, kh_box_take(L, tbox));
    return 0;
}

static const char *const meta_fields[] = {"title", "subject", "creator", "description", "font",
                                          "size", "lang", NULL};

/* A language tag as both formats take it: "vi-VN", "en", "sr-Latn-RS". */
static int valid_lang(const char *s)
{
    size_t part = 0, n = 0;
    for (const char *p = s; *p; p++, n++) {
        if (*p == '-') {
            if (part == 0)
                return 0;
            part = 0;
        } else if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
            if (++part > 8)
                return 0;
        } else {
            return 0;
        }
    }
    return n > 0 && n <= 35 && part > 0 && (s[0] < '0' || s[0] > '9');
}

static int doc_settings(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    check_keys(L, 2, "document", meta_fields, 0);
    static const char *const names[] = {"title", "subject", "creator", "description", "font"};
    char **fields[] = {&doc->title, &doc->subject, &doc->creator, &doc->description, &doc->font};
    kh_gated g;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (opt_text(L, 2, "document", names[i], &g))
            kh_model_take(fields[i], &g);
    if (opt_text(L, 2, "document", "lang", &g)) {
        if (!valid_lang(g.text)) {
            kh_gated_free(&g);
            luaL_error(L, _("document.lang: expected a language tag such as \"vi-VN\""));
        }
        kh_model_take(&doc->lang, &g);
    }
    opt_size(L, 2, "document", &doc->size);
    return 0;
}

/* The width left for text in the current section, in mm: tables are sized from it. */
static int doc_text_width(lua_State *L)
{
    kh_doc *doc = check_doc(L);
    lua_pushnumber(L, kh_mm_from_twips(kh_section_text_width(kh_doc_current_section(doc))));
    return 1;
}

void kh_builder_push_doc(lua_State *L, kh_doc *doc)
{
    kh_doc **d = lua_newuserdatauv(L, sizeof *d, 0);
    *d = doc;
    if (luaL_newmetatable(L, DOC_META)) {
        static const luaL_Reg methods[] = {
            {"paragraph", doc_paragraph}, {"style", doc_style}, {"list", doc_list}, {"section", doc_section},
            {"table", doc_table}, {"data_table", doc_data_table}, {"settings", doc_settings}, {"text_width", doc_text_width},
            {NULL, NULL}};
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

/* ---- the kh module ---- */

static void push_spans(lua_State *L, const kh_spans *spans)
{
    lua_createtable(L, (int)spans->nspans, 0);
    for (size_t i = 0; i < spans->nspans; i++) {
        lua_createtable(L, 0, 3);
        lua_pushstring(L, spans->spans[i].text);
        lua_setfield(L, -2, "text");
        if (spans->spans[i].bold) {
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "bold");
        }
        if (spans->spans[i].italic) {
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "italic");
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* Text and the name its errors carry, from a string or a read_text() source {file, text}:
   pushed (the text, then the name) so that both stay alive while used. */
static const char *source_text(lua_State *L, int idx, size_t *len)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TTABLE) {
        kh_lua_check_plain(L, idx, "text source");
        if (kh_lua_rawfield(L, idx, "text") != LUA_TSTRING)
            luaL_error(L, _("expected a text or read_text(…) source, got a table without text"));
        if (kh_lua_rawfield(L, idx, "file") != LUA_TSTRING) {
            lua_pop(L, 1);
            lua_pushliteral(L, "body");
        }
    } else {
        if (lua_type(L, idx) != LUA_TSTRING)
            luaL_typeerror(L, idx, _("text or a read_text(…) source"));
        lua_pushvalue(L, idx);
        lua_pushliteral(L, "body");
    }
    return lua_tolstring(L, -2, len);
}

static void free_markup(void *p)
{
    kh_markup_free(p);
    free(p);
}

static void free_spans(void *p)
{
    kh_spans_free(p);
    free(p);
}

/* kh.markup(body [, name]) → { {kind=, level=, mark=, line=, runs={…}}, … } */
static int kh_lua_markup(lua_State *L)
{
    lua_settop(L, 2);
    int box = kh_box_push(L);          /* 3: owns the parsed blocks while they become Lua tables */
    size_t len;
    const char *s = source_text(L, 1, &len);
    const char *name = lua_isnoneornil(L, 2) ? lua_tostring(L, -1) : luaL_checkstring(L, 2);
    kh_markup *m = kh_xcalloc(1, sizeof *m);
    kh_box_put(L, box, m, free_markup);
    /* The text's bytes are charged first; what is left bounds the blocks and spans made. */
    kh_box_charge(L, box, 2 * KH_STRING_COST(len));
    size_t max_items = kh_sandbox_available(L) / KH_MARKUP_ITEM_COST;
    kh_error err;
    kh_error_clear(&err);
    if (kh_markup_parse_limited(s, len, name, max_items, m, &err) != KH_OK)
        return kh_lua_raise(L, &err);
    size_t items = m->nblocks;
    for (size_t i = 0; i < m->nblocks; i++)
        items += m->blocks[i].content.nspans;
    kh_box_charge(L, box, items * KH_MARKUP_ITEM_COST);
    lua_createtable(L, (int)m->nblocks, 0);
    for (size_t i = 0; i < m->nblocks; i++) {
        const kh_mk_block *b = &m->blocks[i];
        lua_createtable(L, 0, 5);
        lua_pushstring(L, b->kind == KH_MK_HEADING ? "heading" : b->kind == KH_MK_ITEM ? "item" : "para");
        lua_setfield(L, -2, "kind");
        if (b->kind == KH_MK_HEADING) {
            lua_pushinteger(L, b->level);
            lua_setfield(L, -2, "level");
        }
        if (b->kind == KH_MK_ITEM) {
            lua_pushstring(L, kh_mark_name(b->mark));
            lua_setfield(L, -2, "mark");
        }
        lua_pushinteger(L, b->line);
        lua_setfield(L, -2, "line");
        push_spans(L, &b->content);
        lua_setfield(L, -2, "runs");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;   /* the box frees the blocks as the function returns */
}

/* kh.inline(text [, name, line, column]) → runs */
static int kh_lua_inline(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "text");
    int line = (int)luaL_optinteger(L, 3, 1);
    int column = (int)luaL_optinteger(L, 4, 1);
    lua_settop(L, 4);
    int box = kh_box_push(L);
    kh_spans *spans = kh_xcalloc(1, sizeof *spans);
    kh_box_put(L, box, spans, free_spans);
    kh_box_charge(L, box, 2 * KH_STRING_COST(len));
    size_t max_items = kh_sandbox_available(L) / KH_MARKUP_ITEM_COST;
    kh_error err;
    kh_error_clear(&err);
    if (kh_markup_inline_limited(s, len, name, line, column, max_items, spans, &err) != KH_OK)
        return kh_lua_raise(L, &err);
    kh_box_charge(L, box, spans->nspans * KH_MARKUP_ITEM_COST);
    push_spans(L, spans);
    return 1;
}

/* kh.upper, kh.lower, kh.nfc: the result is boxed until Lua has its copy. */
static int map_text(lua_State *L, char *(*map)(const char *, size_t), const char *fname)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lua_settop(L, 1);
    int box = kh_box_push(L);
    kh_box_charge(L, box, 2 * KH_STRING_COST(len));   /* utf8proc's work buffer and the result */
    char *u = map(s, len);
    kh_box_put(L, box, u, NULL);
    if (!u)
        return luaL_error(L, _("%s: expected UTF-8 text without control characters"), fname);
    lua_pushstring(L, u);
    return 1;
}

static int kh_lua_upper(lua_State *L) { return map_text(L, kh_text_upper, "kh.upper"); }
static int kh_lua_lower(lua_State *L) { return map_text(L, kh_text_lower, "kh.lower"); }
static int kh_lua_nfc(lua_State *L) { return map_text(L, kh_text_nfc, "kh.nfc"); }

/* kh.text_width(text, size_pt, bold, italic) → mm */
static int kh_lua_text_width(lua_State *L)
{
    const char *s = luaL_checkstring(L, 1);
    double size = luaL_checknumber(L, 2);
    int w = kh_text_width_twips(s, size, lua_toboolean(L, 3), lua_toboolean(L, 4));
    lua_pushnumber(L, kh_mm_from_twips(w));
    return 1;
}

/* "file:line: " of the function LEVEL levels up (1: the caller of the Lua function that asks).
   A template that ends with `return nd30.extend{…}` leaves no frame of its own (a tail call):
   then the template file being loaded is named, without a line. */
static void push_where(lua_State *L, int level)
{
    luaL_where(L, level);
    if (lua_rawlen(L, -1) == 0) {
        lua_pop(L, 1);
        lua_getfield(L, LUA_REGISTRYINDEX, KH_TEMPLATE_FILE);
        if (lua_isstring(L, -1))
            lua_pushfstring(L, "%s: ", lua_tostring(L, -1));
        else
            lua_pushliteral(L, "");
        lua_remove(L, -2);
    }
}

/* kh.warn(message [, level | place]): LEVEL 1 names the caller's line, 2 its caller's … so a
   helper can name the template that called it; PLACE ("phu-luc.csv:12") names a line of the
   plan's files, for what a table row holds. */
static int kh_lua_warn(lua_State *L)
{
    const char *msg = luaL_checkstring(L, 1);
    /* escaped when printed: the template cannot fake a line */
    if (lua_type(L, 2) == LUA_TSTRING && !lua_isnumber(L, 2)) {   /* "2" is still a level */
        /* PLACE as the template gives it: "file:line", or a file alone */
        const char *place = lua_tostring(L, 2), *colon = strrchr(place, ':');
        char *end = NULL;
        long line = colon ? strtol(colon + 1, &end, 10) : 0;
        if (colon && end != colon + 1 && !*end && line > 0 && line < 1 << 30) {
            lua_pushlstring(L, place, (size_t)(colon - place));
            kh_msg_warn_at(lua_tostring(L, -1), (int)line, "%s", msg);
        } else {
            kh_msg_warn_at(place, 0, "%s", msg);
        }
        return 0;
    }
    lua_Debug ar;
    int level = (int)luaL_optinteger(L, 2, 1);
    if (level > 0 && lua_getstack(L, level, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0
        && ar.source[0] == '@') {
        kh_msg_warn_at(ar.source + 1, ar.currentline, "%s", msg);
        return 0;
    }
    /* no line of a file (a tail call, a chunk of text): the template being loaded, if any */
    lua_getfield(L, LUA_REGISTRYINDEX, KH_TEMPLATE_FILE);
    kh_msg_warn_at(lua_isstring(L, -1) ? lua_tostring(L, -1) : NULL, 0, "%s", msg);
    return 0;
}

/* kh.where([level]) → "file:line: " as kh.warn would name it, for error messages. */
static int kh_lua_where(lua_State *L)
{
    push_where(L, (int)luaL_optinteger(L, 1, 1));
    return 1;
}

/* kh._(msgid) → the message in the user's language (po/vi.po): templates and modules write their
   warnings and errors in English, marked so that xgettext finds them. */
static int kh_lua_gettext(lua_State *L)
{
    lua_pushstring(L, _(luaL_checkstring(L, 1)));
    return 1;
}

/* kh.ngettext(one, many, n) → ONE or MANY as N asks, in the user's language. */
static int kh_lua_ngettext(lua_State *L)
{
    const char *one = luaL_checkstring(L, 1), *many = luaL_checkstring(L, 2);
    lua_Integer n = luaL_checkinteger(L, 3);
    lua_pushstring(L, kh_ngettext(one, many, n < 0 ? (unsigned long)-n : (unsigned long)n));
    return 1;
}

void kh_builder_push_module(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"markup", kh_lua_markup}, {"inline", kh_lua_inline}, {"upper", kh_lua_upper}, {"lower", kh_lua_lower},
        {"nfc", kh_lua_nfc}, {"text_width", kh_lua_text_width}, {"warn", kh_lua_warn}, {"where", kh_lua_where},
        {"_", kh_lua_gettext}, {"ngettext", kh_lua_ngettext}, {"error_place", kh_lua_error_place},
        {NULL, NULL}};
    luaL_newlib(L, fns);
}
