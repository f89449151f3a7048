#!/usr/bin/env python3
"""Write docs/performance.md and docs/performance-rows.png from BUILD/bench/results.json.

    bench/report.py [--build DIR]

The text comes from bench/performance.md.in ($names replaced); the section "Where the time
goes" from bench/profile.md (written from bench/profile.py's callgrind summary). The plot is
drawn by gnuplot (log-log, time against rows, kehoach and pandoc, DOCX and ODT).
"""
import json
import os
import shutil
import string
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The targets (reported, never asserted): CPU time and peak memory against pandoc in the same
# run, the deflate floor, and absolute memory and start-up cost where the target is one.
T_SEED_SPEEDUP = 15.0      # seed-size plans: pandoc CPU / kehoach CPU, per process
T_SEED_CPU_MS = 4.0        # seed-size plans: kehoach CPU per process
T_BATCH = 500.0            # documents per second in one batch process
T_10K_SPEEDUP = 100.0      # 10,000 rows: pandoc CPU / kehoach CPU
T_10K_MEMORY = 1 / 50.0    # 10,000 rows: kehoach peak memory / pandoc's
T_100K_MIB = 32.0          # 100,000 rows: peak memory at the default limits
T_FLOOR = 1.5
T_LINEAR = 1.1             # time per row at 100,000 rows against 10,000

# Before the work on streaming (the figures of the measurement that asked for it: CPU medians,
# pandoc in the same run), for the table of before and after.
BEFORE = [
    ("rows-1k", "docx", 0.120, 1.61, 22),
    ("rows-10k", "docx", 1.24, 33.5, 165),
    ("rows-100k", "docx", 12.5, None, 1263),
]
BEFORE_SEED_MS = 11.0
BEFORE_BATCH = 130.0


def mib(kib):
    return kib / 1024.0


def s(x):
    if x is None:
        return "—"
    if x < 0.1:
        return "%.4f" % x
    if x < 10:
        return "%.3f" % x
    return "%.1f" % x


def ratio(x):
    return "—" if x is None else ("%.0f×" % x if x >= 100 else "%.1f×" % x)


def find(ms, workload, tool, fmt):
    for m in ms:
        if m["workload"] == workload and m["tool"] == tool and m["format"] == fmt and not m.get("skipped"):
            return m
    return None


def results_table(res):
    ms = res["measurements"]
    names = []
    for m in ms:
        if m["workload"] not in names:
            names.append(m["workload"])
    rows = ["| workload | format | kehoach s | pandoc s | **pandoc / kehoach** | kehoach CPU s | pandoc CPU s "
            "| kehoach MiB | pandoc MiB | **memory pandoc / kehoach** | kehoach KiB out | pandoc KiB out | n (kh, pd) |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"]
    for w in names:
        for fmt in ("docx", "odt"):
            k = find(ms, w, "kehoach", fmt)
            p = find(ms, w, "pandoc", fmt)
            if not k:
                continue
            if p:
                rows.append("| %s | %s | %s | %s | **%s** | %s | %s | %.1f | %.1f | **%s** | %.0f | %.0f | %d, %d%s |" % (
                    w, fmt.upper(), s(k["wall_s"]), s(p["wall_s"]), ratio(p["wall_s"] / k["wall_s"]),
                    s(k["cpu_s"]), s(p["cpu_s"]), mib(k["rss_kib"]), mib(p["rss_kib"]),
                    ratio(p["rss_kib"] / k["rss_kib"]), k["output_bytes"] / 1024.0,
                    p["output_bytes"] / 1024.0, k["runs"], p["runs"],
                    " (pandoc: %s)" % p["note"] if p.get("note") else ""))

            else:
                skipped = [m for m in ms if m["workload"] == w and m["tool"] == "pandoc" and m["format"] == fmt]
                why = "skipped, see Method" if skipped and skipped[0].get("skipped", "").startswith("skipped") \
                    else (skipped[0].get("skipped") if skipped else "not run")
                rows.append("| %s | %s | %s | — | — | %s | — | %.1f | — | — | %.0f | — | %d, 0 (pandoc %s%s) |" % (
                    w, fmt.upper(), s(k["wall_s"]), s(k["cpu_s"]), mib(k["rss_kib"]),
                    k["output_bytes"] / 1024.0, k["runs"], why,
                    "; kehoach: " + k["note"] if k.get("note") else ""))
    return "\n".join(rows)


