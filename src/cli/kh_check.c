/* kehoach check: the plan against the rules of Nghị định 30/2020/NĐ-CP. The rules are in
   lua/check.lua; this file runs the plan (leniently: a table that does not parse is a finding,
   not the end of the check), loads its template, hands both to the rules with the files as typed,
   and prints the findings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "kh_builder.h"
#include "kh_cmd_plan.h"
#include "kh_commands.h"
#include "kh_fix.h"
#include "kh_message.h"
#include "kh_plan.h"
#include "kh_template.h"
#include "kh_template_path.h"

static const char usage_check[] =
    "Usage: kehoach check PLAN [--format text|json]\n"
    "\n"
    "Checks a plan folder (or plan file) against the format rules of Nghị định 30/2020/NĐ-CP and\n"
    "the conventions of the body markup and the appendix tables, and reports each finding as\n"
    "  FILE:LINE: error|warning: message [rule]\n"
    "sorted by file, then line: the plan file, a body text file or a CSV table as typed.\n"
    "\n"
    "Options:\n"
    "  --format text|json   text (default), or one JSON object:\n"
    "                       {\"findings\":[{\"file\":…,\"line\":…,\"level\":\"error\"|\"warning\",\n"
    "                       \"rule\":…,\"message\":…},…],\"errors\":N,\"warnings\":M}\n"
    "                       (line 0 when the problem has no line)\n"
    "  --fix                mend the lines a finding says how to: a heading pasted with a\n"
    "                       wrong number, a heading typed as plain text (body files only);\n"
    "                       each change is printed as FILE:LINE: \"old\" → \"new\".\n"
    "  -h, --help           this help.\n"
    "\n"
    "Rules: required, field-type, unknown-field, doc-type, number, symbol-format,\n"
    "symbol-type, date, date-year, recipients-luu, signer-authority, nfc, en-dash,\n"
    "double-space, closing, heading-number, typed-heading, markup, table-cells, table-syntax,\n"
    "table-columns, table-merge, table-empty-group, table-stt, appendix-ref, appendix-unref,\n"
    "to-fill, file, template, load.\n"
    "\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the plan cannot be loaded\n"
    "(its error is the one finding) or bad usage, 3 an internal failure.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("kehoach: check: ", stderr);
    char shown[KH_MSG_QUOTED_SIZE];   /* an argument may be a file name from anywhere */
    kh_msg_escape(shown, sizeof shown, arg, strlen(arg), KH_MSG_MAX_CHARS, 0);
    fprintf(stderr, fmt, shown);
    fputs(" (see kehoach check --help)\n", stderr);
    return KH_EXIT_INPUT;
}

/* Push { name, file, text, module } for the plan's template, or { name, error }: the rules look
   at its settings (the motto) and report where they are written. The template is found and run
   as render does (kh_template.h). */
static void push_template(kh_sandbox *sb, int plan)
{
    lua_State *L = kh_sandbox_state(sb);
    lua_createtable(L, 0, 4);
    int info = lua_gettop(L);
    kh_error err;
    kh_error_clear(&err);
    kh_template t;
    int rc = kh_template_find(sb, NULL, plan, &t, &err);
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
    }
    lua_settop(L, info);
}

static void print_field(lua_State *L, int t, const char *key)
{
    size_t len = 0;
    lua_getfield(L, t, key);
    const char *s = lua_tolstring(L, -1, &len);
    kh_cmd_json_string(stdout, s ? s : "", s ? len : 0);
    lua_pop(L, 1);
}

