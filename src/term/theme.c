/*
 * theme.c — theme files: parse, find, list (see theme.h).
 *
 * Nothing here touches the terminal, so unit tests cover it whole; the
 * curses half, which turns the parsed styles into colour pairs, is
 * src/ui/theme_color.c.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libconfig.h>

#include "okr/config.h"
#include "okr/i18n.h"
#include "okr/theme.h"
#include "okr/util.h"

#ifndef OKR_THEME_DIRS
#define OKR_THEME_DIRS "themes:/usr/local/share/okr/themes:/usr/share/okr/themes"
#endif

static const char *const slot_names[THEME_SLOT_COUNT] = {
#define THEME_SLOT_NAME(id, name, mono) name,
	THEME_SLOTS(THEME_SLOT_NAME)
#undef THEME_SLOT_NAME
};

static const unsigned slot_mono[THEME_SLOT_COUNT] = {
#define THEME_SLOT_MONO(id, name, mono) mono,
	THEME_SLOTS(THEME_SLOT_MONO)
#undef THEME_SLOT_MONO
};

/* themes/default.theme, byte for byte. */
const char theme_default_text[] =
	"# default.theme: okr's built-in theme, for dark terminals.\n"
	"#\n"
	"# This file is compiled into okr (src/term/theme.c holds the same text; a test\n"
	"# checks that they are identical), so it is also the reference for writing a\n"
	"# theme: it styles every slot there is.\n"
	"#\n"
	"# Format (libconfig):\n"
	"#   name = \"Shown in the theme switcher\";\n"
	"#   slots = { SLOT = { fg = COLOUR; bg = COLOUR; attrs = \"ATTRS\"; }; ... };\n"
	"# A dotted slot name is written as nested groups: \"status.at_risk\" is\n"
	"#   status = { at_risk = { fg = \"yellow\"; }; };\n"
	"# and a group can style a slot and hold its sub-slots at once:\n"
	"#   border = { fg = \"blue\"; focus = { fg = \"cyan\"; }; };\n"
	"# COLOUR: \"default\" (the terminal's own colour), black, red, green, yellow,\n"
	"#   blue, magenta, cyan, white, \"bright-\" and one of those, or a number 0-255\n"
	"#   (xterm's 256 colours; terminals with fewer get the nearest they have).\n"
	"#   fg or bg left out of a slot means \"as the normal slot\".\n"
	"# ATTRS: any of bold, dim, underline, reverse, italic, standout, separated by\n"
	"#   spaces.  Left out: none.\n"
	"# A slot a theme styles replaces that slot of this theme as a whole; a slot it\n"
	"# leaves out keeps the style given here.\n"
	"\n"
	"name = \"Default\";\n"
	"\n"
	"slots = {\n"
	"\tnormal = { fg = \"default\"; bg = \"default\"; };\n"
	"\ttitle = { attrs = \"bold\"; };\n"
	"\tborder = {\n"
	"\t\tfg = \"bright-black\";\n"
	"\t\tfocus = { fg = \"cyan\"; attrs = \"bold\"; };\n"
	"\t};\n"
	"\tselected = {\n"
	"\t\tfg = \"black\"; bg = \"cyan\";\n"
	"\t\tunfocused = { fg = \"white\"; bg = \"bright-black\"; };\n"
	"\t};\n"
	"\theader = { fg = \"bright-blue\"; attrs = \"bold\"; };\n"
	"\tdim = { fg = \"bright-black\"; };\n"
	"\tid = { fg = \"bright-black\"; };\n"
	"\ttree = { fg = \"bright-black\"; };\n"
	"\tstatus = {\n"
	"\t\ton_track = { fg = \"green\"; };\n"
	"\t\tat_risk = { fg = \"yellow\"; attrs = \"bold\"; };\n"
	"\t\toff_track = { fg = \"red\"; attrs = \"bold\"; };\n"
	"\t\tdone = { fg = \"bright-green\"; attrs = \"bold\"; };\n"
	"\t\toutdated = { fg = \"magenta\"; };\n"
	"\t\tnone = { fg = \"bright-black\"; };\n"
	"\t};\n"
	"\tprogress = {\n"
	"\t\tfill = { fg = \"green\"; };\n"
	"\t\tempty = { fg = \"bright-black\"; };\n"
	"\t\tdone = { fg = \"bright-green\"; attrs = \"bold\"; };\n"
	"\t};\n"
	"\tsparkline = { fg = \"cyan\"; };\n"
	"\tconfidence = {\n"
	"\t\tlow = { fg = \"yellow\"; };\n"
	"\t};\n"
	"\tstatusbar = {\n"
	"\t\tfg = \"bright-white\"; bg = \"blue\";\n"
	"\t\tlive = { fg = \"black\"; bg = \"green\"; attrs = \"bold\"; };\n"
	"\t};\n"
	"\tmessage = {\n"
	"\t\tfg = \"bright-white\"; attrs = \"bold\";\n"
	"\t\terror = { fg = \"bright-white\"; bg = \"red\"; attrs = \"bold\"; };\n"
	"\t};\n"
	"\tsearch = {\n"
	"\t\tmatch = { fg = \"yellow\"; attrs = \"bold underline\"; };\n"
	"\t};\n"
	"\tflash = { fg = \"black\"; bg = \"bright-yellow\"; };\n"
	"\trank = {\n"
	"\t\tup = { fg = \"green\"; attrs = \"bold\"; };\n"
	"\t\tdown = { fg = \"red\"; };\n"
	"\t\tme = { fg = \"bright-cyan\"; attrs = \"bold\"; };\n"
	"\t};\n"
	"\tbadge = { fg = \"bright-yellow\"; };\n"
	"\tbanner = { fg = \"black\"; bg = \"bright-yellow\"; attrs = \"bold\"; };\n"
	"\thelp = {\n"
	"\t\tkey = { fg = \"bright-cyan\"; attrs = \"bold\"; };\n"
	"\t\tsection = { fg = \"bright-blue\"; attrs = \"bold underline\"; };\n"
	"\t};\n"
	"\tform = {\n"
	"\t\tlabel = { attrs = \"bold\"; };\n"
	"\t\tinput = { attrs = \"underline\"; };\n"
	"\t\terror = { fg = \"red\"; attrs = \"bold\"; };\n"
	"\t\thint = { fg = \"bright-black\"; };\n"
	"\t};\n"
	"\tkpi = {\n"
	"\t\tmeets = { fg = \"green\"; };\n"
	"\t\tmisses = { fg = \"red\"; attrs = \"bold\"; };\n"
	"\t};\n"
	"};\n";

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", NULL
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{ "bold", THEME_A_BOLD }, { "dim", THEME_A_DIM },
	{ "underline", THEME_A_UNDERLINE }, { "reverse", THEME_A_REVERSE },
	{ "italic", THEME_A_ITALIC }, { "standout", THEME_A_STANDOUT },
};

