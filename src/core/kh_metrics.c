/* kh_metrics.c — measure UTF-8 text with the tables in kh_metrics_data.c. */
#include "kh_metrics.h"
#include "kh_units.h"

#include <limits.h>
#include <stddef.h>

/* Defined in the generated kh_metrics_data.c (see tools/gen-metrics.py). */
extern const unsigned short kh_metrics_units_per_em;
extern const unsigned int kh_metrics_range_count;
extern const unsigned int kh_metrics_ranges[][3];
extern const unsigned short *const kh_metrics_widths[4];

#define KH_INVALID 0xFFFFFFFFul

/* Advance of cp in font units; 0 and not found when cp is outside the tables. */
static int table_advance(const unsigned short *w, unsigned long cp, unsigned *adv)
{
    unsigned int i;
    for (i = 0; i < kh_metrics_range_count; i++) {
        if (cp < kh_metrics_ranges[i][0])
            break; /* ranges are sorted */
        if (cp <= kh_metrics_ranges[i][1]) {
            *adv = w[kh_metrics_ranges[i][2] + (cp - kh_metrics_ranges[i][0])];
            return 1;
        }
    }
    return 0;
}

static unsigned advance(const unsigned short *w, unsigned long cp)
{
    unsigned adv;
    /* Zero-width spaces, joiners, direction marks and a stray BOM draw nothing. */
    if ((cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF)
        return 0;
    if (cp == KH_INVALID)
        cp = '?';
    if (table_advance(w, cp, &adv))
        return adv;
    /* Not tabulated: 'n' is close to the average lowercase advance. */
    table_advance(w, 'n', &adv);
    return adv;
}

/* Decode one UTF-8 sequence at s (not at the terminator). Returns the bytes
   consumed, at least 1. A malformed sequence yields KH_INVALID and consumes
   its longest valid prefix, so one bad sequence costs exactly one '?'. */
static size_t decode(const unsigned char *s, unsigned long *cp)
{
    unsigned b = s[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t need, i;
    unsigned long c;

    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b < 0xC2 || b > 0xF4) { /* continuation, overlong lead or > U+10FFFF */
        *cp = KH_INVALID;
        return 1;
    }
    if (b < 0xE0) {
        need = 1;
        c = b & 0x1F;
    } else if (b < 0xF0) {
        need = 2;
        c = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0; /* overlong */
        else if (b == 0xED)
            hi = 0x9F; /* surrogates */
    } else {
        need = 3;
        c = b & 0x07;
        if (b == 0xF0)
            lo = 0x90; /* overlong */
        else if (b == 0xF4)
            hi = 0x8F; /* beyond U+10FFFF */
    }
    for (i = 1; i <= need; i++) {
        unsigned t = s[i]; /* the terminator fails the range test, so no overrun */
        if (t < lo || t > hi) {
            *cp = KH_INVALID;
            return i;
        }
        c = (c << 6) | (t & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = c;
    return need + 1;
}

/* The horned form of a base letter, or 0. Decomposed input spells ơ as
   o + U+031B; shapers compose it, and the horned glyph is wider than o. */
static unsigned long horned(unsigned long base)
{
    switch (base) {
    case 'O': return 0x01A0;
    case 'o': return 0x01A1;
    case 'U': return 0x01AF;
    case 'u': return 0x01B0;
    default: return 0;
    }
}

int kh_text_width_twips(const char *utf8, double size_pt, int bold, int italic)
{
    const unsigned short *w;
    const unsigned char *s = (const unsigned char *)utf8;
    unsigned long long units = 0;
    unsigned long base = 0; /* last base letter still open to combining marks */
    double twips;

    if (!utf8 || !(size_pt > 0)) /* also rejects NaN */
        return 0;
    w = kh_metrics_widths[(bold ? 1 : 0) + (italic ? 2 : 0)];

    while (*s) {
        unsigned long cp;
        s += decode(s, &cp);
        if (cp >= 0x0300 && cp <= 0x036F) {
            if (cp == 0x031B && horned(base)) {
                unsigned plain = advance(w, base), horn = advance(w, horned(base));
                if (horn > plain)
                    units += horn - plain;
                base = 0; /* one horn per letter */
            }
            units += advance(w, cp);
            continue;
        }
        base = cp;
        units += advance(w, cp);
    }

    /* Scale once at the end so rounding errors do not add up per glyph. */
    twips = (double)units * size_pt * KH_TWIPS_PER_PT / kh_metrics_units_per_em + 0.5;
    if (twips >= (double)INT_MAX)
        return INT_MAX;
    return (int)twips;
}
