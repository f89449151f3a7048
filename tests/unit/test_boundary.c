/* test_boundary.c — the boundary between Lua values and C: the text gate, raw reads of plain
   tables, boxes that free C buffers when a Lua error unwinds, and the memory budget charged for
   everything the model keeps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include "kh_boundary.h"
#include "kh_box.h"
#include "kh_builder.h"
#include "kh_model.h"
#include "kh_sandbox.h"
#include "kh_text.h"

static void assert_contains(const char *hay, const char *needle)
{
    if (!strstr(hay, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, hay);
}

/* ---- the text gate ---- */

static void gate_ok(const char *in, const char *want)
{
    kh_gated g;
    assert_int_equal(kh_text_gate(in, strlen(in), &g, NULL), KH_TEXT_OK);
    assert_string_equal(g.text, want);
    assert_int_equal(g.len, strlen(want));
    kh_gated_free(&g);
    assert_null(g.text);
}

static void gate_refused(const char *in, size_t len, kh_text_status want, size_t want_offset)
{
    kh_gated g = {(char *)"not touched", 1};
    size_t at = 99;
    assert_int_equal(kh_text_gate(in, len, &g, &at), want);
    assert_null(g.text);   /* nothing allocated */
    assert_int_equal(at, want_offset);
}

static void test_gate_passes_text_and_makes_it_nfc(void **state)
{
    (void)state;
    gate_ok("Kế hoạch năm 2026", "Kế hoạch năm 2026");
    gate_ok("tab\tand\nnewline\r", "tab\tand\nnewline\r");
    gate_ok("Ke\xcc\x82\xcc\x81 hoa\xcc\xa3""ch", "Kế hoạch");   /* NFD in, NFC out */
    gate_ok("", "");
}

static void test_gate_refuses_what_xml_cannot_hold(void **state)
{
    (void)state;
    gate_refused("a\x01z", 3, KH_TEXT_FORBIDDEN, 1);
    gate_refused("ab\x1b[31m", 7, KH_TEXT_FORBIDDEN, 2);
    gate_refused("a\0b", 3, KH_TEXT_FORBIDDEN, 1);        /* NUL: a string ends nowhere near it */
    gate_refused("x\xef\xbf\xbe", 4, KH_TEXT_FORBIDDEN, 1);   /* U+FFFE */
    gate_refused("x\xef\xbf\xbf", 4, KH_TEXT_FORBIDDEN, 1);   /* U+FFFF */
    gate_refused("ab\xff", 3, KH_TEXT_BAD_UTF8, 2);
    gate_refused("\xed\xa0\x80", 3, KH_TEXT_BAD_UTF8, 0);      /* an encoded surrogate (CESU) */
    gate_refused("\xc0\xaf", 2, KH_TEXT_BAD_UTF8, 0);          /* an overlong '/' */
}

/* ---- boxes ---- */

static int freed;
static void count_free(void *p)
{
    free(p);
    freed++;
}

/* A C function that boxes a buffer, then fails the way a push can fail. */
static int box_then_error(lua_State *L)
{
    int box = kh_box_push(L);
    kh_box_put(L, box, malloc(100), count_free);
    return luaL_error(L, "failed half way");
}

static int box_then_return(lua_State *L)
{
    int box = kh_box_push(L);
    kh_box_put(L, box, malloc(100), count_free);
    lua_pushliteral(L, "done");
    return 1;
}

static int box_then_take(lua_State *L)
{
    int box = kh_box_push(L);
    kh_box_put(L, box, malloc(100), count_free);
    void *p = kh_box_take(L, box);
    lua_pushlightuserdata(L, p);
    return 1;
}