const char *theme_slot_name(theme_slot s)
{
	return s >= 0 && s < THEME_SLOT_COUNT ? slot_names[s] : "";
}

theme_slot theme_slot_by_name(const char *name)
{
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		if (!strcmp(slot_names[i], name))
			return (theme_slot)i;
	return THEME_SLOT_NONE;
}

unsigned theme_slot_mono(theme_slot s)
{
	return s >= 0 && s < THEME_SLOT_COUNT ? slot_mono[s] : 0;
}

theme_slot theme_status_slot(okr_status s)
{
	switch (s) {
	case STATUS_ON_TRACK: return THEME_STATUS_ON_TRACK;
	case STATUS_AT_RISK: return THEME_STATUS_AT_RISK;
	case STATUS_OFF_TRACK: return THEME_STATUS_OFF_TRACK;
	case STATUS_DONE: return THEME_STATUS_DONE;
	case STATUS_OUTDATED: return THEME_STATUS_OUTDATED;
	case STATUS_NONE: case STATUS_NEW: case STATUS_EMPTY: break;
	}
	return THEME_STATUS_NONE;
}

/* ---- parsing ---- */

typedef struct {
	theme *t;
	okr_config_where at;
} parse_ctx;

/* Whether some slot lives below path, i.e. path is a group like "status". */
static bool slot_prefix(const char *path)
{
	size_t n = strlen(path);
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		if (!strncmp(slot_names[i], path, n) && slot_names[i][n] == '.')
			return true;
	return false;
}

