/* kh_template_path.h — where templates and their modules are found, in order:
   ./templates (and ./lua beside it), each folder of KEHOACH_TEMPLATE_PATH (':'-separated), the
   installed share folder (templates/ and lua/ of KEHOACH_SHARE_DIR, else of share/kehoach beside
   the executable's folder: PREFIX/bin/kehoach looks in PREFIX/share/kehoach), then the templates
   built into the binary. */
#ifndef KH_TEMPLATE_PATH_H
#define KH_TEMPLATE_PATH_H
#include <stdio.h>

/* The sandbox (kh_sandbox.h), named only: callers that list templates need no Lua. */
typedef struct kh_sandbox kh_sandbox;

/* Add the search folders to the sandbox's require path. */
void kh_template_path_apply(kh_sandbox *sb);

/* Print every template found, where from, and which one a name resolves to. */
void kh_template_path_list(FILE *out);
#endif
