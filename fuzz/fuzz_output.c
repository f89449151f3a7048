/* The output check shared by the render harnesses (fuzz_output.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlreader.h>
#include <utf8proc.h>
#include <zip.h>
#include "fuzz_output.h"

static void fail(const char *part, const char *why)
{
    fprintf(stderr, "fuzz_check_output: %s: %s\n", part, why);
    abort();
}

static int is_xml_part(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && !strcmp(name + n - 4, ".xml")) || (n > 5 && !strcmp(name + n - 5, ".rels"));
}

static void check_part(const char *name, char *buf, size_t size)
{
    xmlTextReaderPtr r = xmlReaderForMemory(buf, (int)size, name, NULL, XML_PARSE_NONET);
    if (!r)
        fail(name, "libxml2 cannot start reading it");
    int ret;
    while ((ret = xmlTextReaderRead(r)) == 1)
        ;
    xmlFreeTextReader(r);
    if (ret != 0)
        fail(name, "not well-formed XML");
    buf[size] = '\0';
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)buf);
    if (!nfc)
        fail(name, "not UTF-8");
    int same = !strcmp((const char *)nfc, buf);
    free(nfc);
    if (!same)
        fail(name, "not in NFC");
}

void fuzz_check_output(const char *data, size_t len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    if (!src)
        fail("the zip", "libzip cannot make a source");
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!z) {
        zip_source_free(src);
        fail("the zip", zip_error_strerror(&ze));
    }
    zip_int64_t n = zip_get_num_entries(z, 0);
    if (n <= 0)
        fail("the zip", "no entries");
    for (zip_int64_t i = 0; i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        zip_stat_t st;
        if (!name || zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            fail("the zip", "an entry without a name or size");
        if (!is_xml_part(name))
            continue;
        char *buf = malloc(st.size + 1);
        zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
        if (!buf || !f || zip_fread(f, buf, st.size) != (zip_int64_t)st.size)
            fail(name, "cannot be read back from the zip");
        zip_fclose(f);
        check_part(name, buf, st.size);
        free(buf);
    }
    zip_discard(z);
}

int fuzz_render_checked(const kh_render_options *opt)
{
    kh_error err;
    kh_error_clear(&err);
    char *out = NULL;
    size_t len = 0;
    int rc = kh_render_to_memory(opt, &out, &len, &err);
    if (rc == KH_OK)
        fuzz_check_output(out, len);   /* a render that succeeds writes a valid zip */
    else if (err.message[0] == '\0' || strchr(err.message, '\n'))
        __builtin_trap();   /* a failure is one line that says why */
    free(out);
    return rc;
}
