/* kh_render.h — one render: plan → template → document model → file (or standard output). */
#ifndef KH_RENDER_H
#define KH_RENDER_H
#include <stddef.h>
#include "kh_error.h"
#include "kh_pdf.h"
#include "kh_limits.h"
#include "kh_model.h"

/* A PDF is the DOCX made into a PDF by LibreOffice (kh_pdf.h). */
typedef enum { KH_FORMAT_DOCX, KH_FORMAT_ODT, KH_FORMAT_PDF } kh_format;

typedef struct {
    const char *plan;        /* plan folder or file */
    const char *output;      /* file to write; "-": standard output */
    const char *template_name;   /* NULL: the plan's own, else nd30 */
    const char *part;        /* "all", "body" or "appendices" */
    kh_format format;
    kh_limits limits;
    kh_pdf_options pdf;      /* for KH_FORMAT_PDF */
} kh_render_options;

/* What a successful render wrote, for the line that says so. */
typedef struct {
    size_t bytes;            /* the document's size */
    int pages;               /* its pages when known (a PDF), else -1 */
    char template_file[512]; /* the template used, as messages name it: "templates/nd30.lua" */
} kh_render_result;

/* Build OPT's plan into a finished document in a fresh sandbox, without judging it first (the
   last step of kh_judge). *DOC is NULL on failure. */
int kh_render_build(const kh_render_options *opt, kh_doc **doc, kh_render_result *result, kh_error *err);

/* Judge, then render and write atomically (or to standard output). Returns KH_OK or an exit status with ERR
   filled. RESULT may be NULL. */
int kh_render(const kh_render_options *opt, kh_render_result *result, kh_error *err);

/* Render to bytes in memory (for tests and fuzzing; a PDF goes through LibreOffice); *DATA is
   malloc'ed. */
int kh_render_to_memory(const kh_render_options *opt, char **data, size_t *len, kh_error *err);
#endif
