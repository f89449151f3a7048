/* The sandbox: a Lua state with a counting allocator, an instruction hook, safe globals and a
   require that only finds templates and their modules. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>
#include <lualib.h>
#include "kh_embedded.h"
#include "kh_fileio.h"
#include "kh_i18n.h"
#include "kh_message.h"
#include "kh_lua_messages.h"
#include "kh_sandbox.h"
#include "kh_util.h"

#define HOOK_STEP 1000

struct kh_sandbox {
    lua_State *L;
    kh_limits limits;
    size_t used, peak;
    long long steps;          /* hook calls so far */
    int over_memory;
    int budget_raised;        /* the error under way is a budget of ours running out, said so */
    int depth;                /* protected calls and loads under way: the budget holds inside */
    size_t external;          /* bytes charged for the C side (the document model) */
    char where[512];          /* "file:line:" of the Lua code last seen running, for messages */
    struct folder { char *name; int fd; } *paths;   /* the require path, each folder open */
    size_t npaths, paths_cap;
    int plan_dir;             /* the plan's folder, or -1 */
    char **chunks;            /* the files loaded, by the names errors give them */
    size_t nchunks;
};

/* How messages name the chunk AR runs in: a file's name in full (Lua's short_src keeps only its
   last 60 bytes), else Lua's own description. */
static const char *chunk_name(const lua_Debug *ar)
{
    return ar->source && ar->source[0] == '@' ? ar->source + 1 : ar->short_src;
}

static const char SAFE_REF[] = "kh.safe_globals";
static const char LOADED_REF[] = "kh.loaded";
static const char SANDBOX_REF[] = "kh.sandbox";

static void *budget_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    kh_sandbox *sb = ud;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        free(ptr);
        sb->used -= osize;
        return NULL;
    }
    /* The budget holds while plan or template code runs (a protected call or a load). Outside,
       kehoach's own glue pushes a few values between calls: failing there would be an unprotected
       error (a panic), so those small allocations pass even when the code filled the budget. */
    if (nsize > osize && sb->depth > 0
        && sb->used + sb->external - osize + nsize > sb->limits.max_memory) {
        sb->over_memory = 1;
        return NULL;   /* Lua raises "not enough memory" */
    }
    void *p = realloc(ptr, nsize);
    if (p) {
        sb->used = sb->used - osize + nsize;
        if (sb->used > sb->peak)
            sb->peak = sb->used;
    }
    return p;
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_REF);
    kh_sandbox *sb = lua_touserdata(L, -1);
    lua_pop(L, 1);
    long long step = sb->steps++;
    int over = (step + 1) * HOOK_STEP > sb->limits.max_instructions;
    /* Where the code runs now (level 0: a count hook fires in Lua code), noted every 16th time
       (every time costs 7% of a tight loop): what a budget exceeded names, memory included,
       whose error carries no position of its own. */
    if ((over || (step & 15) == 0) && lua_getstack(L, 0, ar) && lua_getinfo(L, "Sl", ar)
        && ar->currentline > 0)
        snprintf(sb->where, sizeof sb->where, "%s:%d:", chunk_name(ar), ar->currentline);
    if (over) {
        /* From now on fail at every instruction, in this thread and the main one: a pcall that
           catches the error must not buy another HOOK_STEP instructions each time round a loop. */
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
        if (sb->L != L)
            lua_sethook(sb->L, count_hook, LUA_MASKCOUNT, 1);
        sb->budget_raised = 1;
        /* TRANSLATORS: %I is a whole number (Lua's own format). */
        kh_lua_error_plain(L, _("%s%sinstruction budget of %I exceeded (a loop that never ends?)"),
                           sb->where, sb->where[0] ? " " : "", (lua_Integer)sb->limits.max_instructions);
    }
}

const char *kh_lua_type_shown(lua_State *L, int idx)
{
    /* Lua's names, marked here so that the catalogue holds them. */
    /* By lua_type + 1: none, nil, boolean, light userdata, number, string, table, function,
       userdata, thread. */
    static const char *const names[LUA_NUMTYPES + 1] = {N_("no value"), N_("nil"), N_("boolean"), N_("userdata"),
                                                        N_("number"), N_("string"), N_("table"), N_("function"),
                                                        N_("userdata"), N_("thread")};
    int t = lua_type(L, idx);
    return _(t >= LUA_TNONE && t <= LUA_TTHREAD ? names[t + 1] : luaL_typename(L, idx));
}

