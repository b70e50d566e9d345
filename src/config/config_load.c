/*
 * config_load.c — which okr.conf files are read, and in what order: the
 * host-wide ones first (an admin names the team database once), then the
 * person's own, each over the one before, so a personal setting wins.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libconfig.h>
#include <pwd.h>
#include <unistd.h>

#include "okr/config.h"
#include "okr/i18n.h"
#include "okr/util.h"

#ifndef OKR_SYSCONFDIR
#define OKR_SYSCONFDIR "/usr/local/etc"
#endif

char *okr_config_read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	okr_buf b;
	okr_buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		okr_buf_addn(&b, chunk, n);
	int e = ferror(f) ? errno : 0;
	fclose(f);
	if (e) {
		okr_buf_free(&b);
		errno = e;
		return NULL;
	}
	char *text = okr_buf_take(&b);
	okr_buf_free(&b);
	return text;
}

bool okr_config_fail(const okr_config_where *w, unsigned line, const char *fmt, ...)
{
	if (!w->len)
		return false;
	int n = snprintf(w->err, w->len, "%s:%u: ", w->source, line);
	if (n >= 0 && (size_t)n < w->len) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(w->err + n, w->len - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return false;
}

bool okr_config_parse(struct config_t *lc, const char *text, const okr_config_where *w)
{
	if (config_read_string(lc, text))
		return true;
	char msg[512];
	unsigned line = (unsigned)config_error_line(lc);
	const char *what = config_error_text(lc);
	okr_config_syntax_message(msg, sizeof msg, text, &line, what ? what : "");
	return okr_config_fail(w, line, "%s", msg);
}

/* The file at path over *cfg.  A missing file is fine unless must_exist; on
 * error cfg is unchanged. */
static bool apply_file(okr_config *cfg, const char *path, bool must_exist, char *err, size_t errlen)
{
	char *text = okr_config_read_file(path);
	if (!text) {
		int e = errno;
		if (!must_exist && (e == ENOENT || e == ENOTDIR))
			return true;
		if (must_exist)
			snprintf(err, errlen, _("cannot read %s: %s — check the path given "
						"to --config or $OKR_CONFIG"), path, strerror(e));
		else
			snprintf(err, errlen, _("cannot read %s: %s"), path, strerror(e));
		return false;
	}
	bool ok = okr_config_apply_string(cfg, text, path, err, errlen);
	free(text);
	return ok;
}

bool okr_config_load(okr_config *cfg, const char *path, bool must_exist,
		     char *err, size_t errlen)
{
	okr_config_defaults_apply(cfg);
	return apply_file(cfg, path, must_exist, err, errlen);
}

size_t okr_config_host_files(char (*out)[4096], size_t max)
{
	size_t n = 0;
	const char *sys = getenv("OKR_SYSTEM_CONFIG");
	if (!sys)
		snprintf(out[n++], sizeof out[0], "%s/okr/okr.conf", OKR_SYSCONFDIR);
	else if (*sys)
		snprintf(out[n++], sizeof out[0], "%s", sys);
	/* $XDG_CONFIG_DIRS lists the most important directory first, so it is
	 * read last; relative entries are invalid by the XDG spec and skipped. */
	const char *dirs = getenv("XDG_CONFIG_DIRS");
	char *copy = okr_xstrdup(dirs && *dirs ? dirs : "/etc/xdg");
	size_t first_xdg = n;
	for (char *save = NULL, *d = strtok_r(copy, ":", &save); d && n < max;
	     d = strtok_r(NULL, ":", &save)) {
		if (d[0] != '/')
			continue;
		snprintf(out[n++], sizeof out[0], "%.4080s/okr/okr.conf", d);
	}
	free(copy);
	for (size_t i = first_xdg, j = n; i + 1 < j; i++, j--) {
		char tmp[4096];
		memcpy(tmp, out[i], sizeof tmp);
		memcpy(out[i], out[j - 1], sizeof tmp);
		memcpy(out[j - 1], tmp, sizeof tmp);
	}
	return n;
}

bool okr_config_load_all(okr_config *cfg, const char *personal, bool must_exist,
			 char *err, size_t errlen)
{
	enum { MAX_HOST = 16 };
	char (*host)[4096] = okr_xmalloc(MAX_HOST * sizeof *host);
	size_t n = okr_config_host_files(host, MAX_HOST);
	okr_config_defaults_apply(cfg);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++)
		ok = apply_file(cfg, host[i], false, err, errlen);
	free(host);
	if (ok)
		ok = apply_file(cfg, personal, must_exist, err, errlen);
	/* On error the caller still gets a usable configuration: the defaults. */
	if (!ok)
		okr_config_defaults_apply(cfg);
	return ok;
}

bool okr_config_locate(const char *explicit_path, char *out, size_t len)
{
	const char *env;
	if (explicit_path && *explicit_path) {
		snprintf(out, len, "%s", explicit_path);
		return true;
	}
	if ((env = getenv("OKR_CONFIG")) && *env) {
		snprintf(out, len, "%s", env);
		return true;
	}
	/* The XDG spec says a relative XDG_CONFIG_HOME is invalid and ignored. */
	if ((env = getenv("XDG_CONFIG_HOME")) && env[0] == '/') {
		snprintf(out, len, "%s/okr/okr.conf", env);
		return false;
	}
	env = getenv("HOME");
	if (!env || !*env) {
		struct passwd *pw = getpwuid(getuid());
		env = pw && pw->pw_dir ? pw->pw_dir : "";
	}
	snprintf(out, len, "%s/.config/okr/okr.conf", env);
	return false;
}
