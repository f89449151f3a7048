#!/usr/bin/python3
"""Every element of a rendered plan names its style, and the styles carry the formatting.

    tests/lib/check_styles.py FONT FILE.docx|FILE.odt …

DOCX (python-docx and the parts' XML): the element styles exist with their Vietnamese names;
every paragraph with text names a style; the header block, the title, the recipients and the
signer, the appendix heading and every table cell are on their element's style; no run and no
paragraph mark sets a size; word/fontTable.xml lists FONT (with its relationship and content
type) and docDefaults sets FONT for the four scripts. ODT: the same styles as named styles with
their display names, the same elements on them, no automatic paragraph style sets a size, and
FONT in the font-face-decls of content.xml and styles.xml.
Prints one line a problem and exits 1; silent and 0 when every file passes."""
import sys
import zipfile
import xml.etree.ElementTree as ET

import docx
from docx.oxml.ns import qn

NAMES = {
    # the headings are Word's own styles, named as Word writes them
    "Body": "Nội dung", "Heading1": "heading 1", "Heading2": "heading 2",
    "Heading3": "heading 3", "ParentAgency": "Cơ quan chủ quản", "Agency": "Cơ quan ban hành",
    "Motto": "Quốc hiệu", "Slogan": "Tiêu ngữ", "Rule": "Đường kẻ", "NumberLine": "Số và ký hiệu",
    "PlaceDate": "Địa danh và ngày tháng", "Mark": "Dấu mức độ", "DocType": "Tên loại văn bản",
    "Subject": "Trích yếu", "AttachedLine": "Kèm theo văn bản", "Authority": "Thẩm quyền ban hành",
    "Basis": "Căn cứ ban hành", "Decides": "Quyết định", "RecipientsHeading": "Nơi nhận",
    "Recipient": "Nơi nhận - mục", "SignerAuthority": "Quyền hạn người ký",
    "SignerTitle": "Chức vụ người ký", "SignerName": "Họ tên người ký", "AppendixHeading": "Phụ lục",
    "AppendixTitle": "Tên phụ lục", "AppendixSubtitle": "Tên phụ lục - dòng dưới",
    "AppendixAttachment": "Kèm theo phụ lục", "TableHeader": "Tiêu đề bảng",
    "TableText": "Nội dung bảng", "TableNumber": "Số thứ tự bảng", "TableGroup": "Dòng nhóm bảng",
    "TableGroupNumber": "Số thứ tự dòng nhóm", "Spacer": "Dòng cách",
}
CELL_STYLES = {"TableText", "TableNumber", "TableGroup", "TableGroupNumber"}
SIGNER = {"SignerAuthority", "SignerTitle", "SignerName"}
# a run may keep what the plan's text marks (**bold**, *italic*, a mark's colour): a few a document
RUNS_WITH_RPR_MAX = 0.05

problems = []


def problem(path, text):
    problems.append("%s: %s" % (path, text))


def expect_cell(path, what, got, allowed, required=()):
    if not got or not set(got) <= set(allowed) or not set(required) <= set(got):
        problem(path, "%s: styles %s, expected %s" % (what, got, sorted(allowed)))


# ---- DOCX ----

def by_text(text):
    """The element a paragraph's text says it is, where the text alone tells."""
    if text == "QUYẾT ĐỊNH:":
        return "Decides"
    if text == "Nơi nhận:":
        return "RecipientsHeading"
    return None


def check_preamble(path, styles):
    """A decision's preamble: the authority, the bases, "QUYẾT ĐỊNH:"."""
    if "Decides" not in styles:
        return
    if "Authority" not in styles:
        problem(path, "QUYẾT ĐỊNH: without an Authority paragraph before it")
        return
    bases = styles[styles.index("Authority") + 1:styles.index("Decides")]
    if not bases or set(bases) != {"Basis"}:
        problem(path, "between the authority and QUYẾT ĐỊNH: %s, expected Basis" % bases)


def docx_styles_of(cell):
    return [p.style.style_id for p in cell.paragraphs if p.style is not None]


