/* libFuzzer harness: a plan folder from one input — plan.lua source, a body and a CSV, split at
   the separator line "==>" (fuzz_folder.c) — rendered with the template the plan names (nd30
   by default), one of the three parts (--part all, body, appendices) by the input's length, and
   written as DOCX and as ODT from the same plan. Budgets: 64 MB, 1e7 instructions; libFuzzer's
   -timeout stands for the time limit. The dictionary (fuzz/plan.dict) holds the plan's fields
   and the Lua that reaches C in odd shapes: metatables, coroutines, NUL bytes, NFD. Both
   documents must be well-formed in every part (fuzz_output.c), and a failure one line. Built
   by `make fuzz`. */
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
    dir = fuzz_folder_init("fuzz-plan", 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const parts[] = {"all", "body", "appendices"};
    fuzz_folder_write(data, size);
    kh_render_options opt = {0};
    opt.plan = dir;
    opt.output = "out.docx";
    opt.part = parts[size % 3];
    opt.limits.max_memory = (size_t)64 << 20;
    opt.limits.max_instructions = 10000000;
    int status[2];
    for (int f = 0; f < 2; f++) {
        opt.format = f ? KH_FORMAT_ODT : KH_FORMAT_DOCX;
        status[f] = fuzz_render_checked(&opt);
        if (status[f] != KH_OK)
            break;   /* the plan failed before any writer ran: the second format would too */
    }
    return 0;
}
