/* The packager: libzip over an in-memory source, and the atomic file write. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>
#include "kh_fileio.h"
#include "kh_i18n.h"
#include "kh_package.h"
#include "kh_signals.h"
#include "kh_util.h"

struct kh_package {
    zip_source_t *src;
    zip_t *zip;
    zip_uint16_t dos_time, dos_date;   /* every entry's, in UTC (MS-DOS fields have no zone) */
};

/* The MS-DOS date and time of T, in UTC; clamped to the years the format holds (1980-2107). */
static void dos_stamp(long long t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    const long long min = 315532800LL, max = 4354819198LL;   /* 1980-01-01, 2107-12-31 23:59:58 */
    time_t tt = (time_t)(t < min ? min : t > max ? max : t);
    struct tm tm;
    gmtime_r(&tt, &tm);
    *dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    *ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

kh_package *kh_package_new(long long time, kh_error *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    kh_package *p = kh_xcalloc(1, sizeof *p);
    dos_stamp(time, &p->dos_time, &p->dos_date);
    p->src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (p->src) {
        zip_source_keep(p->src);   /* the bytes are read back after zip_close */
        p->zip = zip_open_from_source(p->src, ZIP_TRUNCATE, &ze);
    }
    if (!p->zip) {
        kh_error_set(err, KH_EXIT_IO, _("cannot create the package: %s"), zip_error_strerror(&ze));
        zip_error_fini(&ze);
        if (p->src)
            zip_source_free(p->src);
        free(p);
        return NULL;
    }
    zip_error_fini(&ze);
    return p;
}

int kh_package_add(kh_package *p, const char *name, char *data, size_t len, int stored, kh_error *err)
{
    zip_source_t *s = zip_source_buffer(p->zip, data, len, 1);
    if (!s) {
        free(data);
        return kh_error_set(err, KH_EXIT_IO, "%s: %s", name, zip_strerror(p->zip));
    }
    zip_int64_t idx = zip_file_add(p->zip, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
        zip_source_free(s);
        return kh_error_set(err, KH_EXIT_IO, "%s: %s", name, zip_strerror(p->zip));
    }
    if (zip_set_file_compression(p->zip, (zip_uint64_t)idx, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 stored ? 0 : KH_DEFLATE_LEVEL) < 0
        || zip_file_set_dostime(p->zip, (zip_uint64_t)idx, p->dos_time, p->dos_date, 0) < 0)
        return kh_error_set(err, KH_EXIT_IO, "%s: %s", name, zip_strerror(p->zip));
    return KH_OK;
}

/* A source serving a deflated part as it is: its stat says so (method, both sizes, CRC), and
   libzip then copies the bytes into the archive without compressing them again. */
typedef struct {
    kh_deflated part;
    size_t pos;
    zip_error_t error;
} deflated_source;

static zip_int64_t serve_deflated(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    deflated_source *s = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        s->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        size_t n = s->part.len - s->pos;
        if (n > len)
            n = (size_t)len;
        memcpy(data, s->part.data + s->pos, n);
        s->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        st->size = s->part.size;
        st->comp_size = s->part.len;
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = (zip_uint32_t)s->part.crc;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&s->error, data, len);
    case ZIP_SOURCE_FREE:
        kh_deflated_free(&s->part);
        zip_error_fini(&s->error);
        free(s);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

int kh_package_add_deflated(kh_package *p, const char *name, kh_deflated *part, kh_error *err)
{
    deflated_source *ds = kh_xcalloc(1, sizeof *ds);
    ds->part = *part;
    memset(part, 0, sizeof *part);
    zip_error_init(&ds->error);
    zip_source_t *s = zip_source_function(p->zip, serve_deflated, ds);
    if (!s) {
        kh_deflated_free(&ds->part);
        zip_error_fini(&ds->error);
        free(ds);
        return kh_error_set(err, KH_EXIT_IO, "%s: %s", name, zip_strerror(p->zip));
    }
    zip_int64_t idx = zip_file_add(p->zip, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
        zip_source_free(s);   /* frees DS through ZIP_SOURCE_FREE */
        return kh_error_set(err, KH_EXIT_IO, "%s: %s", name, zip_strerror(p->zip));
    }
    /* the entry's method is the part's: libzip sees they match and copies the bytes */
    if (zip_set_file_compression(p->zip, (zip_uint64_t)idx, ZIP_CM_DEFLATE, KH_DEFLATE_LEVEL) < 0
        || zip_file_set_dostime(p->zip, (zip_uint64_t)idx, p->dos_time, p->dos_date, 0) < 0)
        return kh_error_set(err, KH_EXIT_IO, "%s: %s", name, zip_strerror(p->zip));
    return KH_OK;
}

int kh_package_finish(kh_package *p, char **data, size_t *len, kh_error *err)
{
    *data = NULL;
    *len = 0;
    int rc = KH_OK;
    if (zip_close(p->zip) < 0) {
        rc = kh_error_set(err, KH_EXIT_IO, _("cannot write the package: %s"), zip_strerror(p->zip));
        zip_discard(p->zip);
        goto done;
    }
    zip_stat_t st;
    if (zip_source_stat(p->src, &st) < 0 || zip_source_open(p->src) < 0) {
        rc = kh_error_set(err, KH_EXIT_IO, _("cannot read the package back"));
        goto done;
    }
    *data = kh_xmalloc(st.size ? st.size : 1);
    zip_int64_t got = zip_source_read(p->src, *data, st.size);
    zip_source_close(p->src);
    if (got < 0 || (zip_uint64_t)got != st.size) {
        free(*data);
        *data = NULL;
        rc = kh_error_set(err, KH_EXIT_IO, _("cannot read the package back"));
        goto done;
    }
    *len = (size_t)st.size;
done:
    zip_source_free(p->src);
    free(p);
    return rc;
}

void kh_package_discard(kh_package *p)
{
    if (!p)
        return;
    zip_discard(p->zip);
    zip_source_free(p->src);
    free(p);
}

/* The temporary file being written, for a signal handler (kh_signals.c) to remove: TMP_STATE
   says whether TMP_PATH holds it (1), or the file was renamed into place already (2). Both are
   changed with the handled signals blocked, so a handler never sees them half set and never
   removes a file already renamed into place. */
static char tmp_path[4096];
static volatile sig_atomic_t tmp_state;

const char *kh_write_atomic_tmp(void) { return tmp_state == 1 ? tmp_path : NULL; }
int kh_write_atomic_committed(void) { return tmp_state == 2; }

int kh_write_atomic(const char *path, const char *data, size_t len, kh_error *err)
{
    sigset_t old;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return kh_error_set(err, KH_EXIT_IO, _("%s: is a folder, expected a file name"), path);
    size_t n = strlen(path);
    char *tmp = kh_xmalloc(n + 16);
    snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
    tmp_state = 0;   /* a write before this one is over */
    kh_signals_block(&old);
    int fd = mkstemp(tmp);
    if (fd >= 0 && strlen(tmp) < sizeof tmp_path) {
        memcpy(tmp_path, tmp, strlen(tmp) + 1);
        tmp_state = 1;
    }
    kh_signals_restore(&old);
    if (fd < 0) {
        kh_error_set(err, KH_EXIT_IO, _("%s: cannot create the output file: %s"), path, strerror(errno));
        free(tmp);
        return KH_EXIT_IO;
    }
    if (kh_write_all(fd, data, len) < 0)
        goto fail;
    if (fsync(fd) < 0 && errno != EINVAL)
        goto fail;
    /* mkstemp makes the file 0600; an output document is as readable as any other file. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) < 0)
        goto fail;
    if (close(fd) < 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    kh_signals_block(&old);
    if (rename(tmp, path) < 0) {
        kh_signals_restore(&old);
        goto fail;
    }
    tmp_state = 2;
    kh_signals_restore(&old);
    free(tmp);
    return KH_OK;
fail:
    kh_error_set(err, KH_EXIT_IO, _("%s: cannot write the output file: %s"), path, strerror(errno));
    if (fd >= 0)
        close(fd);
    kh_signals_block(&old);
    unlink(tmp);
    tmp_state = 0;
    kh_signals_restore(&old);
    free(tmp);
    return KH_EXIT_IO;
}
