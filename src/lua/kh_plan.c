/* The plan loader: run plan.lua with its helpers, then check and normalise the table it returns. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lauxlib.h>
#include "kh_boundary.h"
#include "kh_box.h"
#include "kh_csv_lua.h"
#include "kh_embedded.h"
#include "kh_fileio.h"
#include "kh_i18n.h"
#include "kh_message.h"
#include "kh_plan.h"
#include "kh_text.h"
#include "kh_util.h"

#define MAX_DEPTH 64

static char plan_dir[4096];
static char plan_file[4096];
static char plan_name[4096];   /* the plan file's name inside plan_dir ("plan.lua") */

const char *kh_plan_dir(void) { return plan_dir; }
const char *kh_plan_file(void) { return plan_file; }

int kh_plan_open(kh_sandbox *sb, const char *rel, int folder, kh_error *err)
{
    int dir = sb ? kh_sandbox_plan_dir(sb) : -1;
    if (!rel)   /* the plan file, named as typed: "plan.lua" given alone has no folder in front */
        return kh_open_beneath(dir, strchr(plan_file, '/') ? plan_dir : NULL, plan_name, 0, err);
    return kh_open_beneath(dir, plan_dir, rel, folder, err);
}

int kh_plan_read(kh_sandbox *sb, const char *rel, char **data, size_t *len, kh_error *err)
{
    int fd = kh_plan_open(sb, rel, 0, err);
    if (fd < 0)
        return KH_EXIT_INPUT;
    char *name = rel ? kh_plan_path(rel) : kh_xstrdup(plan_file);
    int rc = kh_read_text_fd(fd, name, data, len, err);
    free(name);
    close(fd);
    return rc;
}

char *kh_plan_path(const char *rel)
{
    size_t n = strlen(plan_dir) + strlen(rel) + 2;
    char *path = kh_xmalloc(n);
    snprintf(path, n, "%s/%s", plan_dir, rel);
    return path;
}

int kh_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

int kh_parse_date(const char *s, int *year, int *month, int *day)
{
    int n = 0;
    *day = 0;
    if (strlen(s) == 7 && sscanf(s, "%4d-%2d%n", year, month, &n) == 2 && n == 7)
        ;
    else if (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%n", year, month, day, &n) == 3 && n == 10)
        ;
    else
        return -1;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p) && *p != '-')
            return -1;
    if (*year < 1900 || *year > 9999 || *month < 1 || *month > 12)
        return -1;
    if (n == 10 && (*day < 1 || *day > kh_days_in_month(*year, *month)))
        return -1;
    return 0;
}

/* "plan.lua: read_text: …" for a file the plan names that cannot be read: at the place ERR
   names (the file itself), else the plan file's. */
static void raise_read_error(lua_State *L, const char *who, const kh_error *err)
{
    kh_error e;
    kh_error_clear(&e);
    if (err->file[0])
        kh_error_set_at(&e, KH_EXIT_INPUT, err->file, err->line, err->column, "%s: %s", who, kh_error_text(err));
    else
        kh_error_set_at(&e, KH_EXIT_INPUT, plan_file, 0, 0, "%s: %s", who, err->message);
    kh_lua_raise(L, &e);
}

char *kh_plan_read_boxed(lua_State *L, int box, const char *rel, size_t *len, const char *who, int lenient)
{
    kh_error err;
    kh_error_clear(&err);
    int fd = kh_plan_open(kh_sandbox_of(L), rel, 0, &err);
    if (fd < 0) {
        if (lenient)
            return NULL;
        raise_read_error(L, who, &err);
    }
    /* The file's size against the budget before a byte is read (the descriptor is closed before
       any error is raised). */
    struct stat st;
    size_t need = fstat(fd, &st) == 0 && st.st_size > 0 ? KH_STRING_COST((size_t)st.st_size) : 0;
    char *name = rel ? kh_plan_path(rel) : kh_xstrdup(plan_file);
    if (need > kh_sandbox_available(L)) {
        close(fd);
        lua_pushfstring(L, _("%s: memory budget of %d MB exceeded: the file has %I bytes"), name,
                        (int)(kh_sandbox_max_memory(L) >> 20), (lua_Integer)st.st_size);
        free(name);
        lua_error(L);
    }
    char *data = NULL;
    int rc = kh_read_text_fd(fd, name, &data, len, &err);
    free(name);
    close(fd);
    if (rc != KH_OK) {
        if (lenient)
            return NULL;
        raise_read_error(L, who, &err);
    }
    kh_box_put(L, box, data, NULL);
    kh_box_charge(L, box, KH_STRING_COST(*len));
    return data;
}

