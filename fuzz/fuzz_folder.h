/* fuzz_folder.h — the plan folder the plan harnesses (fuzz_render, fuzz_plan) write each input
   into: the input split at the separator line "==>" into plan.lua, body.txt and a CSV (written as
   phu-luc.csv, with phu-luc-1.csv … phu-luc-3.csv and t.csv linking to it, the names the seeds
   use). Made once per process, removed at exit. */
#ifndef FUZZ_FOLDER_H
#define FUZZ_FOLDER_H
#include <stddef.h>
#include <stdint.h>

/* Make the folder (under $TMPDIR, named after TAG); returns its path. Aborts on failure. */
const char *fuzz_folder_init(const char *tag);
/* Write the three parts of DATA into the folder. */
void fuzz_folder_write(const uint8_t *data, size_t size);
#endif
