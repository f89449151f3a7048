/* Raw deflate into a growing buffer, with zlib, at the parameters libzip uses for its own
   entries (window 15 bits, memLevel 9), so the entry is the one libzip would have written. */
#include <stdlib.h>
#include <string.h>
#define ZLIB_CONST   /* next_in is const: the text is only read */
#include <zlib.h>
#include "kh_deflate.h"
#include "kh_util.h"

struct kh_deflater {
    z_stream z;
    char *out;
    size_t len, cap;
    size_t size;
    unsigned long crc;
    int failed;
};

kh_deflater *kh_deflater_new(void)
{
    kh_deflater *d = kh_xcalloc(1, sizeof *d);
    if (deflateInit2(&d->z, KH_DEFLATE_LEVEL, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(d);
        return NULL;
    }
    d->crc = crc32(0L, Z_NULL, 0);
    return d;
}

/* Run deflate over what is pending with FLUSH, growing the buffer as it fills. */
static int run(kh_deflater *d, int flush)
{
    for (;;) {
        if (d->cap - d->len < 4096) {
            d->cap = d->cap ? d->cap * 2 : 65536;
            d->out = kh_xrealloc(d->out, d->cap);
        }
        d->z.next_out = (Bytef *)d->out + d->len;
        d->z.avail_out = (uInt)(d->cap - d->len);
        int rc = deflate(&d->z, flush);
        d->len = d->cap - d->z.avail_out;
        if (rc == Z_STREAM_END)
            return 0;
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return -1;
        if (flush == Z_NO_FLUSH && d->z.avail_in == 0)
            return 0;
    }
}

int kh_deflater_write(kh_deflater *d, const char *s, size_t n)
{
    if (d->failed)
        return -1;
    while (n > 0) {
        uInt chunk = n > (1u << 30) ? 1u << 30 : (uInt)n;
        d->crc = crc32(d->crc, (const Bytef *)s, chunk);
        d->size += chunk;
        d->z.next_in = (const Bytef *)s;
        d->z.avail_in = chunk;
        if (run(d, Z_NO_FLUSH) < 0) {
            d->failed = 1;
            return -1;
        }
        s += chunk;
        n -= chunk;
    }
    return 0;
}

int kh_deflater_finish(kh_deflater *d, kh_deflated *out)
{
    memset(out, 0, sizeof *out);
    int rc = d->failed ? -1 : run(d, Z_FINISH);
    if (rc == 0) {
        out->data = d->out;
        out->len = d->len;
        out->size = d->size;
        out->crc = d->crc;
        d->out = NULL;
    }
    kh_deflater_free(d);
    return rc;
}

void kh_deflater_free(kh_deflater *d)
{
    if (!d)
        return;
    deflateEnd(&d->z);
    free(d->out);
    free(d);
}

void kh_deflated_free(kh_deflated *part)
{
    free(part->data);
    memset(part, 0, sizeof *part);
}