static int color_by_name(const char *s)
{
	if (!strcmp(s, "default"))
		return THEME_COLOR_DEFAULT;
	int base = 0;
	if (!strncmp(s, "bright-", 7)) {
		s += 7;
		base = 8;
	}
	for (int i = 0; color_names[i]; i++)
		if (!strcmp(color_names[i], s))
			return base + i;
	if (base || !s[0] || strlen(s) > 3 || strspn(s, "0123456789") != strlen(s))
		return -100;
	int v = atoi(s);
	return v <= 255 ? v : -100;
}

static bool parse_color(parse_ctx *c, config_setting_t *s, const char *path, short *out)
{
	int type = config_setting_type(s);
	int v = -100;
	char shown[64] = "";
	if (type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64) {
		long long n = config_setting_get_int64(s);
		v = n >= 0 && n <= 255 ? (int)n : -100;
		snprintf(shown, sizeof shown, "%lld", n);
	} else if (type == CONFIG_TYPE_STRING) {
		v = color_by_name(config_setting_get_string(s));
		snprintf(shown, sizeof shown, "%s", config_setting_get_string(s));
	}
	if (v == -100)
		return okr_config_fail(&c->at, config_setting_source_line(s),
			    _("unknown colour '%s' for %s.%s (use default, black, red, green, "
			      "yellow, blue, magenta, cyan, white, bright-NAME or 0-255)"),
			    shown, path, config_setting_name(s));
	*out = (short)v;
	return true;
}

static bool parse_attrs(parse_ctx *c, config_setting_t *s, const char *path, unsigned *out)
{
	unsigned line = config_setting_source_line(s);
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return okr_config_fail(&c->at, line, _("%s.attrs must be a string such as \"bold underline\""), path);
	const char *p = config_setting_get_string(s);
	*out = 0;
	while (*p) {
		size_t n = strcspn(p, " \t,");
		if (!n) {
			p++;
			continue;
		}
		size_t i = 0, count = sizeof attr_names / sizeof attr_names[0];
		while (i < count && (strlen(attr_names[i].name) != n ||
				     strncmp(attr_names[i].name, p, n)))
			i++;
		if (i == count && !(n == 4 && !strncmp(p, "none", 4)))
			return okr_config_fail(&c->at, line, _("unknown attribute '%.*s' for %s (use bold, dim, "
					       "underline, reverse, italic, standout)"),
				    (int)n, p, path);
		if (i < count)
			*out |= attr_names[i].bit;
		p += n;
	}
	return true;
}

/* One group of the slots tree: its own fg/bg/attrs style the slot at path (a
 * slot it styles starts afresh, so nothing leaks in from the default theme),
 * and its sub-groups are the slots below it. */
