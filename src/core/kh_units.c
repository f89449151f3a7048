/* Unit conversions and the strings ODF lengths and colours are written as (kh_units.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kh_units.h"

int kh_twips_from_mm(double mm) { return (int)lround(mm * (1440.0 / 25.4)); }
int kh_twips_from_cm(double cm) { return (int)lround(cm * (1440.0 / 2.54)); }
int kh_twips_from_pt(double pt) { return (int)lround(pt * 20.0); }
int kh_half_points_from_pt(double pt) { return (int)lround(pt * 2); }
int kh_eighths_from_pt(double pt) { return (int)lround(pt * 8); }
int kh_lines240_from_lines(double lines) { return (int)lround(lines * 240); }
/* eighths × 20/8 = eighths × 2.5 twips */
int kh_twips_from_eighths(int eighths) { return (eighths * 5 + 1) / 2; }

double kh_pt_from_twips(int twips) { return twips / 20.0; }
double kh_pt_from_half_points(int half_points) { return half_points / 2.0; }
double kh_pt_from_eighths(int eighths) { return eighths / 8.0; }
double kh_cm_from_twips(int twips) { return twips * 2.54 / 1440.0; }
double kh_mm_from_twips(int twips) { return twips / (1440.0 / 25.4); }
double kh_in_from_twips(int twips) { return twips / 1440.0; }
long long kh_emu_from_twips(int twips) { return (long long)twips * KH_EMU_PER_TWIP; }
double kh_percent_from_lines240(int lines240) { return lines240 * 100.0 / 240.0; }

void kh_fmt_number(char *buf, size_t n, double value, int decimals, const char *unit)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*f", decimals, value);
    char *dot = strchr(tmp, '.');
    if (dot) {
        char *end = tmp + strlen(tmp) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(tmp, "-0") == 0)
        strcpy(tmp, "0");
    snprintf(buf, n, "%s%s", tmp, unit);
}

void kh_fmt_cm(char *buf, size_t n, int twips) { kh_fmt_number(buf, n, kh_cm_from_twips(twips), 4, "cm"); }
void kh_fmt_in(char *buf, size_t n, int twips) { kh_fmt_number(buf, n, kh_in_from_twips(twips), 4, "in"); }
void kh_fmt_pt(char *buf, size_t n, double points) { kh_fmt_number(buf, n, points, 3, "pt"); }
void kh_fmt_percent(char *buf, size_t n, int lines240)
{
    kh_fmt_number(buf, n, kh_percent_from_lines240(lines240), 2, "%");
}

int kh_color_valid(int color) { return color >= 0 && color <= KH_COLOR_MAX; }
int kh_shade_valid(int percent) { return percent >= 0 && percent <= 100; }

int kh_shade_grey(int percent)
{
    int v = 255 - (255 * percent) / 100;
    return v << 16 | v << 8 | v;
}

void kh_fmt_rrggbb(char *buf, size_t n, int color) { snprintf(buf, n, "%06X", (unsigned)color & 0xFFFFFFu); }
void kh_fmt_hash_rgb(char *buf, size_t n, int color) { snprintf(buf, n, "#%06X", (unsigned)color & 0xFFFFFFu); }
