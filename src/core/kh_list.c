/* Multi-level lists: their storage and the label syntax. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kh_i18n.h"
#include "kh_list.h"
#include "kh_util.h"

void kh_list_init(kh_list *l)
{
    memset(l, 0, sizeof *l);
}

void kh_list_clear(kh_list *l)
{
    free(l->id);
    for (int i = 0; i < KH_LIST_LEVELS; i++) {
        free(l->levels[i].prefix);
        free(l->levels[i].suffix);
        free(l->levels[i].style);
    }
    kh_list_init(l);
}

int kh_lists_put(kh_lists *lists, kh_list *l)
{
    int n = kh_lists_find(lists, l->id);
    if (n) {   /* redefining a list replaces it, as a style */
        kh_list_clear(&lists->items[n - 1]);
        lists->items[n - 1] = *l;
    } else {
        KH_GROW(lists->items, lists->n, lists->cap);
        lists->items[lists->n++] = *l;
        n = (int)lists->n;
    }
    kh_list_init(l);
    return n;
}

int kh_lists_find(const kh_lists *lists, const char *id)
{
    for (size_t i = 0; i < lists->n; i++)
        if (strcmp(lists->items[i].id, id) == 0)
            return (int)i + 1;
    return 0;
}

const kh_list *kh_lists_get(const kh_lists *lists, int number)
{
    return number >= 1 && (size_t)number <= lists->n ? &lists->items[number - 1] : NULL;
}

void kh_lists_free(kh_lists *lists)
{
    for (size_t i = 0; i < lists->n; i++)
        kh_list_clear(&lists->items[i]);
    free(lists->items);
    free(lists->restart_of);
    memset(lists, 0, sizeof *lists);
}

static char *copy(const char *s, size_t n)
{
    char *out = kh_xmalloc(n + 1);
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

int kh_list_parse_label(const char *text, int level, char **prefix, char **suffix,
                        int *first_shown, char *why, size_t why_len)
{
    const char *first = strchr(text, '%');
    if (!first) {
        snprintf(why, why_len, _("expected the level's number as %%%d (e.g. \"%%%d.\")"), level, level);
        return -1;
    }
    /* "%a.%b…%n": consecutive levels ending at LEVEL, joined by "." */
    const char *p = first;
    int from = 0, expect = 0;
    for (;;) {
        if (p[0] != '%' || p[1] < '1' || p[1] > '9') {
            snprintf(why, why_len, _("expected %%1 to %%9 after \"%%\""));
            return -1;
        }
        int k = p[1] - '0';
        if (!from)
            from = expect = k;
        if (k != expect) {
            snprintf(why, why_len, _("the numbers must be of consecutive levels: after %%%d comes %%%d, not %%%d"),
                     expect - 1, expect, k);
            return -1;
        }
        p += 2;
        expect++;
        if (p[0] == '.' && p[1] == '%') {
            p++;
            continue;
        }
        break;
    }
    if (expect - 1 != level) {
        snprintf(why, why_len, _("the label of level %d must end with the number of that level (%%%d)"), level, level);
        return -1;
    }
    if (strchr(p, '%')) {
        snprintf(why, why_len, _("only one run of numbers is possible, joined by \".\" (as \"%%1.%%2.\")"));
        return -1;
    }
    *prefix = copy(text, (size_t)(first - text));
    *suffix = copy(p, strlen(p));
    *first_shown = from;
    return 0;
}
