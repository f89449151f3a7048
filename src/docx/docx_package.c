/* The DOCX packager: writes each part and zips them. */
#include <stdio.h>
#include <stdlib.h>
#include "docx_internal.h"
#include "kh_docx.h"
#include "kh_i18n.h"
#include "kh_package.h"
#include "kh_util.h"

static int add(kh_package *pkg, const char *name, int rc, char *data, size_t len, kh_error *err)
{
    if (rc != 0) {
        free(data);
        return kh_error_set(err, KH_EXIT_IO, _("%s: cannot write the XML part"), name);
    }
    return kh_package_add(pkg, name, data, len, 0, err);
}

int kh_docx_write(const kh_doc *doc, char **out, size_t *out_len, kh_error *err)
{
    kh_package *pkg = kh_package_new(doc->time, err);
    if (!pkg)
        return KH_EXIT_IO;
    /* Header 1 is blank; each section that shows numbers gets its own numbered header. */
    size_t n = doc->nsections;
    docx_section_refs *refs = kh_xcalloc(n ? n : 1, sizeof *refs);
    int nheaders = 1;
    char *data = NULL;
    size_t len = 0;
    int rc = KH_OK;
    char name[64];
    if (!doc->finished) {   /* kh_finish also makes sure there is a section */
        rc = kh_error_set(err, KH_EXIT_IO, _("the document model was not finished (kh_finish) before it was written"));
        goto done;
    }
    int ok = docx_header_xml(&doc->sections[0], 0, &data, &len);
    if ((rc = add(pkg, "word/header1.xml", ok, data, len, err)))
        goto done;
    for (size_t i = 0; i < n; i++) {
        refs[i].empty_header = 3;
        if (doc->sections[i].page_numbers) {
            nheaders++;
            refs[i].number_header = nheaders + 2;
            snprintf(name, sizeof name, "word/header%d.xml", nheaders);
            ok = docx_header_xml(&doc->sections[i], 1, &data, &len);
            if ((rc = add(pkg, name, ok, data, len, err)))
                goto done;
        }
    }
    int numbering = doc->lists.n > 0;
    ok = docx_content_types_xml(nheaders, numbering, &data, &len);
    if ((rc = add(pkg, "[Content_Types].xml", ok, data, len, err)))
        goto done;
    ok = docx_package_rels_xml(&data, &len);
    if ((rc = add(pkg, "_rels/.rels", ok, data, len, err)))
        goto done;
    ok = docx_document_rels_xml(nheaders, numbering, &data, &len);
    if ((rc = add(pkg, "word/_rels/document.xml.rels", ok, data, len, err)))
        goto done;
    kh_deflated part;
    if (docx_document_xml(doc, refs, &part) < 0) {
        rc = kh_error_set(err, KH_EXIT_IO, _("%s: cannot write the XML part"), "word/document.xml");
        goto done;
    }
    if ((rc = kh_package_add_deflated(pkg, "word/document.xml", &part, err)))
        goto done;
    ok = docx_styles_xml(doc, &data, &len);
    if ((rc = add(pkg, "word/styles.xml", ok, data, len, err)))
        goto done;
    ok = docx_font_table_xml(doc, &data, &len);
    if ((rc = add(pkg, "word/fontTable.xml", ok, data, len, err)))
        goto done;
    if (numbering) {
        ok = docx_numbering_xml(doc, &data, &len);
        if ((rc = add(pkg, "word/numbering.xml", ok, data, len, err)))
            goto done;
    }
    ok = docx_settings_xml(&data, &len);
    if ((rc = add(pkg, "word/settings.xml", ok, data, len, err)))
        goto done;
    ok = docx_core_xml(doc, &data, &len);
    if ((rc = add(pkg, "docProps/core.xml", ok, data, len, err)))
        goto done;
    ok = docx_app_xml(&data, &len);
    if ((rc = add(pkg, "docProps/app.xml", ok, data, len, err)))
        goto done;
    free(refs);
    return kh_package_finish(pkg, out, out_len, err);
done:
    free(refs);
    kh_package_discard(pkg);
    return rc ? rc : KH_EXIT_IO;
}
