/* settings.xml: the layout settings LibreOffice needs to set the text as Word sets the DOCX.
   When a document carries settings.xml, LibreOffice falls back to its old layout rules for every
   setting the file leaves out, so the current ones are named here; TableRowKeep keeps a table
   row whose first paragraph is "keep with next" on the page of the row below it, as Word does
   (the group rows of the appendix tables). Other consumers ignore these items. */
#include "odt_internal.h"

#define NS_CONFIG "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
#define NS_OOO "http://openoffice.org/2004/office"

static const struct {
    const char *name, *type, *value;
} items[] = {
    {"PrinterIndependentLayout", "string", "high-resolution"},
    {"AddExternalLeading", "boolean", "true"},
    {"AddParaSpacingToTableCells", "boolean", "true"},
    {"AddParaLineSpacingToTableCells", "boolean", "true"},
    {"AddParaTableSpacing", "boolean", "true"},        /* spacing adds up, as ODF says */
    {"AddParaTableSpacingAtStart", "boolean", "true"},
    {"UseFormerLineSpacing", "boolean", "false"},
    {"UseFormerObjectPositioning", "boolean", "false"},
    {"UseFormerTextWrapping", "boolean", "false"},
    {"IgnoreFirstLineIndentInNumbering", "boolean", "false"},
    {"DoNotJustifyLinesWithManualBreak", "boolean", "false"},
    {"DoNotResetParaAttrsForNumFont", "boolean", "false"},
    {"UnxForceZeroExtLeading", "boolean", "false"},
    {"SmallCapsPercentage66", "boolean", "false"},
    {"TabOverflow", "boolean", "true"},
    {"PropLineSpacingShrinksFirstLine", "boolean", "true"},
    {"CollapseEmptyCellPara", "boolean", "true"},
    {"AutoFirstLineIndentDisregardLineSpace", "boolean", "true"},
    {"TabsRelativeToIndent", "boolean", "false"},      /* Word: tab stops from the margin */
    {"TableRowKeep", "boolean", "true"},
};

int odt_settings_xml(char **data, size_t *len)
{
    kh_xml x;
    if (kh_xml_begin(&x) < 0) {
        kh_xml_discard(&x);
        return -1;
    }
    kh_xml_start(&x, "office:document-settings");
    kh_xml_attr(&x, "xmlns:office", ODT_NS_OFFICE);
    kh_xml_attr(&x, "xmlns:config", NS_CONFIG);
    kh_xml_attr(&x, "xmlns:ooo", NS_OOO);
    kh_xml_attr(&x, "office:version", ODT_VERSION);
    kh_xml_start(&x, "office:settings");
    kh_xml_start(&x, "config:config-item-set");
    kh_xml_attr(&x, "config:name", "ooo:configuration-settings");
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        kh_xml_start(&x, "config:config-item");
        kh_xml_attr(&x, "config:name", items[i].name);
        kh_xml_attr(&x, "config:type", items[i].type);
        kh_xml_text(&x, items[i].value);
        kh_xml_end(&x);
    }
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}
