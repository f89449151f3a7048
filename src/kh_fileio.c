/* Safe reading of input files. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kh_fileio.h"
#include "kh_util.h"

int kh_read_file(const char *path, char **data, size_t *len, kh_error *err)
{
    /* O_NONBLOCK so that a FIFO cannot make the run wait forever. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return kh_error_set(err, KH_EXIT_INPUT, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return kh_error_set(err, KH_EXIT_INPUT, "%s: expected a regular file", path);
    }
    if ((size_t)st.st_size > KH_MAX_INPUT_FILE) {
        close(fd);
        return kh_error_set(err, KH_EXIT_INPUT, "%s: %lld bytes, larger than the %zu MB an input file may have",
                            path, (long long)st.st_size, KH_MAX_INPUT_FILE >> 20);
    }
    kh_buf b = {0};
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            kh_buf_free(&b);
            return kh_error_set(err, KH_EXIT_INPUT, "%s: cannot read: %s", path, strerror(e));
        }
        if (n == 0)
            break;
        kh_buf_append(&b, chunk, (size_t)n);
        if (b.len > KH_MAX_INPUT_FILE) {
            close(fd);
            kh_buf_free(&b);
            return kh_error_set(err, KH_EXIT_INPUT, "%s: larger than the %zu MB an input file may have",
                                path, KH_MAX_INPUT_FILE >> 20);
        }
    }
    close(fd);
    kh_buf_cstr(&b);
    *data = b.data;
    *len = b.len;
    return KH_OK;
}

int kh_path_inside(const char *dir, const char *rel, char **out, kh_error *err)
{
    *out = NULL;
    if (!*rel)
        return kh_error_set(err, KH_EXIT_INPUT, "expected a file name, got an empty string");
    if (rel[0] == '/')
        return kh_error_set(err, KH_EXIT_INPUT, "'%s': expected a path inside the plan's folder, got an absolute path", rel);
    for (const char *p = rel; *p;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return kh_error_set(err, KH_EXIT_INPUT, "'%s': expected a path inside the plan's folder, got '..'", rel);
        p += n + (slash ? 1 : 0);
        if (!slash)
            break;
    }
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *joined = kh_xmalloc(n);
    snprintf(joined, n, "%s/%s", dir, rel);
    /* A symbolic link may still lead out: compare the real paths. */
    char real_dir[PATH_MAX], real_file[PATH_MAX];
    if (!realpath(dir, real_dir)) {
        free(joined);
        return kh_error_set(err, KH_EXIT_INPUT, "%s: cannot resolve the folder: %s", dir, strerror(errno));
    }
    if (!realpath(joined, real_file)) {
        int e = errno;
        kh_error_set(err, KH_EXIT_INPUT, "%s: cannot open: %s", joined, strerror(e));
        free(joined);
        return KH_EXIT_INPUT;
    }
    size_t dn = strlen(real_dir);
    if (strncmp(real_file, real_dir, dn) != 0 || (real_file[dn] != '/' && real_file[dn] != '\0')) {
        kh_error_set(err, KH_EXIT_INPUT, "%s: leads outside the plan's folder (a symbolic link?)", joined);
        free(joined);
        return KH_EXIT_INPUT;
    }
    *out = joined;
    return KH_OK;
}
