/* Allocation and buffers. Out of memory is not recoverable in a command-line run: say so and stop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kh_i18n.h"
#include "kh_util.h"

static void out_of_memory(void)
{
    fputs(_("kehoach: out of memory\n"), stderr);
    exit(3);
}

void *kh_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) out_of_memory();
    return p;
}

void *kh_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) out_of_memory();
    return p;
}

void *kh_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) out_of_memory();
    return q;
}

char *kh_xstrdup(const char *s)
{
    return kh_xstrndup(s, strlen(s));
}

char *kh_xstrndup(const char *s, size_t n)
{
    char *d = kh_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void kh_buf_append(kh_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = kh_xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void kh_buf_puts(kh_buf *b, const char *s) { kh_buf_append(b, s, strlen(s)); }

const char *kh_buf_cstr(kh_buf *b)
{
    if (!b->data)
        kh_buf_append(b, "", 0);
    return b->data;
}

void kh_buf_free(kh_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
