#!/usr/bin/env python3
"""`make bench`: kehoach against pandoc, the deflate floor, scaling, documents per second.

    bench/run.py [--build DIR] [--runs N] [--quick] [--pandoc-100k]

For each workload written by bench/gen.py, four peers — kehoach → DOCX, pandoc → DOCX,
kehoach → ODT, pandoc → ODT — run in turn, round after round (A B C D A B C D …): one warm-up
round, then RUNS measured rounds (default 5). Each run is a child process started with
GNU time (/usr/bin/time -f "%M %U %S", i.e. wait4's ru_maxrss and CPU time of the child it
forks), spawned with posix_spawn and reaped with os.wait4; the wall time is taken around spawn
and wait. Reported: medians, and pandoc/kehoach.

Slow peers get fewer runs: pandoc, when its warm-up took more than SLOW_S seconds, counts that
run as a sample and gets only as many more as fit in CELL_BUDGET_S (at least the one); kehoach
always gets its RUNS runs after the warm-up. pandoc at
100,000 rows (many minutes, several GiB) is skipped unless --pandoc-100k is given; the report
says so. Outputs are written to a tmpfs folder (/dev/shm) when there is one, so the disk's speed
(and kehoach's fsync) does not enter the times.

Then: bench/deflate_floor on kehoach's own outputs at 10k and 100k rows; bench/batch on the
examples; results in BUILD/bench/results.json, read by bench/report.py.
"""
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SLOW_S = 8.0           # a warm-up longer than this counts as a sample
CELL_BUDGET_S = 100.0  # what a slow peer may take on one workload, warm-up included
FLOOR_REPS = {"rows-10k": 7, "rows-100k": 5}
BATCH_TOTAL = 200


def log(msg):
    sys.stdout.write(msg + "\n")
    sys.stdout.flush()


TIME = "/usr/bin/time"   # GNU time: its child's ru_maxrss starts from a small process


