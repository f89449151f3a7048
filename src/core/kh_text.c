/* UTF-8 checks, NFC and upper-casing. utf8proc does the Unicode work; this file only frames it. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "kh_i18n.h"
#include "kh_text.h"

static int xml_char_allowed(utf8proc_int32_t c)
{
    if (c < 0x20)
        return c == 0x09 || c == 0x0A || c == 0x0D;
    return c != 0xFFFE && c != 0xFFFF;
}

kh_text_status kh_text_check(const char *s, size_t len, size_t *offset)
{
    size_t i = 0;
    while (i < len) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b < 0x80) {   /* printable ASCII: valid and allowed, no decoding */
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &c);
        if (n < 0) {   /* utf8proc also refuses encoded surrogates and overlong forms */
            if (offset) *offset = i;
            return KH_TEXT_BAD_UTF8;
        }
        if (!xml_char_allowed(c)) {
            if (offset) *offset = i;
            return KH_TEXT_FORBIDDEN;
        }
        i += (size_t)n;
    }
    return KH_TEXT_OK;
}

const char *kh_text_status_message(kh_text_status st)
{
    switch (st) {
    case KH_TEXT_OK: return _("valid");
    case KH_TEXT_BAD_UTF8: return _("invalid UTF-8");
    case KH_TEXT_FORBIDDEN: return _("a control character that XML does not allow");
    case KH_TEXT_NO_MEMORY: return _("out of memory");
    }
    return _("invalid text");
}

/* Code points that NFC leaves alone wherever they stand: each is a starter (combining class 0),
   is its own NFC form, and composes with none of the others (tests/unit/test_nfc_fast.c checks
   every pair against utf8proc): ASCII, Latin-1, Latin Extended-A and -B, IPA and spacing
   modifiers (below U+0300), Latin Extended Additional (U+1E00–U+1EFF, the precomposed
   Vietnamese letters) and General Punctuation from U+2010 (dashes, quotes, ellipsis). */
static int nfc_inert(utf8proc_int32_t c)
{
    return c < 0x300 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2010 && c < 0x2070);
}

/* 1 when valid UTF-8 S holds inert code points only: it is NFC already, as it is. */
static int nfc_quick_yes(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned char b = *p;
        utf8proc_int32_t c;
        if (b < 0x80) {
            p++;
            continue;
        } else if (b < 0xE0) {
            c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
            p += 2;
        } else if (b < 0xF0) {
            c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            p += 3;
        } else {
            return 0;
        }
        if (!nfc_inert(c))
            return 0;
    }
    return 1;
}

/* S is valid UTF-8 (checked by the caller). */
static char *map_valid(const char *s, size_t len, utf8proc_option_t extra, utf8proc_custom_func custom)
{
    if (!custom && !extra && nfc_quick_yes(s, len)) {
        /* Most text (all of a Vietnamese plan typed in NFC) takes this path: a copy. */
        char *copy = malloc(len + 1);
        if (copy) {
            memcpy(copy, s, len);
            copy[len] = '\0';
        }
        return copy;
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                             &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | extra,
                                             custom, NULL);
    if (n < 0)
        return NULL;
    return (char *)out;
}

static char *map_text(const char *s, size_t len, utf8proc_option_t extra,
                      utf8proc_custom_func custom)
{
    if (kh_text_check(s, len, NULL) != KH_TEXT_OK)
        return NULL;
    return map_valid(s, len, extra, custom);
}

char *kh_text_nfc(const char *s, size_t len)
{
    return map_text(s, len, 0, NULL);
}

kh_text_status kh_text_gate(const char *s, size_t len, kh_gated *out, size_t *offset)
{
    out->text = NULL;
    out->len = 0;
    kh_text_status st = kh_text_check(s, len, offset);
    if (st != KH_TEXT_OK)
        return st;
    char *nfc = map_valid(s, len, 0, NULL);
    if (!nfc) {
        if (offset)
            *offset = 0;
        return KH_TEXT_NO_MEMORY;
    }
    out->text = nfc;
    out->len = strlen(nfc);
    return KH_TEXT_OK;
}

void kh_gated_free(kh_gated *g)
{
    free(g->text);
    g->text = NULL;
    g->len = 0;
}

static utf8proc_int32_t to_upper(utf8proc_int32_t c, void *data)
{
    (void)data;
    return utf8proc_toupper(c);
}

char *kh_text_upper(const char *s, size_t len)
{
    /* Decompose first so a letter with a tone mark maps through its base letter, then recompose. */
    return map_text(s, len, 0, to_upper);
}

static utf8proc_int32_t to_lower(utf8proc_int32_t c, void *data)
{
    (void)data;
    return utf8proc_tolower(c);
}

char *kh_text_lower(const char *s, size_t len)
{
    return map_text(s, len, 0, to_lower);
}

void kh_text_position(const char *s, size_t offset, int *line, int *column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && s[i]; i++) {
        if (s[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}
