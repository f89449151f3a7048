/* Look-up in the table of embedded files. */
#include <string.h>
#include "kh_embedded.h"

const kh_embedded_file *kh_embedded_find(const char *path)
{
    for (const kh_embedded_file *f = kh_embedded_files; f->path; f++)
        if (strcmp(f->path, path) == 0)
            return f;
    return NULL;
}
