/* One judgement of a plan (kh_judge.h): the rules of lua/check.lua over the plan as typed, the
   loader's checks, then the document built as render builds it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "kh_builder.h"
#include "kh_cmd_plan.h"
#include "kh_i18n.h"
#include "kh_judge.h"
#include "kh_message.h"
#include "kh_plan.h"
#include "kh_template.h"
#include "kh_template_path.h"
#include "kh_util.h"

/* ---------------------------------------------------------------------------------------------
   findings */

static kh_finding *add(kh_findings *f)
{
    f->items = kh_xrealloc(f->items, (size_t)(f->count + 1) * sizeof *f->items);
    kh_finding *x = &f->items[f->count++];
    memset(x, 0, sizeof *x);
    return x;
}

static char *dup_or_null(const char *s) { return s ? kh_xstrdup(s) : NULL; }

void kh_findings_free(kh_findings *f)
{
    for (int i = 0; i < f->count; i++) {
        kh_finding *x = &f->items[i];
        free(x->file);
        free(x->rule);
        free(x->path);
        free(x->key);
        for (int a = 0; a < x->nargs; a++)
            free(x->args[a]);
        free(x->args);
        free(x->message);
        free(x->fix_from);
        free(x->fix_to);
    }
    free(f->items);
    memset(f, 0, sizeof *f);
}

void kh_finding_format(const kh_finding *f, int with_level, char *buf, size_t cap)
{
    /* A finding quotes the plan's text: one line, no terminal escapes, at most
       KH_FINDING_MAX_CHARS characters of message, so that render and check print the same. */
    char file[1024], message[KH_FINDING_MAX_CHARS * 6 + 8], place[1100];
    kh_msg_escape(file, sizeof file, f->file ? f->file : "?", f->file ? strlen(f->file) : 1, 0, 0);
    kh_msg_escape(message, sizeof message, f->message ? f->message : "", f->message ? strlen(f->message) : 0,
                  KH_FINDING_MAX_CHARS, 0);
    if (f->line > 0 && f->column > 0)
        snprintf(place, sizeof place, "%s:%d:%d", file, f->line, f->column);
    else if (f->line > 0)
        snprintf(place, sizeof place, "%s:%d", file, f->line);
    else
        snprintf(place, sizeof place, "%s", file);
    snprintf(buf, cap, "%s: %s%s%s [%s]", place, with_level ? (f->error ? _("error") : _("warning")) : "",
             with_level ? ": " : "", message, f->rule ? f->rule : "?");
}

static const char *string_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    lua_rawget(L, t);
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    lua_pop(L, 1);   /* the string stays alive: the finding table holds it */
    return s;
}

static int int_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    lua_rawget(L, t);
    int n = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 0;
    lua_pop(L, 1);
    return n;
}

/* The report's findings (the rules' own tables, read raw) into OUT. */
static void copy_report(lua_State *L, int report, kh_findings *out)
{
    lua_pushliteral(L, "findings");
    lua_rawget(L, report);
    int list = lua_gettop(L);
    lua_Integer n = lua_istable(L, list) ? (lua_Integer)lua_rawlen(L, list) : 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        int t = lua_gettop(L);
        if (lua_istable(L, t)) {
            kh_finding *x = add(out);
            x->file = dup_or_null(string_field(L, t, "file"));
            x->line = int_field(L, t, "line");
            x->column = int_field(L, t, "column");
            const char *level = string_field(L, t, "level");
            x->error = !level || strcmp(level, "warning") != 0;
            x->rule = dup_or_null(string_field(L, t, "rule"));
            x->path = dup_or_null(string_field(L, t, "path"));
            x->key = dup_or_null(string_field(L, t, "key"));
            x->message = dup_or_null(string_field(L, t, "message"));
            lua_pushliteral(L, "fix");
            if (lua_rawget(L, t) == LUA_TTABLE) {
                x->fix_from = dup_or_null(string_field(L, lua_gettop(L), "from"));
                x->fix_to = dup_or_null(string_field(L, lua_gettop(L), "to"));
                if (!x->fix_from || !x->fix_to) {
                    free(x->fix_from);
                    free(x->fix_to);
                    x->fix_from = x->fix_to = NULL;
                }
            }
            lua_pop(L, 1);
            lua_pushliteral(L, "args");
            lua_rawget(L, t);
            if (lua_istable(L, -1)) {
                int args = lua_gettop(L);
                int na = (int)lua_rawlen(L, args);
                x->args = kh_xcalloc((size_t)(na > 0 ? na : 1), sizeof *x->args);
                for (int a = 1; a <= na; a++) {
                    lua_rawgeti(L, args, a);
                    size_t len;
                    const char *s = lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER
                                        ? lua_tolstring(L, -1, &len) : "";
                    x->args[x->nargs++] = kh_xstrdup(s);
                    lua_pop(L, 1);
                }
            }
            lua_pop(L, 1);
        }
        lua_settop(L, list);
    }
    lua_pop(L, 1);
}

