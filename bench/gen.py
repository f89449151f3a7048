#!/usr/bin/env python3
"""Generate the benchmark workloads: plans in kehoach's format and the same content as the
Markdown (pipe tables) that pandoc reads.

    bench/gen.py OUTDIR [--only NAME,NAME…]

Writes, under OUTDIR:
    ex-<example>.md                  a Markdown rendition of each plan in examples/ (kehoach
                                     renders examples/<example> itself)
    rows-<N>/plan.lua, body.txt, phu-luc.csv, and rows-<N>.md
                                     one appendix table of N data rows × 6 columns
    paras-<N>/plan.lua, body.txt, and paras-<N>.md
                                     a body of N paragraphs under '#' and '##' headings
    workloads.json                   what was written: name, kind, size, the plan folder, the
                                     Markdown file, and the sizes of the inputs

Plain python3 standard library; deterministic (a fixed seed per workload), so two runs write
byte-identical files.
"""
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
SEED = 20260601

ROW_SIZES = (1000, 10000, 100000)
PARA_SIZES = (1000, 10000)


# ---------------------------------------------------------------------------------------------
# A reader for the Lua table literals of examples/*/plan.lua: enough Lua to read a plan file
# (tables, strings, numbers, nil/true/false, comments, and the calls read_text(…) and
# read_table(…)), never executing anything.

class LuaCall:
    def __init__(self, name, args):
        self.name, self.args = name, args


