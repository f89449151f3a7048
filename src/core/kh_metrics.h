/* kh_metrics.h — advance widths of Times New Roman (Liberation Serif metrics). */
#ifndef KH_METRICS_H
#define KH_METRICS_H
/* Width in twips (1/20 pt) of a UTF-8 string at size_pt, bold and/or italic.
   Vietnamese letters count as their base letter (combining marks have no advance),
   except the horn letters ơ ư Ư, which are a little wider in the font. */
int kh_text_width_twips(const char *utf8, double size_pt, int bold, int italic);
#endif
