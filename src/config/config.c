/*
 * config.c — okr.conf: the compiled-in defaults and a user's file, read by the
 * one loader below (STYLE habit 8).
 *
 * Every setting okr knows is one row of a schema table; the loader walks what
 * libconfig parsed and looks each setting up in that table, so an unknown key,
 * a wrong type or a value out of range is an error with a file and line, never
 * silently ignored (SPEC §7).
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libconfig.h>
#include <pwd.h>
#include <unistd.h>

#include "config_hint.h"
#include "okr/actions.h"
#include "okr/config.h"
#include "okr/i18n.h"
#include "okr/util.h"

/* Keep in step with okr.conf.example: a unit test checks that the two give the
 * same okr_config. */
const char okr_config_defaults[] =
	"database = \"\";\n"
	"theme = \"default\";\n"
	"language = \"\";\n"
	"refresh_ms = 200;\n"
	"flash_ms = 600;\n"
	"reduced_motion = false;\n"
	"mouse = false;\n"
	"timezone = \"+00:00\";\n"
	"week_start = \"monday\";\n"
	"rollup = \"both\";\n"
	"status = {\n"
	"\tat_risk = 0.15;\n"
	"\toff_track = 0.30;\n"
	"};\n"
	"gamification = {\n"
	"\tcheckin_xp = 10;\n"
	"\tprogress_xp = 100;\n"
	"\treach_07_xp = 50;\n"
	"\treach_10_xp = 25;\n"
	"\tkudos_given_xp = 2;\n"
	"\tkudos_allowance = 5;\n"
	"\tkudos_received_xp = 5;\n"
	"\tcomment_xp = 3;\n"
	"\tcomment_min_chars = 20;\n"
	"\tcomment_weekly_cap = 10;\n"
	"\tstreak_cap = 20;\n"
	"\tstreak_percent = 1;\n"
	"};\n"
	"leaderboard = {\n"
	"\twindow = \"week\";\n"
	"\tbands = false;\n"
	"\ttop = 5;\n"
	"};\n"
	"hooks = {\n"
	"\tcheckin = \"\";\n"
	"\tcelebration = \"\";\n"
	"\tcycle_closed = \"\";\n"
	"\ttimeout = 10;\n"
	"\tlog = \"\";\n"
	"};\n"
	"keys = {\n"
	"};\n";

typedef enum {
	K_STRING,      /* char[size] */
	K_THEME,       /* char[size], a bare theme name */
	K_INT,         /* int in [min, max] */
	K_FLOAT,       /* double in [min, max]; an integer literal is fine too */
	K_BOOL,
	K_ROLLUP,      /* okr_rollup_mode from rollup_names */
	K_INDEX,       /* int: the index of the name among choices */
	K_CHOICE,      /* char[size], one of choices */
	K_TIMEZONE,    /* "+HH:MM" into an int of minutes */
	K_GROUP,       /* nested settings in sub */
	K_KEYS         /* action = "key key ..." */
} setting_kind;

typedef struct setting_spec {
	const char *name;
	setting_kind kind;
	size_t off;
	size_t size;
	double min, max;
	const char *const *choices;
	const struct setting_spec *sub;
} setting_spec;

#define FIELD(f) offsetof(okr_config, f), sizeof(((okr_config *)0)->f)
#define GAME_INT(n) { #n, K_INT, FIELD(game.n), 0, 100000, NULL, NULL }

/* In the order of okr_rollup_mode. */
static const char *const rollup_names[] = { "krs", "children", "both", NULL };
static const char *const window_names[] = { "week", "cycle", "all", NULL };
/* In the order of okr_game_rules.week_start (ISO: Monday first). */
static const char *const weekday_names[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
					     "saturday", "sunday", NULL };
/* "" follows the locale; the others have a catalogue in po/ (English is the
 * text of the sources). */
static const char *const language_names[] = { "", "en", "vi", "zh_CN", NULL };

