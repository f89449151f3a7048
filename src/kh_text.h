/* kh_text.h — UTF-8 checks, NFC normalisation and Vietnamese upper-casing (utf8proc). */
#ifndef KH_TEXT_H
#define KH_TEXT_H
#include <stddef.h>
#include <stdint.h>

/* Why a text was refused, with the byte offset where it happened. */
typedef enum {
    KH_TEXT_OK = 0,
    KH_TEXT_BAD_UTF8,      /* not UTF-8, or an encoded surrogate */
    KH_TEXT_FORBIDDEN      /* a character XML 1.0 forbids (U+0000–U+001F but tab and newlines, U+FFFE, U+FFFF) */
} kh_text_status;

/* Check S (LEN bytes). On failure *OFFSET is the byte where the problem starts. */
kh_text_status kh_text_check(const char *s, size_t len, size_t *offset);
const char *kh_text_status_message(kh_text_status st);

/* Newly allocated NFC form of valid UTF-8 S, or NULL when S is not valid. */
char *kh_text_nfc(const char *s, size_t len);

/* Newly allocated upper-case NFC form (ư → Ư, đ → Đ, ỗ → Ỗ), or NULL when S is not valid. */
char *kh_text_upper(const char *s, size_t len);

/* Newly allocated lower-case NFC form, or NULL when S is not valid. */
char *kh_text_lower(const char *s, size_t len);

/* 1-based line and column (in characters) of byte OFFSET in S. */
void kh_text_position(const char *s, size_t offset, int *line, int *column);
#endif
