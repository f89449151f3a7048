/* kh_template.h — which template a run uses and where its source comes from: the one decision
   render, check and new share, so that the three accept and refuse the same templates with the
   same message.

   The template is --template from the command line when given, else the plan's `template` field
   (read raw: no metamethod runs), else nd30. Then:
   - a name ("nd30": no '/', not ending in .lua) is looked for in the template search path
     (kh_template_path.h), then among the templates built into kehoach;
   - a file the plan names ("mau.lua", "mau/kh.lua") must be inside the plan's folder: opened
     beneath the folder's descriptor, no "..", not absolute, no symbolic link (kh_fileio.h);
   - a file named on the command line is the user's own choice, opened as typed, relative to the
     current folder.
   A template file's own folder is searched first by its require, its modules opened beneath it. */
#ifndef KH_TEMPLATE_H
#define KH_TEMPLATE_H
#include <stddef.h>
#include "kh_error.h"
#include "kh_sandbox.h"

typedef struct {
    char *name;     /* as given: "nd30", "mau.lua" */
    char *file;     /* as messages name it: "plan/mau.lua", "templates/nd30.lua" */
    char *text;     /* its source */
    size_t len;
    int is_file;    /* named as a file, not found by name */
    char *dir;      /* a template file's folder, as messages name it */
    int dir_fd;     /* that folder, open; -1 once handed to the sandbox, or for a name */
} kh_template;

/* Decide and read the template: CLI_NAME from --template (NULL when not given), PLAN the stack
   index of the plan table (0: none). On failure T holds nothing and ERR names the plan file and
   what to do. */
int kh_template_find(kh_sandbox *sb, const char *cli_name, int plan, kh_template *t, kh_error *err);

/* Run the template found (its folder first in the require path) and push the table it returns;
   later require(name) calls get the same table. */
int kh_template_run(kh_sandbox *sb, kh_template *t, kh_error *err);

void kh_template_free(kh_template *t);
#endif
