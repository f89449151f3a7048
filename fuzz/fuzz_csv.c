/* libFuzzer harness: the CSV reader (kh_csv_parse). The first byte picks the separator
   (',' ';' or tab, or 3: the one read from the header line); the rest is the file. Built by
   `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include "kh_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const char seps[] = {',', ';', '\t', 0};
    char sep = kh_csv_separator(seps[data[0] % 4], "fuzz.csv", (const char *)data + 1, size - 1);
    if (sep != ',' && sep != ';' && sep != '\t')
        __builtin_trap();
    kh_error err;
    kh_error_clear(&err);
    kh_csv csv;
    if (kh_csv_parse((const char *)data + 1, size - 1, sep, "fuzz.csv", &csv, &err) == KH_OK) {
        /* every row has as many cells as the first, each cell text */
        for (size_t r = 0; r < csv.nrows; r++) {
            if (csv.rows[r].ncells != csv.ncols)
                __builtin_trap();
            for (size_t c = 0; c < csv.rows[r].ncells; c++)
                if (!csv.rows[r].cells[c].text)
                    __builtin_trap();
        }
        kh_csv_free(&csv);
    } else if (err.message[0] == '\0') {
        __builtin_trap();
    }
    return 0;
}