def check_docx(path, font):
    d = docx.Document(path)
    # the name as written (python-docx shows Word's built-in "heading 1" as "Heading 1")
    ids = {s.style_id: s.element.name_val for s in d.styles}
    for sid, name in NAMES.items():
        if ids.get(sid) != name:
            problem(path, "style %s: name %r, expected %r" % (sid, ids.get(sid), name))
    body = d.element.body
    for p in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        ps = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        if text.strip() and (ps is None or ps.get(qn("w:val")) == "Normal"):
            problem(path, "paragraph %r names no style" % text[:40])
        if by_text(text) and (ps is None or ps.get(qn("w:val")) != by_text(text)):
            problem(path, "paragraph %r is not on %s" % (text[:40], by_text(text)))
        ppr = p.find(qn("w:pPr"))
        if ps is not None and ppr is not None and ppr.find(qn("w:rPr") + "/" + qn("w:sz")) is not None:
            problem(path, "paragraph %r: the mark sets its size directly" % text[:40])
    runs = list(body.iter(qn("w:r")))
    with_rpr = sum(r.find(qn("w:rPr")) is not None for r in runs)
    if with_rpr > RUNS_WITH_RPR_MAX * len(runs):
        problem(path, "%d of %d runs carry direct formatting" % (with_rpr, len(runs)))
    for r in runs:
        if r.find(qn("w:rPr") + "/" + qn("w:sz")) is not None:
            problem(path, "a run sets its size directly: %r" % "".join(t.text or "" for t in r.iter(qn("w:t")))[:40])
    tables = d.tables
    if not tables:
        problem(path, "no table")
        return
    head = tables[0].rows[0].cells
    expect_cell(path, "header block, left", docx_styles_of(head[0]), {"ParentAgency", "Agency", "Rule"}, {"Agency", "Rule"})
    if docx_styles_of(head[1]) != ["Motto", "Slogan", "Rule"]:
        problem(path, "header block, right: %s" % docx_styles_of(head[1]))
    if len(tables[0].rows) > 1:
        row = tables[0].rows[1].cells
        if docx_styles_of(row[0])[:1] != ["NumberLine"] or docx_styles_of(row[1]) != ["PlaceDate"]:
            problem(path, "number and date row: %s %s" % (docx_styles_of(row[0]), docx_styles_of(row[1])))
    after = [p.style.style_id for p in d.paragraphs[:3]]
    if after[:2] != ["DocType", "Subject"]:
        problem(path, "after the header block: %s, expected DocType, Subject" % after)
    check_preamble(path, [p.style.style_id for p in d.paragraphs])
    appendix_headings = sum(p.style.style_id == "AppendixHeading" for p in d.paragraphs)
    data_tables = signatures = 0
    for t in tables:
        cells = [c for row in t.rows for c in row.cells]
        styles = {s for c in cells for s in docx_styles_of(c)}
        if "RecipientsHeading" in styles:
            signatures += 1
            left, right = t.rows[0].cells
            got = docx_styles_of(left)
            if got[:1] != ["RecipientsHeading"] or set(got[1:]) != {"Recipient"}:
                problem(path, "recipients: %s" % got)
            got = docx_styles_of(right)
            if not got or not set(got) <= SIGNER or got[-1] != "SignerName":
                problem(path, "signer: %s" % got)
        elif "Motto" not in styles:
            data_tables += 1
            for tr in t._tbl.iter(qn("w:tr")):
                header = tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None
                for p in tr.iter(qn("w:p")):
                    ps = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
                    sid = ps.get(qn("w:val")) if ps is not None else None
                    if sid is None and p.find(qn("w:r")) is None:
                        continue   # the empty paragraph of a cell merged from above
                    if (header and sid != "TableHeader") or (not header and sid not in CELL_STYLES):
                        problem(path, "table cell on style %s (header row: %s)" % (sid, header))
    if signatures == 0:
        problem(path, "no recipients and signature block")
    if data_tables and appendix_headings == 0:
        problem(path, "tables but no AppendixHeading paragraph")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if "word/fontTable.xml" not in names:
            problem(path, "no word/fontTable.xml")
            return
        fonts = ET.fromstring(z.read("word/fontTable.xml"))
        listed = [f.get(qn("w:name")) for f in fonts.iter(qn("w:font"))]
        if font not in listed:
            problem(path, "fontTable.xml lists %s, expected %s" % (listed, font))
        for f in fonts.iter(qn("w:font")):
            for child in ("w:charset", "w:family", "w:pitch"):
                if f.find(qn(child)) is None:
                    problem(path, "fontTable.xml: %s has no %s" % (f.get(qn("w:name")), child))
        rels = z.read("word/_rels/document.xml.rels").decode()
        if 'relationships/fontTable" Target="fontTable.xml"' not in rels:
            problem(path, "no relationship to fontTable.xml")
        if "/word/fontTable.xml" not in z.read("[Content_Types].xml").decode():
            problem(path, "no content type for fontTable.xml")
        styles = ET.fromstring(z.read("word/styles.xml"))
        rf = styles.find("%s/%s/%s/%s" % (qn("w:docDefaults"), qn("w:rPrDefault"), qn("w:rPr"), qn("w:rFonts")))
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            if rf is None or rf.get(qn(a)) != font:
                problem(path, "docDefaults rFonts %s is not %s" % (a, font))


