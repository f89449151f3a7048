#!/usr/bin/python3
"""Compare two renders of the same plan, made with nd30 and with a template that changes only
the body size (14 → 13 pt), the portrait left margin (30 → 35 mm) and the level-2 numbering
(1. → 1), which stays a list level: lvlText in numbering.xml, num-suffix in the ODT outline
style). Every difference between the two packages must be one of those changes or follow
from them (widths computed from the narrower text block); each change must be present.

Usage: template_diff.py A.docx|A.odt B.docx|B.odt   (exit 0 when the difference is exactly that)"""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def flatten(data):
    """(path, kind, name, value) for every attribute and text of the XML, in document order."""
    out = []

    def walk(el, path):
        here = path + "/" + el.tag
        for k, v in sorted(el.attrib.items()):
            out.append((here, "attr", k, v))
        if el.text and el.text.strip(" ") != "" or (el.text and el.tag.endswith("}t")):
            out.append((here, "text", "", el.text))
        for child in el:
            walk(child, here)
            if child.tail and child.tail.strip():
                out.append((here, "tail", "", child.tail))

    walk(ET.fromstring(data), "")
    return out


def cm(value):
    """A length in cm, rounded to the millimetre: "3.0004cm" → 3.0."""
    return round(float(value[:-2]), 1) if value.endswith("cm") else None


def local(name):
    return name.split("}")[-1]


def classify(part, a, b):
    """The change a difference belongs to, or None when it should not differ."""
    path, kind, name, va = a
    _, _, _, vb = b
    leaf = local(path.rsplit("/", 1)[-1])
    attr = local(name)
    if kind in ("text", "tail"):
        return None
    # the level-2 numbering: the headings' list level, not typed text
    if (leaf == "lvlText" and attr == "val" and va == "%2." and vb == "%2)") or \
       (leaf == "outline-level-style" and attr == "num-suffix" and va == "." and vb == ")"):
        return "numbering"
    # the body size: the document default and the Body style
    if (leaf in ("sz", "szCs") and attr == "val" and va == "28" and vb == "26") or \
       (attr in ("font-size", "font-size-asian", "font-size-complex") and va == "14pt" and vb == "13pt"):
        return "size"
    # the left margin of portrait pages
    if (leaf == "pgMar" and attr == "left" and va == "1701" and vb == "1984") or \
       (leaf == "page-layout-properties" and attr == "margin-left" and cm(va) == 3.0 and cm(vb) == 3.5):
        return "margin"
    # widths that follow the text block: tables sized from it, rules centred in it
    if leaf in ("tblW", "gridCol", "tcW") and attr == "w":
        return "width"
    if leaf == "ind" and attr in ("left", "right"):
        return "width"
    if attr in ("width", "column-width", "rel-width", "margin-left", "margin-right") and \
       leaf in ("table-properties", "table-column-properties", "paragraph-properties"):
        return "width"
    if part == "docProps/core.xml" or part == "meta.xml":
        if attr in ("created",) or leaf in ("created", "creation-date", "date"):
            return "time"
    return None


def main(a_path, b_path):
    za, zb = zipfile.ZipFile(a_path), zipfile.ZipFile(b_path)
    parts = sorted(n for n in za.namelist() if n.endswith(".xml") or n.endswith(".rels"))
    if parts != sorted(n for n in zb.namelist() if n.endswith(".xml") or n.endswith(".rels")):
        print("the two packages hold different parts")
        return 1
    found, bad = set(), []
    for part in parts:
        fa, fb = flatten(za.read(part)), flatten(zb.read(part))
        if len(fa) != len(fb):
            bad.append(f"{part}: the structure differs ({len(fa)} vs {len(fb)} items)")
            continue
        for x, y in zip(fa, fb):
            if x == y:
                continue
            if x[:3] != y[:3]:
                bad.append(f"{part}: structure differs at {x[0]}")
                break
            if part.endswith("core.xml") or part == "meta.xml":
                continue   # creation time
            change = classify(part, x, y)
            if change is None:
                bad.append(f"{part}: {local(x[0].rsplit('/', 1)[-1])} {x[2]}: {x[3]!r} → {y[3]!r}")
            else:
                found.add(change)
    for want in ("size", "margin", "numbering"):
        if want not in found:
            bad.append(f"expected change missing: {want}")
    for line in bad[:20]:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
