/* kehoach new: next year's plan folder from this year's. The folder is copied (regular files and
   subfolders) into a temporary folder beside NEWDIR, which is renamed to NEWDIR at the end: a
   failure leaves nothing behind, and an existing NEWDIR is never touched. The plan file and the
   files the plan reads (read_text, read_table) are rewritten by lua/newyear.lua; every change is
   printed once the new folder is in place. A dry run reads and rewrites the same way and writes
   nothing. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lauxlib.h>
#include "kh_builder.h"
#include "kh_cmd_plan.h"
#include "kh_commands.h"
#include "kh_fileio.h"
#include "kh_i18n.h"
#include "kh_message.h"
#include "kh_plan.h"
#include "kh_signals.h"
#include "kh_template.h"
#include "kh_template_path.h"
#include "kh_util.h"

static const char usage_new[] = N_(
    "Usage: kehoach new PLAN --year YYYY -o NEWDIR [--shift-ranges]\n"
    "       kehoach new PLAN --year YYYY --dry-run [-o NEWDIR] [--shift-ranges]\n"
    "\n"
    "Copies the plan folder PLAN (its files and subfolders) to NEWDIR, a folder that must not\n"
    "exist yet, as the plan for the year YYYY, and prints every change in the order of the text,\n"
    "as FILE:LINE:COLUMN (of the old file; COLUMN in characters) with a few words around it:\n"
    "  body.txt:13:40: \"…Kế hoạch CCHC năm 2026 của Sở…\" → \"…Kế hoạch CCHC năm 2027 của Sở…\"\n"
    "\n"
    "In the plan file and the files it reads (the body text, the CSV tables), by YYYY minus the\n"
    "plan's year (the year of its date; in a bundle, of the first document):\n"
    "  move: periods (\"năm 2026\", \"cuối năm 2025\", \"Quý III/2026\", \"tháng 6/2026\") and\n"
    "        deadlines (\"trước ngày 31/12/2026\", \"hạn chót 30/6/2026\", \"chậm nhất ngày …\";\n"
    "        a 29/02 that lands in a year that is not a leap year becomes 28/02);\n"
    "  stay: cited documents, from the reference to the end of the title (\"Kế hoạch số\n"
    "        266/KH-UBND ngày 23/6/2026 của UBND tỉnh về … năm 2026\"), past results (\"Năm 2025,\n"
    "        Chỉ số … đạt 87,20 điểm\", \"kết quả năm 2025\", \"so với năm 2025\"), other dates,\n"
    "        document numbers, years no word marks as a period.\n"
    "In the plan file the number is cleared (number = nil) and the date keeps its month, not its\n"
    "day (date = \"2027-06\"). docs/drafting.md gives every rule.\n"
    "\n"
    "Options:\n"
    "  --year YYYY          the new plan's year.\n"
    "  -o, --output NEWDIR  the folder to create. Written as a temporary folder beside it and\n"
    "                       renamed at the end: a failed run leaves nothing behind.\n"
    "  -n, --dry-run        list the changes, write nothing.\n"
    "  --shift-ranges       move ranges (\"giai đoạn 2026-2030\") and horizons (\"đến năm 2030\")\n"
    "                       too; they are left alone by default.\n"
    "  -h, --help           this help.\n"
    "\n"
    "Exit status: 0 done, 2 bad input or usage (NEWDIR exists, the plan does not load),\n"
    "3 an I/O or internal failure.\n");

typedef struct {
    dev_t dev;
    ino_t ino;
    int table;              /* read by read_table: each line a row */
} file_id;

typedef struct {
    kh_sandbox *sb;
    int module;             /* stack index of the newyear module */
    int delta, shift_ranges, from_year;
    int dry_run;            /* list the changes, write nothing */
    file_id *rewrite;       /* the plan file and the files it reads */
    size_t nrewrite, cap;
    file_id plan;
    file_id tmp;            /* the folder being written: never copied into itself */
    kh_buf log;             /* the changes, printed once the folder is in place */
    int nchanges, nfiles;
    kh_error *err;
} new_run;

