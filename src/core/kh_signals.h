/* kh_signals.h — what a signal does to a run that writes: no temporary file is left behind.

   SIGTERM, SIGINT and SIGHUP remove the temporary output file kh_write_atomic is writing (a
   path prepared before the write), say so in one line, and end the process by the same signal
   (the shell sees 128+N). The --max-seconds time limit (SIGALRM) does the same and exits 2.
   Only async-signal-safe calls run in the handlers: unlink, write, sigaction, sigprocmask, raise.
   While LibreOffice makes a PDF (kh_pdf.c) these signals are blocked and waited for instead, so
   that its process group and temporary folder are cleaned up by ordinary code first. */
#ifndef KH_SIGNALS_H
#define KH_SIGNALS_H
#include <signal.h>

/* Handle SIGTERM, SIGINT and SIGHUP (those not ignored already, as under nohup) from now on. */
void kh_signals_install(void);

/* Start the time limit: after SECONDS (0: none) the run ends with "kehoach: WHAT: time limit
   of N s exceeded …" and exit status 2. kh_signals_time_limit_stop() cancels it. */
void kh_signals_time_limit(const char *what, unsigned seconds);
void kh_signals_time_limit_stop(void);

/* Block every signal the handlers act on (the old mask in *OLD), and restore it: around a change
   to what a handler would remove, or a short window a handler could not clean up after. */
void kh_signals_block(sigset_t *old);
void kh_signals_restore(const sigset_t *old);

/* Add to SET the signals a run waits for while another program works for it (kh_pdf.c): the
   time limit (SIGALRM) and the stop signals not ignored. Blocked and waited for with
   sigwaitinfo, they are handled by ordinary code: the other program killed, its files removed. */
void kh_signals_wait_set(sigset_t *set);
#endif
