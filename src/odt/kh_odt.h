/* kh_odt.h — the ODT writer: OpenDocument 1.3 text parts from the document model. */
#ifndef KH_ODT_H
#define KH_ODT_H
#include <stddef.h>
#include "kh_error.h"
#include "kh_model.h"

/* The whole .odt package, in memory (caller frees *DATA). */
int kh_odt_write(const kh_doc *doc, char **data, size_t *len, kh_error *err);
#endif