/* "3 changes" and "2 files", each in the user's language with its plural. */
static void count_changes(const new_run *r, char changes[64], char files[64])
{
    snprintf(changes, 64, kh_ngettext("%d change", "%d changes", (unsigned long)r->nchanges), r->nchanges);
    snprintf(files, 64, kh_ngettext("%d file", "%d files", (unsigned long)r->nfiles), r->nfiles);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs(_("kehoach: new: "), stderr);
    char shown[KH_MSG_QUOTED_SIZE];   /* an argument may be a file name from anywhere */
    kh_msg_escape(shown, sizeof shown, arg, strlen(arg), KH_MSG_MAX_CHARS, 0);
    fprintf(stderr, fmt, shown);
    fputs(_(" (see kehoach new --help)\n"), stderr);
    return KH_EXIT_INPUT;
}

static int same(file_id a, const struct stat *st)
{
    return a.dev == st->st_dev && a.ino == st->st_ino;
}

/* 0: copied as it is; 1: rewritten as text; 2: rewritten as a table. */
static int to_rewrite(const new_run *r, const struct stat *st)
{
    int how = 0;
    for (size_t i = 0; i < r->nrewrite; i++)
        if (same(r->rewrite[i], st) && how < 1 + r->rewrite[i].table)
            how = 1 + r->rewrite[i].table;
    return how;
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                    continue;
                size_t n = strlen(path) + strlen(e->d_name) + 2;
                char *child = kh_xmalloc(n);
                snprintf(child, n, "%s/%s", path, e->d_name);
                remove_tree(child);
                free(child);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* Create NAME in the folder DIRFD (never through a symbolic link, never over a file) and write
   DATA to it. PATH is how messages name it. */
static int write_file(int dirfd, const char *name, const char *path, const char *data, size_t len,
                      mode_t mode, kh_error *err)
{
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0777);
    if (fd < 0)
        return kh_error_set(err, KH_EXIT_IO, _("%s: cannot create: %s"), path, strerror(errno));
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            return kh_error_set(err, KH_EXIT_IO, _("%s: cannot write: %s"), path, strerror(e));
        }
        done += (size_t)n;
    }
    if (fsync(fd) != 0 && errno != EINVAL) {
        int e = errno;
        close(fd);
        return kh_error_set(err, KH_EXIT_IO, _("%s: cannot write: %s"), path, strerror(e));
    }
    if (close(fd) != 0)
        return kh_error_set(err, KH_EXIT_IO, _("%s: cannot write: %s"), path, strerror(errno));
    return KH_OK;
}

/* Rewrite DATA with newyear.rewrite and write it to OUT (not in a dry run); the changes go to the
   log as REL:LINE:COLUMN: "before" → "after". */
