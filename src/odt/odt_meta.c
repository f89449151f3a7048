/* meta.xml: title, subject, description, creator, language, generator and creation time. */
#include <time.h>
#include "odt_internal.h"

int odt_meta_xml(const kh_doc *doc, char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0) {
        kh_xml_discard(&x);
        return -1;
    }
    kh_xml_start(&x, "office:document-meta");
    kh_xml_attr(&x, "xmlns:office", ODT_NS_OFFICE);
    kh_xml_attr(&x, "xmlns:meta", ODT_NS_META);
    kh_xml_attr(&x, "xmlns:dc", ODT_NS_DC);
    kh_xml_attr(&x, "office:version", ODT_VERSION);
    kh_xml_start(&x, "office:meta");
    kh_xml_element(&x, "meta:generator", "kehoach");
    if (doc->title)
        kh_xml_element(&x, "dc:title", doc->title);
    if (doc->subject)
        kh_xml_element(&x, "dc:subject", doc->subject);
    if (doc->description)
        kh_xml_element(&x, "dc:description", doc->description);
    if (doc->creator) {
        kh_xml_element(&x, "meta:initial-creator", doc->creator);
        kh_xml_element(&x, "dc:creator", doc->creator);
    }
    if (doc->lang)
        kh_xml_element(&x, "dc:language", doc->lang);
    char stamp[32];
    time_t t = (time_t)doc->time;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    kh_xml_element(&x, "meta:creation-date", stamp);
    kh_xml_element(&x, "dc:date", stamp);
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}
