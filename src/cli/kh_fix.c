/* kehoach check --fix: the findings that say how to mend a line of a body file (a heading pasted
   with its number, a heading typed as plain text) are applied to the file, each change printed.
   The files are the plan's own, read and replaced beneath the plan's folder (kh_fileio.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>
#include "kh_fileio.h"
#include "kh_fix.h"
#include "kh_message.h"
#include "kh_plan.h"
#include "kh_text.h"
#include "kh_util.h"

/* One line of DATA: [start, end) without its line break. */
typedef struct {
    size_t start, end;
} line_span;

static size_t split_lines(const char *data, size_t len, line_span **out)
{
    size_t n = 0, cap = 0, start = 0;
    *out = NULL;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || data[i] == '\n') {
            if (i == len && start == len)
                break;   /* no empty line after a final newline */
            KH_GROW(*out, n, cap);
            size_t end = i > start && data[i - 1] == '\r' ? i - 1 : i;
            (*out)[n++] = (line_span){start, end};
            start = i + 1;
        }
    }
    return n;
}

/* The line as the rules read it: NFC, as read_text gives the body. */
static int line_is(const char *data, line_span s, const char *want)
{
    char *nfc = kh_text_nfc(data + s.start, s.end - s.start);
    int same = nfc && strcmp(nfc, want) == 0;
    free(nfc);
    return same;
}

/* Apply to the file REL every fix FINDINGS give for it. */
static int fix_file(const kh_findings *findings, int dirfd, const char *dir, const char *rel,
                    const char *shown, int *changes, kh_error *err)
{
    char *data;
    size_t len;
    if (kh_read_beneath(dirfd, dir, rel, &data, &len, err) != KH_OK)
        return err->status;
    line_span *lines;
    size_t nlines = split_lines(data, len, &lines);
    char **repl = kh_xcalloc(nlines ? nlines : 1, sizeof *repl);
    for (int i = 0; i < findings->count; i++) {
        const kh_finding *f = &findings->items[i];
        size_t line = (size_t)f->line;
        if (f->fix_from && f->fix_to && f->file && strcmp(f->file, shown) == 0 && line >= 1 && line <= nlines &&
            !repl[line - 1] && line_is(data, lines[line - 1], f->fix_from)) {
            repl[line - 1] = kh_xstrdup(f->fix_to);
            char a[512], b[512];
            kh_msg_escape(a, sizeof a, f->fix_from, strlen(f->fix_from), 0, 0);
            kh_msg_escape(b, sizeof b, f->fix_to, strlen(f->fix_to), 0, 0);
            printf("%s:%zu: \"%s\" → \"%s\"\n", shown, line, a, b);
            (*changes)++;
        }
    }
    kh_buf out = {0};
    size_t at = 0;
    for (size_t k = 0; k < nlines; k++) {
        if (!repl[k])
            continue;
        kh_buf_append(&out, data + at, lines[k].start - at);
        kh_buf_puts(&out, repl[k]);
        at = lines[k].end;
    }
    kh_buf_append(&out, data + at, len - at);
    int rc = KH_OK;
    if (*changes)
        rc = kh_replace_beneath(dirfd, dir, rel, kh_buf_cstr(&out), out.len, err);
    for (size_t k = 0; k < nlines; k++)
        free(repl[k]);
    free(repl);
    free(lines);
    kh_buf_free(&out);
    free(data);
    return rc;
}

int kh_fix_apply(const kh_findings *findings, kh_error *err)
{
    const char *dir = kh_plan_dir();
    int dirfd = kh_dir_open(dir);
    if (dirfd < 0)
        return kh_error_set(err, KH_EXIT_IO, "%s: cannot open the plan's folder", dir);
    /* Each file once, in the order its first fix comes. */
    int changes = 0, rc = KH_OK;
    size_t prefix = strlen(dir);
    for (int i = 0; i < findings->count && rc == KH_OK; i++) {
        const kh_finding *f = &findings->items[i];
        const char *shown = f->file;
        if (!f->fix_from || !shown || strncmp(shown, dir, prefix) != 0 || shown[prefix] != '/')
            continue;
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = findings->items[j].fix_from && findings->items[j].file && !strcmp(findings->items[j].file, shown);
        if (seen)
            continue;
        int file_changes = 0;
        rc = fix_file(findings, dirfd, dir, shown + prefix + 1, shown, &file_changes, err);
        changes += file_changes;
    }
    close(dirfd);
    if (rc == KH_OK)
        printf("%d line%s fixed\n", changes, changes == 1 ? "" : "s");
    return rc;
}