/* read_text("body.txt") → { file = "…/body.txt", text = "…" }: a text source whose errors name
   the file it came from. */
static int plan_read_text(lua_State *L)
{
    const char *rel = luaL_checkstring(L, 1);
    lua_settop(L, 1);
    int raw = kh_box_push(L);          /* 2: the file's bytes */
    int nfc_box = kh_box_push(L);      /* 3: their NFC form */
    lua_pushfstring(L, "%s/%s", plan_dir, rel);   /* 4: how errors name the file */
    const char *path = lua_tostring(L, 4);
    size_t len;
    char *data = kh_plan_read_boxed(L, raw, rel, &len, "read_text", 0);
    size_t bad;
    kh_gated nfc;
    kh_text_status st = kh_text_gate(data, len, &nfc, &bad);
    if (st == KH_TEXT_NO_MEMORY)
        return luaL_error(L, "%s", _("read_text: out of memory"));
    if (st != KH_TEXT_OK) {
        int line, col;
        kh_text_position(data, bad, &line, &col);
        kh_error e;
        kh_error_clear(&e);
        kh_error_set_at(&e, KH_EXIT_INPUT, path, line, col, _("%s: expected UTF-8 text"), kh_text_status_message(st));
        return kh_lua_raise(L, &e);
    }
    kh_box_put(L, nfc_box, nfc.text, NULL);
    kh_box_free(L, raw);
    kh_box_charge(L, nfc_box, KH_STRING_COST(nfc.len));
    lua_createtable(L, 0, 2);
    lua_pushvalue(L, 4);
    lua_setfield(L, -2, "file");
    lua_pushlstring(L, nfc.text, nfc.len);
    lua_setfield(L, -2, "text");
    luaL_setmetatable(L, "kh.text");
    return 1;   /* the boxes free the buffers as the function returns */
}

static int text_tostring(lua_State *L)
{
    kh_lua_rawfield(L, 1, "text");
    return 1;
}

/* ---- checking the returned table ---- */

static const char SCHEMA_REF[] = "kh.schema";

void kh_plan_push_schema(lua_State *L)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, SCHEMA_REF) == LUA_TTABLE)
        return;
    lua_pop(L, 1);
    const char *name = "lua/schema.lua";
    const kh_embedded_file *f = kh_embedded_find(name);
    kh_sandbox *sb = kh_sandbox_of(L);
    if (!f || !sb)
        luaL_error(L, _("%s: not built into this binary"), name);
    kh_error err;
    kh_error_clear(&err);
    kh_sandbox_push_env(sb);
    if (kh_sandbox_load(sb, f->data, f->size, name, &err) != KH_OK)
        kh_lua_raise(L, &err);
    lua_pushliteral(L, "schema");
    lua_call(L, 1, 1);
    if (!lua_istable(L, -1))
        luaL_error(L, _("%s: expected the module to return a table"), name);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, SCHEMA_REF);
}

/* A finding of the schema (at IDX: {key, args}) as one line into OUT: the key with its args put
   in, each escaped and cut to KH_MSG_MAX_CHARS characters ('%s' quoted), so that text from the
   plan can never start a line of its own. */
/* The path of the schema's finding at IDX ({ "documents", 2, "signer" }) as a field is named:
   "documents[2].signer". */
static void finding_path(lua_State *L, int idx, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    kh_lua_rawfield(L, idx, "path");
    for (lua_Integer i = 1; lua_istable(L, -1) && n + 1 < cap; i++) {
        int t = lua_rawgeti(L, -1, i);
        if (t == LUA_TNUMBER)
            n += (size_t)snprintf(out + n, cap - n, "[%lld]", (long long)lua_tointeger(L, -1));
        else if (t == LUA_TSTRING)
            n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? "." : "", lua_tostring(L, -1));
        lua_pop(L, 1);
        if (t != LUA_TNUMBER && t != LUA_TSTRING)
            break;
    }
    lua_pop(L, 1);
    if (n >= cap)
        out[cap - 1] = '\0';
}

