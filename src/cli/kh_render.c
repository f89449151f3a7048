/* A render run: sandbox, plan, template, model, writer, file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>
#include "kh_builder.h"
#include "kh_doc_time.h"
#include "kh_docx.h"
#include "kh_finish.h"
#include "kh_odt.h"
#include "kh_fileio.h"
#include "kh_judge.h"
#include "kh_package.h"
#include "kh_pdf.h"
#include "kh_plan.h"
#include "kh_render.h"
#include "kh_template.h"
#include "kh_template_path.h"
#include "kh_util.h"

static int get_field(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_rawget(L, 1);   /* raw: C runs no metamethod of a plan's or a template's table */
    return 1;
}

/* Push T[NAME] for the table at IDX, read raw, in a protected call (pushing the key may fail
   for want of memory, and outside a protected call that would be a panic). */
static int protected_field(kh_sandbox *sb, int idx, const char *name, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, get_field);
    lua_pushvalue(L, idx);
    lua_pushstring(L, name);
    return kh_sandbox_call(sb, 2, 1, err);
}

static int build(kh_sandbox *sb, const kh_render_options *opt, kh_doc *doc, kh_render_result *result,
                 kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    kh_template_path_apply(sb);
    kh_builder_push_module(L);
    kh_sandbox_expose(sb, "kh");
    if (kh_plan_load(sb, opt->plan, err) != KH_OK)
        return KH_EXIT_INPUT;
    int plan = lua_gettop(L);
    if (kh_doc_time(sb, plan, &doc->time, err) != KH_OK)
        return err->status;
    kh_template t;
    if (kh_template_find(sb, opt->template_name, plan, &t, err) != KH_OK
        || kh_template_run(sb, &t, err) != KH_OK) {
        kh_template_free(&t);
        return KH_EXIT_INPUT;
    }
    char name[4096];   /* how messages name the template */
    snprintf(name, sizeof name, "%s", t.is_file ? t.file : t.name);
    snprintf(result->template_file, sizeof result->template_file, "%s", t.file ? t.file : t.name);
    kh_template_free(&t);
    if (protected_field(sb, -1, "render", err) != KH_OK)
        return KH_EXIT_INPUT;
    if (!lua_isfunction(L, -1)) {
        return kh_error_set(err, KH_EXIT_INPUT, "template '%s': expected a function render(plan, doc, options), got %s",
                            name, luaL_typename(L, -1));
    }
    int template = lua_gettop(L) - 1;
    lua_pushvalue(L, plan);
    kh_builder_push_doc(L, doc);
    lua_createtable(L, 0, 2);
    lua_pushstring(L, opt->part ? opt->part : "all");
    lua_setfield(L, -2, "part");
    /* A template built with extend() shares its parent's render: tell it which one runs. */
    lua_pushvalue(L, template);
    lua_setfield(L, -2, "template");
    if (kh_sandbox_call(sb, 3, 0, err) != KH_OK)
        return KH_EXIT_INPUT;
    if (doc->nsections == 0)
        return kh_error_set(err, KH_EXIT_INPUT, "template '%s': render wrote nothing", name);
    return KH_OK;
}

int kh_render_build(const kh_render_options *opt, kh_doc **out, kh_render_result *result, kh_error *err)
{
    *out = NULL;
    kh_render_result local;
    if (!result)
        result = &local;
    kh_sandbox *sb = kh_sandbox_new(&opt->limits, err);
    if (!sb)
        return err->status;
    kh_doc *doc = kh_doc_new();
    int rc = build(sb, opt, doc, result, err);
    kh_sandbox_free(sb);
    if (rc == KH_OK)
        rc = kh_finish(doc, err);
    if (rc != KH_OK) {
        kh_doc_free(doc);
        return rc;
    }
    *out = doc;
    return KH_OK;
}

/* Print the warnings of a judgement on standard error, as render gives them. */
static void print_warnings(const kh_findings *f)
{
    for (int i = 0; i < f->count; i++) {
        if (f->items[i].error)
            continue;
        char line[KH_FINDING_LINE_SIZE];
        kh_finding_format(&f->items[i], 0, line, sizeof line);
        fprintf(stderr, "kehoach: warning: %s\n", line);
    }
}

/* The document's bytes in OPT's format; RESULT gets the template used and the pages. The plan
   is judged first, as `kehoach check` judges it: an error refuses it (the first one is ERR), and
   the warnings are printed. */
static int render_bytes(const kh_render_options *opt, char **data, size_t *len, kh_render_result *result,
                        kh_error *err)
{
    *data = NULL;
    *len = 0;
    result->pages = -1;
    kh_findings findings;
    kh_doc *doc = NULL;
    kh_judge_options judge = { .render = opt };
    int rc = kh_judge(&judge, &findings, &doc, result, err);
    if (rc != KH_OK)
        return rc;
    print_warnings(&findings);
    for (int i = 0; i < findings.count && !doc; i++) {
        if (findings.items[i].error) {
            char line[KH_FINDING_LINE_SIZE];
            kh_finding_format(&findings.items[i], 0, line, sizeof line);
            rc = kh_error_set(err, KH_EXIT_INPUT, "%s", line);
            break;
        }
    }
    kh_findings_free(&findings);
    if (!doc)
        return rc != KH_OK ? rc : kh_error_set(err, KH_EXIT_IO, "the plan was judged, but no document was built");
    if (opt->format == KH_FORMAT_ODT)
        rc = kh_odt_write(doc, data, len, err);
    else
        rc = kh_docx_write(doc, data, len, err);
    kh_doc_free(doc);
    if (rc == KH_OK && opt->format == KH_FORMAT_PDF) {
        char *docx = *data;
        size_t docx_len = *len;
        const char *name = strcmp(opt->output ? opt->output : "-", "-") ? opt->output : "standard output";
        rc = kh_pdf_convert(&opt->pdf, name, docx, docx_len, data, len, err);
        free(docx);
        if (rc == KH_OK)
            result->pages = kh_pdf_pages(*data, *len);
    }
    return rc;
}

int kh_render_to_memory(const kh_render_options *opt, char **data, size_t *len, kh_error *err)
{
    kh_render_result result;
    return render_bytes(opt, data, len, &result, err);
}

/* The document to standard output, whole or with an error (a closed pipe, a full disk). */
static int write_stdout(const char *data, size_t len, kh_error *err)
{
    if (kh_write_all(STDOUT_FILENO, data, len) < 0)
        return kh_error_set(err, KH_EXIT_IO, "standard output: cannot write the document: %s",
                            strerror(errno));
    return KH_OK;
}

int kh_render(const kh_render_options *opt, kh_render_result *result, kh_error *err)
{
    kh_render_result local;
    if (!result)
        result = &local;
    memset(result, 0, sizeof *result);
    char *data = NULL;
    size_t len = 0;
    int rc = render_bytes(opt, &data, &len, result, err);
    if (rc == KH_OK)
        rc = strcmp(opt->output, "-") ? kh_write_atomic(opt->output, data, len, err) : write_stdout(data, len, err);
    if (rc == KH_OK)
        result->bytes = len;
    free(data);
    return rc;
}
