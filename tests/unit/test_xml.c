/* test_xml.c — kh_xml writes what libxml2 reads back unchanged: & < > " ' in text and attributes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zlib.h>
#include "inflated.h"
#include "kh_xml.h"

static const char TEXT[] = "1 < 2 && 3 > 2, \"trích dẫn\" và 'nháy đơn' ]]> <w:t/> &amp;";
static const char ATTR[] = "Tom & \"Jerry\" <x> 'y' &lt; >";
static const char ATTR2[] = "dòng một\ndòng hai\tcột\r";
static const char VN[] = "Cộng hòa xã hội chủ nghĩa Việt Nam";

/* What the reader found. */
typedef struct {
    char *root_attr, *empty_attr, *multiline_attr, *num_attr;
    char *t_text, *vn_text, *mixed_text;
    int elements;
} found;

static void found_free(found *f)
{
    xmlFree(f->root_attr);
    xmlFree(f->empty_attr);
    xmlFree(f->multiline_attr);
    xmlFree(f->num_attr);
    xmlFree(f->t_text);
    xmlFree(f->vn_text);
    xmlFree(f->mixed_text);
}

static char *dup_x(const xmlChar *s)
{
    return s ? (char *)xmlStrdup(s) : NULL;
}

/* Walk the document with xmlReader, keeping the values the test wrote. */
static void read_back(const char *data, size_t len, found *out)
{
    memset(out, 0, sizeof *out);
    xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, "mem.xml", NULL, XML_PARSE_NONET);
    assert_non_null(r);
    const char *current = NULL;
    char elem[64] = "";
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        const char *name = (const char *)xmlTextReaderConstName(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            out->elements++;
            snprintf(elem, sizeof elem, "%s", name);
            current = elem;
            if (strcmp(name, "root") == 0)
                out->root_attr = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"a");
            else if (strcmp(name, "e") == 0)
                out->empty_attr = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"v");
            else if (strcmp(name, "m") == 0)
                out->multiline_attr = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"v");
            else if (strcmp(name, "n") == 0)
                out->num_attr = (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)"v");
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && current) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (strcmp(current, "t") == 0)
                out->t_text = dup_x((const xmlChar *)v);
            else if (strcmp(current, "vn") == 0)
                out->vn_text = dup_x((const xmlChar *)v);
            else if (strcmp(current, "mixed") == 0)
                out->mixed_text = dup_x((const xmlChar *)v);
        }
    }
    assert_int_equal(rc, 0);   /* 0: the end, without a parse error */
    xmlFreeTextReader(r);
}

/* The document both modes write: every kind of call, then ROWS <row i="…"/> elements. */
static void write_elements(kh_xml *x, int rows)
{
    kh_xml_start(x, "root");
    kh_xml_attr(x, "a", ATTR);
    kh_xml_element(x, "t", TEXT);
    kh_xml_element(x, "vn", VN);
    kh_xml_empty(x, "e", "v", "&<>\"'");
    kh_xml_empty(x, "m", "v", ATTR2);
    kh_xml_empty_int(x, "n", "v", -42);
    kh_xml_empty(x, "bare", NULL, NULL);
    kh_xml_start(x, "mixed");
    kh_xml_text(x, "a & ");
    kh_xml_text(x, "b < c");
    kh_xml_end(x);
    for (int i = 0; i < rows; i++)
        kh_xml_empty_int(x, "row", "i", i);
    kh_xml_end(x);
}

static void write_doc(char **data, size_t *len)
{
    kh_xml x;
    assert_int_equal(kh_xml_begin(&x), 0);
    write_elements(&x, 0);
    assert_int_equal(x.failed, 0);
    assert_int_equal(kh_xml_finish(&x, data, len), 0);
    assert_non_null(*data);
    assert_int_equal(strlen(*data), *len);
    assert_null(x.w);
    assert_null(x.buf);
}

static void test_round_trip(void **state)
{
    (void)state;
    char *data;
    size_t len;
    write_doc(&data, &len);
    found f;
    read_back(data, len, &f);
    assert_int_equal(f.elements, 8);
    assert_non_null(f.root_attr);
    assert_string_equal(f.root_attr, ATTR);
    assert_non_null(f.t_text);
    assert_string_equal(f.t_text, TEXT);
    assert_non_null(f.vn_text);
    assert_string_equal(f.vn_text, VN);
    assert_non_null(f.empty_attr);
    assert_string_equal(f.empty_attr, "&<>\"'");
    assert_non_null(f.multiline_attr);
    assert_string_equal(f.multiline_attr, ATTR2);   /* line breaks survive attribute normalisation */
    assert_non_null(f.num_attr);
    assert_string_equal(f.num_attr, "-42");
    assert_non_null(f.mixed_text);
    assert_string_equal(f.mixed_text, "a & b < c");
    found_free(&f);
    free(data);
}

