/*
 * i18n.h — every string a person reads goes through _() so that translations
 * can be added without touching the code (gettext; without a catalogue the
 * English text is used as it is).  N_() marks a string in a static table;
 * ngettext() is for every number that meets a noun ("1 check-in").
 *
 * What scripts read (--json, CSV, import formats, exit codes, command and
 * option names) is never passed through these.
 */
#ifndef OKR_I18N_H
#define OKR_I18N_H

#include <stdbool.h>
#include <libintl.h>

#define _(s) gettext(s)
#ifndef N_
#define N_(s) s
#endif
/* A singular and plural pair in a static table, for ngettext(). */
#define NP_(one, many) one, many

/* Bind the text domain "okr": to the catalogues the checkout built
 * (build/locale) when the program runs from its checkout, else to the
 * installed locale directory.  Call once, after setlocale(LC_ALL, ""). */
void okr_i18n_init(void);

/* A language chosen in okr.conf ("vi", "zh_CN", "en"; "" keeps the
 * locale's): it takes the place of the locale's language for messages. */
void okr_i18n_set_language(const char *lang);

/* Display columns for a status column: the widest status word in the
 * language shown ("đúng tiến độ" is 12), and never less than 10. */
int okr_i18n_status_cols(void);

/* Whether the terminal's character set (LC_CTYPE) is UTF-8. */
bool okr_i18n_utf8(void);

#endif
