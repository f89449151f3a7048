/* A render run: sandbox, plan, template, model, writer, file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "kh_builder.h"
#include "kh_docx.h"
#include "kh_fileio.h"
#include "kh_odt.h"
#include "kh_package.h"
#include "kh_plan.h"
#include "kh_render.h"
#include "kh_template_path.h"
#include "kh_util.h"

static int is_file_name(const char *name)
{
    size_t n = strlen(name);
    return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".lua") == 0);
}

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

/* Push the template module table. */
static int load_template(kh_sandbox *sb, const char *name, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    if (is_file_name(name)) {
        char *data = NULL;
        size_t len = 0;
        if (kh_read_file(name, &data, &len, err) != KH_OK)
            return KH_EXIT_INPUT;
        /* Modules next to a template file are found by its require. */
        char dir[4096];
        const char *slash = strrchr(name, '/');
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - name) : 1, slash ? name : ".");
        kh_sandbox_prepend_path(sb, dir);
        kh_sandbox_push_env(sb);
        int rc = kh_sandbox_load(sb, data, len, name, err);
        free(data);
        if (rc != KH_OK)
            return rc;
    } else if (kh_sandbox_load_module(sb, name, "templates", err) != KH_OK) {
        return KH_EXIT_INPUT;
    }
    lua_pushstring(L, is_file_name(name) ? name : "template");
    lua_setfield(L, LUA_REGISTRYINDEX, KH_TEMPLATE_FILE);
    lua_pushstring(L, name);
    if (kh_sandbox_call(sb, 1, 1, err) != KH_OK)
        return KH_EXIT_INPUT;
    if (!lua_istable(L, -1)) {
        kh_error_set(err, KH_EXIT_INPUT, "template '%s': expected the file to return a table with a render function, got %s",
                     name, luaL_typename(L, -1));
        lua_pop(L, 1);
        return KH_EXIT_INPUT;
    }
    /* Later require("name") calls get the same table. */
    lua_getfield(L, LUA_REGISTRYINDEX, "kh.loaded");
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
    return KH_OK;
}

static int build(kh_sandbox *sb, const kh_render_options *opt, kh_doc *doc, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    kh_template_path_apply(sb);
    kh_builder_push_module(L);
    kh_sandbox_expose(sb, "kh");
    if (kh_plan_load(sb, opt->plan, err) != KH_OK)
        return KH_EXIT_INPUT;
    int plan = lua_gettop(L);
    const char *name = opt->template_name;
    char in_plan_dir[4096];
    if (!name) {
        if (protected_field(sb, plan, "template", err) != KH_OK)
            return KH_EXIT_INPUT;
        /* kept on the stack, under the template, while NAME is used (an __index may make it) */
        name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "nd30";
        /* A template file the plan names sits inside the plan's folder, wherever kehoach runs
           from; a plan from elsewhere cannot point it at other files. */
        if (is_file_name(name)) {
            char *path = NULL;
            kh_error where;
            kh_error_clear(&where);
            if (kh_path_inside(kh_plan_dir(), name, &path, &where) != KH_OK)
                return kh_error_set(err, KH_EXIT_INPUT, "%s: template: %s", kh_plan_file(), where.message);
            snprintf(in_plan_dir, sizeof in_plan_dir, "%s", path);
            free(path);
            name = in_plan_dir;
        }
    }
    if (load_template(sb, name, err) != KH_OK)
        return KH_EXIT_INPUT;
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

int kh_render_to_memory(const kh_render_options *opt, char **data, size_t *len, kh_error *err)
{
    *data = NULL;
    *len = 0;
    kh_sandbox *sb = kh_sandbox_new(&opt->limits, err);
    if (!sb)
        return err->status;
    kh_doc *doc = kh_doc_new();
    int rc = build(sb, opt, doc, err);
    kh_sandbox_free(sb);
    if (rc == KH_OK) {
        if (opt->format == KH_FORMAT_DOCX)
            rc = kh_docx_write(doc, data, len, err);
        else
            rc = kh_odt_write(doc, data, len, err);
    }
    kh_doc_free(doc);
    return rc;
}

int kh_render(const kh_render_options *opt, kh_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = kh_render_to_memory(opt, &data, &len, err);
    if (rc == KH_OK)
        rc = kh_write_atomic(opt->output, data, len, err);
    free(data);
    return rc;
}