static const setting_spec status_specs[] = {
	{ "at_risk", K_FLOAT, FIELD(status.at_risk), 0, 1, NULL, NULL },
	{ "off_track", K_FLOAT, FIELD(status.off_track), 0, 1, NULL, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL, NULL }
};

static const setting_spec game_specs[] = {
	GAME_INT(checkin_xp), GAME_INT(progress_xp), GAME_INT(reach_07_xp),
	GAME_INT(reach_10_xp), GAME_INT(kudos_given_xp), GAME_INT(kudos_allowance),
	GAME_INT(kudos_received_xp), GAME_INT(comment_xp),
	GAME_INT(comment_min_chars), GAME_INT(comment_weekly_cap),
	GAME_INT(streak_cap), GAME_INT(streak_percent),
	{ NULL, 0, 0, 0, 0, 0, NULL, NULL }
};

static const setting_spec board_specs[] = {
	{ "window", K_CHOICE, FIELD(board_window), 0, 0, window_names, NULL },
	{ "bands", K_BOOL, FIELD(board_bands), 0, 0, NULL, NULL },
	{ "top", K_INT, FIELD(board_top), 1, 100, NULL, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL, NULL }
};

static const setting_spec hook_specs[] = {
	{ "checkin", K_STRING, FIELD(hooks.checkin), 0, 0, NULL, NULL },
	{ "celebration", K_STRING, FIELD(hooks.celebration), 0, 0, NULL, NULL },
	{ "cycle_closed", K_STRING, FIELD(hooks.cycle_closed), 0, 0, NULL, NULL },
	{ "timeout", K_INT, FIELD(hooks.timeout), 1, 3600, NULL, NULL },
	{ "log", K_STRING, FIELD(hooks.log), 0, 0, NULL, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL, NULL }
};

static const setting_spec root_specs[] = {
	{ "database", K_STRING, FIELD(database), 0, 0, NULL, NULL },
	{ "theme", K_THEME, FIELD(theme), 0, 0, NULL, NULL },
	{ "language", K_CHOICE, FIELD(language), 0, 0, language_names, NULL },
	{ "refresh_ms", K_INT, FIELD(refresh_ms), 20, 10000, NULL, NULL },
	{ "flash_ms", K_INT, FIELD(flash_ms), 0, 5000, NULL, NULL },
	{ "reduced_motion", K_BOOL, FIELD(reduced_motion), 0, 0, NULL, NULL },
	{ "mouse", K_BOOL, FIELD(mouse), 0, 0, NULL, NULL },
	{ "timezone", K_TIMEZONE, FIELD(week_offset_minutes), -14 * 60, 14 * 60, NULL, NULL },
	{ "week_start", K_INDEX, FIELD(game.week_start), 0, 0, weekday_names, NULL },
	{ "rollup", K_ROLLUP, FIELD(rollup), 0, 0, rollup_names, NULL },
	{ "status", K_GROUP, 0, 0, 0, 0, NULL, status_specs },
	{ "gamification", K_GROUP, 0, 0, 0, 0, NULL, game_specs },
	{ "leaderboard", K_GROUP, 0, 0, 0, 0, NULL, board_specs },
	{ "hooks", K_GROUP, 0, 0, 0, 0, NULL, hook_specs },
	{ "keys", K_KEYS, 0, 0, 0, 0, NULL, NULL },
	{ NULL, 0, 0, 0, 0, 0, NULL, NULL }
};

/* Action names straight from the X-macro, so config.c needs no other module
 * to check them and can never disagree with the key map about what exists. */
static const char *const action_names[] = {
#define OKR_ACTION_NAME(id, scope, name, keys, help) name,
	OKR_ACTIONS(OKR_ACTION_NAME)
#undef OKR_ACTION_NAME
	NULL
};

typedef struct {
	okr_config *cfg;
	const char *file;
	char *err;
	size_t errlen;
	unsigned at_risk_line, off_track_line;
	size_t layer_first;        /* bindings before this are from an earlier file */
	bool typed;                /* one value typed in a form: its words, not libconfig's syntax */
} load_ctx;