static void count(kh_findings *f)
{
    f->errors = f->warnings = 0;
    for (int i = 0; i < f->count; i++) {
        if (f->items[i].error)
            f->errors++;
        else
            f->warnings++;
    }
}

/* A refusal or warning of the build, as a finding: at the place it was given, else the plan
   file's. A warning at a place the rules already spoke of says the same thing again: dropped. */
static void add_built(kh_findings *out, const char *file, int line, int column, const char *text, int error,
                      const char *plan_file)
{
    if (!file || !*file)
        file = plan_file, line = 0, column = 0;
    for (int i = 0; i < out->count; i++) {
        const kh_finding *x = &out->items[i];
        if (x->line == line && x->file && !strcmp(x->file, file) && (!error || x->error))
            return;
    }
    kh_finding *x = add(out);
    x->file = kh_xstrdup(file);
    x->line = line;
    x->column = column;
    x->error = error;
    x->rule = kh_xstrdup("template");
    x->message = kh_xstrdup(text);
}

static int before(const kh_finding *x, const kh_finding *y)
{
    int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
    return c < 0 || (c == 0 && x->line < y->line);
}

/* By file, then line; at one place in the order found (an insertion sort: stable, and the
   findings are few). */
static void sort_by_place(kh_findings *f)
{
    for (int i = 1; i < f->count; i++) {
        kh_finding x = f->items[i];
        int j = i;
        for (; j > 0 && before(&x, &f->items[j - 1]); j--)
            f->items[j] = f->items[j - 1];
        f->items[j] = x;
    }
}

/* ---------------------------------------------------------------------------------------------
   the rules */

/* Push { name, file, text, module } for the plan's template, or { name, error }: the rules look
   at its settings (the motto) and report where they are written. The template is found and run
   as render does (kh_template.h). */
static void push_template(kh_sandbox *sb, int plan, const char *template_name)
{
    lua_State *L = kh_sandbox_state(sb);
    lua_createtable(L, 0, 4);
    int info = lua_gettop(L);
    kh_error err;
    kh_error_clear(&err);
    kh_template t;
    int rc = kh_template_find(sb, template_name, plan, &t, &err);
    lua_pushstring(L, t.name);
    lua_setfield(L, info, "name");
    if (rc == KH_OK) {
        lua_pushstring(L, t.file);
        lua_setfield(L, info, "file");
        lua_pushlstring(L, t.text, t.len);
        lua_setfield(L, info, "text");
        rc = kh_template_run(sb, &t, &err);
        if (rc == KH_OK)
            lua_setfield(L, info, "module");
    }
    kh_template_free(&t);
    if (rc != KH_OK) {
        lua_pushstring(L, err.message);
        lua_setfield(L, info, "error");
        lua_pushstring(L, err.file);
        lua_setfield(L, info, "error_file");
        if (err.line) {
            lua_pushinteger(L, err.line);
            lua_setfield(L, info, "error_line");
        }
        if (err.column) {
            lua_pushinteger(L, err.column);
            lua_setfield(L, info, "error_column");
        }
        lua_pushstring(L, kh_error_text(&err));
        lua_setfield(L, info, "error_text");
    }
    lua_settop(L, info);
}

/* MESSAGE as the one finding, from a fresh sandbox (the plan may have spent the budgets of the
   first one). */
static int fatal_report(const char *plan_file, const char *text, size_t len, const kh_error *why,
                        kh_findings *out, kh_error *err)
{
    kh_sandbox *sb = kh_sandbox_new(NULL, err);
    if (!sb)
        return KH_EXIT_IO;
    lua_State *L = kh_sandbox_state(sb);
    kh_builder_push_module(L);
    kh_sandbox_expose(sb, "kh");
    int rc = KH_EXIT_IO;
    if (kh_cmd_load_module(sb, "check", err) == KH_OK) {
        lua_getfield(L, -1, "fatal");
        lua_createtable(L, 0, 2);
        lua_pushstring(L, plan_file);
        lua_setfield(L, -2, "plan_file");
        if (text) {
            lua_pushlstring(L, text, len);
            lua_setfield(L, -2, "plan_text");
        }
        kh_lua_push_error(L, why);
        if (kh_sandbox_call(sb, 2, 1, err) == KH_OK) {
            copy_report(L, lua_gettop(L), out);
            out->unloadable = 1;
            rc = KH_OK;
        }
    }
    kh_sandbox_free(sb);
    return rc;
}

