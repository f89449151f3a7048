/* kh_i18n.h — the language of messages: English, or Vietnamese through GNU gettext.

   Every message, warning and help text is written in English in the source and marked _("…");
   po/vi.po holds its Vietnamese. The choice: KEHOACH_LANG=vi or en when set, else what gettext
   would pick from LANGUAGE, LC_ALL, LC_MESSAGES and LANG. Vietnamese works even where the
   vi_VN.UTF-8 locale is not generated. */
#ifndef KH_I18N_H
#define KH_I18N_H

/* The gettext domain: po/vi.po is built into LOCALEDIR/vi/LC_MESSAGES/kehoach.mo. */
#define KH_I18N_DOMAIN "kehoach"

/* Choose the language and find the catalogue. main() calls it first; the first message calls it
   when nothing has (a unit test, a library user). Numbers, case and sorting keep the C locale. */
void kh_i18n_init(void);

/* Whether messages are in Vietnamese: decided once, by kh_i18n_init. */
int kh_i18n_vietnamese(void);

/* What the environment asks for now (KEHOACH_LANG, then gettext's rule), without deciding. */
int kh_i18n_environment_vietnamese(void);

/* MSGID in the chosen language (MSGID itself in English, or when the catalogue lacks it). */
const char *kh_gettext(const char *msgid) __attribute__((format_arg(1)));

/* ONE or MANY as N asks, in the chosen language ("1 error", "2 errors"). */
const char *kh_ngettext(const char *one, const char *many, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));

#define _(msgid) kh_gettext(msgid)
/* Marks a string for translation where it is defined; _() translates it where it is used. */
#define N_(msgid) msgid
#endif