/* A later file (the personal one over the host's) replaces what an earlier
 * one bound: the action's keys, or a key given to another action. */
static void drop_binding(load_ctx *c, size_t j)
{
	okr_config *cfg = c->cfg;
	memmove(&cfg->bindings[j], &cfg->bindings[j + 1], (cfg->nbindings - j - 1) * sizeof cfg->bindings[0]);
	cfg->nbindings--;
	c->layer_first--;
}

static void drop_earlier_action(load_ctx *c, const char *action)
{
	for (size_t j = c->layer_first; j-- > 0;)
		if (!strcmp(c->cfg->bindings[j].action, action))
			drop_binding(c, j);
}

static bool fail(load_ctx *c, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(load_ctx *c, unsigned line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	okr_config_error_at(c->err, c->errlen, c->file, line, fmt, ap);
	va_end(ap);
	return false;
}

/* Writes the whole field so that two configs with the same values compare
 * equal byte for byte, whatever the field held before. */
static void set_string(void *field, size_t size, const char *value)
{
	memset(field, 0, size);
	okr_strlcpy(field, value, size);
}

static void join_names(char *out, size_t len, const char *const *names)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; names[i] && used < len; i++) {
		int n = snprintf(out + used, len - used, "%s%s", i ? ", " : "", names[i][0] ? names[i] : "\"\"");
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static int name_index(const char *const *names, const char *s)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

/* "+HH:MM" or "-HH:MM", hours and minutes of two digits each. */
static bool parse_timezone(const char *s, int *minutes)
{
	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':')
		return false;
	for (int i = 1; i < 6; i++)
		if (i != 3 && (s[i] < '0' || s[i] > '9'))
			return false;
	int h = (s[1] - '0') * 10 + (s[2] - '0');
	int m = (s[4] - '0') * 10 + (s[5] - '0');
	if (m > 59)
		return false;
	int total = h * 60 + m;
	if (total > 14 * 60)
		return false;
	*minutes = s[0] == '-' ? -total : total;
	return true;
}

/* The length in bytes of the well-formed, printable UTF-8 sequence at s, or 0.
 * Decided on the bytes alone so that the answer never depends on the locale. */
static size_t utf8_printable_len(const unsigned char *s)
{
	unsigned char c = s[0];
	if (c >= 0x21 && c <= 0x7e)
		return 1;
	size_t n;
	unsigned char lo = 0x80, hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		if (c == 0xc2)
			lo = 0xa0;   /* U+0080..U+009F are C1 controls */
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;   /* overlong */
		if (c == 0xed)
			hi = 0x9f;   /* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;   /* overlong */
		if (c == 0xf4)
			hi = 0x8f;   /* above U+10FFFF */
	} else {
		return 0;
	}
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

bool okr_key_name_valid(const char *name)
{
	static const char *const named[] = {
		"Enter", "Tab", "BTab", "Esc", "Space", "Backspace", "Up", "Down",
		"Left", "Right", "Home", "End", "PgUp", "PgDn", "Ins", "Del", NULL
	};
	if (!name || !name[0])
		return false;
	if (name_index(named, name) >= 0)
		return true;
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3])
		return (name[2] >= 'a' && name[2] <= 'z') || (name[2] >= 'A' && name[2] <= 'Z');
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		if (!name[2])
			return true;
		return name[1] == '1' && name[2] >= '0' && name[2] <= '2' && !name[3];
	}
	size_t n = utf8_printable_len((const unsigned char *)name);
	return n && !name[n];
}

