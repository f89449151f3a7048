/* kh_message.h — untrusted text made safe to print inside a one-line message.

   A plan, a body, a table, a template or a file name may hold anything: a newline followed by
   "kehoach: error: …", terminal escape sequences, bidi overrides that reorder what is shown.
   Such text is printed only through kh_msg_escape: the result is one line of printable UTF-8
   that cannot move the cursor, change the terminal, or start a line of its own. */
#ifndef KH_MESSAGE_H
#define KH_MESSAGE_H
#include <stddef.h>

/* The most characters of one piece of untrusted text a message shows; more ends in "…". */
#define KH_MSG_MAX_CHARS 200
/* A buffer that holds any quoted piece: each character at most 6 bytes once escaped, the two
   quotes, the ellipsis and the NUL. */
#define KH_MSG_QUOTED_SIZE (KH_MSG_MAX_CHARS * 6 + 8)

enum {
    KH_MSG_QUOTE = 1,      /* wrap in '…' and escape ' and \ as \' and \\ */
    KH_MSG_TRUNCATED = 2   /* TEXT was cut short already: drop a split last character, end in "…" */
};

/* Write TEXT (LEN bytes) to OUT (CAP bytes, always NUL-terminated when CAP > 0), escaped:
     - a line feed as \n (shown literally: the message stays one line);
     - the other C0 controls, DEL, and every byte that is not part of valid UTF-8 as \xNN;
     - C1 controls (U+0080–U+009F), U+2028/U+2029, the bidi controls U+061C, U+200E, U+200F,
       U+202A–U+202E, U+2066–U+2069 as \uNNNN;
     - everything else (Vietnamese included) unchanged.
   At most MAX_CHARS characters of TEXT are shown (0: no limit but CAP); when TEXT is longer, or
   OUT is too small, the result ends in "…" at a whole escape. Returns the bytes written. */
size_t kh_msg_escape(char *out, size_t cap, const char *text, size_t len, size_t max_chars, int flags);

/* TEXT quoted and escaped, at most KH_MSG_MAX_CHARS characters, into OUT (KH_MSG_QUOTED_SIZE
   bytes): 'unknown\n' for a field name that holds a newline. Returns OUT. NULL prints as (null). */
const char *kh_msg_quote(char out[KH_MSG_QUOTED_SIZE], const char *text);

/* Print a warning on stderr: "kehoach: warning: " ("kehoach: cảnh báo: " in Vietnamese) then the
   formatted text, cleaned as kh_msg_escape does (without quotes), then a newline. An error line
   never starts with that prefix, and the untrusted text in it can never start a line. */
void kh_msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* kh_msg_warn at a place: "FILE:LINE: text" (":LINE" left out when 0; no place when FILE is
   NULL or ""). */
void kh_msg_warn_at(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* While a sink is set (NULL: none), kh_msg_warn hands it each warning instead of printing it:
   its place (FILE NULL when none) and its cleaned text without the prefix and the place. A
   judgement collects the warnings a render gives as findings. */
typedef void (*kh_msg_sink)(void *ud, const char *file, int line, const char *text);
void kh_msg_set_warning_sink(kh_msg_sink sink, void *ud);

/* Whether the user reads Vietnamese: kh_i18n_vietnamese(), the choice every message follows. */
int kh_msg_vietnamese(void);
#endif
