/* libFuzzer harness: a whole render in memory (kh_render_to_memory). The input is split at the
   separator line "==>" into plan.lua, body.txt and a CSV (written as phu-luc.csv, with
   phu-luc-1.csv … and t.csv hard links to it: kehoach follows no symbolic link), in a folder
   made once; the plan is rendered with the
   default template under small budgets (64 MB, 2e6 instructions: the examples need less), as DOCX
   or ODT by the input's length. Built by `make fuzz`. */
#define _GNU_SOURCE   /* memmem */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kh_render.h"

static char dir[PATH_MAX];

static void write_file(const char *name, const uint8_t *data, size_t size)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
}

static void cleanup(void)
{
    static const char *const names[] = {"plan.lua", "body.txt", "phu-luc.csv", "phu-luc-1.csv",
                                        "phu-luc-2.csv", "phu-luc-3.csv", "t.csv", "out.docx", NULL};
    char path[PATH_MAX + 64];
    for (int i = 0; names[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/kehoach-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        abort();
    atexit(cleanup);
    static const char *const links[] = {"phu-luc-1.csv", "phu-luc-2.csv", "phu-luc-3.csv", "t.csv", NULL};
    char path[PATH_MAX + 64], full[PATH_MAX + 64];
    write_file("phu-luc.csv", (const uint8_t *)"", 0);   /* rewritten in place by each input */
    snprintf(full, sizeof full, "%s/phu-luc.csv", dir);
    for (int i = 0; links[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, links[i]);
        if (link(full, path) != 0)
            abort();
    }
    return 0;
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *p = data, *end = data + size;
    size_t n;
    const uint8_t *part = next_part(&p, end, &n);
    write_file("plan.lua", part, n);
    part = next_part(&p, end, &n);
    write_file("body.txt", part, n);
    part = next_part(&p, end, &n);
    write_file("phu-luc.csv", part, n);

    kh_render_options opt = {0};
    opt.plan = dir;
    opt.output = "out.docx";
    opt.part = "all";
    opt.format = size % 2 ? KH_FORMAT_ODT : KH_FORMAT_DOCX;
    opt.limits.max_memory = (size_t)64 << 20;
    opt.limits.max_instructions = 2000000;
    kh_error err;
    kh_error_clear(&err);
    char *out = NULL;
    size_t len = 0;
    int rc = kh_render_to_memory(&opt, &out, &len, &err);
    if (rc == KH_OK && (!out || len < 22))
        __builtin_trap();   /* a render that succeeds writes a zip file */
    if (rc != KH_OK && (err.message[0] == '\0' || strchr(err.message, '\n')))
        __builtin_trap();   /* a failure is one line that says why */
    free(out);
    return 0;
}
