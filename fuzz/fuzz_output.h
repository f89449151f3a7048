/* fuzz_output.h — what every harness asks of a document that rendered: a zip whose every XML
   part is well-formed XML 1.0 (libxml2's reader: no network, no DTD, no entity loading) and in
   NFC. A failure prints the part and why, then aborts so the fuzzer keeps the input. */
#ifndef FUZZ_OUTPUT_H
#define FUZZ_OUTPUT_H
#include <stddef.h>
#include "kh_render.h"

void fuzz_check_output(const char *data, size_t len);

/* Render OPT in memory: what renders must pass fuzz_check_output, a failure must be one line
   that says why. Returns the render's status. */
int fuzz_render_checked(const kh_render_options *opt);
#endif