static bool parse_group(parse_ctx *c, config_setting_t *g, const char *path)
{
	theme_slot slot = path[0] ? theme_slot_by_name(path) : THEME_SLOT_NONE;
	theme_style st = { THEME_COLOR_INHERIT, THEME_COLOR_INHERIT, 0 };
	bool styled = false;
	for (int i = 0; i < config_setting_length(g); i++) {
		config_setting_t *m = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(m);
		unsigned line = config_setting_source_line(m);
		bool is_fg = !strcmp(name, "fg"), is_bg = !strcmp(name, "bg");
		if (is_fg || is_bg || !strcmp(name, "attrs")) {
			if (slot == THEME_SLOT_NONE)
				return okr_config_fail(&c->at, line, _("'%s' is not a slot and cannot have '%s' "
						       "(the slots are listed in themes/default.theme)"),
					    path[0] ? path : "slots", name);
			styled = true;
			if (is_fg || is_bg) {
				if (!parse_color(c, m, path, is_fg ? &st.fg : &st.bg))
					return false;
			} else if (!parse_attrs(c, m, path, &st.attrs)) {
				return false;
			}
			continue;
		}
		char sub[128];
		snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", name);
		if (theme_slot_by_name(sub) == THEME_SLOT_NONE && !slot_prefix(sub))
			return okr_config_fail(&c->at, line, _("unknown slot '%s' (the slots are listed in "
					       "themes/default.theme)"), sub);
		if (!config_setting_is_group(m))
			return okr_config_fail(&c->at, line, _("'%s' must be a group such as "
					       "{ fg = \"yellow\"; attrs = \"bold\"; }"), sub);
		if (!parse_group(c, m, sub))
			return false;
	}
	if (styled)
		c->t->slot[slot] = st;
	return true;
}

static bool apply_text(theme *t, const char *text, const char *src, char *err, size_t len)
{
	parse_ctx c = { t, { src, err, len } };
	config_t lc;
	config_init(&lc);
	bool ok = okr_config_parse(&lc, text, &c.at);
	if (!ok)
		goto out;
	config_setting_t *root = config_root_setting(&lc);
	for (int i = 0; ok && i < config_setting_length(root); i++) {
		config_setting_t *s = config_setting_get_elem(root, (unsigned)i);
		const char *name = config_setting_name(s);
		unsigned line = config_setting_source_line(s);
		if (!strcmp(name, "name")) {
			const char *v = config_setting_get_string(s);
			if (!v || !v[0] || strlen(v) >= sizeof t->name)
				ok = okr_config_fail(&c.at, line, _("'name' must be a string of 1 to %zu bytes"),
					  sizeof t->name - 1);
			else
				okr_strlcpy(t->name, v, sizeof t->name);
		} else if (!strcmp(name, "slots")) {
			if (!config_setting_is_group(s))
				ok = okr_config_fail(&c.at, line, _("'slots' must be a group: slots = { ... };"));
			else
				ok = parse_group(&c, s, "");
		} else {
			ok = okr_config_fail(&c.at, line, _("unknown setting '%s' (a theme has 'name' and "
					      "'slots')"), name);
		}
	}
out:
	config_destroy(&lc);
	return ok;
}

void theme_default(theme *t)
{
	char err[256];
	memset(t, 0, sizeof *t);
	for (int i = 0; i < THEME_SLOT_COUNT; i++)
		t->slot[i] = (theme_style){ THEME_COLOR_INHERIT, THEME_COLOR_INHERIT, 0 };
	okr_strlcpy(t->name, "default", sizeof t->name);
	if (!apply_text(t, theme_default_text, "(built-in theme)", err, sizeof err)) {
		/* Only a broken build gets here. */
		fprintf(stderr, "okr: %s\n", err);
		abort();
	}
}

/* "dir/solarized-dark.theme" → "solarized-dark" */
static void stem(const char *path, char *out, size_t len)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 6 && !strcmp(base + n - 6, ".theme"))
		n -= 6;
	okr_strlcpy(out, base, n + 1 < len ? n + 1 : len);
}

bool theme_load_string(theme *t, const char *text, const char *source,
		       char *err, size_t len)
{
	theme_default(t);
	if (!source)
		source = "(string)";
	stem(source, t->name, sizeof t->name);
	if (apply_text(t, text, source, err, len))
		return true;
	theme_default(t);
	return false;
}

