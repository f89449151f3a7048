/* The small DOCX parts: headers, settings, content types, relationships, properties. */
#include <stdio.h>
#include <time.h>
#include "docx_internal.h"

#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT "http://schemas.openxmlformats.org/package/2006/content-types"
#define REL_DOC "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml"

int docx_header_xml(const kh_section *s, int with_number, char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "w:hdr");
    kh_xml_attr(&x, "xmlns:w", DOCX_NS_W);
    kh_xml_attr(&x, "xmlns:r", DOCX_NS_R);
    kh_para p = {0};
    p.props = s->number_props;   /* centred unless set (kh_finish) */
    kh_run run = {.kind = KH_RUN_PAGE_NUMBER};
    run.props = p.props.run;   /* the paragraph's, as kh_finish sets a run's */
    if (with_number) {
        p.runs = &run;
        p.nruns = 1;
    }
    docx_write_para(&x, &p, NULL, NULL);
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}

int docx_settings_xml(char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "w:settings");
    kh_xml_attr(&x, "xmlns:w", DOCX_NS_W);
    kh_xml_empty(&x, "w:defaultTabStop", "w:val", "720");
    kh_xml_empty(&x, "w:characterSpacingControl", "w:val", "doNotCompress");
    kh_xml_start(&x, "w:compat");
    kh_xml_start(&x, "w:compatSetting");
    kh_xml_attr(&x, "w:name", "compatibilityMode");
    kh_xml_attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
    kh_xml_attr(&x, "w:val", "15");
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}

static void ct_default(kh_xml *x, const char *ext, const char *type)
{
    kh_xml_start(x, "Default");
    kh_xml_attr(x, "Extension", ext);
    kh_xml_attr(x, "ContentType", type);
    kh_xml_end(x);
}

static void ct_override(kh_xml *x, const char *part, const char *type)
{
    kh_xml_start(x, "Override");
    kh_xml_attr(x, "PartName", part);
    kh_xml_attr(x, "ContentType", type);
    kh_xml_end(x);
}

int docx_content_types_xml(int nheaders, int numbering, char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "Types");
    kh_xml_attr(&x, "xmlns", NS_CT);
    ct_default(&x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
    ct_default(&x, "xml", "application/xml");
    ct_override(&x, "/word/document.xml", CT_WML ".document.main+xml");
    ct_override(&x, "/word/styles.xml", CT_WML ".styles+xml");
    ct_override(&x, "/word/settings.xml", CT_WML ".settings+xml");
    ct_override(&x, "/word/fontTable.xml", CT_WML ".fontTable+xml");
    if (numbering)
        ct_override(&x, "/word/numbering.xml", CT_WML ".numbering+xml");
    for (int i = 1; i <= nheaders; i++) {
        char part[64];
        snprintf(part, sizeof part, "/word/header%d.xml", i);
        ct_override(&x, part, CT_WML ".header+xml");
    }
    ct_override(&x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    ct_override(&x, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}

static void relationship(kh_xml *x, const char *id, const char *type, const char *target)
{
    kh_xml_start(x, "Relationship");
    kh_xml_attr(x, "Id", id);
    kh_xml_attr(x, "Type", type);
    kh_xml_attr(x, "Target", target);
    kh_xml_end(x);
}

int docx_package_rels_xml(char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "Relationships");
    kh_xml_attr(&x, "xmlns", NS_PKG_REL);
    relationship(&x, "rId1", REL_DOC "/officeDocument", "word/document.xml");
    relationship(&x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                 "docProps/core.xml");
    relationship(&x, "rId3", REL_DOC "/extended-properties", "docProps/app.xml");
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}

/* rId1 styles, rId2 settings, then rId(2+k) for word/headerk.xml; the font table after them;
   numbering has a name of its own, so the other ids stay what they are. */
int docx_document_rels_xml(int nheaders, int numbering, char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "Relationships");
    kh_xml_attr(&x, "xmlns", NS_PKG_REL);
    relationship(&x, "rId1", REL_DOC "/styles", "styles.xml");
    relationship(&x, "rId2", REL_DOC "/settings", "settings.xml");
    for (int i = 1; i <= nheaders; i++) {
        char id[16], target[32];
        snprintf(id, sizeof id, "rId%d", i + 2);
        snprintf(target, sizeof target, "header%d.xml", i);
        relationship(&x, id, REL_DOC "/header", target);
    }
    char id[16];
    snprintf(id, sizeof id, "rId%d", nheaders + 3);
    relationship(&x, id, REL_DOC "/fontTable", "fontTable.xml");
    if (numbering)
        relationship(&x, "rIdNumbering", REL_DOC "/numbering", "numbering.xml");
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}

int docx_core_xml(const kh_doc *doc, char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "cp:coreProperties");
    kh_xml_attr(&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    kh_xml_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    kh_xml_attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
    kh_xml_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    if (doc->title)
        kh_xml_element(&x, "dc:title", doc->title);
    if (doc->subject)
        kh_xml_element(&x, "dc:subject", doc->subject);
    if (doc->creator)
        kh_xml_element(&x, "dc:creator", doc->creator);
    if (doc->description)
        kh_xml_element(&x, "dc:description", doc->description);
    kh_xml_element(&x, "dc:language", doc->lang);
    char stamp[32];
    time_t t = (time_t)doc->time;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    static const char *const dates[] = {"dcterms:created", "dcterms:modified"};
    for (int i = 0; i < 2; i++) {
        kh_xml_start(&x, dates[i]);
        kh_xml_attr(&x, "xsi:type", "dcterms:W3CDTF");
        kh_xml_text(&x, stamp);
        kh_xml_end(&x);
    }
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}

int docx_app_xml(char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "Properties");
    kh_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    kh_xml_element(&x, "Application", "kehoach");
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}
