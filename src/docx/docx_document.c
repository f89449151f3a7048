/* word/document.xml: the sections in order, each closed by its w:sectPr; the largest part,
   deflated as it is written. */
#include "docx_internal.h"

int docx_document_xml(const kh_doc *doc, const docx_section_refs *refs, kh_deflated *out)
{
    kh_xml x;
    if (kh_xml_begin_deflated(&x) < 0) {
        kh_xml_discard(&x);
        return -1;
    }
    kh_xml_start(&x, "w:document");
    kh_xml_attr(&x, "xmlns:w", DOCX_NS_W);
    kh_xml_attr(&x, "xmlns:r", DOCX_NS_R);
    kh_xml_start(&x, "w:body");
    for (size_t i = 0; i < doc->nsections; i++) {
        const kh_section *s = &doc->sections[i];
        const kh_block_list *b = &s->body;
        int last_section = i + 1 == doc->nsections;
        size_t n = b->nblocks;
        /* A section's properties ride on its carrier, its last paragraph (kh_finish); the last
           section's close the body. */
        size_t plain = s->carrier ? n - 1 : n;
        kh_block_list head = {b->blocks, plain, plain};
        docx_write_blocks(&x, &head);
        if (!last_section) {
            if (s->carrier) {
                docx_write_para(&x, s->carrier, s, &refs[i]);
            } else {
                kh_para empty = {0};
                kh_para_props_init(&empty.props);
                empty.props.run.size = 2;
                empty.props.space_before = empty.props.space_after = 0;
                empty.props.line_rule = KH_LINE_EXACT;
                empty.props.line = 20;
                docx_write_para(&x, &empty, s, &refs[i]);
            }
        } else {
            if (s->opens_blank || s->closes_blank)
                kh_xml_empty(&x, "w:p", NULL, NULL);   /* a body must not end with a table */
            docx_write_sectpr(&x, s, &refs[i]);
        }
    }
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_finish_deflated(&x, out);
}