def _lua_tokens(src):
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in " \t\r\n":
            i += 1
        elif src.startswith("--", i):
            m = re.match(r"--\[(=*)\[", src[i:])
            if m:
                close = "]" + m.group(1) + "]"
                j = src.find(close, i)
                i = n if j < 0 else j + len(close)
            else:
                j = src.find("\n", i)
                i = n if j < 0 else j + 1
        elif c in "\"'":
            j, out = i + 1, []
            while src[j] != c:
                if src[j] == "\\":
                    esc = src[j + 1]
                    out.append({"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}.get(esc, esc))
                    j += 2
                else:
                    out.append(src[j])
                    j += 1
            yield ("str", "".join(out))
            i = j + 1
        elif src.startswith("[[", i) or re.match(r"\[=+\[", src[i:]):
            m = re.match(r"\[(=*)\[\n?", src[i:])
            close = "]" + m.group(1) + "]"
            j = src.find(close, i + m.end())
            yield ("str", src[i + m.end():j])
            i = j + len(close)
        elif c.isdigit():
            m = re.match(r"\d+(\.\d+)?", src[i:])
            yield ("num", float(m.group()) if m.group(1) else int(m.group()))
            i += m.end()
        elif c.isalpha() or c == "_":
            m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", src[i:])
            yield ("name", m.group())
            i += m.end()
        elif c in "{}=,;()":
            yield ("op", c)
            i += 1
        else:
            raise ValueError("plan.lua: unexpected %r at %d" % (c, i))


class _LuaReader:
    def __init__(self, src):
        self.toks = list(_lua_tokens(src))
        self.pos = 0

    def peek(self, k=0):
        return self.toks[self.pos + k] if self.pos + k < len(self.toks) else (None, None)

    def take(self, kind=None, value=None):
        tok = self.peek()
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise ValueError("plan.lua: expected %s %s, got %r" % (kind, value, tok))
        self.pos += 1
        return tok

    def value(self):
        kind, v = self.peek()
        if kind == "str" or kind == "num":
            self.pos += 1
            return v
        if kind == "op" and v == "{":
            return self.table()
        if kind == "name":
            self.pos += 1
            if v in ("nil", "true", "false"):
                return {"nil": None, "true": True, "false": False}[v]
            if self.peek() == ("op", "("):
                self.take("op", "(")
                args = []
                while self.peek() != ("op", ")"):
                    args.append(self.value())
                    if self.peek() == ("op", ","):
                        self.take()
                self.take("op", ")")
                return LuaCall(v, args)
            raise ValueError("plan.lua: unknown name %s" % v)
        raise ValueError("plan.lua: unexpected %r" % (self.peek(),))

    def table(self):
        self.take("op", "{")
        items, fields = [], {}
        while self.peek() != ("op", "}"):
            if self.peek()[0] == "name" and self.peek(1) == ("op", "="):
                key = self.take()[1]
                self.take("op", "=")
                fields[key] = self.value()
            else:
                items.append(self.value())
            if self.peek()[0] == "op" and self.peek()[1] in ",;":
                self.take()
        self.take("op", "}")
        if fields:
            fields["__list"] = items
            return fields
        return items


def read_plan_lua(path):
    with open(path, encoding="utf-8") as f:
        r = _LuaReader(f.read())
    r.take("name", "return")
    return r.value()


# ---------------------------------------------------------------------------------------------
# CSV (the same dialect as src/core/kh_csv.c: RFC 4180 quotes, a separator, UTF-8).

def read_csv(path, sep=","):
    import csv
    with open(path, encoding="utf-8", newline="") as f:
        return [row for row in csv.reader(f, delimiter=sep)]


def csv_line(cells):
    out = []
    for c in cells:
        if any(ch in c for ch in ',"\n\r') or c != c.strip():
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Markdown for pandoc.

def md_cell(text):
    # A pipe table cell is one line: a line break inside a kehoach cell becomes "; " here.
    text = " ".join(line.strip() for line in text.replace("\r", "").split("\n") if line.strip())
    return text.replace("|", "\\|")


def md_table(rows, header_rows, widths, restart=False):
    """Pipe table. kehoach's merges ('<' '^') become empty cells; group rows ('#I', title)
    become a row with the label and the title; the STT column is numbered as kehoach does
    ('n' format, continuous) so that the same characters reach both tools."""
    ncols = max(len(r) for r in rows)
    rows = [list(r) + [""] * (ncols - len(r)) for r in rows]
    widths = list(widths or [1] * ncols)
    total = sum(widths) or 1
    dashes = [max(3, round(72 * w / total)) for w in widths]
    head = [""] * ncols
    for r in rows[:header_rows]:   # a header of several rows: each column's lowest text
        head = [h if c in ("<", "^", "") else c for h, c in zip(head, r)]
    out = ["| " + " | ".join(md_cell(c) for c in head) + " |",
           "|" + "|".join("-" * d for d in dashes) + "|"]
    counter = 0
    for row in rows[header_rows:]:
        first = row[0]
        m = re.match(r"^(#+)(.*)$", first)
        if m:
            cells = [m.group(2)] + row[1:]
            if restart:
                counter = 0
        else:
            cells = list(row)
            if first == "" and any(c for c in row[1:]):
                counter += 1
                cells[0] = str(counter)
        cells = ["" if c in ("<", "^") else c for c in cells]
        out.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


def md_body(text):
    # kehoach's body markup is nearly Markdown already: '#'/'##' headings, blank-line
    # paragraphs, '- ' items, **bold**, *italic*, backslash escapes. '+ ' items and 'a)' items
    # are Markdown lists too; '1.1.' paragraphs stay paragraphs.
    return text.rstrip("\n") + "\n"


def as_list(v):
    if v is None:
        return []
    return v.get("__list", []) if isinstance(v, dict) else v


def md_document(doc, read_text, read_table_md):
    """One kehoach document (a plan, or one of a bundle's documents) as Markdown."""
    parts = []
    head = [doc.get("parent_agency"), doc.get("agency"), doc.get("place")]
    parts.append("\n\n".join(h for h in head if h) + "\n")
    parts.append("# %s\n\n**%s**\n" % (doc.get("type", ""), doc.get("subject", "")))
    for b in as_list(doc.get("bases")):
        parts.append(b + ";\n")
    body = doc.get("body")
    if isinstance(body, LuaCall):
        body = read_text(body.args[0])
    if body:
        parts.append(md_body(body))
    recipients = as_list(doc.get("recipients"))
    if recipients:
        parts.append("*Nơi nhận:*\n\n" + "".join("- %s;\n" % r for r in recipients))
    signer = doc.get("signer") or {}
    sig = [signer.get("authority"), signer.get("head"), signer.get("title"), signer.get("name")]
    if any(sig):
        parts.append("\n\n".join("**%s**" % s for s in sig if s) + "\n")
    appendices = as_list(doc.get("appendices"))
    for i, app in enumerate(appendices, 1):
        parts.append("# PHỤ LỤC %s\n\n**%s**\n" % (i, app.get("title", "")))
        if app.get("subtitle"):
            parts.append("*%s*\n" % app["subtitle"])
        table = app.get("table")
        if isinstance(table, LuaCall):
            parts.append(read_table_md(table))
    return "\n".join(parts)


def example_markdown(folder):
    plan = read_plan_lua(os.path.join(folder, "plan.lua"))

    def read_text(name):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            return f.read()

    def read_table_md(call):
        opts = call.args[1] if len(call.args) > 1 else {}
        sep = opts.get("separator", "\t" if call.args[0].endswith(".tsv") else ",")
        rows = read_csv(os.path.join(folder, call.args[0]), sep)
        columns = opts.get("columns") or []
        widths = [c.get("width", 1) if isinstance(c, dict) else 1 for c in columns]
        stt = opts.get("stt") or {}
        return md_table(rows, opts.get("header_rows", 1), widths or None, stt.get("restart", True))

    docs = plan.get("documents")
    if docs:
        shared = {k: v for k, v in plan.items() if k not in ("documents", "__list")}
        docs = as_list(docs)
        texts = []
        for d in docs:
            merged = dict(shared)
            merged.update(d)
            texts.append(md_document(merged, read_text, read_table_md))
        return "\n\\newpage\n\n".join(texts)
    return md_document(plan, read_text, read_table_md)


# ---------------------------------------------------------------------------------------------
# Realistic Vietnamese text for the generated plans.

ROMAN_Q = ["I", "II", "III", "IV"]
GROUP_TITLES = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                "CẢI CÁCH TỔ CHỨC BỘ MÁY", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG",
                "XÂY DỰNG, PHÁT TRIỂN CHÍNH QUYỀN SỐ"]


def period(rng):
    k = rng.random()
    year = rng.choice((2026, 2026, 2027))
    if k < 0.45:
        return "Quý %s/%d" % (rng.choice(ROMAN_Q), year)
    if k < 0.65:
        return "Tháng %d/%d" % (rng.randint(1, 12), year)
    if k < 0.85:
        return rng.choice(("Thường xuyên", "Hằng quý", "Hằng tháng", "Định kỳ 6 tháng"))
    return "Trước ngày %d/%d/%d" % (rng.randint(1, 28), rng.randint(1, 12), year)


# The words of the examples' bodies (real plans), for cell text in shuffled order: text as
# varied as a real appendix's, so that deflate finds no more repetition than it would there.
_WORDS = None


def seed_words():
    global _WORDS
    if _WORDS is None:
        words = []
        for name in sorted(os.listdir(EXAMPLES)):
            path = os.path.join(EXAMPLES, name, "body.txt")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    for w in re.findall(r"\w+", f.read()):
                        if not re.fullmatch(r"[0-9IVX_]+", w):
                            words.append(w)
        _WORDS = words
    return _WORDS


def shuffled_text(rng, lo, hi):
    """LO to HI characters of the seeds' words in random order, as a sentence."""
    words, out, n = seed_words(), [], rng.randint(lo, hi)
    size = 0
    while size < n:
        w = rng.choice(words)
        if out and rng.random() < 0.08:
            out[-1] += ","
        out.append(w)
        size += len(w) + 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def task(rng):
    text = shuffled_text(rng, 40, 200)
    if rng.random() < 0.05:
        text += " (*%s*)" % shuffled_text(rng, 15, 40)
    return text


def sentence(rng):
    return shuffled_text(rng, 60, 250) + "."


PLAN_HEAD = '''-- Generated by bench/gen.py (seed %(seed)d): %(what)s
return {
  parent_agency = "UBND TỈNH ĐẮK LẮK",
  agency = "SỞ XÂY DỰNG",
  agency_name = "Sở Xây dựng",
  type = "KẾ HOẠCH",
  number = 15,
  symbol = "KH-SXD",
  place = "Đắk Lắk",
  date = "2026-06-15",
  subject = "Cải cách hành chính năm 2026 của Sở Xây dựng",
  body = read_text("body.txt"),
  recipients = { "Sở Nội vụ", "Các phòng, đơn vị thuộc Sở (t/hiện)", "Lưu: VT, VP" },
  signer = { authority = "KT.", head = "GIÁM ĐỐC", title = "PHÓ GIÁM ĐỐC", name = "Lê Công Du" },
'''

ROWS_APPENDIX = '''  appendices = {
    {
      title = "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026",
      orientation = "landscape",
      table = read_table("phu-luc.csv", {
        header_rows = 1,
        columns = {
          { width = 5, align = "center" },
          { width = 33 },
          { width = 15 },
          { width = 14 },
          { width = 11, align = "center" },
          { width = 22 },
        },
        stt = { column = 1, format = "n", restart = false },
      }),
    },
  },
}
'''
ROWS_WIDTHS = (5, 33, 15, 14, 11, 22)
ROWS_HEADER = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm/Kết quả"]

SHORT_BODY = """Thực hiện Kế hoạch số 266/KH-UBND ngày 23/6/2026 của UBND tỉnh, Sở Xây dựng ban hành Kế hoạch triển khai thực hiện như sau:

# MỤC TIÊU

Hoàn thành **100%** nhiệm vụ cải cách hành chính được giao, theo Phụ lục kèm theo Kế hoạch này.

# TỔ CHỨC THỰC HIỆN

Các phòng, đơn vị kịp thời báo cáo Lãnh đạo Sở để xem xét, điều chỉnh, bổ sung
"""

MD_HEAD = """UBND TỈNH ĐẮK LẮK

SỞ XÂY DỰNG

Đắk Lắk, ngày 15 tháng 6 năm 2026

# KẾ HOẠCH

**Cải cách hành chính năm 2026 của Sở Xây dựng**

"""
MD_TAIL = """
*Nơi nhận:*

- Sở Nội vụ;
- Các phòng, đơn vị thuộc Sở (t/hiện);
- Lưu: VT, VP.

**KT. GIÁM ĐỐC**

**PHÓ GIÁM ĐỐC**

**Lê Công Du**
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def rows_workload(outdir, n):
    rng = random.Random(SEED + n)
    rows = [ROWS_HEADER]
    groups = 0
    for i in range(n):
        if i % 100 == 0:   # a group row every 100 data rows (I, II, …)
            groups += 1
            rows.append(["#" + roman(groups), rng.choice(GROUP_TITLES), "", "", "", ""])
        rows.append(["", task(rng), shuffled_text(rng, 15, 45), shuffled_text(rng, 15, 60), period(rng),
                     shuffled_text(rng, 20, 80)])
    name = "rows-%s" % human(n)
    folder = os.path.join(outdir, name)
    write(os.path.join(folder, "plan.lua"),
          PLAN_HEAD % {"seed": SEED + n, "what": "%d rows × 6 columns" % n} + ROWS_APPENDIX)
    write(os.path.join(folder, "body.txt"), SHORT_BODY)
    write(os.path.join(folder, "phu-luc.csv"), "".join(csv_line(r) for r in rows))
    md = (MD_HEAD + md_body(SHORT_BODY) + MD_TAIL +
          "\n# PHỤ LỤC\n\n**PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026**\n\n" +
          md_table(rows, 1, ROWS_WIDTHS))
    write(os.path.join(outdir, name + ".md"), md)
    return {"name": name, "kind": "rows", "size": n, "plan": folder,
            "markdown": os.path.join(outdir, name + ".md")}


def paras_workload(outdir, n):
    """N paragraphs: a '##' section every 5 paragraphs, a '#' section every 10 '##' sections;
    paragraphs of 1–6 sentences; one in ten a '- ' item."""
    rng = random.Random(SEED + 7 * n)
    out = ["Thực hiện Kế hoạch số 266/KH-UBND ngày 23/6/2026 của UBND tỉnh, Sở Xây dựng ban hành "
           "Kế hoạch triển khai thực hiện như sau:\n"]
    for i in range(n):
        if i % 50 == 0:
            out.append("# %s\n" % rng.choice(GROUP_TITLES))
        if i % 5 == 0:
            out.append("## %s\n" % shuffled_text(rng, 20, 70))
        sentences = [sentence(rng) for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.05:   # now and then a sentence in bold
            sentences[0] = "**%s**" % sentences[0]
        text = " ".join(sentences)
        if rng.random() < 0.1:
            text = "- " + text
        out.append(text + "\n")
    body = "\n".join(out).rstrip(".\n") + "\n"
    name = "paras-%s" % human(n)
    folder = os.path.join(outdir, name)
    write(os.path.join(folder, "plan.lua"),
          PLAN_HEAD % {"seed": SEED + 7 * n, "what": "a body of %d paragraphs" % n} + "}\n")
    write(os.path.join(folder, "body.txt"), body)
    write(os.path.join(outdir, name + ".md"), MD_HEAD + md_body(body) + MD_TAIL)
    return {"name": name, "kind": "paras", "size": n, "plan": folder,
            "markdown": os.path.join(outdir, name + ".md")}


def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    s = ""
    for v, r in vals:
        while n >= v:
            s += r
            n -= v
    return s


def human(n):
    return "%dk" % (n // 1000) if n % 1000 == 0 else str(n)


def input_bytes(w):
    total = 0
    for root, _, files in os.walk(w["plan"]):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    outdir = os.path.abspath(argv[1])
    only = None
    if len(argv) > 3 and argv[2] == "--only":
        only = set(argv[3].split(","))
    os.makedirs(outdir, exist_ok=True)
    workloads = []
    for ex in sorted(os.listdir(EXAMPLES)):
        name = "ex-" + ex
        if only and name not in only:
            continue
        md = os.path.join(outdir, name + ".md")
        write(md, example_markdown(os.path.join(EXAMPLES, ex)))
        workloads.append({"name": name, "kind": "example", "size": 1,
                          "plan": os.path.join(EXAMPLES, ex), "markdown": md})
    for n in ROW_SIZES:
        if not only or "rows-%s" % human(n) in only:
            workloads.append(rows_workload(outdir, n))
    for n in PARA_SIZES:
        if not only or "paras-%s" % human(n) in only:
            workloads.append(paras_workload(outdir, n))
    for w in workloads:
        w["input_bytes"] = input_bytes(w)
        w["markdown_bytes"] = os.path.getsize(w["markdown"])
    with open(os.path.join(outdir, "workloads.json"), "w") as f:
        json.dump(workloads, f, indent=1, ensure_ascii=False)
    for w in workloads:
        print("%-22s %10d bytes in (kehoach)  %10d bytes in (pandoc)" %
              (w["name"], w["input_bytes"], w["markdown_bytes"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
