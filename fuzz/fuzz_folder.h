/* fuzz_folder.h — the folder a harness writes its plan into, made once per process and removed,
   with all it holds, at exit. The plan harnesses (fuzz_render, fuzz_plan) split each input at
   the separator line "==>" into plan.lua, body.txt and a CSV (written as phu-luc.csv, with
   phu-luc-1.csv … phu-luc-3.csv and t.csv hard links to it, the names the seeds use). */
#ifndef FUZZ_FOLDER_H
#define FUZZ_FOLDER_H
#include <stddef.h>
#include <stdint.h>

/* Make the folder (under $TMPDIR, named after TAG), removed with all it holds at exit; returns
   its path. PLAN_TABLES: also the table names above, for fuzz_folder_write. Aborts on failure. */
const char *fuzz_folder_init(const char *tag, int plan_tables);
/* Write (or rewrite in place) the file NAME of the folder. */
void fuzz_folder_put(const char *name, const void *data, size_t size);
/* Write the three parts of DATA into the folder. */
void fuzz_folder_write(const uint8_t *data, size_t size);
#endif