static bool load_keys(load_ctx *c, config_setting_t *group)
{
	unsigned gline = config_setting_source_line(group);
	if (!config_setting_is_group(group))
		return fail(c, gline, _("'keys' must be a group: keys = { checkin = \"c\"; };"));
	okr_config *cfg = c->cfg;
	for (int i = 0; i < config_setting_length(group); i++) {
		config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		const char *action = config_setting_name(s);
		unsigned line = config_setting_source_line(s);
		if (name_index(action_names, action) < 0) {
			char list[1024];
			join_names(list, sizeof list, action_names);
			const char *near = config_hint_nearest(action, action_names, SIZE_MAX,
							       sizeof action_names[0]);
			if (near)
				return fail(c, line, _("unknown action '%s' in keys — did you mean '%s'? "
						       "(actions: %s)"), action, near, list);
			return fail(c, line, _("unknown action '%s' in keys (actions: %s)"),
				    action, list);
		}
		if (config_setting_type(s) != CONFIG_TYPE_STRING)
			return fail(c, line, _("'keys.%s' must be a string of key names, "
					       "e.g. %s = \"c C-k\";"), action, action);
		const char *p = config_setting_get_string(s);
		drop_earlier_action(c, action);
		size_t first = cfg->nbindings;
		while (*p) {
			size_t n = strcspn(p, " \t");
			if (!n) {
				p++;
				continue;
			}
			char key[sizeof cfg->bindings[0].key];
			bool fits = n < sizeof key;
			okr_strlcpy(key, p, fits ? n + 1 : 1);
			if (!fits || !okr_key_name_valid(key)) {
				return fail(c, line, _("'keys.%s': '%.*s' is not a key name "
					"(use one character, C-x, Enter, Tab, BTab, Esc, Space, "
					"Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn, "
					"Ins, Del or F1-F12)"), action, (int)n, p);
			}
			p += n;
			bool dup = false;
			for (size_t j = 0; j < cfg->nbindings; j++) {
				if (strcmp(cfg->bindings[j].key, key))
					continue;
				if (j >= first) {
					dup = true;   /* "c c": harmless, keep one */
					break;
				}
				if (j < c->layer_first) {
					drop_binding(c, j);
					first--;
					break;
				}
				return fail(c, line, _("key '%s' is bound to both '%s' and '%s'; "
						       "give it to one of them"),
					    key, cfg->bindings[j].action, action);
			}
			if (dup)
				continue;
			if (cfg->nbindings >= OKR_MAX_BINDINGS)
				return fail(c, line, _("too many key bindings (at most %d)"),
					    OKR_MAX_BINDINGS);
			okr_binding *b = &cfg->bindings[cfg->nbindings++];
			set_string(b->action, sizeof b->action, action);
			set_string(b->key, sizeof b->key, key);
		}
		if (cfg->nbindings == first)
			return fail(c, line, _("'keys.%s' names no key; give one or more, "
					       "e.g. %s = \"c\";"), action, action);
	}
	return true;
}

static bool load_group(load_ctx *c, config_setting_t *group,
		       const setting_spec *specs, const char *prefix);

/* An unknown setting, with the one meant if it is near: a typo of a sibling
 * ("themes"), or a setting of a group written outside it ("checkin_xp" at the
 * top, which belongs in gamification). */
static bool unknown_setting(load_ctx *c, unsigned line, const char *name, const char *path,
			    const setting_spec *specs)
{
	const char *near = config_hint_nearest(name, &specs->name, SIZE_MAX, sizeof *specs);
	if (near) {
		char where[128];
		size_t cut = strlen(path) - strlen(name);
		snprintf(where, sizeof where, "%.*s%s", (int)cut, path, near);
		return fail(c, line, _("unknown setting '%s' — did you mean '%s'? (see okr.conf.example)"),
			    path, where);
	}
	for (const setting_spec *g = specs; g->name; g++) {
		if (g->kind != K_GROUP || !(near = config_hint_nearest(name, &g->sub->name, SIZE_MAX,
								       sizeof *g->sub)))
			continue;
		return fail(c, line, _("unknown setting '%s' — did you mean '%s.%s'? Put it inside "
				       "%s = { ... }; (see okr.conf.example)"), path, g->name, near, g->name);
	}
	return fail(c, line, _("unknown setting '%s' (see okr.conf.example)"), path);
}