static void format_finding(lua_State *L, int idx, char *out, size_t cap)
{
    kh_lua_rawfield(L, idx, "key");
    kh_lua_rawfield(L, idx, "args");
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : N_("the plan is not valid");
    key = _(key);   /* the English msgid; its args are put into the translation */
    int args = lua_gettop(L);
    lua_Integer next = 1;
    size_t n = 0;
    char piece[KH_MSG_QUOTED_SIZE];
    out[0] = '\0';
    for (const char *p = key; *p && n + 1 < cap; p++) {
        int quoted = p[0] == '\'' && p[1] == '%' && p[2] == 's' && p[3] == '\'';
        if (quoted || (p[0] == '%' && p[1] == 's')) {
            const char *arg = "";
            if (lua_istable(L, args) && lua_rawgeti(L, args, next++) == LUA_TSTRING)
                arg = lua_tostring(L, -1);
            if (quoted)
                kh_msg_quote(piece, arg);
            else
                kh_msg_escape(piece, sizeof piece, arg, strlen(arg), KH_MSG_MAX_CHARS, 0);
            if (lua_istable(L, args))
                lua_pop(L, 1);
            n += (size_t)snprintf(out + n, cap - n, "%s", piece);
            p += quoted ? 3 : 1;
        } else {
            if (p[0] == '%' && p[1] == '%')
                p++;
            out[n++] = *p;
            out[n] = '\0';
        }
        if (n >= cap)
            n = cap - 1;
    }
    lua_pop(L, 2);
}

typedef struct {
    lua_State *L;
    kh_error *err;
    char prefix[128]; /* "documents[2]." inside a bundle, else "" */
    char path[512];   /* the field being checked, as "signer.name" or "recipients[3]" */
    int quiet;        /* the stand-ins of files kehoach check could not read pass (it reports them itself) */
    int shape_only;   /* only the tables' shape: plain, not too deep, no functions; text as typed */
    int box;          /* stack index of a box holding the last NFC copy made */
} checker;

/* The place of the error just set on C's plan: the plan file (every message of the checker
   begins with its name) and the field it is about, for check to find the field's line. */
static int located(checker *c, int status)
{
    kh_error *e = c->err;
    if (!e->file[0]) {
        kh_error_locate(e, plan_file);
        snprintf(e->field, sizeof e->field, "%.*s", (int)sizeof e->field - 1, c->path);
    }
    return status;
}

static int fail(checker *c, const char *expected)
{
    lua_State *L = c->L;
    return located(c, kh_error_set(c->err, KH_EXIT_INPUT, _("%s: %s: expected %s, got %s"), plan_file, c->path,
                        expected, lua_isnone(L, -1) ? _("nothing") : kh_lua_type_shown(L, -1)));
}

/* Check that every table below the table at the top of the stack is plain and every string in
   it passes the text gate, replacing each by its NFC form. */
static int normalise(checker *c, int depth)
{
    lua_State *L = c->L;
    if (depth > MAX_DEPTH)
        return located(c, kh_error_set(c->err, KH_EXIT_INPUT, _("%s: %s: tables nested more than %d deep"),
                            plan_file, c->path, MAX_DEPTH));
    if (!kh_lua_is_plain(L, -1))
        return located(c, kh_error_set(c->err, KH_EXIT_INPUT,
                            _("%s: %s: expected a plain table, got a table with a metatable that lends "
                              "fields (__index): write the fields into the table itself"),
                            plan_file, *c->path ? c->path : _("the returned table")));
    luaL_checkstack(L, 8, "plan too deep");
    if (c->shape_only && lua_getmetatable(L, -1)) {
        /* What is left (__len, __pairs, __tostring …) goes: the rules then read the table raw,
           as the loader does, and nothing of the plan runs while they read it. */
        lua_pop(L, 1);
        lua_pushnil(L);
        lua_setmetatable(L, -2);
    }
    size_t plen = strlen(c->path);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TNUMBER)
            snprintf(c->path + plen, sizeof c->path - plen, "[%lld]", (long long)lua_tointeger(L, -2));
        else if (lua_type(L, -2) == LUA_TSTRING)
            snprintf(c->path + plen, sizeof c->path - plen, "%s%s", plen ? "." : "", lua_tostring(L, -2));
        if (lua_type(L, -1) == LUA_TSTRING && !c->shape_only) {
            size_t len, bad = 0;
            const char *s = lua_tolstring(L, -1, &len);
            kh_gated nfc;
            kh_text_status st = kh_text_gate(s, len, &nfc, &bad);
            if (st == KH_TEXT_NO_MEMORY)
                return located(c, kh_error_set(c->err, KH_EXIT_IO, _("out of memory")));
            if (st != KH_TEXT_OK)
                return located(c, kh_error_set(c->err, KH_EXIT_INPUT, _("%s: %s: %s at byte %zu: expected UTF-8 text"),
                                    plan_file, c->path, kh_text_status_message(st), bad + 1));
            kh_box_put(L, c->box, nfc.text, NULL);   /* freed even if pushing raises */
            if (nfc.len != len || memcmp(nfc.text, s, len) != 0) {
                lua_pushvalue(L, -2);
                lua_pushlstring(L, nfc.text, nfc.len);
                lua_rawset(L, -5);
            }
            kh_box_free(L, c->box);
        } else if (lua_type(L, -1) == LUA_TTABLE) {
            /* A table met twice (a cycle, or shared) is checked once. */
            lua_pushvalue(L, -1);
            lua_rawget(L, lua_upvalueindex(1));
            int seen = lua_toboolean(L, -1);
            lua_pop(L, 1);
            if (!seen) {
                lua_pushvalue(L, -1);
                lua_pushboolean(L, 1);
                lua_rawset(L, lua_upvalueindex(1));
                if (normalise(c, depth + 1) != KH_OK)
                    return KH_EXIT_INPUT;
            }
        } else if (lua_type(L, -1) == LUA_TFUNCTION || lua_type(L, -1) == LUA_TUSERDATA
                   || lua_type(L, -1) == LUA_TTHREAD) {
            return fail(c, _("text, a number, a boolean or a table"));
        }
        c->path[plen] = '\0';
        lua_pop(L, 1);
    }
    c->path[plen] = '\0';
    return KH_OK;
}

