/* office:font-face-decls, the same in styles.xml and content.xml: the template's font, with
   its generic family and pitch so an application without it picks a like one. */
#include <stdio.h>
#include <string.h>
#include "kh_fonts.h"
#include "odt_internal.h"

void odt_quoted_family(char *buf, size_t n, const char *font)
{
    if (strchr(font, ' ') && !strchr(font, '\''))
        snprintf(buf, n, "'%s'", font);
    else
        snprintf(buf, n, "%s", font);
}

void odt_font_faces(kh_xml *x, const kh_doc *doc)
{
    char family[512];
    kh_font_info f = kh_font_lookup(doc->font);
    odt_quoted_family(family, sizeof family, doc->font);
    kh_xml_start(x, "office:font-face-decls");
    kh_xml_start(x, "style:font-face");
    kh_xml_attr(x, "style:name", doc->font);
    kh_xml_attr(x, "svg:font-family", family);
    if (f.family)
        kh_xml_attr(x, "style:font-family-generic", f.family);
    kh_xml_attr(x, "style:font-pitch", f.fixed_pitch ? "fixed" : "variable");
    if (f.panose) {
        /* svg:panose-1 is ten decimal numbers */
        char panose[64] = "";
        size_t used = 0;
        for (int i = 0; i < 10; i++) {
            unsigned v = 0;
            sscanf(f.panose + 2 * i, "%2x", &v);
            used += (size_t)snprintf(panose + used, sizeof panose - used, i ? " %u" : "%u", v);
        }
        kh_xml_attr(x, "svg:panose-1", panose);
    }
    kh_xml_end(x);
    kh_xml_end(x);
}
