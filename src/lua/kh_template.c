/* The template resolver: one decision for render, check and new (see kh_template.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>
#include "kh_builder.h"
#include "kh_fileio.h"
#include "kh_i18n.h"
#include "kh_plan.h"
#include "kh_sandbox.h"
#include "kh_boundary.h"
#include "kh_template.h"
#include "kh_util.h"

/* "mau.lua" and "mau/kh" are files; "nd30" is a name. */
static int is_file_name(const char *name)
{
    size_t n = strlen(name);
    return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".lua") == 0);
}

/* A file the plan names: its folder opened beneath the plan's folder, then the file beneath it. */
static int find_in_plan_dir(kh_sandbox *sb, kh_template *t, kh_error *err)
{
    if (kh_path_check(t->name, err) != KH_OK)
        return KH_EXIT_INPUT;
    const char *slash = strrchr(t->name, '/');
    if (slash) {
        char *rel = kh_xstrndup(t->name, (size_t)(slash - t->name));
        t->dir = kh_plan_path(rel);
        t->dir_fd = kh_plan_open(sb, rel, 1, err);
        free(rel);
    } else {
        t->dir = kh_xstrdup(kh_plan_dir());
        int plan_dir = kh_sandbox_plan_dir(sb);
        t->dir_fd = plan_dir >= 0 ? fcntl(plan_dir, F_DUPFD_CLOEXEC, 0) : -1;
        if (t->dir_fd < 0)
            kh_error_set(err, KH_EXIT_INPUT, _("%s: cannot open the folder"), t->dir);
    }
    if (t->dir_fd < 0)
        return KH_EXIT_INPUT;
    if (kh_read_beneath(t->dir_fd, t->dir, slash ? slash + 1 : t->name, &t->text, &t->len, err) != KH_OK)
        return KH_EXIT_INPUT;
    t->file = kh_plan_path(t->name);
    return KH_OK;
}

/* A file named on the command line: the user's own, opened as typed. */
static int find_as_typed(kh_template *t, kh_error *err)
{
    if (kh_read_file(t->name, &t->text, &t->len, err) != KH_OK)
        return KH_EXIT_INPUT;
    const char *slash = strrchr(t->name, '/');
    t->dir = slash ? kh_xstrndup(t->name, slash == t->name ? 1 : (size_t)(slash - t->name)) : kh_xstrdup(".");
    t->dir_fd = kh_dir_open(t->dir);   /* none: its require finds the search path only */
    t->file = kh_xstrdup(t->name);
    return KH_OK;
}

void kh_template_free(kh_template *t)
{
    free(t->name);
    free(t->file);
    free(t->text);
    free(t->dir);
    if (t->dir_fd >= 0)
        close(t->dir_fd);
    memset(t, 0, sizeof *t);
    t->dir_fd = -1;
}

int kh_template_find(kh_sandbox *sb, const char *cli_name, int plan, kh_template *t, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    memset(t, 0, sizeof *t);
    t->dir_fd = -1;
    int from_plan = 0;
    if (cli_name) {
        t->name = kh_xstrdup(cli_name);
    } else if (plan) {
        plan = lua_absindex(L, plan);
        lua_pushliteral(L, "template");
        if (lua_rawget(L, plan) == LUA_TSTRING) {
            size_t len;
            const char *s = lua_tolstring(L, -1, &len);
            if (strlen(s) != len) {
                lua_pop(L, 1);
                t->name = kh_xstrdup("?");
                return kh_error_set(err, KH_EXIT_INPUT, _("%s: template: expected a template name or file, got text holding a NUL byte"),
                                    kh_plan_file());
            }
            t->name = kh_xstrdup(s);
            from_plan = 1;
        }
        lua_pop(L, 1);
    }
    if (!t->name)
        t->name = kh_xstrdup("nd30");
    t->is_file = is_file_name(t->name);
    int rc;
    if (!t->is_file) {
        rc = kh_sandbox_find_module(sb, t->name, "templates", &t->file, &t->text, &t->len, err);
    } else if (from_plan) {
        kh_error where;
        kh_error_clear(&where);
        rc = find_in_plan_dir(sb, t, &where);
        if (rc != KH_OK)
            kh_error_set_at(err, KH_EXIT_INPUT, kh_plan_file(), 0, 0, _("template: %s"), where.message);
    } else {
        rc = find_as_typed(t, err);
    }
    if (rc != KH_OK) {
        char *name = t->name;
        t->name = NULL;
        kh_template_free(t);
        t->name = name;
        return KH_EXIT_INPUT;
    }
    return KH_OK;
}

int kh_template_run(kh_sandbox *sb, kh_template *t, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    /* Modules next to a template file are found first by its require. */
    if (t->dir_fd >= 0) {
        kh_sandbox_prepend_folder(sb, t->dir, t->dir_fd);
        t->dir_fd = -1;
    }
    kh_sandbox_push_env(sb);
    if (kh_sandbox_load(sb, t->text, t->len, t->file, err) != KH_OK)
        return KH_EXIT_INPUT;
    const char *name = t->is_file ? t->file : t->name;
    lua_pushstring(L, t->is_file ? t->file : "template");
    lua_setfield(L, LUA_REGISTRYINDEX, KH_TEMPLATE_FILE);
    lua_pushstring(L, name);
    if (kh_sandbox_call(sb, 1, 1, err) != KH_OK)
        return KH_EXIT_INPUT;
    if (!lua_istable(L, -1)) {
        kh_error_set(err, KH_EXIT_INPUT, _("template '%s': expected the file to return a table with a render function, got %s"),
                     name, kh_lua_type_shown(L, -1));
        lua_pop(L, 1);
        return KH_EXIT_INPUT;
    }
    if (!kh_lua_is_plain(L, -1)) {   /* its render would be read raw, so not seen: say so */
        kh_error_set(err, KH_EXIT_INPUT, _("template '%s': expected a plain table, got a table with a metatable that "
                     "lends fields (__index): write render and the settings into the table itself"), name);
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