# ---- ODT ----

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def q(name):
    prefix, local = name.split(":")
    return "{%s}%s" % (NS[prefix], local)


def check_odt(path, font):
    with zipfile.ZipFile(path) as z:
        content = ET.fromstring(z.read("content.xml"))
        styles = ET.fromstring(z.read("styles.xml"))
    named = {s.get(q("style:name")): s.get(q("style:display-name"))
             for s in styles.iterfind("office:styles/style:style", NS)}
    for sid, name in NAMES.items():
        if named.get(sid) != name:
            problem(path, "named style %s: display name %r, expected %r" % (sid, named.get(sid), name))
    for root, part in ((content, "content.xml"), (styles, "styles.xml")):
        faces = [f.get(q("style:name")) for f in root.iterfind("office:font-face-decls/style:font-face", NS)]
        if font not in faces:
            problem(path, "%s: font faces %s, expected %s" % (part, faces, font))
    parent = {}
    for s in content.iterfind("office:automatic-styles/style:style", NS):
        parent[s.get(q("style:name"))] = s.get(q("style:parent-style-name"))
        if s.get(q("style:family")) == "paragraph":
            tp = s.find("style:text-properties", NS)
            if tp is not None and tp.get(q("fo:font-size")):
                problem(path, "automatic style %s sets a size" % s.get(q("style:name")))

    def element(p):
        name = p.get(q("text:style-name"))
        return parent.get(name, name)

    def cell_styles(cell):
        return [element(p) for p in cell.iterfind("text:p", NS)]

    tables = list(content.iter(q("table:table")))
    if not tables:
        problem(path, "no table")
        return
    rows = list(tables[0].iter(q("table:table-row")))
    cells = list(rows[0].iterfind("table:table-cell", NS))
    expect_cell(path, "header block, left", cell_styles(cells[0]), {"ParentAgency", "Agency", "Rule"}, {"Agency", "Rule"})
    if cell_styles(cells[1]) != ["Motto", "Slogan", "Rule"]:
        problem(path, "header block, right: %s" % cell_styles(cells[1]))
    for p in cells[1].iterfind("text:p", NS):
        if element(p) == "Motto" and p.get(q("text:style-name")) != "Motto":
            problem(path, "the Quốc hiệu is on an automatic style, not on Motto itself")
    if len(rows) > 1:
        c = list(rows[1].iterfind("table:table-cell", NS))
        if cell_styles(c[0])[:1] != ["NumberLine"] or cell_styles(c[1]) != ["PlaceDate"]:
            problem(path, "number and date row: %s %s" % (cell_styles(c[0]), cell_styles(c[1])))
    for p in content.iter(q("text:p")):
        text = "".join(p.itertext())
        if by_text(text) and element(p) != by_text(text):
            problem(path, "paragraph %r is not on %s" % (text[:40], by_text(text)))
    body = content.find("office:body/office:text", NS)
    check_preamble(path, [element(p) for p in body.iterfind("text:p", NS)])
    top = [element(p) for p in body.iterfind("text:p", NS)][:2]
    if top != ["DocType", "Subject"]:
        problem(path, "after the header block: %s, expected DocType, Subject" % top)
    signatures = 0
    for t in tables:
        all_styles = {element(p) for p in t.iter(q("text:p"))}
        if "RecipientsHeading" in all_styles:
            signatures += 1
            left, right = list(t.iter(q("table:table-cell")))[:2]
            got = cell_styles(left)
            if got[:1] != ["RecipientsHeading"] or set(got[1:]) != {"Recipient"}:
                problem(path, "recipients: %s" % got)
            got = cell_styles(right)
            if not got or not set(got) <= SIGNER or got[-1] != "SignerName":
                problem(path, "signer: %s" % got)
        elif "Motto" not in all_styles:
            for hr in t.iterfind("table:table-header-rows", NS):
                for p in hr.iter(q("text:p")):
                    if element(p) != "TableHeader":
                        problem(path, "header cell on style %s" % element(p))
            for row in t.iterfind("table:table-row", NS):
                for p in row.iter(q("text:p")):
                    if element(p) not in CELL_STYLES:
                        problem(path, "table cell on style %s" % element(p))
    if signatures == 0:
        problem(path, "no recipients and signature block")


font = sys.argv[1]
for f in sys.argv[2:]:
    (check_odt if f.endswith(".odt") else check_docx)(f, font)
for line in problems:
    print(line)
sys.exit(1 if problems else 0)
