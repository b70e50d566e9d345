/*
 * config_team.c — the team settings (SPEC §7): which okr_config fields are
 * the team's rather than a person's, and the conversions between them and
 * the (key, libconfig literal) rows the database keeps.
 *
 * Every value goes through the same loader as okr.conf (okr_config_apply),
 * so `okr settings set` accepts exactly what okr.conf used to accept and says
 * what is wrong in the same words.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libconfig.h>

#include "okr/config.h"
#include "okr/i18n.h"
#include "okr/util.h"

typedef enum { T_INT, T_FLOAT, T_BOOL, T_ROLLUP, T_ZONE, T_WEEKDAY } team_kind;

typedef struct {
	const char *key;
	team_kind kind;
	size_t off;
} team_spec;

#define AT(f) offsetof(okr_config, f)
#define GAME(n) { "gamification." #n, T_INT, AT(game.n) }

/* Grouped by prefix (none, status, gamification, leaderboard): the text that
 * team_text builds relies on it. */
static const team_spec specs[] = {
	{ "timezone", T_ZONE, AT(week_offset_minutes) },
	{ "week_start", T_WEEKDAY, AT(game.week_start) },
	{ "rollup", T_ROLLUP, AT(rollup) },
	{ "status.at_risk", T_FLOAT, AT(status.at_risk) },
	{ "status.off_track", T_FLOAT, AT(status.off_track) },
	GAME(checkin_xp), GAME(progress_xp), GAME(reach_07_xp), GAME(reach_10_xp),
	GAME(kudos_given_xp), GAME(kudos_allowance), GAME(kudos_received_xp), GAME(comment_xp),
	GAME(comment_min_chars), GAME(comment_weekly_cap), GAME(streak_cap), GAME(streak_percent),
	{ "leaderboard.bands", T_BOOL, AT(board_bands) },
	{ "leaderboard.top", T_INT, AT(board_top) },
};

enum { NSPECS = sizeof specs / sizeof specs[0] };

static const char *const rollup_names[] = { "krs", "children", "both" };
static const char *const weekday_names[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
					     "saturday", "sunday" };

size_t okr_config_team_count(void) { return NSPECS; }
const char *okr_config_team_key(size_t i) { return i < NSPECS ? specs[i].key : NULL; }

static const team_spec *spec_of(const char *key)
{
	for (size_t i = 0; i < NSPECS; i++)
		if (!strcmp(specs[i].key, key))
			return &specs[i];
	return NULL;
}

bool okr_config_is_team_key(const char *key) { return spec_of(key) != NULL; }

void okr_config_team_format(const okr_config *cfg, const char *key, char *out, size_t len)
{
	const team_spec *t = spec_of(key);
	const char *f = (const char *)cfg + (t ? t->off : 0);
	if (!t) {
		snprintf(out, len, "?");
		return;
	}
	switch (t->kind) {
	case T_INT:
		snprintf(out, len, "%d", *(const int *)(const void *)f);
		return;
	case T_FLOAT: {
		/* The shortest text that reads back as the same number. */
		double v = *(const double *)(const void *)f;
		for (int p = 1; p <= 17; p++) {
			snprintf(out, len, "%.*g", p, v);
			if (strtod(out, NULL) == v)
				break;
		}
		if (!strpbrk(out, ".e"))
			okr_strlcpy(out + strlen(out), ".0", len - strlen(out));
		return;
	}
	case T_BOOL:
		snprintf(out, len, "%s", *(const bool *)(const void *)f ? "true" : "false");   /* i18n: not user-visible (a setting value) */
		return;
	case T_ROLLUP: {
		unsigned r = (unsigned)*(const okr_rollup_mode *)(const void *)f;
		snprintf(out, len, "\"%s\"", r < 3 ? rollup_names[r] : "both");
		return;
	}
	case T_WEEKDAY: {
		unsigned d = (unsigned)*(const int *)(const void *)f;
		snprintf(out, len, "\"%s\"", d < 7 ? weekday_names[d] : "monday");
		return;
	}
	case T_ZONE: {
		int m = *(const int *)(const void *)f, a = m < 0 ? -m : m;
		snprintf(out, len, "\"%c%02d:%02d\"", m < 0 ? '-' : '+', a / 60, a % 60);
		return;
	}
	}
}

/* "a.b = v" as libconfig text: "a = { b = v; };" or "a = v;". */
static void one_setting(char *out, size_t len, const char *key, const char *literal)
{
	const char *dot = strchr(key, '.');
	if (dot)
		snprintf(out, len, "%.*s = { %s = %s; };\n", (int)(dot - key), key, dot + 1, literal);
	else
		snprintf(out, len, "%s = %s;\n", key, literal);
}