static int rewrite_file(new_run *r, const char *rel, const char *data, size_t len, int is_plan, int is_table,
                        int out_dir, const char *out_name, const char *out, mode_t mode)
{
    lua_State *L = kh_sandbox_state(r->sb);
    int top = lua_gettop(L);
    lua_getfield(L, r->module, "rewrite");
    lua_pushlstring(L, data, len);
    lua_createtable(L, 0, 5);
    lua_pushinteger(L, r->delta);
    lua_setfield(L, -2, "delta");
    lua_pushboolean(L, r->shift_ranges);
    lua_setfield(L, -2, "shift_ranges");
    lua_pushboolean(L, is_plan);
    lua_setfield(L, -2, "plan");
    lua_pushinteger(L, r->from_year);
    lua_setfield(L, -2, "year");
    lua_pushboolean(L, is_table);
    lua_setfield(L, -2, "table");
    if (kh_sandbox_call(r->sb, 2, 2, r->err) != KH_OK) {
        lua_settop(L, top);
        return KH_EXIT_IO;
    }
    size_t nlen = 0;
    const char *ntext = lua_tolstring(L, -2, &nlen);
    if (!ntext || !lua_istable(L, -1)) {
        lua_settop(L, top);
        return kh_error_set(r->err, KH_EXIT_IO, _("%s: newyear.rewrite returned no text"), rel);
    }
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    char rel_shown[1024];
    kh_msg_escape(rel_shown, sizeof rel_shown, rel, strlen(rel), 0, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        lua_getfield(L, -1, "line");
        lua_getfield(L, -2, "column");
        char where[64];
        snprintf(where, sizeof where, ":%lld:%lld: ", (long long)lua_tointeger(L, -2),
                 (long long)lua_tointeger(L, -1));
        lua_pop(L, 2);
        kh_buf_puts(&r->log, rel_shown);
        kh_buf_puts(&r->log, where);
        /* The change quotes the plan's own text: one line, no terminal escapes. */
        static const char *const sides[2] = {"before", "after"};
        for (int k = 0; k < 2; k++) {
            lua_getfield(L, -1, sides[k]);
            char shown[2048];
            size_t tlen = 0;
            const char *text = lua_tolstring(L, -1, &tlen);
            kh_msg_escape(shown, sizeof shown, text ? text : "?", text ? tlen : 1, 0, 0);
            kh_buf_puts(&r->log, k ? " → \"" : "\"");
            kh_buf_puts(&r->log, shown);
            kh_buf_putc(&r->log, '"');
            lua_pop(L, 1);
        }
        kh_buf_putc(&r->log, '\n');
        lua_pop(L, 1);
    }
    if (n > 0) {
        r->nchanges += (int)n;
        r->nfiles++;
    }
    int rc = r->dry_run ? KH_OK : write_file(out_dir, out_name, out, ntext, nlen, mode, r->err);
    lua_settop(L, top);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names in the open folder FD (not "." or ".."), sorted; NULL with errno set on failure. */
static char **list_folder(int fd, size_t *count)
{
    *count = 0;
    int dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);   /* closedir closes the descriptor it reads */
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (!d) {
        int e = errno;
        if (dup_fd >= 0)
            close(dup_fd);
        errno = e;
        return NULL;
    }
    rewinddir(d);
    char **names = NULL;
    size_t cap = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        KH_GROW(names, *count, cap);
        names[(*count)++] = kh_xstrdup(e->d_name);
    }
    closedir(d);
    if (*count)
        qsort(names, *count, sizeof *names, by_name);
    else
        names = kh_xcalloc(1, sizeof *names);
    return names;
}

/* Copy the open folder SRC into the open folder DST. SRC_NAME and DST_NAME name them in
   messages; REL is SRC's path inside the plan folder (NULL for the plan folder itself). Every
   entry is opened beneath its folder's descriptor with O_NOFOLLOW and checked with fstat on
   what was opened. A symbolic link is not copied (a warning says so): the plan cannot have read
   through it (read_text and read_table refuse links), and following it could copy a file from
   outside the folder into the new one. */
