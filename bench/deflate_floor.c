/* deflate_floor — the cost of compression itself, the floor under any DOCX/ODT writer.

   deflate_floor [-r REPS] FILE.docx|FILE.odt

   Reads every part of a package kehoach wrote (libzip, into memory), then compresses each part
   that the package holds deflated again with zlib's deflate, with the parameters libzip uses for
   ZIP_CM_DEFLATE with compression flags 6 (kh_package.c): level 6, raw deflate (-MAX_WBITS),
   memLevel MAX_MEM_LEVEL (9), Z_DEFAULT_STRATEGY. The CRC-32 the ZIP entry needs is computed as well. Only that work is
   timed (CLOCK_MONOTONIC), REPS times (default 7); the median is printed.

   The compressed sizes are compared with the sizes in the package: equal sizes show that the
   parameters are the ones libzip used.

   Output, one line of key=value pairs (read by bench/run.py):
     parts=N xml_bytes=B deflated_bytes=D package_deflated_bytes=P same_size=1|0
     median_s=S min_s=S level=6 mem_level=9 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>
#include <zlib.h>

#define LEVEL 6   /* KH_DEFLATE_LEVEL in src/core/kh_package.c */
#define MEM_LEVEL MAX_MEM_LEVEL

typedef struct {
    char *name;
    unsigned char *data;
    size_t len;
    zip_uint64_t comp_size;   /* as stored in the package */
} part;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Deflate one part as libzip does; returns the compressed size, or 0 on failure. */
static size_t deflate_part(const part *p, unsigned char *out, size_t cap, unsigned long *crc)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, LEVEL, Z_DEFLATED, -MAX_WBITS, MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    z.next_in = p->data;
    z.avail_in = (uInt)p->len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t n = cap - z.avail_out;
    deflateEnd(&z);
    *crc = crc32(crc32(0L, Z_NULL, 0), p->data, (uInt)p->len);
    return rc == Z_STREAM_END ? n : 0;
}

int main(int argc, char **argv)
{
    int reps = 7;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-r") && i + 1 < argc)
            reps = atoi(argv[++i]);
        else
            file = argv[i];
    }
    if (!file || reps < 1) {
        fprintf(stderr, "usage: deflate_floor [-r REPS] FILE.docx|FILE.odt\n");
        return 2;
    }
    int zerr = 0;
    zip_t *za = zip_open(file, ZIP_RDONLY, &zerr);
    if (!za) {
        fprintf(stderr, "deflate_floor: %s: cannot open the package (libzip error %d)\n", file, zerr);
        return 3;
    }
    zip_int64_t n = zip_get_num_entries(za, 0);
    part *parts = calloc((size_t)n, sizeof *parts);
    size_t nparts = 0, total = 0, largest = 0;
    zip_uint64_t package_deflated = 0;
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zip_stat_index(za, (zip_uint64_t)i, 0, &st) < 0)
            continue;
        if (st.comp_method != ZIP_CM_DEFLATE)
            continue;   /* the stored mimetype of an ODT: nothing to compress */
        part *p = &parts[nparts];
        p->name = strdup(st.name);
        p->len = (size_t)st.size;
        p->comp_size = st.comp_size;
        p->data = malloc(p->len ? p->len : 1);
        zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)i, 0);
        if (!zf || zip_fread(zf, p->data, st.size) != (zip_int64_t)st.size) {
            fprintf(stderr, "deflate_floor: %s: cannot read %s\n", file, st.name);
            return 3;
        }
        zip_fclose(zf);
        total += p->len;
        package_deflated += p->comp_size;
        if (p->len > largest)
            largest = p->len;
        nparts++;
    }
    zip_close(za);

    size_t cap = (size_t)compressBound((uLong)largest) + 64;
    unsigned char *out = malloc(cap);
    double *times = malloc((size_t)reps * sizeof *times);
    size_t deflated = 0;
    int same = 1;
    unsigned long crc_sink = 0;
    for (int r = -1; r < reps; r++) {   /* r = -1: a warm-up, not counted */
        size_t sum = 0;
        double t0 = now();
        for (size_t k = 0; k < nparts; k++) {
            unsigned long crc;
            size_t c = deflate_part(&parts[k], out, cap, &crc);
            if (!c) {
                fprintf(stderr, "deflate_floor: deflate failed on %s\n", parts[k].name);
                return 3;
            }
            if (r == 0)
                crc_sink = crc32_combine(crc_sink, crc, (z_off_t)parts[k].len);
            sum += c;
            if (r == 0 && c != parts[k].comp_size)
                same = 0;
        }
        double t = now() - t0;
        if (r >= 0)
            times[r] = t;
        deflated = sum;
    }
    qsort(times, (size_t)reps, sizeof *times, cmp_double);
    double median = reps % 2 ? times[reps / 2] : (times[reps / 2 - 1] + times[reps / 2]) / 2;
    printf("parts=%zu xml_bytes=%zu deflated_bytes=%zu package_deflated_bytes=%llu same_size=%d "
           "median_s=%.6f min_s=%.6f level=%d mem_level=%d crc_combined=%08lx\n",
           nparts, total, deflated, (unsigned long long)package_deflated, same, median, times[0],
           LEVEL, MEM_LEVEL, crc_sink & 0xffffffffUL);
    for (size_t k = 0; k < nparts; k++) {
        free(parts[k].name);
        free(parts[k].data);
    }
    free(parts);
    free(out);
    free(times);
    return 0;
}
