/* The message language and the gettext catalogue. */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kh_i18n.h"

static int ready, vietnamese;
static char locale_dir[PATH_MAX + 32];

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_c_locale(const char *name)
{
    return !strcmp(name, "C") || !strcmp(name, "POSIX") || starts_with(name, "C.");
}

/* gettext's rule: the first of LC_ALL, LC_MESSAGES, LANG that is set names the locale; unless
   that is C or POSIX, LANGUAGE's list (vi:en, en_GB:vi …) comes first. English has no catalogue:
   an "en" in the list means English, not "try the next one". */
static int environment_asks_vietnamese(void)
{
    const char *locale = NULL;
    const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0] && !locale; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            locale = v;
    }
    if (!locale || is_c_locale(locale))
        return 0;
    const char *language = getenv("LANGUAGE");
    if (language && *language) {
        for (const char *p = language; *p; p += strcspn(p, ":"), p += *p == ':') {
            if (starts_with(p, "vi"))
                return 1;
            if (starts_with(p, "en") || starts_with(p, "C"))
                return 0;
        }
    }
    return starts_with(locale, "vi");
}

int kh_i18n_environment_vietnamese(void)
{
    const char *forced = getenv("KEHOACH_LANG");
    if (forced && *forced)
        return starts_with(forced, "vi");
    return environment_asks_vietnamese();
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* KEHOACH_LOCALE_DIR when set; else locale/ beside the executable when it runs from the build
   tree (build/kehoach, build/locale/); else PREFIX/share/locale for PREFIX/bin/kehoach, found
   from the real executable as the share folder is: an installed tree works wherever it moves. */
static void find_locale_dir(void)
{
    const char *env = getenv("KEHOACH_LOCALE_DIR");
    if (env && *env) {
        snprintf(locale_dir, sizeof locale_dir, "%s", env);
        return;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 || (size_t)n >= sizeof exe - 1) {
        snprintf(locale_dir, sizeof locale_dir, "/usr/local/share/locale");
        return;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';   /* the executable's folder */
    snprintf(locale_dir, sizeof locale_dir, "%s/locale", exe);
    if (is_dir(locale_dir))
        return;
    slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    snprintf(locale_dir, sizeof locale_dir, "%s/share/locale", slash ? exe : ".");
}

void kh_i18n_init(void)
{
    if (ready)
        return;
    ready = 1;
    vietnamese = kh_i18n_environment_vietnamese();
    if (!vietnamese)
        return;   /* English: the messages as written, whatever catalogues exist */
    /* Only the message category follows the environment: LC_NUMERIC, LC_CTYPE and the rest stay
       "C", so numbers are read and written with a decimal point and Lua's string functions see
       bytes, as before. */
    const char *got = setlocale(LC_MESSAGES, "");
    if (!got || (is_c_locale(got) && strcmp(got, "C.UTF-8") && strcmp(got, "C.utf8"))) {
        /* The user's locale is not generated (or is C while KEHOACH_LANG=vi): gettext ignores
           LANGUAGE under the plain C locale alone, so name C.UTF-8. */
        if (!setlocale(LC_MESSAGES, "C.UTF-8"))
            setlocale(LC_MESSAGES, "C.utf8");
    }
    /* Whatever LANGUAGE listed, the choice made above is the one gettext follows. */
    setenv("LANGUAGE", "vi", 1);
    find_locale_dir();
    bindtextdomain(KH_I18N_DOMAIN, locale_dir);
    bind_textdomain_codeset(KH_I18N_DOMAIN, "UTF-8");   /* the catalogue as written, under any LC_CTYPE */
    bind_textdomain_codeset("libc", "UTF-8");   /* strerror's words too, not "Kh?ng c? t?p tin" */
    textdomain(KH_I18N_DOMAIN);
}

int kh_i18n_vietnamese(void)
{
    kh_i18n_init();
    return vietnamese;
}

const char *kh_gettext(const char *msgid)
{
    if (!kh_i18n_vietnamese() || !*msgid)
        return msgid;   /* "" would return the catalogue's header */
    return dgettext(KH_I18N_DOMAIN, msgid);
}

const char *kh_ngettext(const char *one, const char *many, unsigned long n)
{
    if (!kh_i18n_vietnamese())
        return n == 1 ? one : many;
    return dngettext(KH_I18N_DOMAIN, one, many, n);
}