/* A failure of the rules caused by the plan (a metamethod of its tables that fails or never
   ends) is the plan's; one inside lua/check.lua itself is ours. */
#define KH_UNFINISHED_SIZE 4096

/* Why the rules could not all run, into UNFINISHED: E's words, with its place unless that is
   the plan file as a whole (the finding is the plan file's). */
static void note_unfinished(char *unfinished, const kh_error *e, const char *plan_file)
{
    kh_error located = *e;
    kh_error_locate(&located, plan_file);
    int plain = !strcmp(located.file, plan_file) && !located.line;
    snprintf(unfinished, KH_UNFINISHED_SIZE, "%s", plain ? kh_error_text(&located) : e->message);
}

static int in_rules(const kh_error *err) { return !strcmp(err->file, "lua/check.lua"); }

static int plan_caused(const kh_error *err)
{
    return !in_rules(err) || !strcmp(err->rule, "budget");
}

/* ERR without its place when that is inside the rules: where they ran out is not the plan's. */
static kh_error without_rules_place(const kh_error *err)
{
    kh_error e;
    kh_error_clear(&e);
    if (!in_rules(err))
        return *err;
    kh_error_set(&e, err->status, "%s", kh_error_text(err));
    kh_error_rule(&e, err->rule);
    return e;
}


/* The rules and the loader's checks over OPT's plan, into OUT; PLAN_FILE gets how messages name
   the plan file; UNFINISHED (KH_UNFINISHED_SIZE bytes) why the rules could not all run, or "". */
static int run_rules(const kh_judge_options *opt, kh_findings *out, char *plan_file, size_t cap,
                     char *unfinished, kh_error *err)
{
    *unfinished = '\0';
    const kh_render_options *ro = opt->render;
    kh_sandbox *sb = kh_sandbox_new(&ro->limits, err);
    if (!sb)
        return KH_EXIT_IO;
    lua_State *L = kh_sandbox_state(sb);
    kh_template_path_apply(sb);
    kh_builder_push_module(L);
    kh_sandbox_expose(sb, "kh");
    int rc = KH_EXIT_IO;
    if (kh_cmd_load_module(sb, "check", err) != KH_OK)
        goto done;
    int module = lua_gettop(L);

    int lenient = 1;
    kh_error load_err;
    kh_error_clear(&load_err);
    /* The rules read the plan's tables as plain tables: one that is not is the one finding. */
    int loaded = kh_plan_run(sb, ro->plan, kh_cmd_note_files, &lenient, &load_err) == KH_OK
                 && kh_plan_check_shape(sb, &load_err) == KH_OK;
    int table = loaded ? lua_gettop(L) : 0;
    snprintf(plan_file, cap, "%s", *kh_plan_file() ? kh_plan_file() : ro->plan);   /* empty when PLAN is not there */

    lua_createtable(L, 0, 4);
    int ctx = lua_gettop(L);
    lua_pushstring(L, plan_file);
    lua_setfield(L, ctx, "plan_file");
    if (kh_cmd_gather(sb, ctx, err) != KH_OK) {
        /* The plan's files do not fit in the budget with their copies: the build says more. */
        note_unfinished(unfinished, err, plan_file);
        kh_error_clear(err);
        rc = KH_OK;
        goto done;
    }
    if (!loaded) {
        lua_getfield(L, ctx, "plan_text");
        size_t tlen = 0;
        const char *text = lua_tolstring(L, -1, &tlen);
        kh_error_locate(&load_err, plan_file);
        rc = fatal_report(plan_file, text, tlen, &load_err, out, err);
        goto done;
    }
    push_template(sb, table, ro->template_name);
    lua_setfield(L, ctx, "template");
    lua_getfield(L, module, "run");
    lua_pushvalue(L, table);
    lua_pushvalue(L, ctx);
    if (kh_sandbox_call(sb, 2, 1, err) != KH_OK)
        goto rules_failed;
    int state = lua_gettop(L);
    /* The loader's own checks, after the rules (they normalise the table in place): what they
       refuse and no rule explained is reported as it is. */
    kh_error check_err;
    kh_error_clear(&check_err);
    lua_pushvalue(L, table);
    if (kh_plan_validate(sb, 1, &check_err) == KH_OK)
        lua_pop(L, 1);
    lua_settop(L, state);
    lua_getfield(L, module, "finish");
    lua_pushvalue(L, state);
    kh_error_locate(&check_err, plan_file);
    if (check_err.status != KH_OK)
        kh_lua_push_error(L, &check_err);
    else
        lua_pushnil(L);
    if (kh_sandbox_call(sb, 2, 1, err) != KH_OK)
        goto rules_failed;
    int report = lua_gettop(L);
    copy_report(L, report, out);
    rc = KH_OK;
    goto done;
rules_failed:
    if (!strcmp(err->rule, "budget")) {
        /* The rules ran out of the budget the render has: the build, under the same budget,
           says what in the plan is too big, or that it fits. */
        kh_error why = without_rules_place(err);
        note_unfinished(unfinished, &why, plan_file);
        kh_error_clear(err);
        rc = KH_OK;
    } else if (plan_caused(err)) {
        lua_getfield(L, ctx, "plan_text");
        size_t tlen = 0;
        const char *text = lua_tolstring(L, -1, &tlen);
        kh_error fatal_err;
        kh_error_clear(&fatal_err);
        kh_error why = without_rules_place(err);
        kh_error_locate(&why, plan_file);
        rc = fatal_report(plan_file, text, tlen, &why, out, &fatal_err);
        if (rc != KH_OK)
            *err = fatal_err;
    }
done:
    kh_sandbox_free(sb);
    return rc;
}

