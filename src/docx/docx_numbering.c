/* word/numbering.xml: one abstractNum a list, then one num a series — the list's own, then one
   for each restart, which starts every level again (ECMA-376 Part 1, §17.9). */
#include <stdio.h>
#include <string.h>
#include "docx_internal.h"
#include "kh_util.h"

static const char *num_fmt(kh_num_format f)
{
    switch (f) {
    case KH_NUM_DECIMAL: return "decimal";
    case KH_NUM_UPPER_ROMAN: return "upperRoman";
    case KH_NUM_LOWER_ROMAN: return "lowerRoman";
    case KH_NUM_UPPER_LETTER: return "upperLetter";
    case KH_NUM_LOWER_LETTER: return "lowerLetter";
    case KH_NUM_BULLET: return "bullet";
    case KH_NUM_NONE: break;
    }
    return "none";
}

/* Word's level text: "%2.%3." for levels 2–3 shown; a bullet is its character. */
void docx_level_text(const kh_list_level *lv, int level, kh_buf *out)
{
    kh_buf_puts(out, lv->prefix ? lv->prefix : "");
    if (lv->format != KH_NUM_BULLET && lv->format != KH_NUM_NONE)
        for (int k = lv->first_shown; k <= level; k++) {
            char num[8];
            snprintf(num, sizeof num, k > lv->first_shown ? ".%%%d" : "%%%d", k);
            kh_buf_puts(out, num);
        }
    kh_buf_puts(out, lv->suffix ? lv->suffix : "");
}

static void write_level(kh_xml *x, const kh_list_level *lv, int level)
{
    kh_xml_start(x, "w:lvl");
    kh_xml_attr_int(x, "w:ilvl", level - 1);
    kh_xml_empty_int(x, "w:start", "w:val", lv->start);
    kh_xml_empty(x, "w:numFmt", "w:val", num_fmt(lv->format));
    if (lv->style)
        kh_xml_empty(x, "w:pStyle", "w:val", lv->style);
    kh_xml_empty(x, "w:suff", "w:val", lv->follow == KH_FOLLOW_TAB ? "tab"
                                        : lv->follow == KH_FOLLOW_SPACE ? "space" : "nothing");
    kh_buf text = {0};
    docx_level_text(lv, level, &text);
    kh_xml_empty(x, "w:lvlText", "w:val", kh_buf_cstr(&text));
    kh_buf_free(&text);
    kh_xml_empty(x, "w:lvlJc", "w:val", "left");
    kh_xml_start(x, "w:pPr");
    kh_xml_start(x, "w:ind");
    kh_xml_attr_int(x, "w:left", lv->indent_left);
    if (lv->indent_first >= 0)
        kh_xml_attr_int(x, "w:firstLine", lv->indent_first);
    else
        kh_xml_attr_int(x, "w:hanging", -lv->indent_first);
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_end(x);
}

int docx_numbering_xml(const kh_doc *doc, char **data, size_t *len)
{
    const kh_lists *lists = &doc->lists;
    kh_xml x;
    if (kh_xml_begin(&x) < 0)
        return -1;
    kh_xml_start(&x, "w:numbering");
    kh_xml_attr(&x, "xmlns:w", DOCX_NS_W);
    for (size_t i = 0; i < lists->n; i++) {
        const kh_list *l = &lists->items[i];
        kh_xml_start(&x, "w:abstractNum");
        kh_xml_attr_int(&x, "w:abstractNumId", (long)i);
        kh_xml_empty(&x, "w:multiLevelType", "w:val", l->nlevels > 1 ? "multilevel" : "singleLevel");
        for (int k = 0; k < l->nlevels; k++)
            write_level(&x, &l->levels[k], k + 1);
        kh_xml_end(&x);
    }
    for (size_t i = 0; i < lists->n; i++) {
        kh_xml_start(&x, "w:num");
        kh_xml_attr_int(&x, "w:numId", (long)i + 1);
        kh_xml_empty_int(&x, "w:abstractNumId", "w:val", (long)i);
        kh_xml_end(&x);
    }
    for (size_t j = 0; j < lists->nrestarts; j++) {
        int l = lists->restart_of[j];
        const kh_list *list = kh_lists_get(lists, l);
        kh_xml_start(&x, "w:num");
        kh_xml_attr_int(&x, "w:numId", (long)(lists->n + j + 1));
        kh_xml_empty_int(&x, "w:abstractNumId", "w:val", l - 1);
        for (int k = 0; list && k < list->nlevels; k++) {
            kh_xml_start(&x, "w:lvlOverride");
            kh_xml_attr_int(&x, "w:ilvl", k);
            kh_xml_empty_int(&x, "w:startOverride", "w:val", list->levels[k].start);
            kh_xml_end(&x);
        }
        kh_xml_end(&x);
    }
    kh_xml_end(&x);
    return kh_xml_finish(&x, data, len);
}
