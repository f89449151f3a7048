/* kh_pdf.h — a DOCX in memory made into a PDF by LibreOffice headless, and the PDF's page count.

   Each conversion runs in a private folder (mkdtemp under $TMPDIR, else /tmp) holding the DOCX,
   LibreOffice's own profile (so that several runs at once never meet) and what it prints; the
   folder is removed before kh_pdf_convert returns, whatever happened. LibreOffice runs in a
   process group of its own, reading /dev/null; the whole group is killed when the run ends early.

   The time limit is the run's own (--max-seconds, kh_signals_time_limit): the signals that end a
   run (kh_signals.h) are blocked during the conversion and waited for together with SIGCHLD, so
   that a stop signal or the time limit kills LibreOffice and removes the folder with ordinary
   code. A stop signal then ends the process by that signal as usual; the time limit is an error
   (exit 3: the document was fine, LibreOffice did not finish). */
#ifndef KH_PDF_H
#define KH_PDF_H
#include <stddef.h>
#include "kh_error.h"

typedef struct {
    const char *soffice;    /* --soffice: LibreOffice's program; NULL: soffice, then libreoffice on PATH */
    const char *version;    /* --pdf-version: one of kh_pdf_versions; NULL: "pdf-a-2b" */
    unsigned max_seconds;   /* the run's time limit, for the message only (0: none) */
} kh_pdf_options;

/* The accepted --pdf-version values, for messages and help: "pdf-a-2b, pdf-a-3b, …". */
extern const char kh_pdf_versions[];

/* Whether NAME is one of kh_pdf_versions. */
int kh_pdf_version_known(const char *name);

/* Convert DOCX (LEN bytes) to a PDF; *PDF is malloc'ed. NAME is how messages name the document
   (the output file). Returns KH_OK, or KH_EXIT_IO with ERR saying what to do (LibreOffice
   missing, failed, or too slow). */
int kh_pdf_convert(const kh_pdf_options *opt, const char *name, const char *docx, size_t len,
                   char **pdf, size_t *pdf_len, kh_error *err);

/* The number of pages of the PDF (libqpdf), or -1 when it cannot be read. */
int kh_pdf_pages(const char *pdf, size_t len);
#endif
