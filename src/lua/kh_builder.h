/* kh_builder.h — the Lua API templates build documents with: the `kh` module (text helpers,
   markup) and the `doc` object (styles, sections, paragraphs, tables).
   Units on the Lua side: lengths in millimetres, font sizes and spacing in points. */
#ifndef KH_BUILDER_H
#define KH_BUILDER_H
#include <lua.h>
#include "kh_model.h"

/* Registry field holding the template file being loaded, for warnings without a line. */
#define KH_TEMPLATE_FILE "kh.template_file"

/* Push the `kh` module table. */
void kh_builder_push_module(lua_State *L);

/* Push a `doc` object that adds to DOC (which stays owned by the caller). */
void kh_builder_push_doc(lua_State *L, kh_doc *doc);
#endif
