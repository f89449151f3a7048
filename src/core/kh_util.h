/* kh_util.h — allocation that never returns NULL, growable arrays, a byte buffer. */
#ifndef KH_UTIL_H
#define KH_UTIL_H
#include <stddef.h>

void *kh_xmalloc(size_t n);
void *kh_xcalloc(size_t n, size_t size);
void *kh_xrealloc(void *p, size_t n);
char *kh_xstrdup(const char *s);
char *kh_xstrndup(const char *s, size_t n);

/* Make room for one more element in ARR (N used, CAP allocated). */
#define KH_GROW(arr, n, cap)                                                   \
    do {                                                                       \
        if ((n) >= (cap)) {                                                    \
            (cap) = (cap) ? (cap) * 2 : 8;                                     \
            (arr) = kh_xrealloc((arr), (cap) * sizeof *(arr));                 \
        }                                                                      \
    } while (0)

typedef struct {
    char *data;
    size_t len, cap;
} kh_buf;

void kh_buf_append(kh_buf *b, const char *s, size_t n);
void kh_buf_puts(kh_buf *b, const char *s);
/* One byte: the parsers add text a byte at a time, so the usual case (room left) is inline. */
static inline void kh_buf_putc(kh_buf *b, char c)
{
    if (b->len + 2 <= b->cap) {   /* room for C and the NUL after it */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    kh_buf_append(b, &c, 1);
}
/* NUL-terminated contents (owned by the buffer). */
const char *kh_buf_cstr(kh_buf *b);
void kh_buf_free(kh_buf *b);
#endif