static int check_date(checker *c, int idx)
{
    lua_State *L = c->L;
    snprintf(c->path, sizeof c->path, "%sdate", c->prefix);
    kh_lua_rawfield(L, idx, "date");
    int y, m, d;
    if (!lua_isstring(L, -1) || lua_type(L, -1) == LUA_TNUMBER
        || kh_parse_date(lua_tostring(L, -1), &y, &m, &d) != 0) {
        if (lua_type(L, -1) == LUA_TSTRING)
            located(c, kh_error_set(c->err, KH_EXIT_INPUT,
                         _("%s: %sdate: expected \"YYYY-MM-DD\", or \"YYYY-MM\" for a draft without the day; got \"%s\" (not a real date)"),
                         plan_file, c->prefix, lua_tostring(L, -1)));
        else
            fail(c, _("a date \"YYYY-MM-DD\" or \"YYYY-MM\""));
        lua_pop(L, 1);
        return KH_EXIT_INPUT;
    }
    lua_pop(L, 1);
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, y);
    lua_setfield(L, -2, "year");
    lua_pushinteger(L, m);
    lua_setfield(L, -2, "month");
    if (d) {
        lua_pushinteger(L, d);
        lua_setfield(L, -2, "day");
    }
    kh_lua_rawsetfield(L, idx, "date");
    return KH_OK;
}

static int check_number(checker *c, int idx)
{
    lua_State *L = c->L;
    snprintf(c->path, sizeof c->path, "%snumber", c->prefix);
    kh_lua_rawfield(L, idx, "number");
    int ok = 1;
    lua_Integer n = 0;
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return KH_OK;
    }
    if (lua_type(L, -1) == LUA_TNUMBER) {
        ok = lua_isinteger(L, -1);
        n = lua_tointeger(L, -1);
    } else if (lua_type(L, -1) == LUA_TSTRING) {
        const char *s = lua_tostring(L, -1);
        ok = *s != '\0' && strlen(s) < 10;
        for (const char *p = s; *p && ok; p++)
            ok = isdigit((unsigned char)*p);
        n = ok ? atol(s) : 0;
    } else {
        ok = 0;
    }
    if (!ok || n < 1 || n > 999999) {
        fail(c, _("a whole number from 1 (or nil in a draft)"));
        lua_pop(L, 1);
        return KH_EXIT_INPUT;
    }
    lua_pop(L, 1);
    lua_pushinteger(L, n);
    kh_lua_rawsetfield(L, idx, "number");
    return KH_OK;
}

/* One document: the plan itself, or one of a bundle's documents. The plan schema has checked
   its fields; here its number and date take the form the templates read. */
static int check_document(checker *c, int idx, int attached)
{
    lua_State *L = c->L;
    if (check_number(c, idx))
        return KH_EXIT_INPUT;
    /* A document issued with another (Mẫu 1.3) has no number, date or signature of its own. */
    kh_lua_rawfield(L, idx, "date");
    int has_date = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if ((!attached || has_date) && check_date(c, idx))
        return KH_EXIT_INPUT;
    return KH_OK;
}

