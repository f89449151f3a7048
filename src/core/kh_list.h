/* kh_list.h — multi-level lists of the document model: the numbering of headings and items as
   Word's numbering.xml (abstractNum, num) and ODF's list and outline styles both express it.
   A level's label is PREFIX, then the numbers of levels FIRST_SHOWN … this one joined by ".",
   then SUFFIX ("%1." is I., "%2.%3." is 1.1.), or a bullet: the one shape both formats share. */
#ifndef KH_LIST_H
#define KH_LIST_H
#include <stddef.h>

#define KH_LIST_LEVELS 9

typedef enum {
    KH_NUM_DECIMAL, KH_NUM_UPPER_ROMAN, KH_NUM_LOWER_ROMAN, KH_NUM_UPPER_LETTER,
    KH_NUM_LOWER_LETTER, KH_NUM_BULLET, KH_NUM_NONE
} kh_num_format;

/* What separates the label from the text. */
typedef enum { KH_FOLLOW_SPACE, KH_FOLLOW_TAB, KH_FOLLOW_NOTHING } kh_num_follow;

typedef struct {
    kh_num_format format;
    char *prefix, *suffix;   /* around the numbers; for a bullet, suffix is the bullet */
    int first_shown;         /* 1-based level whose number the label starts with (≤ this level) */
    int start;               /* the first number */
    kh_num_follow follow;
    int indent_left, indent_first;   /* twips, as for a paragraph: where label and text stand */
    char *style;             /* the paragraph style that carries this level (NULL: none) */
} kh_list_level;

typedef struct {
    char *id;                /* letters and digits, as a style id */
    kh_list_level levels[KH_LIST_LEVELS];
    int nlevels;
} kh_list;

typedef struct {
    kh_list *items;
    size_t n, cap;
    /* Series: list number L is series L (its first "1., 2."); each restart opens series
       n + 1, n + 2 …, of the list restart_of[i] (set by kh_lists_assign). */
    int *restart_of;
    size_t nrestarts, restarts_cap;
} kh_lists;

void kh_list_init(kh_list *l);
void kh_list_clear(kh_list *l);
/* Put L in LISTS (replacing the list of the same id), taking its fields over; returns its
   1-based number, which paragraphs and styles name. */
int kh_lists_put(kh_lists *lists, kh_list *l);
/* The 1-based number of the list ID, or 0. */
int kh_lists_find(const kh_lists *lists, const char *id);
const kh_list *kh_lists_get(const kh_lists *lists, int number);
void kh_lists_free(kh_lists *lists);

/* Parse a level's label TEXT for level LEVEL (1-based), as a template writes it: "%1.",
   "%2.%3.", "(%4)", "Điều %1." — literal text around "%k" for consecutive levels ending at
   LEVEL, joined by ".". On success fills PREFIX/SUFFIX (malloc'ed) and FIRST_SHOWN and returns
   0; otherwise returns -1 and writes why into WHY. */
int kh_list_parse_label(const char *text, int level, char **prefix, char **suffix,
                        int *first_shown, char *why, size_t why_len);
#endif
