/* META-INF/manifest.xml: the package's media type and its parts. */
#include "odt_internal.h"

static void entry(kh_xml *x, const char *path, const char *type, int root)
{
    kh_xml_start(x, "manifest:file-entry");
    kh_xml_attr(x, "manifest:full-path", path);
    if (root)
        kh_xml_attr(x, "manifest:version", ODT_VERSION);
    kh_xml_attr(x, "manifest:media-type", type);
    kh_xml_end(x);
}

int odt_manifest_xml(char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0) {
        kh_xml_discard(&x);
        return -1;
    }
    kh_xml_start(&x, "manifest:manifest");
    kh_xml_attr(&x, "xmlns:manifest", ODT_NS_MANIFEST);
    kh_xml_attr(&x, "manifest:version", ODT_VERSION);
    entry(&x, "/", ODT_MIMETYPE, 1);
    entry(&x, "content.xml", "text/xml", 0);
    entry(&x, "styles.xml", "text/xml", 0);
    entry(&x, "meta.xml", "text/xml", 0);
    entry(&x, "settings.xml", "text/xml", 0);
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}
