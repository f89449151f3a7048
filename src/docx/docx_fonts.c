/* word/fontTable.xml: the fonts the document uses (the template's), with what Word needs to
   substitute a like font where it is missing. */
#include "docx_internal.h"
#include "kh_fonts.h"

int docx_font_table_xml(const kh_doc *doc, char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_font_info f = kh_font_lookup(doc->font);
    kh_xml_start(&x, "w:fonts");
    kh_xml_attr(&x, "xmlns:w", DOCX_NS_W);
    kh_xml_start(&x, "w:font");
    kh_xml_attr(&x, "w:name", f.name);
    if (f.panose)
        kh_xml_empty(&x, "w:panose1", "w:val", f.panose);
    kh_xml_empty(&x, "w:charset", "w:val", "00");
    kh_xml_empty(&x, "w:family", "w:val", f.family ? f.family : "auto");
    kh_xml_empty(&x, "w:pitch", "w:val", f.fixed_pitch ? "fixed" : "variable");
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}
