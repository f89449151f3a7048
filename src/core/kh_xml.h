/* kh_xml.h — a thin frame over libxml2's xmlTextWriter writing one package part to memory
   (as text, or deflated as it is written).
   libxml2 does the escaping; these helpers only shorten the calls and remember a failure. */
#ifndef KH_XML_H
#define KH_XML_H
#include <stddef.h>
#include <libxml/xmlwriter.h>

#include "kh_deflate.h"

typedef struct {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    kh_deflater *z;   /* kh_xml_begin_deflated: what is written is compressed as it comes */
    int failed;
} kh_xml;

int kh_xml_begin(kh_xml *x);
/* A part too large to hold as text (word/document.xml, content.xml): written straight into a
   deflate stream; kh_xml_finish_deflated hands over the compressed part. Returns 0 or -1. */
int kh_xml_begin_deflated(kh_xml *x);
int kh_xml_finish_deflated(kh_xml *x, kh_deflated *out);
void kh_xml_start(kh_xml *x, const char *name);
void kh_xml_end(kh_xml *x);
void kh_xml_attr(kh_xml *x, const char *name, const char *value);
void kh_xml_attr_int(kh_xml *x, const char *name, long value);
void kh_xml_text(kh_xml *x, const char *text);
/* <name attr="value"/> in one call; attr may be NULL for an empty element. */
void kh_xml_empty(kh_xml *x, const char *name, const char *attr, const char *value);
void kh_xml_empty_int(kh_xml *x, const char *name, const char *attr, long value);
/* <name>text</name> */
void kh_xml_element(kh_xml *x, const char *name, const char *text);
/* End the document and hand over the bytes (malloc'ed, caller frees). Returns 0 on success. */
int kh_xml_finish(kh_xml *x, char **data, size_t *len);
void kh_xml_discard(kh_xml *x);
#endif