static void test_raw_bytes_are_escaped(void **state)
{
    (void)state;
    char *data;
    size_t len;
    write_doc(&data, &len);
    assert_non_null(strstr(data, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"));
    assert_non_null(strstr(data, "&amp;"));
    assert_non_null(strstr(data, "&lt;"));
    assert_non_null(strstr(data, "&gt;"));
    assert_non_null(strstr(data, "&quot;"));
    /* the text written, escaped, and nothing unescaped that would end the markup */
    assert_non_null(strstr(data, "1 &lt; 2 &amp;&amp; 3 &gt; 2"));
    assert_non_null(strstr(data, "]]&gt;"));
    assert_non_null(strstr(data, "&lt;w:t/&gt;"));
    assert_non_null(strstr(data, "&amp;amp;"));   /* an entity typed as text stays text */
    assert_null(strstr(data, "<w:t/>"));
    assert_null(strstr(data, "<x>"));
    /* the attribute, escaped inside its double quotes */
    assert_non_null(strstr(data, "a=\"Tom &amp; &quot;Jerry&quot; &lt;x&gt; 'y' &amp;lt; &gt;\""));
    assert_non_null(strstr(data, "v=\"&amp;&lt;&gt;&quot;'\""));
    /* the Vietnamese text as UTF-8, not as character references */
    assert_non_null(strstr(data, VN));
    assert_non_null(strstr(data, "<n v=\"-42\"/>"));
    assert_non_null(strstr(data, "<bare/>"));
    free(data);
}

static void test_failed_writer_is_reported(void **state)
{
    (void)state;
    kh_xml x;
    assert_int_equal(kh_xml_begin(&x), 0);
    kh_xml_end(&x);   /* no element is open */
    assert_int_equal(x.failed, 1);
    char *data = (char *)1;
    size_t len;
    assert_int_equal(kh_xml_finish(&x, &data, &len), -1);
    assert_null(data);

    /* the failure is remembered across later calls that succeed */
    assert_int_equal(kh_xml_begin(&x), 0);
    kh_xml_attr(&x, "a", "b");   /* an attribute outside any element */
    kh_xml_start(&x, "root");
    kh_xml_end(&x);
    assert_int_equal(x.failed, 1);
    assert_int_equal(kh_xml_finish(&x, &data, &len), -1);
    assert_null(data);
}

static void test_discard(void **state)
{
    (void)state;
    kh_xml x;
    assert_int_equal(kh_xml_begin(&x), 0);
    kh_xml_start(&x, "root");
    kh_xml_text(&x, "bỏ đi");
    kh_xml_discard(&x);
    assert_null(x.w);
    assert_null(x.buf);
    kh_xml_discard(&x);   /* twice is harmless */
}

/* The same elements, written in deflating mode. */
static void write_doc_deflated(kh_deflated *part, int rows)
{
    kh_xml x;
    assert_int_equal(kh_xml_begin_deflated(&x), 0);
    write_elements(&x, rows);
    assert_int_equal(kh_xml_finish_deflated(&x, part), 0);
    assert_null(x.w);
    assert_null(x.z);
}

static void test_deflated_part_holds_the_same_text(void **state)
{
    (void)state;
    char *text;
    size_t len;
    write_doc(&text, &len);
    kh_deflated part;
    write_doc_deflated(&part, 0);
    assert_int_equal(part.size, len);
    assert_int_equal(part.crc, crc32(crc32(0L, Z_NULL, 0), (const Bytef *)text, (uInt)len));
    char *back = inflated(&part);
    assert_null(part.data);
    assert_string_equal(back, text);
    free(back);
    free(text);
}

static void test_large_deflated_part(void **state)
{
    (void)state;
    /* 200,000 rows: several MB of text, through libxml2's output buffer in many writes */
    kh_deflated part;
    write_doc_deflated(&part, 200000);
    assert_true(part.size > 3000000);
    assert_true(part.len < part.size / 4);
    unsigned long crc = part.crc;
    size_t size = part.size;
    char *back = inflated(&part);
    assert_non_null(strstr(back, "<row i=\"0\"/>"));
    assert_non_null(strstr(back, "<row i=\"199999\"/></root>"));
    assert_int_equal(crc, crc32(crc32(0L, Z_NULL, 0), (const Bytef *)back, (uInt)size));
    free(back);
}

static void test_failed_deflated_writer_is_reported(void **state)
{
    (void)state;
    kh_xml x;
    assert_int_equal(kh_xml_begin_deflated(&x), 0);
    kh_xml_end(&x);   /* no element is open */
    kh_deflated part;
    assert_int_equal(kh_xml_finish_deflated(&x, &part), -1);
    assert_null(part.data);
    /* discarding a deflating writer half way frees its stream */
    assert_int_equal(kh_xml_begin_deflated(&x), 0);
    kh_xml_start(&x, "root");
    kh_xml_discard(&x);
    assert_null(x.z);
}

static int cleanup(void **state)
{
    (void)state;
    xmlCleanupParser();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_raw_bytes_are_escaped),
        cmocka_unit_test(test_failed_writer_is_reported),
        cmocka_unit_test(test_discard),
        cmocka_unit_test(test_deflated_part_holds_the_same_text),
        cmocka_unit_test(test_large_deflated_part),
        cmocka_unit_test(test_failed_deflated_writer_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, cleanup);
}
