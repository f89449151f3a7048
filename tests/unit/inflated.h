/* inflated.h — for the unit tests: the text a deflated part holds (kh_deflate.h), inflated as a
   reader of the zip entry would, checked to be exactly as long as the part says. */
#ifndef TEST_INFLATED_H
#define TEST_INFLATED_H
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "kh_deflate.h"

/* PART's text (malloc'ed); PART is freed. */
static char *inflated(kh_deflated *part)
{
    char *out = malloc(part->size + 1);
    assert_non_null(out);
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(inflateInit2(&z, -MAX_WBITS), Z_OK);
    z.next_in = (Bytef *)part->data;
    z.avail_in = (uInt)part->len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)part->size + 1;
    assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
    assert_int_equal(z.total_out, part->size);   /* no byte more or less than it says */
    inflateEnd(&z);
    out[part->size] = '\0';
    kh_deflated_free(part);
    return out;
}
#endif
