/* The template search path and `kehoach templates`. */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kh_embedded.h"
#include "kh_i18n.h"
#include "kh_message.h"
#include "kh_sandbox.h"
#include "kh_template_path.h"
#include "kh_util.h"

/* The installed share folder to look in: KEHOACH_SHARE_DIR when set, else share/kehoach beside the
   folder of the real executable (/proc/self/exe has every symbolic link resolved, so PREFIX/bin/..
   is PREFIX). No prefix is compiled in: an installed tree works wherever it is moved. NULL when
   the executable cannot be found. The folder may not exist; then nothing is found in it. */
static char *share_dir(void)
{
    const char *env = getenv("KEHOACH_SHARE_DIR");
    if (env && *env)
        return kh_xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 || (size_t)n >= sizeof exe - 1)
        return NULL;
    exe[n] = '\0';
    for (int up = 0; up < 2; up++) {   /* PREFIX/bin/kehoach → PREFIX */
        char *slash = strrchr(exe, '/');
        if (!slash)
            return NULL;
        *slash = '\0';
    }
    char dir[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/share/kehoach", exe);
    return kh_xstrdup(dir);
}

typedef struct {
    char **dirs;
    size_t n, cap;
} dir_list;

static void add(dir_list *l, const char *dir)
{
    KH_GROW(l->dirs, l->n, l->cap);
    l->dirs[l->n++] = kh_xstrdup(dir);
}

static void add_in(dir_list *l, const char *dir, const char *sub)
{
    size_t len = strlen(dir) + strlen(sub) + 2;
    char *path = kh_xmalloc(len);
    snprintf(path, len, "%s/%s", dir, sub);
    add(l, path);
    free(path);
}

/* TEMPLATES_ONLY leaves out the folders of modules (lua/). */
static dir_list search_dirs(int templates_only)
{
    dir_list l = {0};
    add(&l, "templates");
    if (!templates_only)
        add(&l, "lua");
    const char *env = getenv("KEHOACH_TEMPLATE_PATH");
    if (env && *env) {
        char *copy = kh_xstrdup(env);
        for (char *save = NULL, *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
            if (*tok)
                add(&l, tok);
        free(copy);
    }
    char *share = share_dir();
    if (share) {
        add_in(&l, share, "templates");
        if (!templates_only)
            add_in(&l, share, "lua");
        free(share);
    }
    return l;
}

static void free_dirs(dir_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->dirs[i]);
    free(l->dirs);
}

void kh_template_path_apply(kh_sandbox *sb)
{
    dir_list l = search_dirs(0);
    for (size_t i = 0; i < l.n; i++)
        kh_sandbox_add_path(sb, l.dirs[i]);
    free_dirs(&l);
}

typedef struct {
    char *name, *where;
} found;

static int seen(const found *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return (int)i;
    return -1;
}

static void note(found **f, size_t *n, size_t *cap, const char *name, const char *where, FILE *out)
{
    int first = seen(*f, *n, name);
    if (first >= 0) {
        char a[KH_MSG_QUOTED_SIZE], b[KH_MSG_QUOTED_SIZE], c[KH_MSG_QUOTED_SIZE];
        kh_msg_escape(a, sizeof a, name, strlen(name), KH_MSG_MAX_CHARS, 0);
        kh_msg_escape(b, sizeof b, where, strlen(where), KH_MSG_MAX_CHARS, 0);
        kh_msg_escape(c, sizeof c, (*f)[first].where, strlen((*f)[first].where), KH_MSG_MAX_CHARS, 0);
        fprintf(out, _("%-16s %s (not used: %s comes first)\n"), a, b, c);
        return;
    }
    KH_GROW(*f, *n, *cap);
    (*f)[*n].name = kh_xstrdup(name);
    (*f)[*n].where = kh_xstrdup(where);
    (*n)++;
    char a[KH_MSG_QUOTED_SIZE], b[KH_MSG_QUOTED_SIZE];   /* file names, shown escaped */
    kh_msg_escape(a, sizeof a, name, strlen(name), KH_MSG_MAX_CHARS, 0);
    kh_msg_escape(b, sizeof b, where, strlen(where), KH_MSG_MAX_CHARS, 0);
    fprintf(out, "%-16s %s\n", a, b);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The last line of the listing: where the installed folder was looked for, so a clerk can tell
   why installed templates are missing. */
static void print_share_dir(FILE *out)
{
    char *share = share_dir();
    if (!share) {
        fputs(_("\ninstalled folder: not known (the program's own path cannot be read; set KEHOACH_SHARE_DIR)\n"), out);
        return;
    }
    const char *env = getenv("KEHOACH_SHARE_DIR");
    struct stat st;
    int there = stat(share, &st) == 0 && S_ISDIR(st.st_mode);
    char shown[KH_MSG_QUOTED_SIZE];
    kh_msg_escape(shown, sizeof shown, share, strlen(share), KH_MSG_MAX_CHARS, 0);
    const char *how = env && *env ? there ? _("\ninstalled folder: %s (from KEHOACH_SHARE_DIR)\n")
                                          : _("\ninstalled folder: %s (from KEHOACH_SHARE_DIR; not found)\n")
                      : there ? _("\ninstalled folder: %s (beside the program)\n")
                              : _("\ninstalled folder: %s (beside the program; not found)\n");
    fprintf(out, how, shown);
    free(share);
}

void kh_template_path_list(FILE *out)
{
    dir_list l = search_dirs(1);
    found *f = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < l.n; i++) {
        DIR *d = opendir(l.dirs[i]);
        if (!d)
            continue;
        char **names = NULL;
        size_t nn = 0, ncap = 0;
        for (struct dirent *e; (e = readdir(d));) {
            size_t len = strlen(e->d_name);
            if (len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0) {
                KH_GROW(names, nn, ncap);
                names[nn++] = kh_xstrndup(e->d_name, len - 4);
            }
        }
        closedir(d);
        qsort(names, nn, sizeof *names, by_name);
        for (size_t k = 0; k < nn; k++) {
            char where[4096];
            snprintf(where, sizeof where, "%s/%s.lua", l.dirs[i], names[k]);
            note(&f, &n, &cap, names[k], where, out);
            free(names[k]);
        }
        free(names);
    }
    for (const kh_embedded_file *e = kh_embedded_files; e->path; e++) {
        if (strncmp(e->path, "templates/", 10) != 0)
            continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(strlen(e->path) - 14), e->path + 10);
        note(&f, &n, &cap, name, _("built in"), out);
    }
    for (size_t i = 0; i < n; i++) {
        free(f[i].name);
        free(f[i].where);
    }
    free(f);
    free_dirs(&l);
    print_share_dir(out);
}
