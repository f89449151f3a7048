/* kh_finish.h — the step between the builder and the writers: the model is checked and what
   the DOCX and ODT writers share is decided once, in the model, so they only translate it.
   Called once on a built document, before any writer (a model built in C too). */
#ifndef KH_FINISH_H
#define KH_FINISH_H
#include "kh_error.h"
#include "kh_model.h"

/* - colours (run and paragraph colours, cell shades) are checked: a value out of range is a
     one-line error naming the place and the field, and every cell's fill is resolved;
   - each style's and paragraph's applied properties: its own over those of its style chain;
     each run's properties become its own over its paragraph's run properties;
   - the page number is centred unless the section sets its alignment;
   - an empty cell gets one empty paragraph (both formats need one);
   - each section's carrier paragraph (DOCX) and blank opening (ODT);
   - each paragraph's list item and the series it counts in, and its outline level
     (kh_lists_assign);
   - a document without a section is an error.
   Sets doc->finished, without which the writers refuse the model. Returns KH_OK, or
   KH_EXIT_INPUT with ERR set. Running it again changes nothing. */
int kh_finish(kh_doc *doc, kh_error *err);

/* PROPS as they apply under STYLE_ID: each value PROPS leaves unset taken from the first style
   of the chain (STYLE_ID, its based_on …) that sets it. */
kh_para_props kh_finish_applied(const kh_doc *doc, const kh_para_props *props, const char *style_id);
#endif