def targets(res):
    ms = res["measurements"]
    out = []   # (target, value, met, factor missed by)

    # 1. Seed-size plans (examples/): ≥ 15× pandoc's CPU per process, ≤ 4 ms of CPU.
    ex = [(m["workload"], m["format"]) for m in ms if m["kind"] == "example" and m["tool"] == "kehoach"]
    worst, slowest = None, None
    for w, fmt in ex:
        k, p = find(ms, w, "kehoach", fmt), find(ms, w, "pandoc", fmt)
        if k and (slowest is None or k["cpu_s"] > slowest[0]):
            slowest = (k["cpu_s"], w, fmt)
        if k and p and k["cpu_s"] > 0:
            r = p["cpu_s"] / k["cpu_s"]
            if worst is None or r < worst[0]:
                worst = (r, w, fmt)
    if worst:
        out.append(("seed-size plans (examples/): ≥ %d× less CPU than pandoc, per process" % T_SEED_SPEEDUP,
                    "lowest ratio %s (%s, %s)" % (ratio(worst[0]), worst[1], worst[2].upper()),
                    worst[0] >= T_SEED_SPEEDUP, T_SEED_SPEEDUP / worst[0]))
    if slowest:
        ms_cpu = 1000.0 * slowest[0]
        out.append(("seed-size plans: ≤ %.0f ms of CPU per process" % T_SEED_CPU_MS,
                    "%.1f ms at most (%s, %s)" % (ms_cpu, slowest[1], slowest[2].upper()),
                    ms_cpu <= T_SEED_CPU_MS, ms_cpu / T_SEED_CPU_MS))

    # 2. One batch process: ≥ 500 documents per second.
    for b in res.get("batch", []):
        out.append(("one process, %s: ≥ %.0f seed-size documents per second" % (b["format"].upper(), T_BATCH),
                    "%.0f" % b["docs_per_s"], b["docs_per_s"] >= T_BATCH, T_BATCH / b["docs_per_s"]))

    # 3. 10,000 rows: ≥ 100× less CPU than pandoc, ≤ 1/50 of its peak memory.
    for fmt in ("docx", "odt"):
        k, p = find(ms, "rows-10k", "kehoach", fmt), find(ms, "rows-10k", "pandoc", fmt)
        if k and p and k["cpu_s"] > 0:
            r = p["cpu_s"] / k["cpu_s"]
            out.append(("10,000 rows, %s: ≥ %d× less CPU than pandoc" % (fmt.upper(), T_10K_SPEEDUP),
                        "%s (%s s against %s s)" % (ratio(r), s(k["cpu_s"]), s(p["cpu_s"])),
                        r >= T_10K_SPEEDUP, T_10K_SPEEDUP / r))
            mr = k["rss_kib"] / p["rss_kib"]
            out.append(("10,000 rows, %s: peak memory ≤ 1/50 of pandoc's" % fmt.upper(),
                        "1/%.1f (%.0f MiB against %.0f MiB)" % (1 / mr, mib(k["rss_kib"]), mib(p["rss_kib"])),
                        mr <= T_10K_MEMORY, mr / T_10K_MEMORY))

    # 4. 100,000 rows at the default limits: ≤ 32 MiB, time per row within 1.1× of 10,000 rows.
    for fmt in ("docx", "odt"):
        b = find(ms, "rows-100k", "kehoach", fmt)
        if b:
            out.append(("100,000 rows, %s: peak memory ≤ %.0f MiB" % (fmt.upper(), T_100K_MIB),
                        "%.0f MiB" % mib(b["rss_kib"]), mib(b["rss_kib"]) <= T_100K_MIB,
                        mib(b["rss_kib"]) / T_100K_MIB))
        a = find(ms, "rows-10k", "kehoach", fmt)
        if a and b:
            pa, pb = a["cpu_s"] / 10000, b["cpu_s"] / 100000
            out.append(("100,000 rows, %s: CPU per row ≤ %.1f× that at 10,000" % (fmt.upper(), T_LINEAR),
                        "%.1f µs/row against %.1f µs/row: %.2f×" % (pb * 1e6, pa * 1e6, pb / pa),
                        pb / pa <= T_LINEAR, (pb / pa) / T_LINEAR))

    # 5. ≤ 1.5× the deflate floor at 10k and 100k rows.
    for f in res.get("floor", []):
        out.append(("%s, %s: ≤ %.1f× the deflate floor" % (f["workload"], f["format"].upper(), T_FLOOR),
                    "%s (kehoach %s s, deflate %s s)" % (ratio(f["ratio"]), s(f["kehoach_s"]), s(f["median_s"])),
                    f["ratio"] <= T_FLOOR, f["ratio"] / T_FLOOR))

    rows = ["| target | measured | met? |", "|---|---|---|"]
    for name, value, met, factor in out:
        verdict = "**met**" if met else "**missed** by %.1f×" % factor
        rows.append("| %s | %s | %s |" % (name, value, verdict))
    return "\n".join(rows), out


