/* kh_error.h — one-line errors that carry their place, and the exit status they lead to. */
#ifndef KH_ERROR_H
#define KH_ERROR_H
#include <stddef.h>

enum {
    KH_OK = 0,
    KH_EXIT_CHECK = 1,   /* check found errors */
    KH_EXIT_INPUT = 2,   /* bad input or usage */
    KH_EXIT_IO = 3       /* I/O or internal failure */
};

typedef struct {
    int status;          /* one of the KH_EXIT_* values, KH_OK when no error */
    char message[4096];  /* "file:line: what was expected", as printed */
    /* The place MESSAGE begins with, when it was given as one (kh_error_set_at, or a Lua error
       raised in a chunk the sandbox loaded): FILE ("" when none), LINE and COLUMN (0 when the
       place is the whole file, or no column), and TEXT, where the words after it begin. A
       finding is made of these, never of MESSAGE taken apart. */
    char file[1024];
    int line, column;
    size_t text;
    char field[256];     /* the plan's field it is about ("signer.name"), or "" */
    char rule[32];       /* the check rule it breaks ("table-cells"), or "" */
} kh_error;

/* Record an error (the first one wins: later calls keep the original cause). Returns status. */
int kh_error_set(kh_error *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same, at a place: MESSAGE is "FILE:LINE:COLUMN: text" (":COLUMN" left out when 0, and
   ":LINE" too when LINE is 0). */
int kh_error_set_at(kh_error *err, int status, const char *file, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void kh_error_clear(kh_error *err);
/* ERR's message was written naming FILE first ("FILE: what"), as kehoach's messages about a
   whole file are: record FILE as its place, when it has none yet. */
void kh_error_locate(kh_error *err, const char *file);
/* Name the check rule ERR's error breaks, when none is named yet. */
void kh_error_rule(kh_error *err, const char *rule);
/* The words of the message after its place (the whole message when it has none). */
const char *kh_error_text(const kh_error *err);
#endif