/* ---------------------------------------------------------------------------------------------
   the build */

/* The build's warnings, kept in order. */
typedef struct {
    struct built_warning { char *file, *text; int line; } *items;
    size_t count;
} built_warnings;

static void collect_warning(void *ud, const char *file, int line, const char *text)
{
    built_warnings *w = ud;
    w->items = kh_xrealloc(w->items, (w->count + 1) * sizeof *w->items);
    w->items[w->count++] = (struct built_warning){file ? kh_xstrdup(file) : NULL, kh_xstrdup(text), line};
}

int kh_judge(const kh_judge_options *opt, kh_findings *out, kh_doc **doc, kh_render_result *result,
             kh_error *err)
{
    memset(out, 0, sizeof *out);
    if (doc)
        *doc = NULL;
    char plan_file[4096], unfinished[KH_UNFINISHED_SIZE];
    int rc = run_rules(opt, out, plan_file, sizeof plan_file, unfinished, err);
    if (rc != KH_OK) {
        kh_findings_free(out);
        return rc;
    }
    count(out);
    if (out->errors == 0) {
        /* What the rules let through is built as render builds it: what the build refuses or
           warns of is the plan's finding too. */
        built_warnings warnings = {0};
        kh_doc *built = NULL;
        kh_error build_err;
        kh_error_clear(&build_err);
        kh_msg_set_warning_sink(collect_warning, &warnings);
        rc = kh_render_build(opt->render, &built, result, &build_err);
        kh_msg_set_warning_sink(NULL, NULL);
        for (size_t i = 0; i < warnings.count; i++) {
            struct built_warning *w = &warnings.items[i];
            add_built(out, w->file, w->line, 0, w->text, 0, plan_file);
            free(w->file);
            free(w->text);
        }
        free(warnings.items);
        if (rc == KH_EXIT_INPUT) {
            kh_error why = without_rules_place(&build_err);
            add_built(out, why.file, why.line, why.column, kh_error_text(&why), 1, plan_file);
        } else if (rc == KH_OK && *unfinished) {
            kh_finding *x = add(out);
            x->file = kh_xstrdup(plan_file);
            x->rule = kh_xstrdup("load");
            const char *why = unfinished;
            size_t n = strlen(why) + 200;
            x->message = kh_xmalloc(n);
            snprintf(x->message, n, _("not every rule could be checked (%s): give the check more room "
                                      "(render --max-memory, --max-instructions) to check the plan whole"), why);
        } else if (rc != KH_OK) {
            kh_findings_free(out);
            *err = build_err;
            return rc;
        }
        if (doc)
            *doc = built;
        else
            kh_doc_free(built);
        sort_by_place(out);
        count(out);
    }
    return KH_OK;
}
