/*
 * i18n.c — where the catalogues are and which language speaks.
 *
 * Run from the checkout (./okr, build/san/okr), the program uses the .mo
 * files `make` built under build/locale, so `make run` speaks Vietnamese
 * before anything is installed; an installed okr uses OKR_LOCALEDIR, fixed
 * at build time by the Makefile.
 */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "okr/i18n.h"
#include "okr/progress.h"
#include "okr/text.h"

#ifndef OKR_LOCALEDIR
#define OKR_LOCALEDIR "/usr/local/share/locale"
#endif

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* build/locale beside the binary (./okr), or beside its build directory
 * (build/san/okr, build/rel/okr-test: any directory right under build/). */
static bool checkout_locale(char *out, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	snprintf(out, len, "%s/build/locale", exe);
	if (is_dir(out))
		return true;
	slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	const char *parent = strrchr(exe, '/');
	if (!parent || strcmp(parent, "/build") != 0)
		return false;
	snprintf(out, len, "%s/locale", exe);
	return is_dir(out);
}

void okr_i18n_init(void)
{
	char dir[PATH_MAX + 32];
	if (!checkout_locale(dir, sizeof dir))
		snprintf(dir, sizeof dir, "%s", OKR_LOCALEDIR);
	bindtextdomain("okr", dir);
	/* The catalogues are UTF-8; gettext converts them to the terminal's
	 * character set when that is something else. */
	textdomain("okr");
}

void okr_i18n_set_language(const char *lang)
{
	if (!lang || !lang[0])
		return;
	/* gettext ignores LANGUAGE while messages are in the "C" locale, so a
	 * person whose locale is C gets the UTF-8 variant of it. */
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (!cur || !strcmp(cur, "C") || !strcmp(cur, "POSIX"))
		setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", lang, 1);
	/* Setting the locale again tells gettext to forget the messages it
	 * already looked up in the old language. */
	char now[256];
	snprintf(now, sizeof now, "%s", setlocale(LC_MESSAGES, NULL));
	setlocale(LC_MESSAGES, now);
}

bool okr_i18n_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

int okr_i18n_status_cols(void)
{
	static const okr_status all[] = { STATUS_ON_TRACK, STATUS_AT_RISK, STATUS_OFF_TRACK, STATUS_DONE,
					  STATUS_OUTDATED };
	int cols = 10;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		int w = text_width(_(okr_status_name(all[i])));
		if (w > cols)
			cols = w;
	}
	return cols;
}
