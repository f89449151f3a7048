/* The ODT packager: the mimetype first and stored (so the type can be read at a fixed offset),
   then the XML parts, deflated. */
#include <stdlib.h>
#include <string.h>
#include "kh_i18n.h"
#include "kh_odt.h"
#include "kh_package.h"
#include "odt_internal.h"

static int add(kh_package *pkg, const char *name, int rc, char *data, size_t len, kh_error *err)
{
    if (rc != 0) {
        free(data);
        return kh_error_set(err, KH_EXIT_IO, _("%s: cannot write the XML part"), name);
    }
    return kh_package_add(pkg, name, data, len, 0, err);
}

int kh_odt_write(const kh_doc *doc, char **out, size_t *out_len, kh_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (!doc->finished)   /* kh_finish also makes sure there is a section */
        return kh_error_set(err, KH_EXIT_IO, _("the document model was not finished (kh_finish) before it was written"));
    kh_package *pkg = kh_package_new(doc->time, err);
    if (!pkg)
        return KH_EXIT_IO;
    char *data = NULL;
    size_t len = 0;
    int rc, ok;
    data = kh_xstrdup(ODT_MIMETYPE);
    if ((rc = kh_package_add(pkg, "mimetype", data, strlen(ODT_MIMETYPE), 1, err)))
        goto fail;
    kh_deflated content;
    if (odt_content_xml(doc, &content) < 0) {
        rc = kh_error_set(err, KH_EXIT_IO, _("%s: cannot write the XML part"), "content.xml");
        goto fail;
    }
    if ((rc = kh_package_add_deflated(pkg, "content.xml", &content, err)))
        goto fail;
    ok = odt_styles_xml(doc, &data, &len);
    if ((rc = add(pkg, "styles.xml", ok, data, len, err)))
        goto fail;
    ok = odt_meta_xml(doc, &data, &len);
    if ((rc = add(pkg, "meta.xml", ok, data, len, err)))
        goto fail;
    ok = odt_settings_xml(&data, &len);
    if ((rc = add(pkg, "settings.xml", ok, data, len, err)))
        goto fail;
    ok = odt_manifest_xml(&data, &len);
    if ((rc = add(pkg, "META-INF/manifest.xml", ok, data, len, err)))
        goto fail;
    return kh_package_finish(pkg, out, out_len, err);
fail:
    kh_package_discard(pkg);
    return rc;
}
