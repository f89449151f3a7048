/* Safe reading of input files: beneath a folder's descriptor, no symbolic link, fstat of the
   descriptor read. */
#define _GNU_SOURCE   /* O_PATH, syscall */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#if defined(__linux__) && defined(__has_include)
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define KH_HAVE_OPENAT2_H 1
#endif
#endif
#include "kh_fileio.h"
#include "kh_i18n.h"
#include "kh_util.h"

static int openat2_enabled = 1;

void kh_fileio_use_openat2(int enabled) { openat2_enabled = enabled; }

int kh_dir_open(const char *path)
{
    return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

int kh_path_check(const char *rel, kh_error *err)
{
    if (!*rel)
        return kh_error_set(err, KH_EXIT_INPUT, _("expected a file name, got an empty string"));
    if (rel[0] == '/')
        return kh_error_set(err, KH_EXIT_INPUT, _("'%s': expected a path inside the plan's folder, got an absolute path"), rel);
    for (const char *p = rel;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return kh_error_set(err, KH_EXIT_INPUT, _("'%s': expected a path inside the plan's folder, got '..'"), rel);
        if (n == 0)
            return kh_error_set(err, KH_EXIT_INPUT, _("'%s': expected a path inside the plan's folder, got an empty component ('//' or a '/' at the end)"), rel);
        if (!slash)
            return KH_OK;
        p = slash + 1;
    }
}

/* One openat2 beneath DIRFD refusing every symbolic link; -1 with errno ENOSYS when the kernel
   (or a seccomp filter, EPERM) does not allow it. */
static int open_with_openat2(int dirfd, const char *rel, int flags)
{
#if defined(SYS_openat2) && defined(KH_HAVE_OPENAT2_H)
    static int unavailable;
    if (openat2_enabled && !unavailable) {
        struct open_how how;
        memset(&how, 0, sizeof how);
        how.flags = (unsigned long long)flags;
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
        long fd = syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
        if (fd >= 0)
            return (int)fd;
        if (errno != ENOSYS && errno != EPERM)
            return -1;
        unavailable = 1;
    }
#else
    (void)dirfd;
    (void)rel;
    (void)flags;
#endif
    errno = ENOSYS;
    return -1;
}

/* The walk: one openat per component, O_NOFOLLOW on each. On failure *BAD is the length of REL
   up to and including the component that failed. */
static int open_by_walking(int dirfd, const char *rel, int flags, size_t *bad)
{
    int fd = dirfd;
    const char *p = rel;
    char comp[256];
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        *bad = (size_t)(p - rel) + n;
        if (n >= sizeof comp) {
            if (fd != dirfd)
                close(fd);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(comp, p, n);
        comp[n] = '\0';
        /* A folder on the way needs no read permission: O_PATH is enough to open beneath it. */
        int next = openat(fd, comp, slash ? O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC : flags);
        int e = errno;
        if (fd != dirfd)
            close(fd);
        if (next < 0) {
            errno = e;
            return -1;
        }
        fd = next;
        if (!slash)
            return fd;
        p = slash + 1;
    }
}

/* Why the component REL[0..BAD) could not be opened: a symbolic link, or errno E. */
static int open_error(int dirfd, const char *name, const char *rel, size_t bad, int last, int folder,
                      int e, kh_error *err)
{
    char *comp = kh_xstrndup(rel, bad);
    struct stat st;
    int is_link = e == ELOOP
                  || ((e == ENOTDIR || e == ENOENT) && fstatat(dirfd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0
                      && S_ISLNK(st.st_mode));
    if (is_link && last)
        kh_error_set(err, KH_EXIT_INPUT,
                     folder ? _("%s: a symbolic link, not followed: copy the folder in instead of linking it")
                            : _("%s: a symbolic link, not followed: copy the file into the folder instead of linking it"),
                     name);
    else if (is_link)
        kh_error_set(err, KH_EXIT_INPUT,
                     _("%s: '%s' is a symbolic link, not followed: copy the folder in instead of linking it"), name, comp);
    else
        kh_error_set(err, KH_EXIT_INPUT, _("%s: cannot open: %s"), name, strerror(e));
    free(comp);
    return is_link ? ELOOP : e;
}

int kh_open_beneath(int dirfd, const char *dir_name, const char *rel, int folder, kh_error *err)
{
    size_t n = (dir_name ? strlen(dir_name) + 1 : 0) + strlen(rel) + 1;
    char *name = kh_xmalloc(n);
    snprintf(name, n, "%s%s%s", dir_name ? dir_name : "", dir_name ? "/" : "", rel);
    int fd = -1, e = 0;
    if (kh_path_check(rel, err) != KH_OK) {
        e = EINVAL;
        goto done;
    }
    if (dirfd < 0) {
        e = EBADF;
        kh_error_set(err, KH_EXIT_INPUT, _("%s: cannot open: the folder is not open"), name);
        goto done;
    }
    int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (folder ? O_DIRECTORY : O_NONBLOCK);
    fd = open_with_openat2(dirfd, rel, flags);
    if (fd < 0) {
        /* Not there, refused, or no openat2: the walk opens it or says exactly which part failed. */
        size_t bad = 0;
        fd = open_by_walking(dirfd, rel, flags, &bad);
        if (fd < 0) {
            e = open_error(dirfd, name, rel, bad, rel[bad] == '\0', folder, errno, err);
            goto done;
        }
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (folder ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
        e = folder ? ENOTDIR : EINVAL;
        kh_error_set(err, KH_EXIT_INPUT, folder ? _("%s: expected a folder") : _("%s: expected a regular file"), name);
    }
done:
    free(name);
    if (fd < 0)
        errno = e;
    return fd;
}

int kh_read_fd(int fd, const char *name, char **data, size_t *len, kh_error *err)
{
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
        return kh_error_set(err, KH_EXIT_INPUT, _("%s: expected a regular file"), name);
    if ((size_t)st.st_size > KH_MAX_INPUT_FILE)
        return kh_error_set(err, KH_EXIT_INPUT, _("%s: %lld bytes, larger than the %zu MB an input file may have"),
                            name, (long long)st.st_size, KH_MAX_INPUT_FILE >> 20);
    kh_buf b = {0};
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            kh_buf_free(&b);
            return kh_error_set(err, KH_EXIT_INPUT, _("%s: cannot read: %s"), name, strerror(e));
        }
        if (n == 0)
            break;
        kh_buf_append(&b, chunk, (size_t)n);
        if (b.len > KH_MAX_INPUT_FILE) {
            kh_buf_free(&b);
            return kh_error_set(err, KH_EXIT_INPUT, _("%s: larger than the %zu MB an input file may have"),
                                name, KH_MAX_INPUT_FILE >> 20);
        }
    }
    kh_buf_cstr(&b);
    *data = b.data;
    *len = b.len;
    return KH_OK;
}

int kh_text_bom(const char *data, size_t len)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        return 3;
    if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0))
        return -1;
    return 0;
}