def before_after(res):
    """The figures that asked for this work beside this run's (CPU medians, peak memory)."""
    ms = res["measurements"]
    rows = ["| workload | before: kehoach CPU s | before: pandoc CPU s | before: MiB | now: kehoach CPU s "
            "| now: pandoc CPU s | now: MiB |", "|---|--:|--:|--:|--:|--:|--:|"]
    for w, fmt, kcpu, pcpu, mem in BEFORE:
        k, p = find(ms, w, "kehoach", fmt), find(ms, w, "pandoc", fmt)
        rows.append("| %s %s | %s | %s | %s | %s | %s | %s |" % (
            w, fmt.upper(), s(kcpu), s(pcpu), "%d" % mem, s(k["cpu_s"]) if k else "—",
            s(p["cpu_s"]) if p else "—", "%.0f" % mib(k["rss_kib"]) if k else "—"))
    seeds = [m for m in ms if m["kind"] == "example" and m["tool"] == "kehoach" and m["format"] == "docx"]
    if seeds:
        worst = max(m["cpu_s"] for m in seeds)
        rows.append("| seed-size plan, CPU per process (slowest example) | %.1f ms | | | %.1f ms | | |" % (
            BEFORE_SEED_MS, 1000.0 * worst))
    for b in res.get("batch", []):
        if b["format"] == "docx":
            rows.append("| one batch process, DOCX documents/s | %.0f | | | %.0f | | |" % (BEFORE_BATCH, b["docs_per_s"]))
    return "\n".join(rows)


def floor_table(res):
    # deflated / XML: how compressible the workload's text is (varied text keeps the floor honest)
    rows = ["| workload | format | XML parts | XML bytes | deflated bytes | deflated / XML | same | deflate + CRC s | kehoach s | kehoach / floor |",
            "|---|---|--:|--:|--:|--:|---|--:|--:|--:|"]
    for f in res.get("floor", []):
        rows.append("| %s | %s | %d | %s | %s | %.1f%% | %s | %s | %s | **%s** |" % (
            f["workload"], f["format"].upper(), f["parts"], "{:,}".format(f["xml_bytes"]),
            "{:,}".format(f["deflated_bytes"]), 100.0 * f["deflated_bytes"] / max(f["xml_bytes"], 1),
            "yes" if f["same_size"] else "no",
            s(f["median_s"]), s(f["kehoach_s"]), ratio(f["ratio"])))
    if len(rows) == 2:
        return "(not measured in this run)"
    return "\n".join(rows)


def scaling(res):
    ms = res["measurements"]
    rows = ["| workload | N | kehoach DOCX µs/unit | kehoach ODT µs/unit | pandoc DOCX µs/unit | pandoc ODT µs/unit |",
            "|---|--:|--:|--:|--:|--:|"]
    for kind, unit in (("rows", "row"), ("paras", "paragraph")):
        for m in ms:
            if m["kind"] != kind or m["tool"] != "kehoach" or m["format"] != "docx":
                continue
            w, n = m["workload"], m["size"]
            cells = []
            for tool, fmt in (("kehoach", "docx"), ("kehoach", "odt"), ("pandoc", "docx"), ("pandoc", "odt")):
                x = find(ms, w, tool, fmt)
                cells.append("%.1f" % (x["wall_s"] / n * 1e6) if x else "—")
            rows.append("| %s (per %s) | %s | %s |" % (w, unit, "{:,}".format(n), " | ".join(cells)))
    return "\n".join(rows)


