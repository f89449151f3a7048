/* kh_text.h — UTF-8 checks, NFC normalisation and Vietnamese upper-casing (utf8proc). */
#ifndef KH_TEXT_H
#define KH_TEXT_H
#include <stddef.h>
#include <stdint.h>

/* Why a text was refused, with the byte offset where it happened. */
typedef enum {
    KH_TEXT_OK = 0,
    KH_TEXT_BAD_UTF8,      /* not UTF-8, or an encoded surrogate */
    KH_TEXT_FORBIDDEN,     /* a character XML 1.0 forbids (U+0000–U+001F but tab and newlines, U+FFFE, U+FFFF) */
    KH_TEXT_NO_MEMORY
} kh_text_status;

/* Check S (LEN bytes). On failure *OFFSET is the byte where the problem starts. */
kh_text_status kh_text_check(const char *s, size_t len, size_t *offset);
const char *kh_text_status_message(kh_text_status st);

/* Text that passed the gate: valid UTF-8, only characters XML 1.0 allows, NFC. The document
   model takes strings only in this form (kh_model.h), so nothing else can reach a writer. */
typedef struct {
    char *text;          /* malloc'ed, NUL-terminated */
    size_t len;
} kh_gated;

/* The one gate into the document: check S (LEN bytes) and make its NFC copy in *OUT. On failure
   nothing is allocated and *OFFSET (may be NULL) is the byte where the problem starts. */
kh_text_status kh_text_gate(const char *s, size_t len, kh_gated *out, size_t *offset);
/* Free what a gated text holds (for text the model did not take). */
void kh_gated_free(kh_gated *g);

/* Newly allocated NFC form of valid UTF-8 S, or NULL when S is not valid. */
char *kh_text_nfc(const char *s, size_t len);

/* Newly allocated upper-case NFC form (ư → Ư, đ → Đ, ỗ → Ỗ), or NULL when S is not valid. */
char *kh_text_upper(const char *s, size_t len);

/* Newly allocated lower-case NFC form, or NULL when S is not valid. */
char *kh_text_lower(const char *s, size_t len);

/* 1-based line and column (in characters) of byte OFFSET in S. */
void kh_text_position(const char *s, size_t offset, int *line, int *column);
#endif
