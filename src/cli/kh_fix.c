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
#include "kh_i18n.h"
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

/* Apply to the file REL every fix the findings list FINDINGS (stack index) gives for it. */
static int fix_file(lua_State *L, int findings, int dirfd, const char *dir, const char *rel,
                    const char *shown, int *changes, kh_error *err)
{
    char *data;
    size_t len;
    if (kh_read_beneath(dirfd, dir, rel, &data, &len, err) != KH_OK)
        return err->status;
    line_span *lines;
    size_t nlines = split_lines(data, len, &lines);
    char **repl = kh_xcalloc(nlines ? nlines : 1, sizeof *repl);
    lua_Integer n = (lua_Integer)lua_rawlen(L, findings);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, findings, i);
        int f = lua_gettop(L);
        lua_getfield(L, f, "file");
        lua_getfield(L, f, "fix");
        lua_getfield(L, f, "line");
        lua_Integer line = lua_tointeger(L, -1);
        if (lua_istable(L, -2) && lua_isstring(L, -3) && strcmp(lua_tostring(L, -3), shown) == 0 &&
            line >= 1 && (size_t)line <= nlines && !repl[line - 1]) {
            lua_getfield(L, -2, "from");
            lua_getfield(L, -3, "to");
            const char *from = lua_tostring(L, -2), *to = lua_tostring(L, -1);
            if (from && to && line_is(data, lines[line - 1], from)) {
                repl[line - 1] = kh_xstrdup(to);
                char a[512], b[512];
                kh_msg_escape(a, sizeof a, from, strlen(from), 0, 0);
                kh_msg_escape(b, sizeof b, to, strlen(to), 0, 0);
                printf("%s:%lld: \"%s\" → \"%s\"\n", shown, (long long)line, a, b);
                (*changes)++;
            }
        }
        lua_settop(L, findings);
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

int kh_fix_apply(lua_State *L, int report, kh_error *err)
{
    lua_getfield(L, report, "findings");
    int findings = lua_gettop(L);
    const char *dir = kh_plan_dir();
    int dirfd = kh_dir_open(dir);
    if (dirfd < 0) {
        lua_settop(L, findings - 1);
        return kh_error_set(err, KH_EXIT_IO, _("%s: cannot open the plan's folder"), dir);
    }
    /* Each file once, in the order its first fix comes. */
    lua_newtable(L);
    int done = lua_gettop(L);
    int changes = 0, rc = KH_OK;
    size_t prefix = strlen(dir);
    lua_Integer n = (lua_Integer)lua_rawlen(L, findings);
    for (lua_Integer i = 1; i <= n && rc == KH_OK; i++) {
        lua_rawgeti(L, findings, i);
        lua_getfield(L, -1, "fix");
        lua_getfield(L, -2, "file");
        const char *shown = lua_tostring(L, -1);
        if (lua_istable(L, -2) && shown && strncmp(shown, dir, prefix) == 0 && shown[prefix] == '/') {
            lua_pushvalue(L, -1);
            if (lua_rawget(L, done) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_pushvalue(L, -1);
                lua_pushboolean(L, 1);
                lua_rawset(L, done);
                int file_changes = 0;
                char *shown_copy = kh_xstrdup(shown);
                rc = fix_file(L, findings, dirfd, dir, shown_copy + prefix + 1, shown_copy, &file_changes, err);
                free(shown_copy);
                changes += file_changes;
            }
        }
        lua_settop(L, done);
    }
    close(dirfd);
    if (rc == KH_OK)
        printf(kh_ngettext("%d line fixed\n", "%d lines fixed\n", (unsigned long)changes), changes);
    lua_settop(L, findings - 1);
    return rc;
}
