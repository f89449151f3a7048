/* kh_units.h — every conversion between the units of the model and those the formats write.
   The model keeps lengths in twips (1/20 pt), font sizes in half-points, border widths in
   eighths of a point and colours as 0xRRGGBB (kh_model.h); templates give millimetres and
   points; ODF writes "cm", "pt", "in" and "%" strings, WordprocessingML the model's integers
   and RRGGBB hex. No C writer, builder or metric does this arithmetic on its own. */
#ifndef KH_UNITS_H
#define KH_UNITS_H
#include <stddef.h>

#define KH_TWIPS_PER_PT 20
#define KH_TWIPS_PER_INCH 1440
#define KH_EMU_PER_TWIP 635          /* English Metric Units: 914400 an inch */
#define KH_COLOR_MAX 0xFFFFFF

/* From what templates write, rounded to the nearest (halves away from zero). */
int kh_twips_from_mm(double mm);
int kh_twips_from_cm(double cm);
int kh_twips_from_pt(double pt);
int kh_half_points_from_pt(double pt);
int kh_eighths_from_pt(double pt);
/* A line spacing in lines (1 = single) as 240ths of a line, WordprocessingML's "auto" rule. */
int kh_lines240_from_lines(double lines);
/* A border of EIGHTHS of a point, in twips, rounded (halves up). */
int kh_twips_from_eighths(int eighths);

/* To what the formats write. */
double kh_pt_from_twips(int twips);
double kh_pt_from_half_points(int half_points);
double kh_pt_from_eighths(int eighths);
double kh_cm_from_twips(int twips);
double kh_mm_from_twips(int twips);
double kh_in_from_twips(int twips);
long long kh_emu_from_twips(int twips);
/* A line spacing in 240ths of a line (WordprocessingML's "auto" rule) as a percentage. */
double kh_percent_from_lines240(int lines240);

/* VALUE with at most DECIMALS decimals, trailing zeros (and a lone point) dropped, "-0" as "0",
   then UNIT: the shortest exact form ODF lengths are written in. */
void kh_fmt_number(char *buf, size_t n, double value, int decimals, const char *unit);
void kh_fmt_cm(char *buf, size_t n, int twips);          /* "1.5cm": 4 decimals */
void kh_fmt_in(char *buf, size_t n, int twips);          /* "0.5in": 4 decimals */
void kh_fmt_pt(char *buf, size_t n, double points);      /* "0.5pt": 3 decimals */
void kh_fmt_percent(char *buf, size_t n, int lines240);  /* "115%": 2 decimals */

/* Colours: the rules the model is checked by (kh_finish), and how they are written. */
int kh_color_valid(int color);               /* 0 to 0xFFFFFF */
int kh_shade_valid(int percent);             /* 0 to 100 */
/* The grey of a shade of PERCENT (0 white, 100 black) as 0xRRGGBB; PERCENT must be valid. */
int kh_shade_grey(int percent);
void kh_fmt_rrggbb(char *buf, size_t n, int color);      /* "D9D9D9" (WordprocessingML) */
void kh_fmt_hash_rgb(char *buf, size_t n, int color);    /* "#D9D9D9" (ODF) */
#endif
