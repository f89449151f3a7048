/* libFuzzer harness: the body markup parser (kh_markup_parse), and the inline parser on the same
   bytes. Any input: not UTF-8, NUL bytes, no final newline. Built by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include "kh_markup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_error err;
    kh_error_clear(&err);
    kh_markup m;
    if (kh_markup_parse((const char *)data, size, "fuzz.txt", &m, &err) == KH_OK) {
        /* every block has a line, and headings a level from 1 to 3 */
        for (size_t i = 0; i < m.nblocks; i++) {
            if (m.blocks[i].line < 1 || (m.blocks[i].kind == KH_MK_HEADING
                                         && (m.blocks[i].level < 1 || m.blocks[i].level > 3)))
                __builtin_trap();
        }
        kh_markup_free(&m);
    } else if (err.message[0] == '\0') {
        __builtin_trap();   /* a failure always says why */
    }
    kh_error_clear(&err);
    kh_spans spans = {0};
    if (kh_markup_inline((const char *)data, size, "fuzz.txt", 1, 1, &spans, &err) == KH_OK)
        kh_spans_free(&spans);
    return 0;
}