def batch_table(res):
    rows = ["| format | documents | seconds | **documents / s** | ms / document |", "|---|--:|--:|--:|--:|"]
    for b in res.get("batch", []):
        rows.append("| %s | %d | %.3f | **%.1f** | %.1f |" % (b["format"].upper(), b["documents"], b["seconds"],
                                                             b["docs_per_s"], 1000.0 * b["seconds"] / b["documents"]))
    return "\n".join(rows) if len(rows) > 2 else "(not measured in this run)"


def plot(res, build, png):
    ms = res["measurements"]
    series = []
    for tool, fmt in (("kehoach", "docx"), ("kehoach", "odt"), ("pandoc", "docx"), ("pandoc", "odt")):
        pts = sorted((m["size"], m["wall_s"]) for m in ms
                     if m["kind"] == "rows" and m["tool"] == tool and m["format"] == fmt and not m.get("skipped"))
        if pts:
            series.append(("%s → %s" % (tool, fmt.upper()), pts))
    if not series or not shutil.which("gnuplot"):
        return False
    dat = os.path.join(build, "bench", "rows.dat")
    with open(dat, "w") as f:
        for title, pts in series:
            f.write("# %s\n" % title)
            for n, t in pts:
                f.write("%d %.6f\n" % (n, t))
            f.write("\n\n")
    styles = ["lc rgb '#1b6ac9' pt 7", "lc rgb '#1b6ac9' pt 5 dt 2", "lc rgb '#c0392b' pt 7", "lc rgb '#c0392b' pt 5 dt 2"]
    plots = ", ".join("'%s' index %d using 1:2 with linespoints lw 2 ps 1.3 %s title '%s'" % (
        dat, i, styles[i % 4], t.replace("'", "")) for i, (t, _) in enumerate(series))
    script = "\n".join([
        "set terminal pngcairo size 900,600 font 'Liberation Sans,11'",
        "set output '%s'" % png,
        "set logscale xy",
        "set grid xtics ytics mxtics mytics lc rgb '#dddddd'",
        "set key top left",
        "set xlabel 'appendix rows (6 columns)'",
        "set ylabel 'wall time, s (median)'",
        "set title 'Rendering an appendix table: time against rows (log-log)'",
        "set xrange [700:140000]",
        "set format x '%.0s%c'",
    ] + (["set label 1 'pandoc at 100k rows: not run (see Method)' at graph 0.55, graph 0.93 tc rgb '#c0392b'"]
         if not any(m["kind"] == "rows" and m["size"] >= 100000 and m["tool"] == "pandoc" and not m.get("skipped")
                    for m in ms) else []) + [
        "plot " + plots,
    ])
    p = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        return False
    return True


def notes(res):
    out = []
    for n in res.get("notes", []):
        out.append("- **%s**, kehoach: %s." % (n["workload"], n["note"].rstrip(".")))
    ms = res["measurements"]
    for m in ms:
        if m["tool"] == "kehoach" and m.get("skipped"):
            out.append("- **%s**, kehoach → %s: %s." % (m["workload"], m["format"].upper(), m["skipped"]))
    return "\n".join(out)