/* Print the report on top of the stack; returns the exit status it means. */
static int print_report(lua_State *L, int json, const char *plan_file)
{
    int report = lua_gettop(L);
    lua_getfield(L, report, "errors");
    lua_Integer errors = lua_tointeger(L, -1);
    lua_getfield(L, report, "warnings");
    lua_Integer warnings = lua_tointeger(L, -1);
    lua_getfield(L, report, "findings");
    int list = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, list);
    if (json)
        fputs("{\"findings\":[", stdout);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        int f = lua_gettop(L);
        lua_getfield(L, f, "line");
        lua_Integer line = lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (json) {
            fputs(i > 1 ? ",{\"file\":" : "{\"file\":", stdout);
            print_field(L, f, "file");
            printf(",\"line\":%lld,\"level\":", (long long)line);
            print_field(L, f, "level");
            fputs(",\"rule\":", stdout);
            print_field(L, f, "rule");
            fputs(",\"message\":", stdout);
            print_field(L, f, "message");
            fputc('}', stdout);
        } else {
            lua_getfield(L, f, "file");
            lua_getfield(L, f, "level");
            lua_getfield(L, f, "message");
            lua_getfield(L, f, "rule");
            const char *file = lua_tostring(L, -4), *level = lua_tostring(L, -3);
            const char *message = lua_tostring(L, -2), *rule = lua_tostring(L, -1);
            /* A finding quotes the plan's text: one line each, no terminal escapes. */
            char file_shown[1024], message_shown[2048];
            kh_msg_escape(file_shown, sizeof file_shown, file ? file : "?", file ? strlen(file) : 1, 0, 0);
            kh_msg_escape(message_shown, sizeof message_shown, message ? message : "", message ? strlen(message) : 0, 0, 0);
            file = file_shown;
            message = message_shown;
            if (line > 0)
                printf("%s:%lld: %s: %s [%s]\n", file ? file : "?", (long long)line, level ? level : "error",
                       message ? message : "", rule ? rule : "?");
            else
                printf("%s: %s: %s [%s]\n", file ? file : "?", level ? level : "error", message ? message : "",
                       rule ? rule : "?");
        }
        lua_settop(L, list);
    }
    if (json)
        printf("],\"errors\":%lld,\"warnings\":%lld}\n", (long long)errors, (long long)warnings);
    else
        printf("%s: %lld error%s, %lld warning%s\n", plan_file, (long long)errors, errors == 1 ? "" : "s",
               (long long)warnings, warnings == 1 ? "" : "s");
    lua_settop(L, report - 1);
    return errors > 0 ? KH_EXIT_CHECK : KH_OK;
}

/* Report MESSAGE as the one finding, from a fresh sandbox (the plan may have spent the budgets
   of the first one). Returns KH_EXIT_INPUT, or KH_EXIT_IO with ERR set. */
static int fatal_report(const char *plan_file, const char *text, size_t len, const char *message,
                        int json, kh_error *err)
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
        lua_pushstring(L, message);
        if (kh_sandbox_call(sb, 2, 1, err) == KH_OK) {
            print_report(L, json, plan_file);
            rc = KH_EXIT_INPUT;
        }
    }
    kh_sandbox_free(sb);
    return rc;
}

/* A failure of the rules caused by the plan (a metamethod of its tables that fails or never
   ends) is the plan's; one inside lua/check.lua itself is ours. */
static int plan_caused(const kh_error *err)
{
    return strncmp(err->message, "lua/check.lua:", 14) != 0 || strstr(err->message, "budget") != NULL;
}