static void test_box_frees_when_an_error_unwinds(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    freed = 0;
    for (int i = 0; i < 10; i++) {
        lua_pushcfunction(L, box_then_error);
        assert_int_equal(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
        assert_contains(lua_tostring(L, -1), "failed half way");
        lua_pop(L, 1);
    }
    assert_int_equal(freed, 10);   /* at once, not when the collector gets round to it */
    lua_pushcfunction(L, box_then_return);
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    assert_string_equal(lua_tostring(L, -1), "done");
    assert_int_equal(freed, 11);
    lua_pushcfunction(L, box_then_take);
    assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
    assert_int_equal(freed, 11);   /* taken: the caller owns it */
    free(lua_touserdata(L, -1));
    lua_close(L);
}

/* ---- a template against the builder, in a sandbox ---- */

typedef struct {
    kh_sandbox *sb;
    kh_doc *doc;
    kh_error err;
} world;

static void world_open(world *w, size_t max_memory)
{
    kh_limits lim = {max_memory, 1000000000LL};
    kh_error_clear(&w->err);
    w->sb = kh_sandbox_new(&lim, &w->err);
    assert_non_null(w->sb);
    kh_builder_push_module(kh_sandbox_state(w->sb));
    kh_sandbox_expose(w->sb, "kh");
    w->doc = kh_doc_new();
}

static int world_run(world *w, const char *code)
{
    lua_State *L = kh_sandbox_state(w->sb);
    kh_error_clear(&w->err);
    kh_sandbox_push_env(w->sb);
    int rc = kh_sandbox_load(w->sb, code, strlen(code), "tpl.lua", &w->err);
    if (rc != KH_OK)
        return rc;
    kh_builder_push_doc(L, w->doc);
    return kh_sandbox_call(w->sb, 1, 0, &w->err);
}

static void world_close(world *w)
{
    kh_sandbox_free(w->sb);
    kh_doc_free(w->doc);
}

static void refused(const char *code, const char *message)
{
    world w;
    world_open(&w, 64u << 20);
    if (world_run(&w, code) != KH_EXIT_INPUT)
        fail_msg("expected an error for: %s", code);
    assert_contains(w.err.message, message);
    world_close(&w);
}

static void test_tables_that_lend_fields_are_refused(void **state)
{
    (void)state;
    const char *lend = "local doc = ...\nlocal function lend(t) return setmetatable({}, {__index = t}) end\n";
    char code[1024];
    static const struct { const char *call, *message; } cases[] = {
        {"doc:paragraph(lend{text = 'x'})", "paragraph: expected a plain table"},
        {"doc:paragraph{runs = lend{'x'}}", "paragraph.runs: expected a plain table"},
        {"doc:paragraph{runs = {lend{text = 'x'}}}", "run: expected a plain table"},
        {"doc:style(lend{id = 'A'})", "style: expected a plain table"},
        {"doc:section(lend{})", "section: expected a plain table"},
        {"doc:settings(lend{title = 't'})", "document: expected a plain table"},
        {"doc:table(lend{widths = {10}, rows = {}})", "table: expected a plain table"},
        {"doc:table{widths = lend{10}, rows = {}}", "table.widths: expected a plain table"},
        {"doc:table{widths = {10}, rows = {lend{cells = {}}}}", "row: expected a plain table"},
        {"doc:table{widths = {10}, rows = {{cells = {lend{content = {'x'}}}}}}", "cell: expected a plain table"},
        {"kh.markup(lend{text = 'x', file = 'b.txt'})", "text source: expected a plain table"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(code, sizeof code, "%s%s", lend, cases[i].call);
        refused(code, cases[i].message);
    }
}

/* An __index that answers once and then nil, or that errors: C never runs it. */
static void test_metamethods_never_run_from_c(void **state)
{
    (void)state;
    world w;
    world_open(&w, 64u << 20);
    const char *code =
        "local doc = ...\n"
        "local calls = 0\n"
        "local spec = setmetatable({text = 'x'}, {__newindex = function() calls = calls + 1 end,\n"
        "  __len = function() calls = calls + 1; return 5 end, __pairs = function() error('pairs') end})\n"
        "doc:paragraph(spec)\n"
        "doc:paragraph{runs = setmetatable({'a', 'b'}, {__len = function() error('len') end})}\n"
        "assert(calls == 0)\n";
    assert_int_equal(world_run(&w, code), KH_OK);
    const kh_block_list *body = &kh_doc_current_section(w.doc)->body;
    assert_int_equal(body->nblocks, 2);
    assert_int_equal(body->blocks[1].u.para->nruns, 2);   /* rawlen, not __len */
    world_close(&w);
}

static void test_every_string_passes_the_gate(void **state)
{
    (void)state;
    static const struct { const char *call, *message; } cases[] = {
        {"doc:paragraph('a\\1b')", "paragraph: a control character"},
        {"doc:paragraph{runs = {{text = 'a\\27[2J'}}}", "paragraph: a control character"},
        {"doc:paragraph{text = 'a\\255'}", "paragraph: invalid UTF-8"},
        {"doc:settings{title = 'a\\0b'}", "document.title: a control character"},
        {"doc:settings{subject = '\\239\\191\\190'}", "document.subject: a control character"},
        {"doc:settings{creator = 'x\\8'}", "document.creator: a control character"},
        {"doc:settings{description = '\\237\\160\\128'}", "document.description: invalid UTF-8"},
        {"doc:settings{font = 'Times\\1'}", "document.font: a control character"},
        {"doc:settings{lang = 'vi\\1VN'}", "document.lang: a control character"},
        {"doc:settings{lang = 'vi VN'}", "document.lang: expected a language tag"},
        {"doc:style{id = 'A', name = 'x\\2'}", "style.name: a control character"},
        {"doc:style{id = 'A<'}", "style.id: expected letters and digits"},
        {"doc:style{id = 'B'}; doc:style{id = 'A', based_on = 'B\\1'}", "style.based_on: a control character"},
        {"doc:style{id = 'A', next = 'x y'}", "style.next: expected letters and digits"},
        {"doc:table{widths = {10}, source = 'x\\1.csv', rows = {}}", "table.source: a control character"},
        {"doc:table{widths = {10}, rows = {{cells = {{content = {'\\31'}}}}}}", "cell paragraph: a control character"},
    };
    char code[1024];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(code, sizeof code, "local doc = ...\n%s", cases[i].call);
        refused(code, cases[i].message);
    }
}

static void test_nfd_from_a_template_becomes_nfc(void **state)
{
    (void)state;
    world w;
    world_open(&w, 64u << 20);
    assert_int_equal(world_run(&w, "local doc = ...\ndoc:settings{title = 'Ke\\204\\130\\204\\129'}\n"
                                   "doc:style{id = 'A', name = 'Ke\\204\\130\\204\\129'}\n"
                                   "doc:paragraph{style = 'A', text = 'Ke\\204\\130\\204\\129'}"),
                     KH_OK);
    assert_string_equal(w.doc->title, "Kế");
    assert_string_equal(kh_doc_find_style(w.doc, "A")->name, "Kế");
    assert_string_equal(kh_doc_current_section(w.doc)->body.blocks[0].u.para->runs[0].text, "Kế");
    world_close(&w);
}

/* A failed call adds nothing: a template that catches the error goes on with a sound model. */
static void test_a_failed_call_leaves_nothing_half_built(void **state)
{
    (void)state;
    world w;
    world_open(&w, 64u << 20);
    const char *code =
        "local doc = ...\n"
        "for i = 1, 50 do\n"
        "  assert(not pcall(doc.table, doc, {widths = {10, 10}, rows = {{cells = {{colspan = 5, content = {'x'}}}}}}))\n"
        "  assert(not pcall(doc.table, doc, {widths = {10}, rows = {{cells = {{content = {'ok'}}}}, 'bad'}}))\n"
        "  assert(not pcall(doc.paragraph, doc, {runs = {'ok', {text = 'x\\1'}}}))\n"
        "  assert(not pcall(doc.style, doc, {id = 'S', name = 'ok', next = '?'}))\n"
        "  assert(not pcall(doc.section, doc, {margin_left = 200, margin_right = 200}))\n"
        "end\n";
    assert_int_equal(world_run(&w, code), KH_OK);
    assert_int_equal(w.doc->nstyles, 0);
    assert_true(w.doc->nsections <= 1);
    assert_int_equal(kh_doc_current_section(w.doc)->body.nblocks, 0);
    world_close(&w);
}

static void test_budget_counts_every_byte_of_the_model(void **state)
{
    (void)state;
    static const char *const loops[] = {
        "for i = 1, 300 do doc:style{id = 'S' .. i, name = big} end",
        "for i = 1, 300 do doc:settings{title = big, subject = big, description = big} end",
        "for i = 1, 300 do doc:paragraph{text = big} end",
        "for i = 1, 300 do doc:table{widths = {10}, source = big, rows = {}} end",
        "for i = 1, 300 do doc:paragraph{runs = {big, {text = big}}} end",
    };
    char code[1024];
    for (size_t i = 0; i < sizeof loops / sizeof *loops; i++) {
        world w;
        world_open(&w, 32u << 20);
        snprintf(code, sizeof code, "local doc = ...\nlocal big = string.rep('a', 1 << 20)\n%s", loops[i]);
        assert_int_equal(world_run(&w, code), KH_EXIT_INPUT);
        assert_contains(w.err.message, "memory budget of 32 MB exceeded");
        world_close(&w);
    }
}

/* C functions that make buffers, called in a pcall loop with failing input: nothing is kept. */
static void test_failing_calls_in_a_loop_keep_nothing(void **state)
{
    (void)state;
    static const char *const loops[] = {
        "for i = 1, 200 do pcall(kh.markup, big .. '**') end",
        "for i = 1, 200 do pcall(kh.inline, big .. '*') end",
        "for i = 1, 200 do pcall(kh.upper, big .. '\\255') end",
        "for i = 1, 200 do pcall(kh.nfc, big .. '\\1') end",
        "for i = 1, 40 do pcall(kh.lower, big); pcall(kh.upper, big) end",
        "for i = 1, 200 do pcall(kh.markup, {text = big .. '*', file = 'body.txt'}) end",
    };
    char code[1024];
    for (size_t i = 0; i < sizeof loops / sizeof *loops; i++) {
        world w;
        world_open(&w, 16u << 20);
        snprintf(code, sizeof code, "local doc = ...\nlocal big = string.rep('ă', 1 << 18)\n%s", loops[i]);
        if (world_run(&w, code) != KH_OK)
            fail_msg("%s: %s", loops[i], w.err.message);
        world_close(&w);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gate_passes_text_and_makes_it_nfc),
        cmocka_unit_test(test_gate_refuses_what_xml_cannot_hold),
        cmocka_unit_test(test_box_frees_when_an_error_unwinds),
        cmocka_unit_test(test_tables_that_lend_fields_are_refused),
        cmocka_unit_test(test_metamethods_never_run_from_c),
        cmocka_unit_test(test_every_string_passes_the_gate),
        cmocka_unit_test(test_nfd_from_a_template_becomes_nfc),
        cmocka_unit_test(test_a_failed_call_leaves_nothing_half_built),
        cmocka_unit_test(test_budget_counts_every_byte_of_the_model),
        cmocka_unit_test(test_failing_calls_in_a_loop_keep_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
