/* libFuzzer harness: the input is a template's Lua source (t.lua), run in the sandbox against a
   fixed valid plan (the plan of corpus/render/base: plan.lua, body.txt, t.csv, written once into
   a folder of its own) under small budgets: 64 MB, 1e7 instructions; libFuzzer's -timeout stands
   for the time limit. DOCX or ODT by the input's length. A render that succeeds must give a zip
   whose every XML part is well-formed and in NFC (fuzz_output.c); a failure must be one line.
   Built by `make fuzz`. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz_folder.h"
#include "fuzz_output.h"
#include "kh_render.h"

static const char *dir;
static char template_path[PATH_MAX + 16];

/* The plan of tests/hostile/base (the body names its appendix). */
static const char plan_lua[] =
    "return {\n"
    "  agency = \"SỞ XÂY DỰNG\",\n"
    "  agency_name = \"Sở Xây dựng\",\n"
    "  type = \"KẾ HOẠCH\",\n"
    "  symbol = \"KH-SXD\",\n"
    "  place = \"Đắk Lắk\",\n"
    "  date = \"2026-06-15\",\n"
    "  subject = \"Cải thiện Chỉ số cải cách hành chính năm 2026\",\n"
    "  body = read_text(\"body.txt\"),\n"
    "  recipients = { \"Sở Nội vụ\", \"Lưu: VT, VP\" },\n"
    "  signer = { authority = \"KT.\", head = \"GIÁM ĐỐC\", title = \"PHÓ GIÁM ĐỐC\", name = \"Lê Công Du\" },\n"
    "  appendices = {\n"
    "    {\n"
    "      title = \"PHÂN CÔNG NHIỆM VỤ\",\n"
    "      table = read_table(\"t.csv\", { header_rows = 1, stt = { column = 1, format = \"n\" } }),\n"
    "    },\n"
    "  },\n"
    "}\n";
static const char body_txt[] =
    "Sở Xây dựng ban hành Kế hoạch (Có Phụ lục kèm theo) như sau:\n"
    "\n"
    "# MỤC TIÊU\n"
    "\n"
    "- Hoàn thành **100%** nhiệm vụ được giao.\n"
    "- Tỷ lệ hồ sơ đúng hạn đạt *98%* trở lên.\n"
    "\n"
    "# TỔ CHỨC THỰC HIỆN\n"
    "\n"
    "Các phòng báo cáo Lãnh đạo Sở để xem xét\n";
static const char t_csv[] =
    "STT,Nhiệm vụ,Chủ trì\n"
    ",Ban hành Kế hoạch,Văn phòng Sở\n"
    ",\"Kiểm tra, đôn đốc\",Các phòng\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    dir = fuzz_folder_init("fuzz-template", 0);
    fuzz_folder_put("plan.lua", plan_lua, sizeof plan_lua - 1);
    fuzz_folder_put("body.txt", body_txt, sizeof body_txt - 1);
    fuzz_folder_put("t.csv", t_csv, sizeof t_csv - 1);
    snprintf(template_path, sizeof template_path, "%s/t.lua", dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_folder_put("t.lua", data, size);
    kh_render_options opt = {0};
    opt.plan = dir;
    opt.output = "out.docx";
    opt.template_name = template_path;
    opt.part = "all";
    opt.format = size % 2 ? KH_FORMAT_ODT : KH_FORMAT_DOCX;
    opt.limits.max_memory = (size_t)64 << 20;
    opt.limits.max_instructions = 10000000;
    fuzz_render_checked(&opt);
    return 0;
}