int kh_check_command(int argc, char **argv)
{
    const char *plan = NULL;
    int json = 0, fix = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_check, stdout);
            return KH_OK;
        } else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
            const char *f = a[8] == '=' ? a + 9 : v;
            if (!f || (strcmp(f, "text") && strcmp(f, "json")))
                return usage_error("--format: expected text or json, got '%s'", f ? f : "nothing");
            json = !strcmp(f, "json");
            if (a[8] != '=')
                i++;
        } else if (!strcmp(a, "--fix")) {
            fix = 1;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else if (!plan) {
            plan = a;
        } else {
            return usage_error("one plan at a time, got a second: '%s'", a);
        }
    }
    if (!plan)
        return usage_error("%s", "expected a plan folder or file");
    if (fix && json)
        return usage_error("%s", "--fix prints its changes as text lines: use it without --format json");

    kh_error err;
    kh_error_clear(&err);
    kh_sandbox *sb = kh_sandbox_new(NULL, &err);
    if (!sb) {
        fprintf(stderr, "kehoach: check: %s\n", err.message);
        return KH_EXIT_IO;
    }
    lua_State *L = kh_sandbox_state(sb);
    kh_template_path_apply(sb);
    kh_builder_push_module(L);
    kh_sandbox_expose(sb, "kh");
    int rc = KH_EXIT_IO;
    if (kh_cmd_load_module(sb, "check", &err) != KH_OK)
        goto internal;
    int module = lua_gettop(L);

    int lenient = 1;
    kh_error load_err;
    kh_error_clear(&load_err);
    int loaded = kh_plan_run(sb, plan, kh_cmd_note_files, &lenient, &load_err) == KH_OK;
    int table = loaded ? lua_gettop(L) : 0;
    const char *plan_file = *kh_plan_file() ? kh_plan_file() : plan;   /* empty when PLAN is not there */

    lua_createtable(L, 0, 4);
    int ctx = lua_gettop(L);
    lua_pushstring(L, plan_file);
    lua_setfield(L, ctx, "plan_file");
    if (kh_cmd_gather(sb, ctx, &err) != KH_OK) {
        /* The plan's files do not fit in the budget with their copies: that is the finding. */
        kh_error fatal_err;
        kh_error_clear(&fatal_err);
        rc = fatal_report(plan_file, NULL, 0, err.message, json, &fatal_err);
        if (rc != KH_EXIT_INPUT)
            goto internal;
        kh_sandbox_free(sb);
        return rc;
    }

    if (!loaded) {
        lua_getfield(L, ctx, "plan_text");
        size_t tlen = 0;
        const char *text = lua_tolstring(L, -1, &tlen);
        rc = fatal_report(plan_file, text, tlen, load_err.message, json, &err);
        if (rc != KH_EXIT_INPUT)
            goto internal;
    } else {
        push_template(sb, table);
        lua_setfield(L, ctx, "template");
        lua_getfield(L, module, "run");
        lua_pushvalue(L, table);
        lua_pushvalue(L, ctx);
        if (kh_sandbox_call(sb, 2, 1, &err) != KH_OK)
            goto rules_failed;
        int state = lua_gettop(L);
        /* The loader's own checks, after the rules (they normalise the table in place): what
           they refuse and no rule explained is reported as it is. */
        kh_error check_err;
        kh_error_clear(&check_err);
        lua_pushvalue(L, table);
        if (kh_plan_validate(sb, 1, &check_err) == KH_OK)
            lua_pop(L, 1);
        lua_settop(L, state);
        lua_getfield(L, module, "finish");
        lua_pushvalue(L, state);
        if (check_err.status != KH_OK)
            lua_pushstring(L, check_err.message);
        else
            lua_pushnil(L);
        if (kh_sandbox_call(sb, 2, 1, &err) != KH_OK)
            goto rules_failed;
        int report = lua_gettop(L);
        lua_pushvalue(L, report);
        rc = print_report(L, json, plan_file);
        if (fix) {
            int frc = kh_fix_apply(L, report, &err);
            if (frc != KH_OK) {
                fprintf(stderr, "kehoach: check --fix: %s\n", err.message);
                rc = frc;
            }
        }
    }
    fflush(stdout);
    kh_sandbox_free(sb);
    return rc;
rules_failed:
    if (plan_caused(&err)) {
        lua_getfield(L, ctx, "plan_text");
        size_t tlen = 0;
        const char *text = lua_tolstring(L, -1, &tlen);
        kh_error fatal_err;
        kh_error_clear(&fatal_err);
        const char *message = err.message;
        if (!strncmp(message, "lua/check.lua:", 14) && strstr(message, ": "))
            message = strstr(message, ": ") + 2;   /* where the budget ran out is not the plan's line */
        rc = fatal_report(plan_file, text, tlen, message, json, &fatal_err);
        if (rc == KH_EXIT_INPUT) {
            kh_sandbox_free(sb);
            return rc;
        }
    }
internal:
    fprintf(stderr, "kehoach: check: %s\n", err.message);
    kh_sandbox_free(sb);
    return KH_EXIT_IO;
}