/* The loader's message without its "name:line: " (there is no file). */
static void strip_place(char *err)
{
	char *p = strstr(err, ": ");
	if (p && p != err)
		memmove(err, p + 2, strlen(p + 2) + 1);
}

static bool plain_number(const char *s, bool fraction)
{
	const char *p = s + (*s == '-');
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	if (fraction && *p == '.' && isdigit((unsigned char)p[1]))
		for (p++; isdigit((unsigned char)*p); p++)
			;
	return *p == '\0';
}

static bool team_literal(const char *key, const char *value, bool typed, char *out, size_t len, char *err,
			 size_t errlen)
{
	const team_spec *t = spec_of(key);
	if (!t) {
		snprintf(err, errlen, _("'%s' is not a team setting — `okr settings show` lists them"), key);
		return false;
	}
	bool bare = (t->kind == T_INT && plain_number(value, false)) ||
		    (t->kind == T_FLOAT && plain_number(value, true)) ||
		    (t->kind == T_BOOL && (!strcmp(value, "true") || !strcmp(value, "false")));
	if (bare) {
		snprintf(out, len, "%s", value);
	} else {
		/* Anything else is a string to libconfig; the loader then says
		 * what the setting takes instead. */
		size_t o = 0;
		out[o++] = '"';
		for (const char *p = value; *p && o + 3 < len; p++) {
			if ((unsigned char)*p < 0x20 || *p == 0x7f) {
				snprintf(err, errlen, _("'%s': the value contains a control character"), key);
				return false;
			}
			if (*p == '"' || *p == '\\')
				out[o++] = '\\';
			out[o++] = *p;
		}
		out[o++] = '"';
		out[o] = '\0';
	}
	char text[512];
	one_setting(text, sizeof text, key, out);
	okr_config *tmp = okr_xmalloc(sizeof *tmp);
	okr_config_defaults_apply(tmp);
	/* Checked alone: the order of the two thresholds is checked with the
	 * team's other settings by okr_config_team_apply. */
	tmp->status.at_risk = 0;
	tmp->status.off_track = 1;
	bool ok = typed ? okr_config_apply_typed(tmp, text, "okr settings", err, errlen)
			: okr_config_apply(tmp, text, "okr settings", err, errlen);
	free(tmp);
	if (!ok)
		strip_place(err);
	return ok;
}

bool okr_config_team_literal(const char *key, const char *value, char *out, size_t len, char *err, size_t errlen)
{
	return team_literal(key, value, false, out, len, err, errlen);
}

bool okr_config_team_typed(const char *key, const char *value, char *out, size_t len, char *err, size_t errlen)
{
	return team_literal(key, value, true, out, len, err, errlen);
}

/* Reset the team's fields of cfg to the defaults'. */
static void team_defaults(okr_config *cfg)
{
	okr_config *def = okr_xmalloc(sizeof *def);
	okr_config_defaults_apply(def);
	cfg->week_offset_minutes = def->week_offset_minutes;
	cfg->rollup = def->rollup;
	cfg->status = def->status;
	cfg->game = def->game;
	cfg->board_bands = def->board_bands;
	cfg->board_top = def->board_top;
	free(def);
}

/* The pairs as one libconfig text, each group written once (libconfig
 * refuses a group given twice), in the order of specs[]. */
static char *team_text(const char *const *keys, const char *const *literals, size_t n, char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++)
		if (!spec_of(keys[i])) {
			snprintf(err, errlen, _("the database holds an unknown team setting '%s' — "
						"it was made by a newer okr; upgrade okr"), keys[i]);
			return NULL;
		}
	size_t cap = 64, used = 0;
	for (size_t i = 0; i < n; i++)
		cap += strlen(keys[i]) + strlen(literals[i]) + 32;
	char *text = okr_xmalloc(cap);
	char group[32] = "";
	for (size_t k = 0; k < NSPECS; k++) {
		const char *lit = NULL;
		for (size_t i = 0; i < n; i++)
			if (!strcmp(keys[i], specs[k].key))
				lit = literals[i];
		if (!lit)
			continue;
		const char *dot = strchr(specs[k].key, '.');
		size_t glen = dot ? (size_t)(dot - specs[k].key) : 0;
		if (group[0] && (glen != strlen(group) || strncmp(group, specs[k].key, glen))) {
			used += (size_t)snprintf(text + used, cap - used, "};\n");
			group[0] = '\0';
		}
		if (glen && !group[0]) {
			snprintf(group, sizeof group, "%.*s", (int)glen, specs[k].key);
			used += (size_t)snprintf(text + used, cap - used, "%s = {\n", group);
		}
		used += (size_t)snprintf(text + used, cap - used, "%s = %s;\n", dot ? dot + 1 : specs[k].key, lit);
	}
	if (group[0])
		used += (size_t)snprintf(text + used, cap - used, "};\n");
	text[used] = '\0';
	return text;
}

