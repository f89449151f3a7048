"""Every part of each DOCX/ODT given: the zip reads back, every XML part is well-formed XML 1.0
(expat: no DTD, no network), holds no character XML 1.0 forbids (raw or as a character
reference) and is in NFC. The parts to validate against a schema are extracted under DEST.

    python3 check_parts.py DEST FILE...

Prints "file DIR FILE" for each FILE (DIR: where its parts go), one line per problem
("FILE: PART: what"), then one line per extracted part for the schema step: "schema KIND PATH"
(KIND: wml, content-types, rels, app, core, odf, manifest).
Exits 1 when a problem was found.
"""
import os
import re
import sys
import unicodedata
import xml.parsers.expat
import zipfile

FORBIDDEN = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')
CHAR_REF = re.compile(r'&#(x[0-9a-fA-F]+|[0-9]+);')


def allowed(cp):
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF


def schema_kind(name, odt):
    if odt:
        if name in ('content.xml', 'styles.xml', 'meta.xml', 'settings.xml'):
            return 'odf'
        return 'manifest' if name == 'META-INF/manifest.xml' else None
    if name == '[Content_Types].xml':
        return 'content-types'
    if name.endswith('.rels'):
        return 'rels'
    if name == 'docProps/app.xml':
        return 'app'
    if name == 'docProps/core.xml':
        return 'core'
    if re.fullmatch(r'word/(document|styles|settings|header\d*|footer\d*|numbering|fontTable)\.xml', name):
        return 'wml'
    return None


def check(path, dest, problems, parts):
    dest = os.path.join(dest, str(check.count))
    check.count += 1
    print(f'file {dest} {path}')
    try:
        z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        problems.append(f'{path}: not a zip file: {e}')
        return
    with z:
        bad = z.testzip()
        if bad:
            problems.append(f'{path}: {bad}: bad CRC')
            return
        names = z.namelist()
        odt = 'mimetype' in names
        if not odt and '[Content_Types].xml' not in names:
            problems.append(f'{path}: neither an ODT (mimetype) nor a DOCX ([Content_Types].xml)')
        required = ('content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml') if odt else \
                   ('word/document.xml', 'word/styles.xml', '_rels/.rels')
        for r in required:
            if r not in names:
                problems.append(f'{path}: {r} is missing')
        for n, name in enumerate(names):
            if name.endswith('/') or not (name.endswith('.xml') or name.endswith('.rels')):
                continue
            data = z.read(name)
            where = f'{path}: {name}'
            parser = xml.parsers.expat.ParserCreate()
            try:
                parser.Parse(data, True)
            except xml.parsers.expat.ExpatError as e:
                problems.append(f'{where}: not well-formed: {e}')
                continue
            text = data.decode('utf-8', 'replace')
            m = FORBIDDEN.search(text)
            if m:
                problems.append(f'{where}: holds U+{ord(m.group()):04X}, which XML 1.0 forbids, '
                                f'after "{text[max(0, m.start() - 30):m.start()]}"')
            for ref in CHAR_REF.finditer(text):
                v = ref.group(1)
                cp = int(v[1:], 16) if v[0] == 'x' else int(v)
                if not allowed(cp):
                    problems.append(f'{where}: holds the character reference {ref.group()}, which XML 1.0 forbids')
                    break
            if not unicodedata.is_normalized('NFC', text):
                nfc = unicodedata.normalize('NFC', text)
                at = next((i for i, (a, b) in enumerate(zip(text, nfc)) if a != b), min(len(text), len(nfc)))
                problems.append(f'{where}: not in NFC, near "{text[max(0, at - 30):at + 2]}"')
            kind = schema_kind(name, odt)
            if kind:
                out = os.path.join(dest, name)
                os.makedirs(os.path.dirname(out), exist_ok=True)
                with open(out, 'wb') as f:
                    f.write(data)
                parts.append((kind, out))


check.count = 0


def main():
    dest, files = sys.argv[1], sys.argv[2:]
    problems, parts = [], []
    for path in files:
        check(path, dest, problems, parts)
    for p in problems:
        print(p)
    for kind, out in parts:
        print(f'schema {kind} {out}')
    sys.exit(1 if problems else 0)


main()