int kh_read_text_fd(int fd, const char *name, char **data, size_t *len, kh_error *err)
{
    int rc = kh_read_fd(fd, name, data, len, err);
    if (rc != KH_OK)
        return rc;
    int bom = kh_text_bom(*data, *len);
    if (bom > 0) {   /* UTF-8's mark, as Notepad and Excel write it: nothing the text holds */
        memmove(*data, *data + bom, *len - (size_t)bom + 1);
        *len -= (size_t)bom;
    } else if (bom < 0) {
        free(*data);
        *data = NULL;
        *len = 0;
        return kh_error_set(err, KH_EXIT_INPUT,
                            _("%s: saved as UTF-16 (Notepad's \"Unicode\"), expected UTF-8: open the file, "
                              "save it again and choose the encoding UTF-8 (Excel: \"CSV UTF-8\")"),
                            name);
    }
    return KH_OK;
}

int kh_read_beneath(int dirfd, const char *dir_name, const char *rel, char **data, size_t *len,
                    kh_error *err)
{
    int fd = kh_open_beneath(dirfd, dir_name, rel, 0, err);
    if (fd < 0)
        return KH_EXIT_INPUT;
    size_t n = (dir_name ? strlen(dir_name) + 1 : 0) + strlen(rel) + 1;
    char *name = kh_xmalloc(n);
    snprintf(name, n, "%s%s%s", dir_name ? dir_name : "", dir_name ? "/" : "", rel);
    int rc = kh_read_text_fd(fd, name, data, len, err);
    free(name);
    close(fd);
    return rc;
}

int kh_read_file(const char *path, char **data, size_t *len, kh_error *err)
{
    /* O_NONBLOCK so that a FIFO cannot make the run wait forever. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return kh_error_set(err, KH_EXIT_INPUT, _("%s: cannot open: %s"), path, strerror(errno));
    int rc = kh_read_text_fd(fd, path, data, len, err);
    close(fd);
    return rc;
}

int kh_replace_beneath(int dirfd, const char *dir_name, const char *rel, const char *data, size_t len,
                       kh_error *err)
{
    if (kh_path_check(rel, err) != KH_OK)
        return err->status;
    const char *slash = strrchr(rel, '/');
    const char *base = slash ? slash + 1 : rel;
    int sub;
    if (slash) {
        char *folder = kh_xstrdup(rel);
        folder[slash - rel] = '\0';
        sub = kh_open_beneath(dirfd, dir_name, folder, 1, err);
        free(folder);
        if (sub < 0)
            return err->status ? err->status : KH_EXIT_IO;
    } else if ((sub = fcntl(dirfd, F_DUPFD_CLOEXEC, 0)) < 0) {
        return kh_error_set(err, KH_EXIT_IO, "%s: %s", rel, strerror(errno));
    }
    struct stat st;
    if (fstatat(sub, base, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
        close(sub);
        return kh_error_set(err, KH_EXIT_INPUT, _("%s/%s: not a regular file, not rewritten"),
                            dir_name ? dir_name : ".", rel);
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, ".kehoach-%ld.tmp", (long)getpid());
    int fd = openat(sub, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 07777);
    int rc = KH_OK;
    if (fd < 0 || kh_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        rc = kh_error_set(err, KH_EXIT_IO, _("%s/%s: cannot write it: %s"), dir_name ? dir_name : ".", rel,
                          strerror(errno));
    }
    if (fd >= 0 && close(fd) != 0 && rc == KH_OK)
        rc = kh_error_set(err, KH_EXIT_IO, _("%s/%s: cannot write it: %s"), dir_name ? dir_name : ".", rel,
                          strerror(errno));
    if (rc == KH_OK && renameat(sub, tmp, sub, base) != 0)
        rc = kh_error_set(err, KH_EXIT_IO, _("%s/%s: cannot replace it: %s"), dir_name ? dir_name : ".", rel,
                          strerror(errno));
    if (rc != KH_OK && fd >= 0)
        unlinkat(sub, tmp, 0);
    close(sub);
    return rc;
}

int kh_write_all(int fd, const char *data, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = ENOSPC;
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}
