#!/usr/bin/python3
"""How much direct formatting a rendered document carries.

    tools/style_stats.py OUT.docx|OUT.odt …

DOCX: word/document.xml bytes per table cell, runs with w:rPr, paragraphs whose w:pPr holds
more than w:pStyle (a section break alone does not count). ODT: content.xml bytes per cell,
automatic styles in content.xml, paragraphs on an automatic style. One line a file."""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def docx(path):
    with zipfile.ZipFile(path) as z:
        data = z.read("word/document.xml")
    root = ET.fromstring(data)
    cells = len(root.findall(".//" + W + "tc"))
    runs = root.findall(".//" + W + "r")
    rpr = sum(1 for r in runs if r.find(W + "rPr") is not None)
    paras = root.findall(".//" + W + "p")
    direct = 0
    for p in paras:
        ppr = p.find(W + "pPr")
        if ppr is not None and any(c.tag not in (W + "pStyle", W + "sectPr") for c in ppr):
            direct += 1
    styled = sum(1 for p in paras if p.find(W + "pPr/" + W + "pStyle") is not None)
    return ("%s: document.xml %d bytes, %d cells, %.0f bytes/cell, runs %d (with rPr %d), "
            "paragraphs %d (styled %d, direct pPr %d)"
            % (path, len(data), cells, len(data) / max(cells, 1), len(runs), rpr, len(paras), styled, direct))


def odt(path):
    with zipfile.ZipFile(path) as z:
        data = z.read("content.xml")
    root = ET.fromstring(data)
    cells = len(root.findall(".//" + TABLE + "table-cell"))
    autos = root.find(OFFICE + "automatic-styles")
    nauto = len(autos) if autos is not None else 0
    names = {s.get(STYLE + "name") for s in autos} if autos is not None else set()
    paras = root.findall(".//" + TEXT + "p") + root.findall(".//" + TEXT + "h")
    on_auto = sum(1 for p in paras if p.get(TEXT + "style-name") in names)
    spans = len(root.findall(".//" + TEXT + "span"))
    return ("%s: content.xml %d bytes, %d cells, %.0f bytes/cell, automatic styles %d, "
            "paragraphs %d (on an automatic style %d), spans %d"
            % (path, len(data), cells, len(data) / max(cells, 1), nauto, len(paras), on_auto, spans))


for f in sys.argv[1:]:
    print(docx(f) if f.endswith(".docx") else odt(f))