/* documents = { {…}, {…} }: each document takes the plan's shared fields, then its own. */
static int check_bundle(checker *c, int plan)
{
    lua_State *L = c->L;
    kh_lua_rawfield(L, plan, "documents");
    int docs = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, docs);
    if (!lua_istable(L, docs) || n == 0) {
        snprintf(c->path, sizeof c->path, "documents");
        return fail(c, _("a list of documents"));
    }
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, docs, i);
        snprintf(c->prefix, sizeof c->prefix, "documents[%lld].", (long long)i);
        if (!lua_istable(L, -1)) {
            snprintf(c->path, sizeof c->path, "documents[%lld]", (long long)i);
            return fail(c, _("a table describing one document"));
        }
        int own = lua_gettop(L);
        lua_newtable(L);
        int merged = own + 1;
        lua_pushnil(L);
        while (lua_next(L, plan)) {
            if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), "documents") == 0) {
                lua_pop(L, 1);
                continue;
            }
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, merged);
        }
        lua_pushnil(L);
        while (lua_next(L, own)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, merged);
        }
        kh_lua_rawfield(L, merged, "attached_to");
        int attached = 0;
        if (!lua_isnil(L, -1)) {
            lua_Integer to = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
            if (to < 1 || to >= i) {
                snprintf(c->path, sizeof c->path, "documents[%lld].attached_to", (long long)i);
                return located(c, kh_error_set(c->err, KH_EXIT_INPUT,
                                    _("%s: %s: expected the number of an earlier document (1 to %lld)"),
                                    plan_file, c->path, (long long)i - 1));
            }
            attached = 1;
        }
        lua_pop(L, 1);
        if (check_document(c, merged, attached) != KH_OK)
            return KH_EXIT_INPUT;
        lua_rawseti(L, docs, i);      /* the merged table replaces the document */
        lua_pop(L, 1);
    }
    c->prefix[0] = '\0';
    lua_pop(L, 1);
    return KH_OK;
}

static int check_plan(lua_State *L)
{
    checker *c = lua_touserdata(L, 2);
    lua_settop(L, 1);
    c->box = kh_box_push(L);
    lua_pushvalue(L, 1);
    int idx = 1;
    c->path[0] = '\0';
    c->prefix[0] = '\0';
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, lua_upvalueindex(1));
    if (normalise(c, 0) != KH_OK || c->shape_only)
        return 0;
    /* Every field's type, presence and value, from the one description of the plan; what
       follows builds the model from a plan that passed (and reads its values defensively). */
    kh_plan_push_schema(L);
    lua_getfield(L, -1, "first_error");
    lua_pushvalue(L, idx);
    lua_createtable(L, 0, 1);
    lua_pushboolean(L, c->quiet);
    lua_setfield(L, -2, "lenient");
    lua_call(L, 2, 1);
    if (lua_istable(L, -1)) {
        char msg[sizeof c->err->message];
        format_finding(L, lua_gettop(L), msg, sizeof msg);
        finding_path(L, lua_gettop(L), c->path, sizeof c->path);
        located(c, kh_error_set(c->err, KH_EXIT_INPUT, "%s: %s", plan_file, msg));
        kh_lua_rawfield(L, -1, "rule");
        if (lua_type(L, -1) == LUA_TSTRING)
            kh_error_rule(c->err, lua_tostring(L, -1));
        lua_pop(L, 1);
        return 0;
    }
    lua_pop(L, 2);
    kh_lua_rawfield(L, idx, "documents");
    int bundle = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (bundle)
        check_bundle(c, idx);
    else
        check_document(c, idx, 0);
    return 0;
}

/* Open the plan's folder once and note how messages name it and its plan file. PATH is the
   user's own choice, followed as typed: a folder (holding plan.lua), or a plan file (then its
   folder is opened, and the file beneath it with the rest). Returns the folder's descriptor or -1. */
