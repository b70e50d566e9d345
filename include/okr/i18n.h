/*
 * i18n.h — every string a person reads goes through _() so that translations
 * can be added without touching the code (gettext; without a catalogue the
 * English text is used as it is).  N_() marks a string in a static table.
 */
#ifndef OKR_I18N_H
#define OKR_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#ifndef N_
#define N_(s) s
#endif

#endif
