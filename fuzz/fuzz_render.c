/* libFuzzer harness: a whole render in memory (kh_render_to_memory). The input is split at the
   separator line "==>" into plan.lua, body.txt and a CSV (fuzz_folder.c); the plan is rendered
   with the default template under small budgets (64 MB, 2e6 instructions: the examples need
   less), as DOCX or ODT by the input's length. What renders must be well-formed in every part
   (fuzz_output.c). Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_folder.h"
#include "fuzz_output.h"
#include "kh_render.h"

static const char *dir;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    dir = fuzz_folder_init("fuzz", 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_folder_write(data, size);
    kh_render_options opt = {0};
    opt.plan = dir;
    opt.output = "out.docx";
    opt.part = "all";
    opt.format = size % 2 ? KH_FORMAT_ODT : KH_FORMAT_DOCX;
    opt.limits.max_memory = (size_t)64 << 20;
    opt.limits.max_instructions = 2000000;
    fuzz_render_checked(&opt);
    return 0;
}
