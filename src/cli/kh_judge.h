/* kh_judge.h — one judgement of a plan, for `kehoach check` and `kehoach render` alike.

   The plan is run (leniently: a table that does not parse is a finding), its template found, the
   rules of lua/check.lua applied and the loader's own checks made; when none of that finds an
   error, the document is built as render builds it and whatever that refuses or warns of is a
   finding too. check prints every finding; render refuses a plan with an error (its first
   finding) and prints the warnings. The two cannot disagree: there is one verdict. */
#ifndef KH_JUDGE_H
#define KH_JUDGE_H
#include "kh_error.h"
#include "kh_model.h"
#include "kh_render.h"

typedef struct {
    char *file;       /* the file as named in messages: the plan file, a body or table file */
    int line;         /* 0: the finding has no line */
    int column;       /* 0: unknown */
    int error;        /* 1 an error, 0 a warning */
    char *rule;       /* the rule's id: "unknown-field", "symbol-format", … */
    char *path;       /* the field path as typed ("appendices[1].orientation"), or NULL */
    char *key;        /* the message's form before its arguments were put in, or NULL */
    char **args;      /* the arguments, NARGS of them */
    int nargs;
    char *message;    /* the message as printed */
    char *fix_from;   /* check --fix: line LINE of FILE, when it still reads FIX_FROM, */
    char *fix_to;     /* becomes FIX_TO; both NULL when the finding carries no fix */
} kh_finding;

typedef struct {
    kh_finding *items;   /* sorted by file, then line */
    int count;
    int errors, warnings;
    int unloadable;      /* the plan could not be run at all: its error is the one finding */
} kh_findings;

typedef struct {
    const kh_render_options *render;   /* the plan, template, part and limits as render has them */
} kh_judge_options;

/* Judge OPT's plan: OUT gets the findings (kh_findings_free frees them). When DOC is not NULL and
   there is no error, *DOC is the finished document (kh_doc_free frees it) and RESULT (may be
   NULL) the template used. Returns KH_OK when the plan was judged, whatever the verdict, or an
   exit status with ERR set for a failure of the program itself. */
int kh_judge(const kh_judge_options *opt, kh_findings *out, kh_doc **doc, kh_render_result *result,
             kh_error *err);
void kh_findings_free(kh_findings *f);

/* A finding as one line, escaped: "FILE:LINE[:COLUMN]: message [rule]" as render prints it,
   "FILE:LINE[:COLUMN]: error|warning: message [rule]" (WITH_LEVEL) as check does. CAP of
   KH_FINDING_LINE_SIZE holds any. */
#define KH_FINDING_MAX_CHARS 400
#define KH_FINDING_LINE_SIZE (1100 + KH_FINDING_MAX_CHARS * 6 + 64)
void kh_finding_format(const kh_finding *f, int with_level, char *buf, size_t cap);
#endif