bool okr_config_team_apply(okr_config *cfg, const char *const *keys, const char *const *literals, size_t n,
			   char *err, size_t errlen)
{
	team_defaults(cfg);
	char *text = team_text(keys, literals, n, err, errlen);
	if (!text)
		return false;
	okr_config *tmp = okr_xmalloc(sizeof *tmp);
	memcpy(tmp, cfg, sizeof *tmp);
	bool ok = okr_config_apply(tmp, text, "team settings", err, errlen);
	free(text);
	if (ok)
		memcpy(cfg, tmp, sizeof *cfg);
	else
		strip_place(err);
	free(tmp);
	return ok;
}

/* A setting of the file that is not the team's: okr.conf's, or unknown. */
static bool only_team(config_setting_t *group, const char *prefix, const char *path, char *err, size_t errlen)
{
	for (int i = 0; i < config_setting_length(group); i++) {
		config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(s);
		char key[128];
		snprintf(key, sizeof key, "%s%s%s", prefix, *prefix ? "." : "", name ? name : "?");
		bool is_group = config_setting_is_group(s);
		if (is_group && !*prefix) {
			if (!only_team(s, key, path, err, errlen))
				return false;
			continue;
		}
		if (!is_group && spec_of(key))
			continue;
		snprintf(err, errlen, _("%s:%u: '%s' is not a team setting — a team settings file takes "
					"timezone, week_start, rollup, status.*, gamification.*, leaderboard.bands "
					"and leaderboard.top; personal settings belong in okr.conf"),
			 path, config_setting_source_line(s), key);
		return false;
	}
	return true;
}

bool okr_config_team_read(const char *path, char ***keys, char ***literals, size_t *n, char *err, size_t errlen)
{
	*keys = *literals = NULL;
	*n = 0;
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, _("cannot read %s: %m"), path);
		return false;
	}
	char *text = NULL;
	size_t len = 0, cap = 0, got;
	char buf[4096];
	while ((got = fread(buf, 1, sizeof buf, f)) > 0 && len < (1u << 20)) {
		okr_xgrow(&text, &cap, len + got + 1, 1);
		memcpy(text + len, buf, got);
		len += got;
	}
	fclose(f);
	okr_xgrow(&text, &cap, len + 1, 1);
	text[len] = '\0';
	okr_config *tmp = okr_xmalloc(sizeof *tmp);
	okr_config_defaults_apply(tmp);
	bool ok = okr_config_apply(tmp, text, path, err, errlen);
	config_t lc;
	config_init(&lc);
	if (ok && config_read_string(&lc, text))
		ok = only_team(config_root_setting(&lc), "", path, err, errlen);
	for (size_t i = 0; ok && i < NSPECS; i++) {
		if (!config_lookup(&lc, specs[i].key))
			continue;
		char lit[64];
		okr_config_team_format(tmp, specs[i].key, lit, sizeof lit);
		*keys = okr_xrealloc(*keys, (*n + 1) * sizeof **keys);
		*literals = okr_xrealloc(*literals, (*n + 1) * sizeof **literals);
		(*keys)[*n] = okr_xstrdup(specs[i].key);
		(*literals)[(*n)++] = okr_xstrdup(lit);
	}
	config_destroy(&lc);
	free(tmp);
	free(text);
	return ok;
}

void okr_config_team_pairs_free(char **keys, char **literals, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(keys[i]);
		free(literals[i]);
	}
	free(keys);
	free(literals);
}

bool okr_config_team_in_text(const char *text, char *key, size_t len, unsigned *line)
{
	config_t lc;
	config_init(&lc);
	bool found = false;
	if (config_read_string(&lc, text)) {
		for (size_t i = 0; i < NSPECS; i++) {
			config_setting_t *s = config_lookup(&lc, specs[i].key);
			unsigned l = s ? config_setting_source_line(s) : 0;
			if (s && (!found || l < *line)) {
				found = true;
				*line = l;
				okr_strlcpy(key, specs[i].key, len);
			}
		}
	}
	config_destroy(&lc);
	return found;
}
