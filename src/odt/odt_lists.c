/* The lists in ODF: the list that carries the headings is the outline style (text:outline-style,
   numbered by LibreOffice on each text:h); every other list is a text:list-style, which items
   name through the text:list elements around them (odt_content.c). Formats follow OpenDocument
   1.3 §16.30–16.32. */
#include <stdio.h>
#include <string.h>
#include "odt_internal.h"

int odt_outline_list(const kh_doc *doc)
{
    for (size_t i = 0; i < doc->nstyles; i++)
        if (doc->styles[i].outline_level && doc->styles[i].list.list)
            return doc->styles[i].list.list;
    return 0;
}

void odt_list_style_name(char *buf, size_t n, const kh_lists *lists, int list)
{
    snprintf(buf, n, "L%s", kh_lists_get(lists, list)->id);
}

static const char *num_format(kh_num_format f)
{
    switch (f) {
    case KH_NUM_DECIMAL: return "1";
    case KH_NUM_UPPER_ROMAN: return "I";
    case KH_NUM_LOWER_ROMAN: return "i";
    case KH_NUM_UPPER_LETTER: return "A";
    case KH_NUM_LOWER_LETTER: return "a";
    case KH_NUM_BULLET:
    case KH_NUM_NONE: break;
    }
    return "";
}

/* Where the label and the text stand: Word's model (label at the first-line indent, text after
   a space, tab or nothing), which ODF calls label alignment. */
static void level_position(kh_xml *x, const kh_list_level *lv)
{
    char cm[32];
    kh_xml_start(x, "style:list-level-properties");
    kh_xml_attr(x, "text:list-level-position-and-space-mode", "label-alignment");
    kh_xml_start(x, "style:list-level-label-alignment");
    kh_xml_attr(x, "text:label-followed-by", lv->follow == KH_FOLLOW_TAB     ? "listtab"
                                             : lv->follow == KH_FOLLOW_SPACE ? "space"
                                                                             : "nothing");
    if (lv->follow == KH_FOLLOW_TAB) {
        odt_cm(cm, sizeof cm, lv->indent_left);
        kh_xml_attr(x, "text:list-tab-stop-position", cm);
    }
    odt_cm(cm, sizeof cm, lv->indent_first);
    kh_xml_attr(x, "fo:text-indent", cm);
    odt_cm(cm, sizeof cm, lv->indent_left);
    kh_xml_attr(x, "fo:margin-left", cm);
    kh_xml_end(x);
    kh_xml_end(x);
}

static void level_style(kh_xml *x, const kh_list_level *lv, int level, int outline)
{
    int bullet = lv->format == KH_NUM_BULLET && !outline;   /* an outline level has no bullets */
    kh_xml_start(x, outline ? "text:outline-level-style"
                    : bullet ? "text:list-level-style-bullet" : "text:list-level-style-number");
    kh_xml_attr_int(x, "text:level", level);
    if (bullet) {
        kh_xml_attr(x, "text:bullet-char", lv->suffix && *lv->suffix ? lv->suffix : "-");
    } else {
        if (lv->prefix && *lv->prefix)
            kh_xml_attr(x, "style:num-prefix", lv->prefix);
        if (lv->suffix && *lv->suffix)
            kh_xml_attr(x, "style:num-suffix", lv->suffix);
        kh_xml_attr(x, "style:num-format", num_format(lv->format));
        if (lv->format != KH_NUM_BULLET && lv->format != KH_NUM_NONE) {
            if (level > lv->first_shown)
                kh_xml_attr_int(x, "text:display-levels", level - lv->first_shown + 1);
            kh_xml_attr_int(x, "text:start-value", lv->start);
        }
    }
    level_position(x, lv);
    kh_xml_end(x);
}

void odt_list_styles(kh_xml *x, const kh_doc *doc)
{
    int outline = odt_outline_list(doc);
    char name[96];
    for (size_t i = 0; i < doc->lists.n; i++) {
        const kh_list *l = &doc->lists.items[i];
        int is_outline = (int)i + 1 == outline;
        if (is_outline) {
            kh_xml_start(x, "text:outline-style");
            kh_xml_attr(x, "style:name", "Outline");
        } else {
            odt_list_style_name(name, sizeof name, &doc->lists, (int)i + 1);
            kh_xml_start(x, "text:list-style");
            kh_xml_attr(x, "style:name", name);
            kh_xml_attr(x, "style:display-name", l->id);
        }
        for (int k = 0; k < l->nlevels; k++)
            level_style(x, &l->levels[k], k + 1, is_outline);
        kh_xml_end(x);
    }
}
