#!/usr/bin/env python3
"""Where kehoach spends its time: callgrind on one workload, summed up by stage.

    bench/profile.py [--build DIR] [WORKLOAD] [docx|odt]     (default: rows-10k docx)

Runs `valgrind --tool=callgrind` on `kehoach render` of BUILD/bench/work/WORKLOAD (written by
`make bench` or bench/gen.py), then prints, from callgrind_annotate, the inclusive cost of each
stage of a render and the functions with the largest exclusive cost. Instruction counts, not
time: they do not depend on the machine's load, and they are what bench/profile.md quotes.
Takes a few minutes at 10,000 rows (callgrind runs about 50× slower than the program).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Stages of a render: (label, function as callgrind names it). Inclusive costs; nested stages
# are indented under the one that calls them.
STAGES = [
    ("render, all of it", "kh_render_to_memory"),
    ("  Lua: plan + template (build)", "build"),
    ("    plan.lua run, read_table, checks (kh_plan_load)", "kh_plan_load"),
    ("      read_table: CSV → Lua rows (kh_csv_lua_read_table)", "kh_csv_lua_read_table"),
    ("        CSV parse, NFC per cell (kh_csv_parse)", "kh_csv_parse"),
    ("      plan checks + NFC of every string (kh_plan_validate)", "kh_plan_validate"),
    ("    template run (build − kh_plan_load): Lua, tables.lua, builder", "-template"),
    ("      builder: Lua tables → C model (doc_table)", "doc_table"),
    ("      cell markup parse (kh_lua_inline)", "kh_lua_inline"),
    ("  DOCX writer (kh_docx_write)", "kh_docx_write"),
    ("    word/document.xml via libxml2 xmlTextWriter", "docx_document_xml"),
    ("  ODT writer (kh_odt_write)", "kh_odt_write"),
    ("    content.xml via libxml2 xmlTextWriter", "odt_content_xml"),
    ("  ZIP: deflate + CRC (zip_close)", "zip_close"),
    ("any: NFC (kh_text_nfc)", "kh_text_nfc"),
    ("any: UTF-8 check (kh_text_check)", "kh_text_check"),
    ("any: Lua allocator (budget_alloc)", "budget_alloc"),
    ("any: malloc + free + realloc (exclusive)", None),
]


def main(argv):
    build = os.path.join(ROOT, "build")
    args = argv[1:]
    if len(args) >= 2 and args[0] == "--build":
        build = os.path.abspath(args[1])
        args = args[2:]
    workload = args[0] if args else "rows-10k"
    fmt = args[1] if len(args) > 1 else "docx"
    plan = os.path.join(build, "bench", "work", workload)
    if workload.startswith("ex-"):
        plan = os.path.join(ROOT, "examples", workload[3:])
    out = os.path.join(build, "bench", "callgrind-%s-%s.out" % (workload, fmt))
    target = os.path.join("/dev/shm" if os.path.isdir("/dev/shm") else build, "kh-profile." + fmt)
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                    os.path.join(build, "kehoach"), "render", plan, "-o", target,
                    # callgrind runs ~50× slower: no wall-clock limit, room for 100k rows
                    "--max-seconds", "0", "--max-memory", "4096"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if os.path.exists(target):
        os.unlink(target)
    incl = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                          capture_output=True, text=True).stdout
    excl = subprocess.run(["callgrind_annotate", "--threshold=100", out],
                          capture_output=True, text=True).stdout
    total = None
    by_fn = {}
    for line in incl.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S+)", line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        where = m.group(3)
        if where == "PROGRAM":
            total = n
            continue
        fn = where.split(":", 1)[1] if ":" in where else where
        fn = fn.split(" ")[0]
        by_fn[fn] = max(by_fn.get(fn, 0), n)
    m = re.search(r"([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", incl)
    total = int(m.group(1).replace(",", "")) if m else total
    print("callgrind: kehoach render %s → %s: %s instructions in all" % (workload, fmt.upper(), "{:,}".format(total)))
    print()
    print("%-62s %16s %7s" % ("stage (inclusive)", "instructions", "share"))
    for label, fn in STAGES:
        if fn is None:
            n = 0
            for line in excl.splitlines():
                mm = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+\S*malloc\.c:(\w+)", line)
                if mm and mm.group(3) in ("malloc", "free", "realloc", "_int_malloc", "_int_free",
                                          "_int_realloc", "malloc_consolidate", "unlink_chunk.constprop.0",
                                          "calloc", "cfree"):
                    n += int(mm.group(1).replace(",", ""))
        elif fn == "-template":
            n = by_fn.get("build", 0) - by_fn.get("kh_plan_load", 0)
        else:
            n = by_fn.get(fn)
        if n:
            print("%-62s %16s %6.1f%%" % (label, "{:,}".format(n), 100.0 * n / total))
    print()
    print("largest exclusive costs:")
    shown = 0
    for line in excl.splitlines():
        mm = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S+)(?: \[(\S+)\])?", line)
        if not mm or mm.group(3) == "PROGRAM":
            continue
        lib = os.path.basename(mm.group(4) or "")
        print("  %6s%%  %s  %s" % (mm.group(2), mm.group(3), lib))
        shown += 1
        if shown >= 20:
            break
    print()
    print("callgrind output: %s (callgrind_annotate, kcachegrind)" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
