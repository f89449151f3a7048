/* Untrusted text escaped for one-line messages. utf8proc decodes; this file decides what is shown. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "kh_i18n.h"
#include "kh_message.h"

/* Characters that are valid UTF-8 but change how a terminal shows the line. */
static int shown_escaped(utf8proc_int32_t c)
{
    return (c >= 0x80 && c <= 0x9F)             /* C1 controls: CSI, OSC … on some terminals */
        || c == 0x2028 || c == 0x2029           /* line and paragraph separators */
        || c == 0x061C || c == 0x200E || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)         /* bidi embeddings and overrides */
        || (c >= 0x2066 && c <= 0x2069);        /* bidi isolates */
}

/* The escaped form of the character at S (at most N bytes) into UNIT; its length in S in *USED. */
static size_t escape_unit(char unit[8], const unsigned char *s, size_t n, int quote, size_t *used)
{
    unsigned char b = s[0];
    *used = 1;
    if (b == '\n')
        return (size_t)snprintf(unit, 8, "\\n");
    if (b < 0x20 || b == 0x7F)
        return (size_t)snprintf(unit, 8, "\\x%02x", b);
    if (quote && (b == '\'' || b == '\\'))
        return (size_t)snprintf(unit, 8, "\\%c", b);
    if (b < 0x80) {
        unit[0] = (char)b;
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)n, &c);
    if (k < 0)   /* not UTF-8 (a stray byte, an overlong form, a surrogate): byte by byte */
        return (size_t)snprintf(unit, 8, "\\x%02x", b);
    *used = (size_t)k;
    if (shown_escaped(c))
        return (size_t)snprintf(unit, 8, "\\u%04x", (unsigned)c);
    memcpy(unit, s, (size_t)k);
    return (size_t)k;
}

size_t kh_msg_escape(char *out, size_t cap, const char *text, size_t len, size_t max_chars, int flags)
{
    static const char ellipsis[] = "\xe2\x80\xa6";   /* … */
    const int quote = flags & KH_MSG_QUOTE;
    if (cap == 0)
        return 0;
    if (!text) {
        text = "(null)";
        len = 6;
    }
    const unsigned char *s = (const unsigned char *)text;
    if (flags & KH_MSG_TRUNCATED) {
        /* Drop the start of a character the cut split (at most 3 continuation bytes back). */
        size_t back = len;
        while (back > 0 && len - back < 4 && (s[back - 1] & 0xC0) == 0x80)
            back--;
        if (back > 0 && s[back - 1] >= 0xC0) {
            utf8proc_int32_t c;
            if (utf8proc_iterate(s + back - 1, (utf8proc_ssize_t)(len - back + 1), &c) < 0)
                len = back - 1;
        }
    }
    /* Room kept for the closing quote, an ellipsis and the NUL. */
    const size_t tail = (quote ? 1 : 0) + sizeof ellipsis;
    size_t o = 0, i = 0, chars = 0;
    int cut = (flags & KH_MSG_TRUNCATED) != 0;
    if (cap < tail + 2) {   /* too small for anything useful: an empty message */
        out[0] = '\0';
        return 0;
    }
    if (quote)
        out[o++] = '\'';
    while (i < len) {
        if (max_chars && chars == max_chars) {
            cut = 1;
            break;
        }
        char unit[8];
        size_t used;
        size_t u = escape_unit(unit, s + i, len - i, quote, &used);
        if (o + u + tail > cap) {
            cut = 1;
            break;
        }
        memcpy(out + o, unit, u);
        o += u;
        i += used;
        chars++;
    }
    if (cut) {
        memcpy(out + o, ellipsis, sizeof ellipsis - 1);
        o += sizeof ellipsis - 1;
    }
    if (quote)
        out[o++] = '\'';
    out[o] = '\0';
    return o;
}

const char *kh_msg_quote(char out[KH_MSG_QUOTED_SIZE], const char *text)
{
    kh_msg_escape(out, KH_MSG_QUOTED_SIZE, text, text ? strlen(text) : 0, KH_MSG_MAX_CHARS, KH_MSG_QUOTE);
    return out;
}

static kh_msg_sink warn_sink;
static void *warn_sink_ud;

void kh_msg_set_warning_sink(kh_msg_sink sink, void *ud)
{
    warn_sink = sink;
    warn_sink_ud = ud;
}

static void warn_v(const char *file, int line, const char *fmt, va_list ap)
{
    char raw[2048], text[2048], place[1200] = "";
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    if (n < 0)
        return;
    int flags = (size_t)n >= sizeof raw ? KH_MSG_TRUNCATED : 0;
    size_t len = flags ? sizeof raw - 1 : (size_t)n;
    kh_msg_escape(text, sizeof text, raw, len, 0, flags);
    if (file && *file) {
        char name[1100];
        kh_msg_escape(name, sizeof name, file, strlen(file), 0, 0);
        if (line > 0)
            snprintf(place, sizeof place, "%s:%d: ", name, line);
        else
            snprintf(place, sizeof place, "%s: ", name);
    }
    if (warn_sink)
        warn_sink(warn_sink_ud, file && *file ? file : NULL, line, text);
    else
        fprintf(stderr, _("kehoach: warning: %s%s\n"), place, text);
}

void kh_msg_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warn_v(NULL, 0, fmt, ap);
    va_end(ap);
}

void kh_msg_warn_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    warn_v(file, line, fmt, ap);
    va_end(ap);
}

int kh_msg_vietnamese(void)
{
    return kh_i18n_vietnamese();
}
