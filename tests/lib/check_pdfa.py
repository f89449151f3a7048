#!/usr/bin/env python3
"""A small PDF/A check of a PDF kehoach wrote, with pikepdf (Debian python3-pikepdf; veraPDF,
the full validator, is not packaged in Debian). It checks what an archive's intake looks at:

  - the XMP metadata names the PDF/A part and conformance (pdfaid:part, pdfaid:conformance) and
    they are the ones expected;
  - the header's PDF version is one that part allows (1.4 for PDF/A-1, at most 1.7 for 2 and 3);
  - an OutputIntent /GTS_PDFA1 carries an ICC profile (a stream whose header says 'acsp');
  - every font is embedded (a FontFile, FontFile2 or FontFile3 in its descriptor; Type 3 fonts
    are drawn by the file itself);
  - no encryption, and the trailer has a file ID (two strings);
  - no JavaScript and no Launch action anywhere.

    check_pdfa.py [--part N --conformance A|B] FILE.pdf...

Silent and exit 0 when every file passes; otherwise one line per problem ("FILE: …"), exit 1.
Exit 2 on bad usage or when pikepdf is missing.
"""
import argparse
import sys

try:
    import pikepdf
except ImportError:
    print("check_pdfa.py: pikepdf not found (install the Debian package python3-pikepdf)", file=sys.stderr)
    sys.exit(2)

MAX_VERSION = {"1": "1.4", "2": "1.7", "3": "1.7"}


def fonts_not_embedded(pdf):
    bad = set()
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != pikepdf.Name.Font:
            continue
        subtype = obj.get("/Subtype")
        if subtype in (pikepdf.Name.Type0, pikepdf.Name.Type3):
            continue   # a Type0 font's glyphs are in its descendant, itself an object here
        desc = obj.get("/FontDescriptor")
        if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            bad.add(str(obj.get("/BaseFont", "(unnamed)")))
    return sorted(bad)


def active_content(pdf):
    found = []
    names = pdf.Root.get("/Names")
    if names is not None and "/JavaScript" in names:
        found.append("a JavaScript name tree")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary):
            s = obj.get("/S")
            if s in (pikepdf.Name.JavaScript, pikepdf.Name.Launch):
                found.append(f"a {str(s)[1:]} action")
    return found


def check(path, part, conformance):
    problems = []
    try:
        pdf = pikepdf.open(path)
    except Exception as e:   # anything pikepdf cannot open is the problem to report
        return [f"cannot open: {e}"]
    with pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            problems.append("encrypted")
        ident = pdf.trailer.get("/ID")
        if ident is None or len(ident) != 2:
            problems.append("no file ID in the trailer")
        meta = pdf.open_metadata()
        got_part, got_conf = meta.get("pdfaid:part"), meta.get("pdfaid:conformance")
        if got_part is None:
            problems.append("no pdfaid:part in the XMP metadata: not marked PDF/A")
        else:
            if part and got_part != part:
                problems.append(f"pdfaid:part {got_part}, expected {part}")
            if conformance and got_conf != conformance:
                problems.append(f"pdfaid:conformance {got_conf}, expected {conformance}")
            limit = MAX_VERSION.get(got_part)
            if limit and tuple(map(int, pdf.pdf_version.split("."))) > tuple(map(int, limit.split("."))):
                problems.append(f"PDF version {pdf.pdf_version}, PDF/A-{got_part} allows at most {limit}")
        intents = [oi for oi in pdf.Root.get("/OutputIntents", []) if oi.get("/S") == pikepdf.Name.GTS_PDFA1]
        if not intents:
            problems.append("no OutputIntent /GTS_PDFA1")
        for oi in intents:
            profile = oi.get("/DestOutputProfile")
            data = profile.read_bytes() if isinstance(profile, pikepdf.Stream) else b""
            if data[36:40] != b"acsp":
                problems.append("the OutputIntent /GTS_PDFA1 has no ICC profile")
        for font in fonts_not_embedded(pdf):
            problems.append(f"font {font} not embedded")
        problems += active_content(pdf)
    return problems


def main():
    ap = argparse.ArgumentParser(description="a small PDF/A check")
    ap.add_argument("--part", help="the PDF/A part expected (1, 2, 3)")
    ap.add_argument("--conformance", help="the conformance level expected (A, B)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    status = 0
    for path in args.files:
        for p in check(path, args.part, args.conformance):
            print(f"{path}: {p}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
