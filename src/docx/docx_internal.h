/* docx_internal.h — what the DOCX part writers share. Each docx_*.c writes one kind of part;
   docx_package.c assembles them. Element order follows ECMA-376 Part 1, §17. */
#ifndef DOCX_INTERNAL_H
#define DOCX_INTERNAL_H
#include "kh_model.h"
#include "kh_util.h"
#include "kh_xml.h"

#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Relationship ids of the headers each section uses (0 = none). */
typedef struct {
    int number_header;   /* the header with the page number */
    int empty_header;    /* the blank header for pages without a number */
} docx_section_refs;

/* A paragraph's list place in w:numPr (num_id 0: none) and its outline level (0: none, 1–9). */
typedef struct {
    int num_id, ilvl;
    int outline_level;
} docx_numpr;

/* docx_paragraph.c: paragraphs and tables, for the body and for headers. NUM may be NULL. */
void docx_write_ppr_props(kh_xml *x, const kh_para_props *p, const docx_numpr *num);
void docx_write_rpr_props(kh_xml *x, const kh_run_props *r);
void docx_write_para(kh_xml *x, const kh_para *p, const kh_section *sect_end,
                     const docx_section_refs *refs);
void docx_write_blocks(kh_xml *x, const kh_block_list *blocks);
void docx_write_sectpr(kh_xml *x, const kh_section *s, const docx_section_refs *refs);

/* One function a part: each returns 0 and the part's bytes, or -1. */
/* word/document.xml, deflated as it is written (it grows with the document). */
int docx_document_xml(const kh_doc *doc, const docx_section_refs *refs, kh_deflated *out);
int docx_styles_xml(const kh_doc *doc, char **data, size_t *len);
int docx_font_table_xml(const kh_doc *doc, char **data, size_t *len);
int docx_header_xml(const kh_section *s, int with_number, char **data, size_t *len);
int docx_settings_xml(char **data, size_t *len);
int docx_content_types_xml(int nheaders, int numbering, char **data, size_t *len);
int docx_package_rels_xml(char **data, size_t *len);
int docx_document_rels_xml(int nheaders, int numbering, char **data, size_t *len);
int docx_core_xml(const kh_doc *doc, char **data, size_t *len);
int docx_app_xml(char **data, size_t *len);
/* docx_numbering.c: word/numbering.xml, written when the document has lists. */
int docx_numbering_xml(const kh_doc *doc, char **data, size_t *len);
void docx_level_text(const kh_list_level *lv, int level, kh_buf *out);
#endif
