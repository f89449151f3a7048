/* kh_deflate.h — a package part compressed as it is written: raw deflate (what a zip entry
   holds) into memory, with the CRC-32 and length of what went in, so that the part's text is
   never held whole (kh_xml_begin_deflated; kh_package_add_deflated). */
#ifndef KH_DEFLATE_H
#define KH_DEFLATE_H
#include <stddef.h>

/* deflate level 6, not libzip's default 9: on a 10,000-row appendix of varied Vietnamese text
   (make bench) it deflates in half the time, for parts 1.8% larger (docs/performance.md). */
#define KH_DEFLATE_LEVEL 6

/* A finished part: its compressed bytes (malloc'ed), their length, and the length and CRC-32
   of the text they hold. */
typedef struct {
    char *data;
    size_t len;
    size_t size;
    unsigned long crc;
} kh_deflated;

typedef struct kh_deflater kh_deflater;

kh_deflater *kh_deflater_new(void);                        /* NULL when zlib cannot start */
int kh_deflater_write(kh_deflater *d, const char *s, size_t n);   /* 0, or -1 */
/* Finish the stream into OUT and free D (in every case). Returns 0, or -1. */
int kh_deflater_finish(kh_deflater *d, kh_deflated *out);
void kh_deflater_free(kh_deflater *d);
void kh_deflated_free(kh_deflated *part);
#endif
