/* kh_docx.h — the DOCX writer: WordprocessingML parts from the document model. */
#ifndef KH_DOCX_H
#define KH_DOCX_H
#include <stddef.h>
#include "kh_error.h"
#include "kh_model.h"

/* The whole .docx package, in memory (caller frees *DATA). */
int kh_docx_write(const kh_doc *doc, char **data, size_t *len, kh_error *err);
#endif
