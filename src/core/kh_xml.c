/* xmlTextWriter to memory. */
#include <stdio.h>
#include <stdlib.h>
#include "kh_xml.h"

#define X(s) ((const xmlChar *)(s))
#define CHECK(x, call) do { if ((call) < 0) (x)->failed = 1; } while (0)

int kh_xml_begin(kh_xml *x)
{
    x->failed = 0;
    x->z = NULL;
    x->buf = xmlBufferCreate();
    /* Grow by doubling: the default (exact size) reallocates at every write, which copies the
       whole part each time where realloc cannot grow in place (20 times slower under ASan). */
    if (x->buf)
        xmlBufferSetAllocationScheme(x->buf, XML_BUFFER_ALLOC_DOUBLEIT);
    x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    if (!x->w)
        return -1;
    CHECK(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes"));
    return x->failed ? -1 : 0;
}

static int deflate_write(void *ctx, const char *s, int len)
{
    return kh_deflater_write(ctx, s, (size_t)len) < 0 ? -1 : len;
}

static int deflate_close(void *ctx)
{
    (void)ctx;   /* the stream is finished by kh_xml_finish_deflated */
    return 0;
}

int kh_xml_begin_deflated(kh_xml *x)
{
    x->failed = 0;
    x->buf = NULL;
    x->w = NULL;
    x->z = kh_deflater_new();
    xmlOutputBufferPtr out = x->z ? xmlOutputBufferCreateIO(deflate_write, deflate_close, x->z, NULL) : NULL;
    x->w = out ? xmlNewTextWriter(out) : NULL;   /* the writer owns OUT from here */
    if (!x->w) {
        if (out)
            xmlOutputBufferClose(out);
        return -1;
    }
    CHECK(x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes"));
    return x->failed ? -1 : 0;
}

int kh_xml_finish_deflated(kh_xml *x, kh_deflated *out)
{
    CHECK(x, xmlTextWriterEndDocument(x->w));
    xmlFreeTextWriter(x->w);   /* flushes into the deflate stream */
    x->w = NULL;
    kh_deflater *z = x->z;
    x->z = NULL;
    if (kh_deflater_finish(z, out) < 0 || x->failed) {
        kh_deflated_free(out);
        return -1;
    }
    return 0;
}

void kh_xml_start(kh_xml *x, const char *name) { CHECK(x, xmlTextWriterStartElement(x->w, X(name))); }
void kh_xml_end(kh_xml *x) { CHECK(x, xmlTextWriterEndElement(x->w)); }

void kh_xml_attr(kh_xml *x, const char *name, const char *value)
{
    CHECK(x, xmlTextWriterWriteAttribute(x->w, X(name), X(value)));
}

void kh_xml_attr_int(kh_xml *x, const char *name, long value)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", value);
    kh_xml_attr(x, name, num);
}

void kh_xml_text(kh_xml *x, const char *text) { CHECK(x, xmlTextWriterWriteString(x->w, X(text))); }

void kh_xml_empty(kh_xml *x, const char *name, const char *attr, const char *value)
{
    kh_xml_start(x, name);
    if (attr)
        kh_xml_attr(x, attr, value);
    kh_xml_end(x);
}

void kh_xml_empty_int(kh_xml *x, const char *name, const char *attr, long value)
{
    kh_xml_start(x, name);
    kh_xml_attr_int(x, attr, value);
    kh_xml_end(x);
}

void kh_xml_element(kh_xml *x, const char *name, const char *text)
{
    kh_xml_start(x, name);
    kh_xml_text(x, text);
    kh_xml_end(x);
}

int kh_xml_finish(kh_xml *x, char **data, size_t *len)
{
    CHECK(x, xmlTextWriterEndDocument(x->w));
    xmlFreeTextWriter(x->w);   /* flushes into the buffer */
    x->w = NULL;
    int failed = x->failed;
    *len = (size_t)xmlBufferLength(x->buf);
    *data = (char *)xmlBufferDetach(x->buf);
    xmlBufferFree(x->buf);
    x->buf = NULL;
    if (failed || !*data) {
        free(*data);
        *data = NULL;
        return -1;
    }
    return 0;
}

void kh_xml_discard(kh_xml *x)
{
    if (x->w)
        xmlFreeTextWriter(x->w);
    if (x->buf)
        xmlBufferFree(x->buf);
    kh_deflater_free(x->z);
    x->w = NULL;
    x->buf = NULL;
    x->z = NULL;
}
