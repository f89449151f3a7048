/* kh_fonts.h — what the writers' font tables say of a font: its generic family, pitch and
   PANOSE number, so an application without the font picks a like one. */
#ifndef KH_FONTS_H
#define KH_FONTS_H

typedef struct {
    const char *name;
    const char *family;   /* "roman", "swiss", "modern", "script", "decorative"; NULL: unknown */
    int fixed_pitch;
    const char *panose;   /* ten bytes as 20 hex digits, or NULL */
} kh_font_info;

/* The facts known of the font NAME (case-insensitive); a font not in the list has its name
   alone. */
kh_font_info kh_font_lookup(const char *name);
#endif