/* An integer or a number within the setting's bounds. */
static bool load_number(load_ctx *c, config_setting_t *s, const setting_spec *sp, const char *path, char *field)
{
	unsigned line = config_setting_source_line(s);
	int type = config_setting_type(s);
	bool is_int = type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64;
	char found[96];
	config_hint_value(found, sizeof found, s, c->typed);
	if (sp->kind == K_INT) {
		long long v = is_int ? config_setting_get_int64(s) : 0;
		if (!is_int || v < (long long)sp->min || v > (long long)sp->max)
			return fail(c, line, _("'%s' must be an integer from %d to %d, not %s"),
				    path, (int)sp->min, (int)sp->max, found);
		*(int *)(void *)field = (int)v;
		return true;
	}
	double v = type == CONFIG_TYPE_FLOAT ? config_setting_get_float(s)
		 : is_int ? (double)config_setting_get_int64(s) : -1;
	if ((type != CONFIG_TYPE_FLOAT && !is_int) || !(v >= sp->min && v <= sp->max))
		return fail(c, line, _("'%s' must be a number from %g to %g, not %s"),
			    path, sp->min, sp->max, found);
	*(double *)(void *)field = v;
	if (!strcmp(path, "status.at_risk"))
		c->at_risk_line = line;
	else if (!strcmp(path, "status.off_track"))
		c->off_track_line = line;
	return true;
}

static bool load_one(load_ctx *c, config_setting_t *s, const setting_spec *sp,
		     const char *path)
{
	unsigned line = config_setting_source_line(s);
	int type = config_setting_type(s);
	char *field = (char *)c->cfg + sp->off;
	const char *str = type == CONFIG_TYPE_STRING ? config_setting_get_string(s) : NULL;
	char list[256], found[96];
	/* What was written, so that the message shows both sides. */
	config_hint_value(found, sizeof found, s, c->typed);

	switch (sp->kind) {
	case K_STRING:
		if (!str)
			return fail(c, line, _("'%s' must be a string in double quotes, not %s"), path, found);
		if (strlen(str) >= sp->size)
			return fail(c, line, _("'%s' is too long (at most %zu bytes)"),
				    path, sp->size - 1);
		set_string(field, sp->size, str);
		return true;
	case K_THEME:
		if (!str || !str[0] || strlen(str) >= sp->size || strchr(str, '/') || str[0] == '.')
			return fail(c, line, _("'%s' must be the name of a theme, such as "
					       "\"default\" for default.theme, not %s"), path, found);
		set_string(field, sp->size, str);
		return true;
	case K_INT:
	case K_FLOAT:
		return load_number(c, s, sp, path, field);
	case K_BOOL:
		if (type != CONFIG_TYPE_BOOL)
			return fail(c, line, c->typed ? _("'%s' must be true or false, not %s")
						      : _("'%s' must be true or false (no quotes), not %s"), path, found);
		*(bool *)field = config_setting_get_bool(s);
		return true;
	case K_ROLLUP:
	case K_INDEX:
	case K_CHOICE: {
		int i = str ? name_index(sp->choices, str) : -1;
		if (i < 0) {
			join_names(list, sizeof list, sp->choices);
			return fail(c, line, c->typed ? _("'%s' must be one of: %s, not %s")
						      : _("'%s' must be one of: %s (in double quotes), not %s"),
				    path, list, found);
		}
		if (sp->kind == K_ROLLUP)
			*(okr_rollup_mode *)(void *)field = (okr_rollup_mode)i;
		else if (sp->kind == K_INDEX)
			*(int *)(void *)field = i;
		else
			set_string(field, sp->size, str);
		return true;
	}
	case K_TIMEZONE:
		if (!str || !parse_timezone(str, (int *)(void *)field))
			return fail(c, line, c->typed ? _("'%s' must be a UTC offset such as +07:00 or -05:30, "
							  "from -14:00 to +14:00, not %s")
						      : _("'%s' must be a UTC offset such as \"+07:00\" "
							  "or \"-05:30\", from -14:00 to +14:00, not %s"), path, found);
		return true;
	case K_GROUP:
		if (!config_setting_is_group(s))
			return fail(c, line, _("'%s' must be a group: %s = { ... };, not %s"), path, path,
				    found);
		return load_group(c, s, sp->sub, path);
	case K_KEYS:
		return load_keys(c, s);
	}
	return true;
}