static int open_plan_dir(const char *path, kh_error *err)
{
    plan_dir[0] = plan_file[0] = plan_name[0] = '\0';
    int fd = kh_dir_open(path);
    if (fd >= 0) {
        snprintf(plan_dir, sizeof plan_dir, "%s", path);
        size_t n = strlen(plan_dir);
        while (n > 1 && plan_dir[n - 1] == '/')
            plan_dir[--n] = '\0';
        snprintf(plan_name, sizeof plan_name, "plan.lua");
        snprintf(plan_file, sizeof plan_file, "%s/plan.lua", plan_dir);
        return fd;
    }
    if (errno == ENOENT) {
        kh_error_set(err, KH_EXIT_INPUT, _("%s: not found: expected a plan folder holding plan.lua, or a plan file"), path);
        return -1;
    }
    const char *slash = strrchr(path, '/');
    if (errno != ENOTDIR || (slash && !slash[1])) {
        kh_error_set(err, KH_EXIT_INPUT, _("%s: cannot open: %s"), path, strerror(errno));
        return -1;
    }
    snprintf(plan_file, sizeof plan_file, "%s", path);
    snprintf(plan_name, sizeof plan_name, "%s", slash ? slash + 1 : path);
    if (slash == path)
        snprintf(plan_dir, sizeof plan_dir, "%s", "");   /* "/plan.lua": messages say "/plan.lua" */
    else if (slash)
        snprintf(plan_dir, sizeof plan_dir, "%.*s", (int)(slash - path), path);
    else
        snprintf(plan_dir, sizeof plan_dir, ".");
    fd = kh_dir_open(*plan_dir ? plan_dir : "/");
    if (fd < 0)
        kh_error_set(err, KH_EXIT_INPUT, _("%s: cannot open its folder: %s"), path, strerror(errno));
    return fd;
}

int kh_plan_run(kh_sandbox *sb, const char *path, void (*prepare)(lua_State *L, void *ud), void *ud,
                kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    int dir = open_plan_dir(path, err);
    if (dir < 0) {
        kh_error_locate(err, path);
        return KH_EXIT_INPUT;
    }
    kh_sandbox_set_plan_dir(sb, dir);   /* closed with the sandbox */
    char *data = NULL;
    size_t len = 0;
    if (kh_plan_read(sb, NULL, &data, &len, err) != KH_OK) {
        kh_error_locate(err, plan_file);
        return KH_EXIT_INPUT;
    }
    if (luaL_newmetatable(L, "kh.text")) {
        lua_pushcfunction(L, text_tostring);
        lua_setfield(L, -2, "__tostring");
        /* Locked: a __gc added to it would mark every later read_text result for a finalizer,
           and finalizers run outside the instruction budget. */
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);
    kh_sandbox_push_env(sb);
    lua_pushcfunction(L, plan_read_text);
    lua_setfield(L, -2, "read_text");
    lua_pushcfunction(L, kh_csv_lua_read_table);
    lua_setfield(L, -2, "read_table");
    if (prepare)
        prepare(L, ud);                   /* with the plan's environment on top */
    int rc = kh_sandbox_load(sb, data, len, plan_file, err);
    free(data);
    if (rc != KH_OK)
        return rc;
    if (kh_sandbox_call(sb, 0, 1, err) != KH_OK)
        return KH_EXIT_INPUT;
    if (!lua_istable(L, -1)) {
        kh_error_set_at(err, KH_EXIT_INPUT, plan_file, 0, 0,
                        _("expected the file to return a table (return { agency = …, … }), got %s"),
                        kh_lua_type_shown(L, -1));
        lua_pop(L, 1);
        return KH_EXIT_INPUT;
    }
    return KH_OK;
}

static int validate(kh_sandbox *sb, int quiet, int shape_only, kh_error *err)
{
    lua_State *L = kh_sandbox_state(sb);
    checker c = {.L = L, .err = err, .quiet = quiet, .shape_only = shape_only};
    lua_newtable(L);                      /* tables already visited */
    lua_pushcclosure(L, check_plan, 1);
    lua_pushvalue(L, -2);
    lua_pushlightuserdata(L, &c);
    if (kh_sandbox_call(sb, 2, 0, err) != KH_OK || err->status != KH_OK) {
        lua_pop(L, 1);
        return KH_EXIT_INPUT;
    }
    return KH_OK;
}

int kh_plan_validate(kh_sandbox *sb, int quiet, kh_error *err)
{
    return validate(sb, quiet, 0, err);
}

int kh_plan_check_shape(kh_sandbox *sb, kh_error *err)
{
    return validate(sb, 1, 1, err);
}

int kh_plan_load(kh_sandbox *sb, const char *path, kh_error *err)
{
    if (kh_plan_run(sb, path, NULL, NULL, err) != KH_OK)
        return KH_EXIT_INPUT;
    return kh_plan_validate(sb, 0, err);
}
