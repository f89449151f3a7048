/* kh_error.h — one-line errors that carry their place, and the exit status they lead to. */
#ifndef KH_ERROR_H
#define KH_ERROR_H

enum {
    KH_OK = 0,
    KH_EXIT_CHECK = 1,   /* check found errors */
    KH_EXIT_INPUT = 2,   /* bad input or usage */
    KH_EXIT_IO = 3       /* I/O or internal failure */
};

typedef struct {
    int status;          /* one of the KH_EXIT_* values, KH_OK when no error */
    char message[4096];  /* "file:line: what was expected" */
} kh_error;

/* Record an error (the first one wins: later calls keep the original cause). Returns status. */
int kh_error_set(kh_error *err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void kh_error_clear(kh_error *err);
#endif