def run_once(argv):
    """Run ARGV under GNU time; return (wall s, peak RSS KiB, user+sys CPU s, exit status).

    The peak memory is GNU time's %M, i.e. wait4's ru_maxrss of the child it forked. It is not
    taken from a child of this Python process: Linux carries the parent's memory high-water mark
    into a child that forks (or vforks, as posix_spawn does) and then execs, which would add
    Python's 10–15 MiB to every figure. The wall time is taken here, around the whole run."""
    devnull = os.open(os.devnull, os.O_RDWR)
    errlog = tempfile.TemporaryFile()
    fd, report = tempfile.mkstemp(prefix="kh-bench-time-")
    os.close(fd)
    full = [TIME, "-f", "%M %U %S", "-o", report, "--"] + argv
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
               (os.POSIX_SPAWN_DUP2, errlog.fileno(), 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(TIME, full, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    os.close(devnull)
    code = os.waitstatus_to_exitcode(status)
    with open(report) as f:
        fields = f.read().split("\n")
    os.unlink(report)
    last = [line for line in fields if line.strip()][-1].split()
    # CPU from wait4 (microseconds; GNU time's %U %S count in hundredths, too coarse for a run
    # of 10 ms): the time process's own, with the program it waited for, which is nearly all.
    rss, cpu = int(last[0]), usage.ru_utime + usage.ru_stime
    if code != 0:
        errlog.seek(0)
        sys.stderr.write("bench: %s exited %d: %s\n" % (" ".join(argv), code,
                                                         errlog.read().decode(errors="replace")[-2000:]))
    errlog.close()
    return wall, rss, cpu, code


def version(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return "unknown"


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_bytes": mem,
            "kernel": platform.release(), "python": platform.python_version()}


# kehoach's default budget (--max-memory 1024: the Lua heap plus what the document model is
# charged) does not hold a 100,000-row table; the largest workloads get this much, and the run
# records what the default gives (see probe_default_budget).
BIG_ROWS = 100000
BIG_BUDGET_MB = "4096"


def kehoach_args(w):
    if w["kind"] == "rows" and w["size"] >= BIG_ROWS:
        return ["--max-memory", BIG_BUDGET_MB]
    return []


def probe_default_budget(kehoach, w, outdir):
    """Render W once with kehoach's default limits; return None, or the error it gives."""
    p = subprocess.run([kehoach, "render", w["plan"], "-o", os.path.join(outdir, "probe.docx")],
                       capture_output=True, text=True)
    return None if p.returncode == 0 else "exit %d: %s" % (p.returncode, p.stderr.strip())


def peers(kehoach, w, outdir):
    name = w["name"]
    kx = kehoach_args(w)
    return [
        ("kehoach", "docx", [kehoach, "render", w["plan"]] + kx + ["-o", os.path.join(outdir, name + ".kh.docx")]),
        ("pandoc", "docx", ["pandoc", "-f", "markdown", "-t", "docx", w["markdown"],
                            "-o", os.path.join(outdir, name + ".pd.docx")]),
        ("kehoach", "odt", [kehoach, "render", w["plan"]] + kx + ["-o", os.path.join(outdir, name + ".kh.odt")]),
        ("pandoc", "odt", ["pandoc", "-f", "markdown", "-t", "odt", w["markdown"],
                           "-o", os.path.join(outdir, name + ".pd.odt")]),
    ]


def measure(kehoach, w, outdir, runs, skip_pandoc):
    """Alternate the four peers round by round; return one record per peer."""
    cells = []
    for tool, fmt, argv in peers(kehoach, w, outdir):
        cells.append({"tool": tool, "format": fmt, "argv": argv, "samples": [], "skipped": None,
                      "max_runs": runs, "warmup_s": None})
        if tool == "pandoc" and skip_pandoc:
            cells[-1]["skipped"] = skip_pandoc
    for rnd in range(runs + 1):   # round 0: the warm-up
        for c in cells:
            if c["skipped"] or len(c["samples"]) >= c["max_runs"]:
                continue
            wall, rss, cpu, code = run_once(c["argv"])
            if code != 0:
                c["skipped"] = "failed (exit %d)" % code
                continue
            sample = {"wall_s": wall, "rss_kib": rss, "cpu_s": cpu}
            if rnd == 0:
                c["warmup_s"] = wall
                if wall > SLOW_S and c["tool"] == "pandoc":
                    # Slow: this run is a sample too (a cold start is noise next to it), and
                    # only as many more as the budget allows.
                    c["samples"].append(sample)
                    c["max_runs"] = max(1, min(runs, int(CELL_BUDGET_S // wall)))
                    c["note"] = "slow: %d run(s), the first one included" % c["max_runs"]
            else:
                c["samples"].append(sample)
    out = []
    for c in cells:
        rec = {"workload": w["name"], "kind": w["kind"], "size": w["size"], "tool": c["tool"],
               "format": c["format"], "runs": len(c["samples"]), "skipped": c["skipped"],
               "note": c.get("note"), "warmup_s": c["warmup_s"]}
        if c["samples"]:
            rec["wall_s"] = statistics.median(s["wall_s"] for s in c["samples"])
            rec["wall_min_s"] = min(s["wall_s"] for s in c["samples"])
            rec["wall_max_s"] = max(s["wall_s"] for s in c["samples"])
            rec["cpu_s"] = statistics.median(s["cpu_s"] for s in c["samples"])
            rec["rss_kib"] = max(s["rss_kib"] for s in c["samples"])
            outfile = c["argv"][-1]
            rec["output_bytes"] = os.path.getsize(outfile) if os.path.exists(outfile) else None
            rec["output"] = outfile
        out.append(rec)
    return out


def floor(tool, path, reps):
    p = subprocess.run([tool, "-r", str(reps), path], capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        return None
    rec = {}
    for kv in p.stdout.split():
        k, v = kv.split("=", 1)
        try:
            rec[k] = float(v) if "." in v else int(v)
        except ValueError:
            rec[k] = v
    return rec


def batch(tool, plans, total):
    p = subprocess.run([tool, "-n", str(total)] + plans, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        return []
    out = []
    for line in p.stdout.splitlines():
        rec = dict(kv.split("=", 1) for kv in line.split())
        out.append({"format": rec["format"], "documents": int(rec["documents"]),
                    "seconds": float(rec["seconds"]), "docs_per_s": float(rec["docs_per_s"])})
    return out


def fmt_s(x):
    if x is None:
        return "—"
    return "%.3f" % x if x < 10 else "%.1f" % x


def main(argv):
    build = os.path.join(ROOT, "build")
    runs = 5
    quick = False
    pandoc_100k = False
    args = list(argv[1:])
    while args:
        a = args.pop(0)
        if a == "--build":
            build = os.path.abspath(args.pop(0))
        elif a == "--runs":
            runs = int(args.pop(0))
        elif a == "--quick":
            quick = True
        elif a == "--pandoc-100k":
            pandoc_100k = True
        else:
            sys.stderr.write(__doc__)
            return 2
    kehoach = os.path.join(build, "kehoach")
    bdir = os.path.join(build, "bench")
    work = os.path.join(bdir, "work")
    if not os.access(TIME, os.X_OK):
        sys.stderr.write("bench: GNU time (%s) is not installed (scripts/install-deps)\n" % TIME)
        return 1
    if not shutil.which("pandoc"):
        sys.stderr.write("bench: pandoc is not installed (scripts/install-deps)\n")
        return 1

    started = time.time()
    log("bench: generating the workloads in %s" % work)
    only = ["--only", "ex-dak-lak-2026,rows-1k,paras-1k"] if quick else []
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), work] + only, check=True,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(work, "workloads.json")) as f:
        workloads = json.load(f)

    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    outdir = tempfile.mkdtemp(prefix="kehoach-bench-", dir=shm or bdir)
    results = {
        "machine": machine(),
        "versions": {"kehoach": version([kehoach, "--version"]),
                     "pandoc": version(["pandoc", "--version"]),
                     "zlib": version(["sh", "-c", "dpkg-query -W -f='${Version}' zlib1g 2>/dev/null"]),
                     "libzip": version(["pkg-config", "--modversion", "libzip"])},
        "runs": runs, "slow_s": SLOW_S, "cell_budget_s": CELL_BUDGET_S,
        "output_dir": "tmpfs (/dev/shm)" if shm else "disk (%s)" % outdir,
        "loadavg_start": os.getloadavg(),
        "measurements": [], "floor": [], "batch": [], "notes": [],
    }

    log("bench: %d measured runs after a warm-up round; peers alternate round by round" % runs)
    log("%-20s %-8s %-5s %4s %10s %10s %10s %12s" % ("workload", "tool", "fmt", "n", "median s",
                                                      "min s", "cpu s", "peak RSS MiB"))
    for w in workloads:
        skip = None
        if w["kind"] == "rows" and w["size"] >= 100000 and not pandoc_100k:
            skip = ("skipped: pandoc at 100,000 rows takes far more than this run's budget (a trial "
                    "on the 2-core machine of docs/performance.md: pandoc → DOCX had not finished "
                    "after 25 minutes, 16.5 min of CPU, 3.3 GiB resident and growing); "
                    "`make bench BENCH_ARGS=--pandoc-100k` runs it once")
        if kehoach_args(w):
            failure = probe_default_budget(kehoach, w, outdir)
            note = ("with the default limits: %s; measured with --max-memory %s" % (failure, BIG_BUDGET_MB)
                    if failure else "the default limits suffice; measured with --max-memory %s" % BIG_BUDGET_MB)
            results["notes"].append({"workload": w["name"], "note": note, "default_fails": bool(failure)})
            log("%-20s kehoach  %s" % (w["name"], note))
        recs = measure(kehoach, w, outdir, runs, skip)
        for r in recs:
            if r["tool"] == "kehoach" and kehoach_args(w):
                r["note"] = "--max-memory %s" % BIG_BUDGET_MB
        if skip is None and w["kind"] == "rows" and w["size"] >= 100000:
            for r in recs:
                if r["tool"] == "pandoc":
                    r["note"] = "one run (--pandoc-100k)"
        for r in recs:
            if r.get("skipped"):
                log("%-20s %-8s %-5s %s" % (r["workload"], r["tool"], r["format"], r["skipped"]))
            else:
                log("%-20s %-8s %-5s %4d %10s %10s %10s %12.1f%s" % (
                    r["workload"], r["tool"], r["format"], r["runs"], fmt_s(r["wall_s"]),
                    fmt_s(r["wall_min_s"]), fmt_s(r["cpu_s"]), r["rss_kib"] / 1024.0,
                    "   (" + r["note"] + ")" if r.get("note") else ""))
        results["measurements"].extend(recs)
        with open(os.path.join(bdir, "results.json"), "w") as f:   # partial results survive a stop
            json.dump(results, f, indent=1, ensure_ascii=False)

    floor_tool = os.path.join(bdir, "deflate_floor")
    for r in results["measurements"]:
        if r["tool"] == "kehoach" and r["workload"] in FLOOR_REPS and r.get("output"):
            rec = floor(floor_tool, r["output"], FLOOR_REPS[r["workload"]])
            if rec:
                rec.update({"workload": r["workload"], "format": r["format"], "kehoach_s": r["wall_s"],
                            "ratio": r["wall_s"] / rec["median_s"]})
                results["floor"].append(rec)
                log("floor  %-12s %-5s deflate %8.3f s (%d XML bytes → %d)  kehoach %8.3f s  ratio %.1f×%s" % (
                    r["workload"], r["format"], rec["median_s"], rec["xml_bytes"], rec["deflated_bytes"],
                    r["wall_s"], rec["ratio"], "" if rec["same_size"] else "  (sizes differ from libzip's!)"))

    examples = [w["plan"] for w in workloads if w["kind"] == "example"]
    if examples:
        results["batch"] = batch(os.path.join(bdir, "batch"), examples, BATCH_TOTAL if not quick else 30)
        for b in results["batch"]:
            log("batch  %-5s %d documents (%d examples, round robin) in %.3f s: %.1f documents/s" % (
                b["format"], b["documents"], len(examples), b["seconds"], b["docs_per_s"]))

    shutil.rmtree(outdir, ignore_errors=True)
    results["loadavg_end"] = os.getloadavg()
    results["elapsed_s"] = time.time() - started
    results["date"] = time.strftime("%Y-%m-%d %H:%M %Z")
    with open(os.path.join(bdir, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    log("bench: done in %.0f s; results in %s" % (results["elapsed_s"], os.path.join(bdir, "results.json")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