static int copy_tree(new_run *r, int src, const char *src_name, int dst, const char *dst_name, const char *rel)
{
    size_t count = 0;
    char **names = list_folder(src, &count);
    if (!names)
        return kh_error_set(r->err, KH_EXIT_IO, _("%s: cannot read the folder: %s"), src_name, strerror(errno));
    int rc = KH_OK;
    for (size_t i = 0; i < count && rc == KH_OK; i++) {
        const char *name = names[i];
        size_t ns = strlen(src_name) + strlen(name) + 2, nd = strlen(dst_name) + strlen(name) + 2;
        size_t nr = (rel ? strlen(rel) + 1 : 0) + strlen(name) + 1;
        char *from = kh_xmalloc(ns), *to = kh_xmalloc(nd), *relname = kh_xmalloc(nr);
        snprintf(from, ns, "%s/%s", src_name, name);
        snprintf(to, nd, "%s/%s", dst_name, name);
        snprintf(relname, nr, "%s%s%s", rel ? rel : "", rel ? "/" : "", name);
        struct stat st;
        int fd = -1;
        /* What the entry is, without following it; then opened, and checked again on the descriptor. */
        if (fstatat(src, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            rc = kh_error_set(r->err, KH_EXIT_IO, "%s: %s", from, strerror(errno));
        } else if (S_ISLNK(st.st_mode)) {
            kh_msg_warn(_("new: %s: a symbolic link, not copied (copy the file into the folder instead of linking it)"), from);
        } else if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
            kh_msg_warn(_("new: %s: not a regular file or folder, not copied"), from);
        } else if ((fd = openat(src, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
                                               | (S_ISDIR(st.st_mode) ? O_DIRECTORY : 0))) < 0
                   || fstat(fd, &st) != 0) {
            rc = kh_error_set(r->err, KH_EXIT_IO, _("%s: cannot open: %s"), from, strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            if (r->dry_run) {
                rc = copy_tree(r, fd, from, -1, to, relname);
            } else if (!same(r->tmp, &st)) {
                int sub = -1;
                if (mkdirat(dst, name, (st.st_mode & 07777) | 0700) != 0
                    || (sub = openat(dst, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
                    rc = kh_error_set(r->err, KH_EXIT_IO, _("%s: cannot create: %s"), to, strerror(errno));
                else
                    rc = copy_tree(r, fd, from, sub, to, relname);
                if (sub >= 0)
                    close(sub);
            }
        } else if (S_ISREG(st.st_mode)) {
            char *data = NULL;
            size_t len = 0;
            rc = kh_read_fd(fd, from, &data, &len, r->err);
            if (rc != KH_OK)
                rc = KH_EXIT_IO;
            else if (to_rewrite(r, &st))
                rc = rewrite_file(r, relname, data, len, same(r->plan, &st), to_rewrite(r, &st) == 2,
                                  dst, name, to, st.st_mode);
            else if (!r->dry_run)
                rc = write_file(dst, name, to, data, len, st.st_mode, r->err);
            free(data);
        } else {
            rc = kh_error_set(r->err, KH_EXIT_IO, _("%s: changed while being copied"), from);
        }
        if (fd >= 0)
            close(fd);
        free(from);
        free(to);
        free(relname);
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* The year of the plan's date (a bundle: of its first document with a date); 0 when none. */
static int plan_year(lua_State *L, int plan)
{
    /* Raw reads: no metamethod of the plan's may run outside a protected call. */
    int year = 0, top = lua_gettop(L);
    lua_pushliteral(L, "documents");
    if (lua_rawget(L, plan) == LUA_TTABLE) {
        int docs = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, docs);
        for (lua_Integer i = 1; i <= n && !year; i++) {
            lua_settop(L, docs);
            if (lua_rawgeti(L, docs, i) != LUA_TTABLE)
                continue;
            lua_pushliteral(L, "date");
            if (lua_rawget(L, -2) != LUA_TTABLE)
                continue;
            lua_pushliteral(L, "year");
            if (lua_rawget(L, -2) == LUA_TNUMBER)
                year = (int)lua_tointeger(L, -1);
        }
    } else {
        lua_pushliteral(L, "date");
        if (lua_rawget(L, plan) == LUA_TTABLE) {
            lua_pushliteral(L, "year");
            if (lua_rawget(L, -2) == LUA_TNUMBER)
                year = (int)lua_tointeger(L, -1);
        }
    }
    lua_settop(L, top);
    return year;
}

/* Note the file REL of the plan's folder (NULL: the plan file) as one to rewrite: by the identity
   of what opening it beneath the folder gives, as read_text read it. */
static void add_rewrite(new_run *r, const char *rel, int table, file_id *id)
{
    int fd = kh_plan_open(r->sb, rel, 0, NULL);
    struct stat st;
    if (fd < 0)
        return;
    if (fstat(fd, &st) == 0) {
        KH_GROW(r->rewrite, r->nrewrite, r->cap);
        r->rewrite[r->nrewrite].dev = st.st_dev;
        r->rewrite[r->nrewrite].ino = st.st_ino;
        r->rewrite[r->nrewrite].table = table;
        r->nrewrite++;
        if (id) {
            id->dev = st.st_dev;
            id->ino = st.st_ino;
        }
    }
    close(fd);
}

/* Run the plan, note the files it reads, and copy the folder with those files rewritten: into
   NEWDIR, or nowhere with DRY_RUN (NEWDIR may then be NULL). */
static int run_new(const char *plan, int year, const char *newdir, int shift_ranges, int dry_run,
                   kh_error *err)
{
    struct stat st;
    char parent[PATH_MAX], base[PATH_MAX];
    if (newdir && lstat(newdir, &st) == 0)
        return kh_error_set(err, KH_EXIT_INPUT, _("%s: already exists: expected a new folder (nothing was written)"), newdir);
    /* The parent must exist: the temporary folder is made there and renamed. */
    if (newdir) {
        const char *slash = strrchr(newdir, '/');
        snprintf(parent, sizeof parent, "%.*s", slash ? (int)(slash - newdir) : 1, slash ? newdir : ".");
        if (!*parent)
            snprintf(parent, sizeof parent, "/");
        snprintf(base, sizeof base, "%s", slash ? slash + 1 : newdir);
        if (stat(parent, &st) != 0 || !S_ISDIR(st.st_mode))
            return kh_error_set(err, KH_EXIT_INPUT, _("%s: the folder to create it in does not exist"), newdir);
    }

    new_run r = {0};
    r.err = err;
    r.shift_ranges = shift_ranges;
    r.dry_run = dry_run;
    r.sb = kh_sandbox_new(NULL, err);
    if (!r.sb)
        return err->status;
    lua_State *L = kh_sandbox_state(r.sb);
    kh_template_path_apply(r.sb);
    kh_builder_push_module(L);
    kh_sandbox_expose(r.sb, "kh");
    int rc = kh_cmd_load_module(r.sb, "newyear", err);
    char *tmp = NULL;
    sigset_t old_mask;
    int blocked = 0;
    if (rc != KH_OK)
        goto done;
    r.module = lua_gettop(L);
    int strict = 0;
    if (kh_plan_run(r.sb, plan, kh_cmd_note_files, &strict, err) != KH_OK
        || kh_plan_validate(r.sb, 1, err) != KH_OK) {
        rc = KH_EXIT_INPUT;
        goto done;
    }
    /* The plan's template is found as render and check find it: new refuses what they refuse. */
    kh_template t;
    rc = kh_template_find(r.sb, NULL, lua_gettop(L), &t, err);
    kh_template_free(&t);
    if (rc != KH_OK)
        goto done;
    int from_year = plan_year(L, lua_gettop(L));
    if (!from_year) {
        rc = kh_error_set(err, KH_EXIT_INPUT, _("%s: the plan has no date: its year cannot be known"), kh_plan_file());
        goto done;
    }
    r.delta = year - from_year;
    r.from_year = from_year;
    add_rewrite(&r, NULL, 0, &r.plan);
    kh_cmd_push_files(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        lua_getfield(L, -1, "kind");
        int table = lua_type(L, -1) == LUA_TSTRING && !strcmp(lua_tostring(L, -1), "table");
        if (lua_getfield(L, -2, "rel") == LUA_TSTRING)
            add_rewrite(&r, lua_tostring(L, -1), table, NULL);
        lua_pop(L, 3);
    }
    lua_pop(L, 1);

    if (dry_run) {
        rc = copy_tree(&r, kh_sandbox_plan_dir(r.sb), kh_plan_dir(), -1, newdir ? newdir : kh_plan_dir(), NULL);
        if (rc == KH_OK) {
            fputs(kh_buf_cstr(&r.log), stdout);
            char changes[64], files[64];
            count_changes(&r, changes, files);
            printf(_("%s: the plan for %d (from %d) would have %s in %s; dry run: nothing was written\n"),
                   newdir ? newdir : kh_plan_dir(), year, from_year, changes, files);
            fflush(stdout);
        }
        goto done;
    }

    /* From the temporary folder's creation to its rename (or removal), SIGTERM, SIGINT and SIGHUP
       wait: removing a tree is not async-signal-safe, so a handler could not clean up after this
       window; blocked, a signal ends the run once the folder is in place or gone. */
    kh_signals_block(&old_mask);
    blocked = 1;
    size_t tn = strlen(parent) + strlen(base) + 32;
    tmp = kh_xmalloc(tn);
    snprintf(tmp, tn, "%s/.%s.kehoach-XXXXXX", parent, base);
    if (!mkdtemp(tmp)) {
        rc = kh_error_set(err, KH_EXIT_IO, _("%s: cannot create a temporary folder: %s"), parent, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto done;
    }
    /* Written beneath its descriptor: the folder made just now, opened without following. */
    int tmp_fd = open(tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (tmp_fd < 0 || fstat(tmp_fd, &st) != 0) {
        rc = kh_error_set(err, KH_EXIT_IO, _("%s: cannot open: %s"), tmp, strerror(errno));
        if (tmp_fd >= 0)
            close(tmp_fd);
        goto done;
    }
    r.tmp.dev = st.st_dev;
    r.tmp.ino = st.st_ino;
    rc = copy_tree(&r, kh_sandbox_plan_dir(r.sb), kh_plan_dir(), tmp_fd, tmp, NULL);
    if (rc == KH_OK && fstat(kh_sandbox_plan_dir(r.sb), &st) == 0)
        fchmod(tmp_fd, st.st_mode & 07777);
    close(tmp_fd);
    if (rc == KH_OK) {
        if (lstat(newdir, &st) == 0)
            rc = kh_error_set(err, KH_EXIT_INPUT, _("%s: already exists: expected a new folder (nothing was written)"), newdir);
        else if (rename(tmp, newdir) != 0)
            rc = kh_error_set(err, KH_EXIT_IO, _("%s: cannot rename %s to it: %s"), newdir, tmp, strerror(errno));
    }
    if (rc != KH_OK && tmp) {
        remove_tree(tmp);
        free(tmp);
        tmp = NULL;
    }
    kh_signals_restore(&old_mask);
    blocked = 0;
    if (rc == KH_OK) {
        fputs(kh_buf_cstr(&r.log), stdout);
        char changes[64], files[64];
        count_changes(&r, changes, files);
        printf(_("%s: the plan for %d (from %d): %s in %s\n"), newdir, year, from_year, changes, files);
        fflush(stdout);
    }
done:
    if (rc != KH_OK && tmp)
        remove_tree(tmp);
    if (blocked)
        kh_signals_restore(&old_mask);
    free(tmp);
    free(r.rewrite);
    kh_buf_free(&r.log);
    kh_sandbox_free(r.sb);
    return rc;
}

int kh_new_command(int argc, char **argv)
{
    const char *plan = NULL, *newdir = NULL;
    int year = 0, shift_ranges = 0, dry_run = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(_(usage_new), stdout);
            return KH_OK;
        } else if (!strcmp(a, "--year")) {
            char *end;
            long y = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || y < 1900 || y > 9999)
                return usage_error(_("--year: expected a year from 1900 to 9999, got '%s'"), v ? v : _("nothing"));
            year = (int)y;
            i++;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (!v || !*v)
                return usage_error(_("%s needs the new plan's folder"), a);
            newdir = v;
            i++;
        } else if (!strcmp(a, "--shift-ranges")) {
            shift_ranges = 1;
        } else if (!strcmp(a, "-n") || !strcmp(a, "--dry-run")) {
            dry_run = 1;
        } else if (a[0] == '-' && a[1]) {
            return usage_error(_("unknown option '%s'"), a);
        } else if (!plan) {
            plan = a;
        } else {
            return usage_error(_("one plan at a time, got a second: '%s'"), a);
        }
    }
    if (!plan)
        return usage_error("%s", _("expected a plan folder or file"));
    if (!year)
        return usage_error("%s", _("expected --year YYYY, the new plan's year"));
    if (!newdir && !dry_run)
        return usage_error("%s", _("expected -o NEWDIR, the folder to create (or --dry-run to list the changes only)"));
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", newdir ? newdir : "");
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        dir[--n] = '\0';
    kh_error err;
    kh_error_clear(&err);
    int rc = run_new(plan, year, newdir ? dir : NULL, shift_ranges, dry_run, &err);
    if (rc != KH_OK)
        fprintf(stderr, _("kehoach: new: %s\n"), err.message);
    return rc;
}