int kh_lua_error_plain(lua_State *L, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    return lua_error(L);
}

lua_State *kh_sandbox_state(kh_sandbox *sb) { return sb->L; }
size_t kh_sandbox_peak_memory(const kh_sandbox *sb) { return sb->peak; }

static void add_folder(kh_sandbox *sb, const char *name, int fd)
{
    KH_GROW(sb->paths, sb->npaths, sb->paths_cap);
    sb->paths[sb->npaths].name = kh_xstrdup(name);
    sb->paths[sb->npaths].fd = fd;
    sb->npaths++;
}

void kh_sandbox_add_path(kh_sandbox *sb, const char *dir)
{
    int fd = kh_dir_open(dir);   /* a folder of the user's own configuration: followed as named */
    if (fd >= 0)
        add_folder(sb, dir, fd);
}

void kh_sandbox_prepend_folder(kh_sandbox *sb, const char *name, int fd)
{
    add_folder(sb, name, fd);
    struct folder last = sb->paths[sb->npaths - 1];
    memmove(sb->paths + 1, sb->paths, (sb->npaths - 1) * sizeof *sb->paths);
    sb->paths[0] = last;
}

void kh_sandbox_set_plan_dir(kh_sandbox *sb, int fd)
{
    if (sb->plan_dir >= 0)
        close(sb->plan_dir);
    sb->plan_dir = fd;
}

int kh_sandbox_plan_dir(const kh_sandbox *sb) { return sb->plan_dir; }

kh_sandbox *kh_sandbox_of(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_REF);
    kh_sandbox *sb = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return sb;
}

/* load(chunk [, chunkname [, mode [, env]]]) with mode forced to text. */
static int safe_load(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);   /* a reader function is not accepted */
    const char *name = luaL_optstring(L, 2, "=(load)");
    const char *mode = luaL_optstring(L, 3, "t");
    if (strcmp(mode, "t") != 0)
        return luaL_error(L, _("load: only text chunks are allowed (mode \"t\")"));
    int has_env = !lua_isnone(L, 4);
    if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env)
        lua_pushvalue(L, 4);
    else
        kh_sandbox_push_env(kh_sandbox_of(L));
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return 1;
}

/* setmetatable refusing __gc: finalizers run with hooks off, outside the instruction budget
   (an endless loop in one would hang the collector or lua_close). */
static int safe_setmetatable(lua_State *L)
{
    /* Lua's own checks, made here rather than by the wrapped function: raised from it, their
       message would carry no position (its caller is this C function, not the chunk). */
    luaL_checktype(L, 1, LUA_TTABLE);
    int t = lua_type(L, 2);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, _("setmetatable: a __gc field is not allowed"));
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, _("cannot change a protected metatable"));
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

static int valid_module_name(const char *name)
{
    if (!*name || strlen(name) > 64)
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
              || *p == '_' || *p == '-'))
            return 0;
    return 1;
}

int kh_sandbox_find_module(kh_sandbox *sb, const char *name, const char *subdir, char **file,
                           char **data, size_t *len, kh_error *err)
{
    *file = *data = NULL;
    *len = 0;
    if (!valid_module_name(name))
        return kh_error_set(err, KH_EXIT_INPUT,
                            _("module '%s': expected a name of letters, digits, '-' or '_'"), name);
    char rel[80];
    snprintf(rel, sizeof rel, "%s.lua", name);
    for (size_t i = 0; i < sb->npaths; i++) {
        kh_error open_err;
        kh_error_clear(&open_err);
        int fd = kh_open_beneath(sb->paths[i].fd, sb->paths[i].name, rel, 0, &open_err);
        if (fd < 0 && errno == ENOENT)
            continue;
        if (fd < 0)
            return kh_error_set(err, KH_EXIT_INPUT, "%s", open_err.message);
        size_t n = strlen(sb->paths[i].name) + strlen(rel) + 2;
        *file = kh_xmalloc(n);
        snprintf(*file, n, "%s/%s", sb->paths[i].name, rel);
        int rc = kh_read_text_fd(fd, *file, data, len, err);
        close(fd);
        if (rc != KH_OK) {
            free(*file);
            *file = NULL;
        }
        return rc;
    }
    const char *dirs[] = {subdir, "lua", "templates"};
    char path[128];
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        if (!dirs[i])
            continue;
        snprintf(path, sizeof path, "%s/%s", dirs[i], rel);
        const kh_embedded_file *f = kh_embedded_find(path);
        if (f) {
            *file = kh_xstrdup(path);
            *data = kh_xmalloc(f->size + 1);
            memcpy(*data, f->data, f->size);
            (*data)[f->size] = '\0';
            *len = f->size;
            return KH_OK;
        }
    }
    return kh_error_set(err, KH_EXIT_INPUT, _("module '%s' not found in the template path"), name);
}

