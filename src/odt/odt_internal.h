/* odt_internal.h — what the ODT part writers share. Each odt_*.c writes one part of the
   package (content.xml, styles.xml, meta.xml, META-INF/manifest.xml); odt_package.c assembles
   them with settings.xml (odt_settings.c: LibreOffice's layout settings); odt_props.c holds the lengths, the property sets and the automatic-style registry the
   content and styles parts both use. Element and attribute names follow OpenDocument 1.3. */
#ifndef ODT_INTERNAL_H
#define ODT_INTERNAL_H
#include <stddef.h>
#include "kh_model.h"
#include "kh_util.h"
#include "kh_xml.h"

#define ODT_VERSION "1.3"
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

#define ODT_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define ODT_NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define ODT_NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define ODT_NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define ODT_NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define ODT_NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define ODT_NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define ODT_NS_DC "http://purl.org/dc/elements/1.1/"
#define ODT_NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define ODT_PARA_PROPS "style:paragraph-properties"
#define ODT_TEXT_PROPS "style:text-properties"

/* ---- odt_props.c: lengths ---- */

/* TWIPS as centimetres ("1.5cm"), and POINTS as points ("0.5pt"), shortest exact form. */
void odt_cm(char *buf, size_t n, int twips);
void odt_pt(char *buf, size_t n, double points);

/* ---- odt_props.c: property sets ----
   A style is described by its family, parent, master page and an ordered list of
   (element, attribute, value) properties. The serialized description is the key under which
   identical automatic styles are shared, and is also what the style is written from. */
typedef struct {
    kh_buf key;
    int nprops;
} odt_spec;

void odt_spec_init(odt_spec *s, const char *family, const char *parent, const char *master);
/* Properties must be added grouped by element, in the schema's element order. */
void odt_spec_prop(odt_spec *s, const char *element, const char *attr, const char *value);
void odt_spec_free(odt_spec *s);

/* Paragraph properties (style:paragraph-properties) for what P sets; UNSET values are left out. */
void odt_spec_para(odt_spec *s, const kh_para_props *p);
/* Text properties (style:text-properties) for what R sets. */
void odt_spec_text(odt_spec *s, const kh_run_props *r);

/* A length as it applies (a kh_finish "applied" value): 0 where no style sets it, as the
   default paragraph style sets none of them. */
int odt_applied(int twips);

/* odt_fonts.c: "'Times New Roman'" (a family with spaces is quoted), and the font-face-decls. */
void odt_quoted_family(char *buf, size_t n, const char *font);
void odt_font_faces(kh_xml *x, const kh_doc *doc);

/* LibreOffice keeps the margins above and below as one property, and the indents as another: a
   style that sets only one of them resets the others to 0 over its parent's. Where P (the
   properties to write over a named style) sets one, the others of its group are filled in as
   they apply (APPLIED: kh_finish's values for the paragraph or style). */
void odt_complete_margins(kh_para_props *p, const kh_para_props *applied);

/* Word draws a left or right paragraph border outside the text's indent (1 pt away), ODF inside
   the margin: move the margins of P out by the border and its padding so the text stays where
   Word has it. LEFT and RIGHT are the indents as they apply (odt_applied). */
void odt_frame_indents(kh_para_props *p, int left, int right);

/* Write <style:style style:name=NAME …> from a property set's key; DISPLAY_NAME and NEXT
   (the style that follows on Enter) may be NULL. */
void odt_write_style(kh_xml *x, const char *name, const char *display_name, const char *next,
                     const char *key);
/* The same for a paragraph style that is a heading of OUTLINE_LEVEL (0: not one) or whose
   paragraphs are items of the text:list-style LIST_STYLE (NULL: none). */
void odt_write_style_in_list(kh_xml *x, const char *name, const char *display_name, const char *next,
                             const char *key, int outline_level, const char *list_style);

/* The style:name of the template's style ID: ID itself, or "_ID" when ID starts with a digit
   (a style name must be an XML name). Returns BUF or ID. */
const char *odt_style_ref(const char *id, char *buf, size_t n);

/* ---- odt_props.c: automatic styles ----
   A registry of automatic styles shared by everything that has the same properties. Names are
   PREFIX + a family letter code + a number, given in the order styles are first asked for. */
typedef struct odt_autostyles odt_autostyles;

odt_autostyles *odt_auto_new(const char *prefix);
/* The name of the automatic style with S's properties, registered on first use. S is kept. */
const char *odt_auto_name(odt_autostyles *a, const odt_spec *s);
size_t odt_auto_count(const odt_autostyles *a);
/* Every registered style, in registration order. */
void odt_auto_write(const odt_autostyles *a, kh_xml *x);
void odt_auto_free(odt_autostyles *a);

/* ---- the section masters (odt_styles.c names them, odt_content.c uses them) ---- */

/* Section INDEX (from 0) is the page style "S<INDEX+1>"; when its first page shows no number
   (odt_section_first_master) that page has its own page style "S<INDEX+1>First", which is
   followed by "S<INDEX+1>". FIRST picks that one. */
void odt_master_name(char *buf, size_t n, size_t index, int first);
int odt_section_first_master(const kh_section *s);

/* ---- odt_lists.c: list and outline styles ---- */

/* The list that carries the headings (the outline style's numbering), or 0. */
int odt_outline_list(const kh_doc *doc);
/* The text:list-style name of LIST (1-based), for any list but the outline one. */
void odt_list_style_name(char *buf, size_t n, const kh_lists *lists, int list);
/* text:outline-style and the text:list-style of every other list, inside office:styles. */
void odt_list_styles(kh_xml *x, const kh_doc *doc);

/* ---- one function a part: each returns 0 and the part's bytes, or -1 ---- */
int odt_content_xml(const kh_doc *doc, kh_deflated *out);   /* deflated as it is written */
int odt_styles_xml(const kh_doc *doc, char **data, size_t *len);
int odt_meta_xml(const kh_doc *doc, char **data, size_t *len);
int odt_settings_xml(char **data, size_t *len);
int odt_manifest_xml(char **data, size_t *len);
#endif
