/* batch — documents per second when one process renders many documents.

   batch [-n TOTAL] PLAN…

   Renders the PLANs in turn, round robin, TOTAL times in all (default 200), with
   kh_render_to_memory (src/cli/kh_render.h): the whole pipeline of `kehoach render` — sandbox,
   plan, template, model, writer, ZIP — but no file is written. Once for DOCX, then once for ODT,
   each after one warm-up pass over the plans.

   Output, one line per format (read by bench/run.py):
     format=docx documents=200 seconds=S docs_per_s=R bytes=B */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kh_render.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int render(const char *plan, kh_format format, size_t *bytes)
{
    kh_render_options opt;
    memset(&opt, 0, sizeof opt);
    opt.plan = plan;
    opt.part = "all";
    opt.format = format;
    kh_error err;
    kh_error_clear(&err);
    char *data = NULL;
    size_t len = 0;
    int rc = kh_render_to_memory(&opt, &data, &len, &err);
    if (rc != KH_OK) {
        fprintf(stderr, "batch: %s: %s\n", plan, err.message);
        return rc;
    }
    *bytes += len;
    free(data);
    return KH_OK;
}

int main(int argc, char **argv)
{
    int total = 200;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "-n")) {
        total = atoi(argv[2]);
        first = 3;
    }
    int nplans = argc - first;
    if (nplans < 1 || total < 1) {
        fprintf(stderr, "usage: batch [-n TOTAL] PLAN...\n");
        return 2;
    }
    const struct { const char *name; kh_format format; } formats[] = {
        { "docx", KH_FORMAT_DOCX }, { "odt", KH_FORMAT_ODT },
    };
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        size_t bytes = 0;
        for (int i = 0; i < nplans; i++)   /* warm-up */
            if (render(argv[first + i], formats[f].format, &bytes) != KH_OK)
                return 1;
        bytes = 0;
        double t0 = now();
        for (int k = 0; k < total; k++)
            if (render(argv[first + k % nplans], formats[f].format, &bytes) != KH_OK)
                return 1;
        double t = now() - t0;
        printf("format=%s documents=%d seconds=%.6f docs_per_s=%.1f bytes=%zu\n", formats[f].name, total, t,
               total / t, bytes);
        fflush(stdout);
    }
    return 0;
}