def headline(res, tg):
    ms = res["measurements"]
    parts = []
    ex = [m for m in ms if m["kind"] == "example" and m["tool"] == "kehoach"]
    rs = []
    for k in ex:
        p = find(ms, k["workload"], "pandoc", k["format"])
        if p:
            rs.append(p["wall_s"] / k["wall_s"])
    if rs:
        parts.append("- **examples/** (seed-size plans): kehoach is **%s–%s faster** than pandoc." % (
            ratio(min(rs)), ratio(max(rs))))
    for n in ("1k", "10k", "100k"):
        line = []
        for fmt in ("docx", "odt"):
            k, p = find(ms, "rows-" + n, "kehoach", fmt), find(ms, "rows-" + n, "pandoc", fmt)
            if k and p:
                line.append("%s %s faster, %s less memory (%s s against %s s)" % (
                    fmt.upper(), ratio(p["wall_s"] / k["wall_s"]), ratio(p["rss_kib"] / k["rss_kib"]),
                    s(k["wall_s"]), s(p["wall_s"])))
            elif k:
                line.append("%s in %s s, %.0f MiB (pandoc not run)" % (fmt.upper(), s(k["wall_s"]), mib(k["rss_kib"])))
        if line:
            parts.append("- **%s-row appendix**: %s." % (n, "; ".join(line)))
    for n in ("1k", "10k"):
        line = []
        for fmt in ("docx", "odt"):
            k, p = find(ms, "paras-" + n, "kehoach", fmt), find(ms, "paras-" + n, "pandoc", fmt)
            if k and p:
                line.append("%s %s faster" % (fmt.upper(), ratio(p["wall_s"] / k["wall_s"])))
        if line:
            parts.append("- **%s-paragraph body**: %s." % (n, "; ".join(line)))
    fl = res.get("floor", [])
    if fl:
        parts.append("- **deflate floor**: kehoach takes %s the time of compressing its own XML alone." % (
            ", ".join("%s× (%s %s)" % ("%.1f" % f["ratio"], f["workload"], f["format"].upper()) for f in fl)))
    for b in res.get("batch", []):
        parts.append("- **one process**: %.0f %s documents per second (examples/)." % (b["docs_per_s"], b["format"].upper()))
    for n in res.get("notes", []):
        if n.get("default_fails"):
            parts.append("- **%s with the default `--max-memory 1024`: kehoach fails** (budget exceeded); "
                         "it was measured with a larger budget (see the notes under [Results](#results))." % n["workload"])
    met = sum(1 for t in tg if t[2])
    parts.append("- **targets**: %d of %d met; see [Targets](#targets)." % (met, len(tg)))
    return "\n".join(parts)


def main(argv):
    build = os.path.join(ROOT, "build")
    if len(argv) > 2 and argv[1] == "--build":
        build = os.path.abspath(argv[2])
    with open(os.path.join(build, "bench", "results.json")) as f:
        res = json.load(f)
    with open(os.path.join(HERE, "performance.md.in")) as f:
        tmpl = string.Template(f.read())
    profile_path = os.path.join(HERE, "profile.md")
    profile = open(profile_path).read().strip() if os.path.exists(profile_path) else "(no profile)"
    targets_md, tg = targets(res)
    m = res["machine"]
    ms = res["measurements"]
    workloads = []
    for x in ms:
        if x["workload"] not in workloads:
            workloads.append(x["workload"])
    skipped = sorted({"%s %s" % (x["workload"], x["format"].upper()) for x in ms
                      if x["tool"] == "pandoc" and x.get("skipped")})
    skip_note = ("pandoc was not run on: %s (%s)." % (", ".join(skipped), next(
        x["skipped"] for x in ms if x["tool"] == "pandoc" and x.get("skipped")))) if skipped else ""
    el = res.get("elapsed_s", 0)
    docs = os.path.join(ROOT, "docs")
    png = os.path.join(docs, "performance-rows.png")
    plot(res, build, png)
    text = tmpl.substitute(
        date=res.get("date", ""),
        headline=headline(res, tg),
        nproc=m["nproc"], cpu=m["cpu"], memory="%.1f GiB" % (m["memory_bytes"] / 2 ** 30),
        kernel=m["kernel"],
        kehoach_version=res["versions"]["kehoach"], pandoc_version=res["versions"]["pandoc"],
        libzip_version=res["versions"]["libzip"], zlib_version=res["versions"]["zlib"],
        loadavg="%.2f, %.2f" % (res["loadavg_start"][0], res.get("loadavg_end", [0])[0]),
        output_dir=res["output_dir"],
        elapsed="%d min %02d s" % (el // 60, el % 60),
        elapsed_round="%d minutes" % max(1, round(el / 60)),
        workload_list=", ".join("`%s`" % w for w in workloads),
        runs=res["runs"], slow_s="%g" % res["slow_s"], budget_s="%g" % res["cell_budget_s"],
        skip_note=skip_note,
        results_table=results_table(res),
        targets_table=targets_md,
        floor_table=floor_table(res),
        scaling_table=scaling(res),
        nexamples=len([w for w in workloads if w.startswith("ex-")]),
        batch_total=res["batch"][0]["documents"] if res.get("batch") else 0,
        batch_table=batch_table(res),
        before_after=before_after(res),
        profile=profile,
        notes=notes(res),
    )
    with open(os.path.join(docs, "performance.md"), "w") as f:
        f.write(text)
    print("bench: wrote docs/performance.md%s" % (" and docs/performance-rows.png" if os.path.exists(png) else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