bool theme_load(theme *t, const char *path, char *err, size_t len)
{
	char *text = okr_config_read_file(path);
	if (!text) {
		int e = errno;
		theme_default(t);
		snprintf(err, len, _("cannot read %s: %s"), path, strerror(e));
		return false;
	}
	bool ok = theme_load_string(t, text, path, err, len);
	free(text);
	return ok;
}

/* ---- finding themes ---- */

/* Every directory to search, in order, colon-separated. */
static char *search_path(void)
{
	okr_buf b;
	okr_buf_init(&b);
	const char *env = getenv("OKR_THEME_DIR");
	if (env && *env)
		okr_buf_printf(&b, "%s:", env);
	if ((env = getenv("XDG_CONFIG_HOME")) && env[0] == '/')
		okr_buf_printf(&b, "%s/okr/themes:", env);
	else if ((env = getenv("HOME")) && *env)
		okr_buf_printf(&b, "%s/.config/okr/themes:", env);
	okr_buf_add(&b, OKR_THEME_DIRS);
	char *s = okr_buf_take(&b);
	okr_buf_free(&b);
	return s;
}

static bool name_ok(const char *name)
{
	return name && name[0] && name[0] != '.' && !strchr(name, '/') && strlen(name) < 256;
}

bool theme_find(const char *name, char *path, size_t len)
{
	if (!name_ok(name))
		return false;
	char *dirs = search_path();
	bool found = false;
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d && !found;
	     d = strtok_r(NULL, ":", &save)) {
		okr_buf p;
		okr_buf_init(&p);
		okr_buf_printf(&p, "%s/%s.theme", d, name);
		if (access(p.s, R_OK) == 0 && p.len < len) {
			memcpy(path, p.s, p.len + 1);
			found = true;
		}
		okr_buf_free(&p);
	}
	free(dirs);
	return found;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **theme_list(size_t *count)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	okr_xgrow(&names, &cap, 1, sizeof *names);
	names[n++] = okr_xstrdup("default");
	char *dirs = search_path();
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d;
	     d = strtok_r(NULL, ":", &save)) {
		DIR *dir = opendir(d);
		if (!dir)
			continue;
		struct dirent *e;
		while ((e = readdir(dir))) {
			char nm[256];
			size_t l = strlen(e->d_name);
			if (l <= 6 || strcmp(e->d_name + l - 6, ".theme"))
				continue;
			stem(e->d_name, nm, sizeof nm);
			if (!name_ok(nm))
				continue;
			bool dup = false;
			for (size_t i = 0; i < n && !dup; i++)
				dup = !strcmp(names[i], nm);
			if (dup)
				continue;
			okr_xgrow(&names, &cap, n + 2, sizeof *names);
			names[n++] = okr_xstrdup(nm);
		}
		closedir(dir);
	}
	free(dirs);
	qsort(names, n, sizeof *names, cmp_names);
	okr_xgrow(&names, &cap, n + 1, sizeof *names);
	names[n] = NULL;
	if (count)
		*count = n;
	return names;
}

void theme_list_free(char **names)
{
	if (!names)
		return;
	for (char **p = names; *p; p++)
		free(*p);
	free(names);
}

bool theme_load_named(theme *t, const char *name, char *err, size_t len)
{
	char path[4096];
	if (theme_find(name, path, sizeof path))
		return theme_load(t, path, err, len);
	theme_default(t);
	if (name && !strcmp(name, "default"))
		return true;
	okr_buf known;
	okr_buf_init(&known);
	char **names = theme_list(NULL);
	for (char **p = names; *p; p++)
		okr_buf_printf(&known, "%s%s", p == names ? "" : ", ", *p);
	theme_list_free(names);
	snprintf(err, len, _("no theme '%s': set 'theme' in okr.conf to one of: %s "
			     "(or put %s.theme in ~/.config/okr/themes)"),
		 name ? name : "", known.s, name ? name : "NAME");
	okr_buf_free(&known);
	return false;
}
