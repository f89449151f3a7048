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
#include "kh_judge.h"
#include "kh_message.h"
#include "kh_plan.h"
#include "kh_template.h"
#include "kh_template_path.h"

static const char usage_check[] =
    "Usage: kehoach check PLAN [--format text|json]\n"
    "\n"
    "Checks a plan folder (or plan file) against the format rules of Nghị định 30/2020/NĐ-CP and\n"
    "the conventions of the body markup and the appendix tables, and reports each finding as\n"
    "  FILE:LINE[:COLUMN]: error|warning: message [rule]\n"
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

static void print_json_string(const char *s)
{
    kh_cmd_json_string(stdout, s ? s : "", s ? strlen(s) : 0);
}

/* Print the findings; returns the exit status they mean. */
static int print_report(const kh_findings *f, int json, const char *plan)
{
    if (json)
        fputs("{\"findings\":[", stdout);
    for (int i = 0; i < f->count; i++) {
        const kh_finding *x = &f->items[i];
        if (json) {
            fputs(i > 0 ? ",{\"file\":" : "{\"file\":", stdout);
            print_json_string(x->file);
            printf(",\"line\":%d,\"column\":%d,\"level\":\"%s\",\"rule\":", x->line, x->column,
                   x->error ? "error" : "warning");
            print_json_string(x->rule);
            fputs(",\"path\":", stdout);
            if (x->path)
                print_json_string(x->path);
            else
                fputs("null", stdout);
            fputs(",\"message\":", stdout);
            print_json_string(x->message);
            if (x->key) {
                fputs(",\"key\":", stdout);
                print_json_string(x->key);
                fputs(",\"args\":[", stdout);
                for (int a = 0; a < x->nargs; a++) {
                    if (a)
                        fputc(',', stdout);
                    print_json_string(x->args[a]);
                }
                fputc(']', stdout);
            }
            fputc('}', stdout);
        } else {
            char line[KH_FINDING_LINE_SIZE];
            kh_finding_format(x, 1, line, sizeof line);
            puts(line);
        }
    }
    if (json) {
        printf("],\"errors\":%d,\"warnings\":%d}\n", f->errors, f->warnings);
    } else {
        char shown[1024];
        kh_msg_escape(shown, sizeof shown, plan, strlen(plan), 0, 0);
        printf("%s: %d error%s, %d warning%s\n", shown, f->errors, f->errors == 1 ? "" : "s", f->warnings,
               f->warnings == 1 ? "" : "s");
    }
    return f->unloadable ? KH_EXIT_INPUT : f->errors > 0 ? KH_EXIT_CHECK : KH_OK;
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
    kh_render_options ro = { .plan = plan, .part = "all", .output = "-" };
    kh_judge_options opt = { .render = &ro };
    kh_findings findings;
    int rc = kh_judge(&opt, &findings, NULL, NULL, &err);
    if (rc != KH_OK) {
        fprintf(stderr, "kehoach: check: %s\n", err.message);
        return rc;
    }
    const char *plan_file = *kh_plan_file() ? kh_plan_file() : plan;
    rc = print_report(&findings, json, plan_file);
    if (fix && !findings.unloadable) {
        int frc = kh_fix_apply(&findings, &err);
        if (frc != KH_OK) {
            fprintf(stderr, "kehoach: check --fix: %s\n", err.message);
            rc = frc;
        }
    }
    kh_findings_free(&findings);
    fflush(stdout);
    return rc;
}