int kh_sandbox_load_module(kh_sandbox *sb, const char *name, const char *subdir, kh_error *err)
{
    char *file = NULL, *data = NULL;
    size_t len = 0;
    if (kh_sandbox_find_module(sb, name, subdir, &file, &data, &len, err) != KH_OK)
        return KH_EXIT_INPUT;
    kh_sandbox_push_env(sb);
    int rc = kh_sandbox_load(sb, data, len, file, err);
    free(file);
    free(data);
    return rc;
}

static int safe_require(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, LOADED_REF);
    lua_getfield(L, -1, name);
    if (!lua_isnil(L, -1))
        return 1;
    lua_pop(L, 1);
    kh_error err;
    kh_error_clear(&err);
    if (kh_sandbox_load_module(kh_sandbox_of(L), name, NULL, &err) != KH_OK)
        return luaL_error(L, _("require: %s"), err.message);
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name);
    return 1;
}

static void copy_fields(lua_State *L, int from, int to, const char *const *names)
{
    for (; *names; names++) {
        lua_getfield(L, from, *names);
        lua_setfield(L, to, *names);
    }
}

static void build_safe_globals(lua_State *L)
{
    static const char *const base[] = {
        "assert", "error", "ipairs", "next", "pairs", "pcall", "xpcall", "select", "tonumber",
        "tostring", "type", "rawequal", "rawget", "rawlen", "rawset", "setmetatable",
        "getmetatable", "_VERSION", NULL};
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    lua_pop(L, 6);

    lua_newtable(L);                         /* the safe globals */
    int g = lua_gettop(L);
    lua_pushglobaltable(L);
    copy_fields(L, lua_gettop(L), g, base);
    lua_pop(L, 1);
    lua_pushcfunction(L, safe_setmetatable);
    lua_setfield(L, g, "setmetatable");
    /* xpcall calling its handler after the stack unwinds: Lua runs a message handler with hooks
       off when the error came from the instruction hook, so a loop in it could never be stopped. */
    static const char xpcall_src[] =
        "local pcall, pack, unpack, type, error = ...\n"
        "return function(f, handler, ...)\n"
        "  if type(handler) ~= 'function' then\n"
        "    error(\"bad argument #2 to 'xpcall' (function expected)\", 2)\n"
        "  end\n"
        "  local r = pack(pcall(f, ...))\n"
        "  if r[1] then return unpack(r, 1, r.n) end\n"
        "  local _, v = pcall(handler, r[2])\n"
        "  return false, v\n"
        "end\n";
    if (luaL_loadbufferx(L, xpcall_src, sizeof xpcall_src - 1, "=xpcall", "t") != LUA_OK)
        lua_error(L);
    lua_getfield(L, g, "pcall");
    lua_getglobal(L, "table");
    lua_getfield(L, -1, "pack");
    lua_getfield(L, -2, "unpack");
    lua_remove(L, -3);
    lua_getfield(L, g, "type");
    lua_getfield(L, g, "error");
    lua_call(L, 5, 1);
    lua_setfield(L, g, "xpcall");
    static const char *const libs[] = {"string", "table", "math", "utf8", "coroutine", NULL};
    lua_pushglobaltable(L);
    lua_getfield(L, -1, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");             /* string.dump would expose bytecode */
    /* The string metatable stays reachable through ("").x: lock it against changes. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 3);
    copy_fields(L, lua_gettop(L), g, libs);
    lua_pop(L, 1);
    lua_pushcfunction(L, safe_load);
    lua_setfield(L, -2, "load");
    lua_pushcfunction(L, safe_require);
    lua_setfield(L, -2, "require");
    lua_setfield(L, LUA_REGISTRYINDEX, SAFE_REF);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LOADED_REF);
}

/* An error outside every protected call: a bug of kehoach's own glue, never of the plan. Lua
   would abort(); say it in one line instead. A fuzzing build aborts so the fuzzer keeps the input. */
static int panic(lua_State *L)
{
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : _("(no message)");
    char shown[KH_MSG_QUOTED_SIZE];
    fprintf(stderr, _("kehoach: internal error: unprotected Lua error: %s\n"), kh_msg_quote(shown, msg));
    fflush(stderr);
#ifdef KH_FUZZING
    abort();
#else
    _exit(KH_EXIT_IO);
#endif
}

int kh_sandbox_charge(lua_State *L, size_t bytes)
{
    kh_sandbox *sb = kh_sandbox_of(L);
    if (!sb)
        return 0;   /* a state that is not a sandbox (a unit test's): nothing to count */
    if (sb->used + sb->external + bytes > sb->limits.max_memory) {
        /* Boxes left on the stack of a coroutine that died of an error are freed, and their
           charges given back, only when the collector finds them: collect before giving up,
           as Lua does before it fails an allocation of its own. */
        lua_gc(L, LUA_GCCOLLECT);
        if (sb->used + sb->external + bytes > sb->limits.max_memory) {
            sb->budget_raised = 1;
            return luaL_error(L, _("memory budget of %d MB exceeded (the document being written)"),
                              (int)(sb->limits.max_memory >> 20));
        }
    }
    sb->external += bytes;
    return 0;
}

size_t kh_sandbox_available(lua_State *L)
{
    kh_sandbox *sb = kh_sandbox_of(L);
    if (!sb)
        return SIZE_MAX;
    size_t used = sb->used + sb->external;
    return used < sb->limits.max_memory ? sb->limits.max_memory - used : 0;
}

size_t kh_sandbox_max_memory(lua_State *L)
{
    kh_sandbox *sb = kh_sandbox_of(L);
    return sb ? sb->limits.max_memory : 0;
}

size_t kh_sandbox_charged(lua_State *L)
{
    kh_sandbox *sb = kh_sandbox_of(L);
    return sb ? sb->external : 0;
}

void kh_sandbox_uncharge(lua_State *L, size_t bytes)
{
    kh_sandbox *sb = kh_sandbox_of(L);
    if (sb)
        sb->external -= bytes < sb->external ? bytes : sb->external;
}

kh_sandbox *kh_sandbox_new(const kh_limits *limits, kh_error *err)
{
    kh_sandbox *sb = kh_xcalloc(1, sizeof *sb);
    sb->limits.max_memory = limits && limits->max_memory ? limits->max_memory : KH_DEFAULT_MAX_MEMORY;
    sb->limits.max_instructions = limits && limits->max_instructions ? limits->max_instructions
                                                                     : KH_DEFAULT_MAX_INSTRUCTIONS;
    sb->plan_dir = -1;
    sb->L = lua_newstate(budget_alloc, sb);
    if (!sb->L) {
        free(sb);
        kh_error_set(err, KH_EXIT_IO, _("cannot create the Lua state"));
        return NULL;
    }
    lua_atpanic(sb->L, panic);
    lua_pushlightuserdata(sb->L, sb);
    lua_setfield(sb->L, LUA_REGISTRYINDEX, SANDBOX_REF);
    build_safe_globals(sb->L);
    lua_sethook(sb->L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
    return sb;
}

void kh_sandbox_free(kh_sandbox *sb)
{
    if (!sb)
        return;
    lua_close(sb->L);
    for (size_t i = 0; i < sb->npaths; i++) {
        free(sb->paths[i].name);
        close(sb->paths[i].fd);
    }
    free(sb->paths);
    for (size_t i = 0; i < sb->nchunks; i++)
        free(sb->chunks[i]);
    free(sb->chunks);
    if (sb->plan_dir >= 0)
        close(sb->plan_dir);
    free(sb);
}

void kh_sandbox_expose(kh_sandbox *sb, const char *name)
{
    lua_State *L = sb->L;
    lua_getfield(L, LUA_REGISTRYINDEX, SAFE_REF);
    lua_insert(L, -2);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

void kh_sandbox_push_env(kh_sandbox *sb)
{
    lua_State *L = sb->L;
    lua_newtable(L);
    lua_newtable(L);
    lua_getfield(L, LUA_REGISTRYINDEX, SAFE_REF);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
}

/* ---------------------------------------------------------------------------------------------
   the places of errors

   A C function that fails with a kh_error raises it with kh_lua_raise, which keeps its place
   beside the message. Lua's own errors begin with the place Lua gives ("short_src:line: "),
   where short_src is a chunk's name cut to its last LUA_IDSIZE bytes (kehoach's own places name
   it in full): either is recognised only for a chunk this sandbox loaded, then named in full. */
static const char LAST_RAISED[] = "kh.last_raised";

static void remember_chunk(kh_sandbox *sb, const char *name)
{
    for (size_t i = 0; i < sb->nchunks; i++)
        if (!strcmp(sb->chunks[i], name))
            return;
    sb->chunks = kh_xrealloc(sb->chunks, (sb->nchunks + 1) * sizeof *sb->chunks);
    sb->chunks[sb->nchunks++] = kh_xstrdup(name);
}

/* Does MSG begin with CHUNK's place as Lua writes it ("name:12: ")? Its length, and *LINE. */
static size_t lua_place(const char *chunk, const char *msg, int *line)
{
    size_t n = strlen(chunk), shown = n, skip = 0;
    const char *dots = "";
    if (n > LUA_IDSIZE - 1 && strncmp(msg, chunk, n)) {   /* luaO_chunkid: "..." and the end */
        dots = "...";
        shown = LUA_IDSIZE - 1 - 3;
        skip = n - shown;
    }
    size_t d = strlen(dots);
    if (strncmp(msg, dots, d) || strncmp(msg + d, chunk + skip, shown) || msg[d + shown] != ':')
        return 0;
    const char *p = msg + d + shown + 1, *q = p;
    long l = 0;
    while (*q >= '0' && *q <= '9' && l < 1 << 30)
        l = l * 10 + (*q++ - '0');
    if (q == p || q[0] != ':' || q[1] != ' ' || l <= 0)
        return 0;
    *line = (int)l;
    return (size_t)(q + 2 - msg);
}

void kh_lua_push_error(lua_State *L, const kh_error *e)
{
    lua_createtable(L, 0, 7);
    lua_pushstring(L, e->message);
    lua_setfield(L, -2, "message");
    lua_pushstring(L, e->file);
    lua_setfield(L, -2, "file");
    lua_pushinteger(L, e->line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, e->column);
    lua_setfield(L, -2, "column");
    lua_pushstring(L, kh_error_text(e));
    lua_setfield(L, -2, "text");
    lua_pushstring(L, e->field);
    lua_setfield(L, -2, "field");
    lua_pushstring(L, e->rule);
    lua_setfield(L, -2, "rule");
}

int kh_lua_raise(lua_State *L, const kh_error *e)
{
    kh_lua_push_error(L, e);
    lua_setfield(L, LUA_REGISTRYINDEX, LAST_RAISED);
    lua_pushstring(L, e->message);
    return lua_error(L);
}

int kh_lua_raise_rule(lua_State *L, const char *rule, const char *field, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    kh_error e;
    kh_error_clear(&e);
    lua_Debug ar;
    int found = 0;   /* the nearest Lua code of a file up the stack (a wrapper in C may be between) */
    for (int level = 1; !found && lua_getstack(L, level, &ar); level++)
        found = lua_getinfo(L, "Sl", &ar) && ar.source[0] == '@' && ar.currentline > 0;
    if (found)
        kh_error_set_at(&e, KH_EXIT_INPUT, ar.source + 1, ar.currentline, 0, "%s", text);
    else
        kh_error_set(&e, KH_EXIT_INPUT, "%s", text);
    kh_error_rule(&e, rule);
    snprintf(e.field, sizeof e.field, "%s", field ? field : "");
    return kh_lua_raise(L, &e);
}

int kh_sandbox_place(lua_State *L, const char *msg, kh_error *out)
{
    out->file[0] = '\0';
    out->field[0] = '\0';
    out->rule[0] = '\0';
    out->line = out->column = 0;
    out->text = 0;
    if (!msg)
        return 0;
    lua_getfield(L, LUA_REGISTRYINDEX, LAST_RAISED);
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "message");
        int same = lua_isstring(L, -1) && !strcmp(lua_tostring(L, -1), msg);
        lua_pop(L, 1);
        if (same) {
            lua_getfield(L, -1, "file");
            snprintf(out->file, sizeof out->file, "%s", lua_tostring(L, -1));
            lua_getfield(L, -2, "field");
            snprintf(out->field, sizeof out->field, "%s", lua_tostring(L, -1));
            lua_getfield(L, -3, "line");
            out->line = (int)lua_tointeger(L, -1);
            lua_getfield(L, -4, "column");
            out->column = (int)lua_tointeger(L, -1);
            lua_getfield(L, -5, "text");
            out->text = strlen(msg) - lua_rawlen(L, -1);   /* the words are the message's end */
            lua_getfield(L, -6, "rule");
            snprintf(out->rule, sizeof out->rule, "%s", lua_tostring(L, -1));
            lua_pop(L, 7);
            return out->file[0] != '\0';
        }
    }
    lua_pop(L, 1);
    kh_sandbox *sb = kh_sandbox_of(L);
    size_t best = 0;
    for (size_t i = 0; sb && i < sb->nchunks; i++) {
        int line = 0;
        size_t n = lua_place(sb->chunks[i], msg, &line);
        if (n > best) {
            best = n;
            snprintf(out->file, sizeof out->file, "%s", sb->chunks[i]);
            out->line = line;
            out->text = n;
        }
    }
    return best > 0;
}

int kh_lua_error_place(lua_State *L)
{
    const char *msg = luaL_checkstring(L, 1);
    kh_error e;
    if (!kh_sandbox_place(L, msg, &e)) {
        lua_pushnil(L);
        lua_pushnil(L);
        lua_pushnil(L);
        lua_pushvalue(L, 1);
        return 4;
    }
    lua_pushstring(L, e.file);
    if (e.line)
        lua_pushinteger(L, e.line);
    else
        lua_pushnil(L);
    if (e.column)
        lua_pushinteger(L, e.column);
    else
        lua_pushnil(L);
    lua_pushstring(L, msg + (e.text <= strlen(msg) ? e.text : 0));   /* the words after the place */
    if (e.field[0])
        lua_pushstring(L, e.field);
    else
        lua_pushnil(L);
    if (e.rule[0])
        lua_pushstring(L, e.rule);
    else
        lua_pushnil(L);
    return 6;
}

/* ERR from MSG, a Lua error: at the place it names when that is known, its words in the user's
   language (kh_lua_messages.h). */
static void set_from_lua(lua_State *L, kh_error *err, const char *msg, int syntax)
{
    kh_error place;
    char shown[2 * sizeof err->message];   /* longer than kept: cut by kh_error_set */
    if (kh_sandbox_place(L, msg, &place)) {
        kh_lua_message_shown(msg + place.text, syntax, shown, sizeof shown);
        kh_error_set_at(err, KH_EXIT_INPUT, place.file, place.line, place.column, "%s", shown);
        snprintf(err->field, sizeof err->field, "%s", place.field);
        kh_error_rule(err, place.rule);
    } else {
        kh_lua_message_shown(msg, syntax, shown, sizeof shown);
        kh_error_set(err, KH_EXIT_INPUT, "%s", shown);
    }
}

/* Load DATA as a text chunk; when it is the text of a file built into the binary, its bytecode
   compiled at build time is loaded instead (the same chunk, with its lines, without parsing it
   again). Only that bytecode is ever loaded in binary mode; should it not load (a liblua other
   than the build's), the text is parsed. */
static int load_chunk(lua_State *L, const char *data, size_t len, const char *chunkname, const char *name)
{
    const kh_embedded_file *f = kh_embedded_find(chunkname);
    if (f && f->code && f->size == len && !memcmp(f->data, data, len)) {
        if (luaL_loadbufferx(L, (const char *)f->code, f->code_size, name, "b") == LUA_OK)
            return LUA_OK;
        lua_pop(L, 1);
    }
    return luaL_loadbufferx(L, data, len, name, "t");
}

int kh_sandbox_load(kh_sandbox *sb, const char *data, size_t len, const char *chunkname, kh_error *err)
{
    lua_State *L = sb->L;
    char name[4096];
    snprintf(name, sizeof name, "@%s", chunkname);
    sb->over_memory = 0;
    sb->depth++;
    remember_chunk(sb, chunkname);
    int rc = load_chunk(L, data, len, chunkname, name);
    sb->depth--;
    if (rc != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        const char *base = strrchr(chunkname, '/') ? strrchr(chunkname, '/') + 1 : chunkname;
        if (rc == LUA_ERRMEM || sb->over_memory) {
            kh_error_set(err, KH_EXIT_INPUT, _("%s: memory budget of %zu MB exceeded"), chunkname,
                         sb->limits.max_memory >> 20);
            kh_error_rule(err, "budget");
        }
        else if (!msg || !strstr(msg, base)) {   /* "C stack overflow" and the like name no file */
            char shown[2 * sizeof err->message];
            kh_lua_message_shown(msg ? msg : _("cannot load"), 0, shown, sizeof shown);
            kh_error_set_at(err, KH_EXIT_INPUT, chunkname, 0, 0, "%s", shown);
        }
        else
            set_from_lua(L, err, msg, 1);
        lua_pop(L, 2);
        return KH_EXIT_INPUT;
    }
    lua_insert(L, -2);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return KH_OK;
}

/* Push "file:line:" of the innermost Lua function running, or "" when there is none. */
static void push_lua_where(lua_State *L)
{
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d:", chunk_name(&ar), ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

static int traceback_first_line(lua_State *L)
{
    /* Keep the message only: a one-line error is what the user reads. Lua's errors raised
       inside a C function ("C stack overflow") and error objects that are not text carry no
       position: give them the place in the plan or template where they happened. */
    if (!lua_isstring(L, 1)) {
        push_lua_where(L);
        lua_pushfstring(L, _("%s%s(error object is a %s value)"), lua_tostring(L, -1),
                        lua_rawlen(L, -1) ? " " : "", kh_lua_type_shown(L, 1));
    } else if (lua_type(L, 1) == LUA_TSTRING && strncmp(lua_tostring(L, 1), "C stack overflow", 16) == 0) {
        push_lua_where(L);
        lua_pushfstring(L, "%s%s%s", lua_tostring(L, -1), lua_rawlen(L, -1) ? " " : "", lua_tostring(L, 1));
    }
    return 1;
}

int kh_sandbox_call(kh_sandbox *sb, int nargs, int nresults, kh_error *err)
{
    lua_State *L = sb->L;
    int base = lua_gettop(L) - nargs;
    /* Until the code runs far enough for the instruction hook to see where it is, a memory
       error names the function called (a plan or template chunk, or a template's render). */
    lua_Debug ar;
    lua_pushvalue(L, base);
    if (lua_getinfo(L, ">S", &ar) && ar.what[0] != 'C')
        snprintf(sb->where, sizeof sb->where, "%s:", chunk_name(&ar));
    lua_pushcfunction(L, traceback_first_line);
    lua_insert(L, base);
    sb->over_memory = 0;
    sb->budget_raised = 0;
    sb->depth++;
    int rc = lua_pcall(L, nargs, nresults, base);
    sb->depth--;
    lua_remove(L, base);
    if (rc == LUA_OK)
        return KH_OK;
    const char *msg = lua_tostring(L, -1);
    if (rc == LUA_ERRMEM)
        kh_error_set(err, KH_EXIT_INPUT, _("%s%smemory budget of %zu MB exceeded"), sb->where,
                     sb->where[0] ? " " : "", sb->limits.max_memory >> 20);
    else if (rc == LUA_ERRERR)   /* an error in the message handler: its message has no place */
        kh_error_set(err, KH_EXIT_INPUT, "%s%s%s", sb->where, sb->where[0] ? " " : "",
                     msg ? msg : "error in error handling");
    else if (sb->over_memory && !sb->budget_raised)
        kh_error_set(err, KH_EXIT_INPUT, _("%s%smemory budget of %zu MB exceeded"),
                     msg ? msg : "", msg ? ": " : "", sb->limits.max_memory >> 20);
    else
        set_from_lua(L, err, msg ? msg : "error", 0);
    if (rc == LUA_ERRMEM || sb->over_memory || sb->budget_raised)
        kh_error_rule(err, "budget");
    lua_pop(L, 1);
    return KH_EXIT_INPUT;
}