static bool load_group(load_ctx *c, config_setting_t *group,
		       const setting_spec *specs, const char *prefix)
{
	for (int i = 0; i < config_setting_length(group); i++) {
		config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(s);
		char path[128];
		snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "." : "",
			 name ? name : "?");
		const setting_spec *sp = specs;
		while (sp->name && (!name || strcmp(sp->name, name)))
			sp++;
		if (!sp->name)
			return unknown_setting(c, config_setting_source_line(s), name ? name : "?", path,
					       specs);
		if (!load_one(c, s, sp, path))
			return false;
	}
	return true;
}

/* Parse text over *cfg.  Leaves cfg partly written on error; callers work on a
 * copy. */
static bool apply_text_as(okr_config *cfg, const char *text, const char *file, bool typed,
			  char *err, size_t errlen)
{
	load_ctx c = { cfg, file, err, errlen, 0, 0, cfg->nbindings, typed };
	config_t lc;
	config_init(&lc);
	bool ok;
	if (!config_read_string(&lc, text)) {
		char msg[512];
		unsigned line = (unsigned)config_error_line(&lc);
		const char *what = config_error_text(&lc);
		okr_config_syntax_message(msg, sizeof msg, text, &line, what ? what : "");
		ok = fail(&c, line, "%s", msg);
	} else {
		ok = load_group(&c, config_root_setting(&lc), root_specs, "");
	}
	config_destroy(&lc);
	if (ok && cfg->status.at_risk > cfg->status.off_track) {
		unsigned line = c.at_risk_line > c.off_track_line ? c.at_risk_line
								  : c.off_track_line;
		ok = fail(&c, line, _("'status.at_risk' (%g) must not be greater than "
				      "'status.off_track' (%g)"),
			  cfg->status.at_risk, cfg->status.off_track);
	}
	return ok;
}

static bool apply_text(okr_config *cfg, const char *text, const char *file, char *err, size_t errlen)
{
	return apply_text_as(cfg, text, file, false, err, errlen);
}

void okr_config_defaults_apply(okr_config *cfg)
{
	char err[256];
	memset(cfg, 0, sizeof *cfg);
	if (!apply_text(cfg, okr_config_defaults, "(built-in defaults)", err, sizeof err)) {
		/* Only a broken build gets here; no user could fix it. */
		fprintf(stderr, "okr: %s\n", err);
		abort();
	}
}

bool okr_config_apply(okr_config *cfg, const char *text, const char *name, char *err, size_t errlen)
{
	return apply_text(cfg, text, name, err, errlen);
}

bool okr_config_apply_typed(okr_config *cfg, const char *text, const char *name, char *err, size_t errlen)
{
	return apply_text_as(cfg, text, name, true, err, errlen);
}

bool okr_config_load_string(okr_config *cfg, const char *text, const char *name,
			    char *err, size_t errlen)
{
	okr_config_defaults_apply(cfg);
	bool ok = okr_config_apply_string(cfg, text, name, err, errlen);
	/* On error the caller still gets a usable configuration: the defaults. */
	if (!ok)
		okr_config_defaults_apply(cfg);
	return ok;
}

bool okr_config_apply_string(okr_config *cfg, const char *text, const char *name,
			     char *err, size_t errlen)
{
	okr_config *tmp = okr_xmalloc(sizeof *tmp);
	memcpy(tmp, cfg, sizeof *tmp);
	bool ok = apply_text(tmp, text, name ? name : "(string)", err, errlen);
	if (ok)
		memcpy(cfg, tmp, sizeof *cfg);
	free(tmp);
	return ok;
}
