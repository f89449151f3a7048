/* kh_render.h — one render: plan → template → document model → file. */
#ifndef KH_RENDER_H
#define KH_RENDER_H
#include "kh_error.h"
#include "kh_sandbox.h"

typedef enum { KH_FORMAT_DOCX, KH_FORMAT_ODT } kh_format;

typedef struct {
    const char *plan;        /* plan folder or file */
    const char *output;      /* file to write */
    const char *template_name;   /* NULL: the plan's own, else nd30 */
    const char *part;        /* "all", "body" or "appendices" */
    kh_format format;
    kh_limits limits;
} kh_render_options;

/* Render and write atomically. Returns KH_OK or an exit status with ERR filled. */
int kh_render(const kh_render_options *opt, kh_error *err);

/* Render to bytes in memory (for tests and fuzzing); *DATA is malloc'ed. */
int kh_render_to_memory(const kh_render_options *opt, char **data, size_t *len, kh_error *err);
#endif
