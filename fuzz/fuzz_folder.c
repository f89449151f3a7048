/* The folder the harnesses write their plans into (fuzz_folder.h). */
#define _GNU_SOURCE   /* memmem */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz_folder.h"

static char dir[PATH_MAX];
static const char *const links[] = {"phu-luc-1.csv", "phu-luc-2.csv", "phu-luc-3.csv", "t.csv", NULL};

void fuzz_folder_put(const char *name, const void *data, size_t size)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");   /* rewritten in place: a hard link to it sees the new bytes */
    if (!f || (size && fwrite(data, 1, size, f) != size))
        abort();
    fclose(f);
}

/* Everything the harness put in the folder, then the folder. */
static void cleanup(void)
{
    DIR *d = opendir(dir);
    char path[PATH_MAX + 300];
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

const char *fuzz_folder_init(const char *tag, int plan_tables)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/kehoach-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
    if (!mkdtemp(dir))
        abort();
    atexit(cleanup);
    if (!plan_tables)
        return dir;
    /* The other table names are hard links to phu-luc.csv, which each input rewrites in place:
       kehoach follows no symbolic link. */
    char path[PATH_MAX + 64], full[PATH_MAX + 64];
    fuzz_folder_put("phu-luc.csv", "", 0);
    snprintf(full, sizeof full, "%s/phu-luc.csv", dir);
    for (int i = 0; links[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, links[i]);
        if (link(full, path) != 0)
            abort();
    }
    return dir;
}

/* The next part of [*p, end) up to the separator line, or to the end. */
static const uint8_t *next_part(const uint8_t **p, const uint8_t *end, size_t *len)
{
    static const char sep[] = "\n==>\n";
    const uint8_t *start = *p;
    const uint8_t *at = start < end ? memmem(start, (size_t)(end - start), sep, sizeof sep - 1) : NULL;
    if (at) {
        *len = (size_t)(at - start);
        *p = at + sizeof sep - 1;
    } else {
        *len = (size_t)(end - start);
        *p = end;
    }
    return start;
}

void fuzz_folder_write(const uint8_t *data, size_t size)
{
    const uint8_t *p = data, *end = data + size;
    size_t n;
    const uint8_t *part = next_part(&p, end, &n);
    fuzz_folder_put("plan.lua", part, n);
    part = next_part(&p, end, &n);
    fuzz_folder_put("body.txt", part, n);
    part = next_part(&p, end, &n);
    fuzz_folder_put("phu-luc.csv", part, n);
}
