/* The fonts a Vietnamese administrative document is set in, and their metric-compatible
   stand-ins: family, pitch and PANOSE as the fonts themselves declare them. */
#include <stddef.h>
#include <strings.h>
#include "kh_fonts.h"

static const kh_font_info known[] = {
    {"Times New Roman", "roman", 0, "02020603050405020304"},
    {"Arial", "swiss", 0, "020B0604020202020204"},
    {"Calibri", "swiss", 0, "020F0502020204030204"},
    {"Cambria", "roman", 0, "02040503050406030204"},
    {"Tahoma", "swiss", 0, "020B0604030504040204"},
    {"Verdana", "swiss", 0, "020B0604030504040204"},
    {"Courier New", "modern", 1, "02070309020205020404"},
    {"Liberation Serif", "roman", 0, "02020603050405020304"},
    {"Liberation Sans", "swiss", 0, "020B0604020202020204"},
    {"Liberation Mono", "modern", 1, "02070409020205020404"},
    {"DejaVu Serif", "roman", 0, "02060603050605020204"},
    {"DejaVu Sans", "swiss", 0, "020B0603030804020204"},
};

kh_font_info kh_font_lookup(const char *name)
{
    for (size_t i = 0; name && i < sizeof known / sizeof *known; i++)
        if (strcasecmp(known[i].name, name) == 0) {
            kh_font_info f = known[i];
            f.name = name;   /* as the template spells it, which the styles name */
            return f;
        }
    kh_font_info f = {name, NULL, 0, NULL};
    return f;
}
