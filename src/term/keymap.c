/*
 * keymap.c — see keymap.h.
 *
 * Pure: key names, bindings and lookups, without curses (the special keys
 * are keymap.h's KEYMAP_K_* numbers), so the CLI and the unit tests use the
 * same parser the full-screen program does.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "okr/i18n.h"
#include "okr/keymap.h"
#include "okr/text.h"
#include "okr/util.h"

/* The first name of a code is its canonical spelling; the rest are aliases
 * accepted from okr.conf. */
static const struct {
	const char *name;
	int key;
} named[] = {
	{ "Enter", '\n' },
	{ "Tab", '\t' },
	{ "BTab", KEYMAP_K_BTAB },
	{ "Esc", 27 },
	{ "Space", ' ' },
	{ "Backspace", KEYMAP_K_BACKSPACE },
	{ "Up", KEYMAP_K_UP },
	{ "Down", KEYMAP_K_DOWN },
	{ "Left", KEYMAP_K_LEFT },
	{ "Right", KEYMAP_K_RIGHT },
	{ "Home", KEYMAP_K_HOME },
	{ "End", KEYMAP_K_END },
	{ "PgUp", KEYMAP_K_PPAGE },
	{ "PgDn", KEYMAP_K_NPAGE },
	{ "Ins", KEYMAP_K_IC },
	{ "Del", KEYMAP_K_DC },
	{ "Return", '\n' },
	{ "S-Tab", KEYMAP_K_BTAB },
	{ "Escape", 27 },
	{ "PageUp", KEYMAP_K_PPAGE },
	{ "PageDown", KEYMAP_K_NPAGE },
	{ "Insert", KEYMAP_K_IC },
	{ "Delete", KEYMAP_K_DC },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define FKEYS 12

static bool printable(uint32_t cp)
{
	return cp > ' ' && cp <= 0x10FFFF && !text_cp_is_unsafe(cp) &&
	       text_cp_width(cp) > 0;
}

int keymap_parse_key(const char *name)
{
	size_t len;

	if (!name || !*name)
		return -1;
	len = strlen(name);
	if (len > 1) {
		for (size_t i = 0; i < NELEM(named); i++)
			if (strcasecmp(name, named[i].name) == 0)
				return named[i].key;
		if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
			char c = name[2];
			if (c >= 'a' && c <= 'z')
				return c - 'a' + 1;
			if (c >= 'A' && c <= 'Z')
				return c - 'A' + 1;
			return -1;
		}
		if ((name[0] == 'F' || name[0] == 'f') && len <= 3 &&
		    name[1] >= '1' && name[1] <= '9') {
			int n = name[1] - '0';
			if (len == 3) {
				if (name[2] < '0' || name[2] > '9')
					return -1;
				n = n * 10 + (name[2] - '0');
			}
			return n <= FKEYS ? KEYMAP_K_F(n) : -1;
		}
	}
	uint32_t cp;
	if (text_decode(name, len, &cp) != len || !printable(cp))
		return -1;
	if (cp == TEXT_REPLACEMENT && len == 1)
		return -1;
	return (int)cp;
}

const char *keymap_key_name(int key, char *buf, size_t len)
{
	char tmp[KEYMAP_NAME_MAX];

	if (!buf || len == 0)
		return "";
	tmp[0] = '\0';
	for (size_t i = 0; i < NELEM(named) && !tmp[0]; i++)
		if (named[i].key == key)
			snprintf(tmp, sizeof tmp, "%s", named[i].name);
	if (tmp[0]) {
		/* found */
	} else if (key == 127) {
		snprintf(tmp, sizeof tmp, "Backspace");
	} else if (key >= 1 && key <= 26) {
		snprintf(tmp, sizeof tmp, "C-%c", 'a' + key - 1);
	} else if (key >= KEYMAP_K_F(1) && key <= KEYMAP_K_F(FKEYS)) {
		snprintf(tmp, sizeof tmp, "F%d", key - KEYMAP_K_F(0));
	} else if (key > 0 && printable((uint32_t)key)) {
		tmp[text_encode((uint32_t)key, tmp)] = '\0';
	} else {
		snprintf(tmp, sizeof tmp, "<0x%X>", (unsigned)key);
	}
	okr_strlcpy(buf, tmp, len);
	return buf;
}

/* Drop action a's bindings (key < 0), or key's within a's screen: the same
 * key may mean one thing in the review and another on the main screen. */
static void unbind_where(keymap *m, int key, okr_action a)
{
	size_t o = 0;
	okr_scope sc = okr_action_table[a].scope;
	for (size_t i = 0; i < m->n; i++) {
		bool drop = key < 0 ? m->b[i].action == a
				    : m->b[i].key == key && okr_action_table[m->b[i].action].scope == sc;
		if (!drop)
			m->b[o++] = m->b[i];
	}
	m->n = o;
}

/*
 * Works on a copy so that a bad name halfway through the list leaves the map
 * exactly as it was: a typo in okr.conf must not half-unbind an action.
 */
static bool bind_action(keymap *m, okr_action a, const char *keys, char *err, size_t len)
{
	keymap next = *m;
	const char *p = keys ? keys : "";

	unbind_where(&next, -1, a);
	for (;;) {
		char name[64];
		size_t n;

		p += strspn(p, " \t");
		if (!*p)
			break;
		n = strcspn(p, " \t");
		int key = -1;
		if (n < sizeof name) {
			memcpy(name, p, n);
			name[n] = '\0';
			key = keymap_parse_key(name);
		}
		if (key < 0) {
			snprintf(err, len, _("\"%.*s\" is not a key name (for %s) — write keys "
			         "like j, C-f, Enter, PgDn or F5, separated by spaces"),
			         (int)(n > 40 ? 40 : n), p, okr_action_table[a].name);
			return false;
		}
		unbind_where(&next, key, a);
		if (next.n == KEYMAP_MAX_BINDINGS) {
			snprintf(err, len, _("too many key bindings (at most %d) — bind "
			         "fewer keys to %s"), KEYMAP_MAX_BINDINGS,
			         okr_action_table[a].name);
			return false;
		}
		next.b[next.n++] = (keymap_binding){ key, a };
		p += n;
	}
	*m = next;
	return true;
}

void keymap_init(keymap *m)
{
	char err[160];

	m->n = 0;
	for (int a = 0; a < ACT_COUNT; a++)
		bind_action(m, (okr_action)a, okr_action_table[a].keys, err, sizeof err);
}

bool keymap_bind(keymap *m, const char *action, const char *keys, char *err, size_t len)
{
	okr_action a = action ? okr_action_by_name(action) : ACT_NONE;

	if (a == ACT_NONE) {
		snprintf(err, len, _("unknown action \"%s\" — the help screen (?) lists "
		         "every action by name, e.g. \"down\" or \"checkin\""),
		         action ? action : "");
		return false;
	}
	return bind_action(m, a, keys, err, len);
}

/*
 * The config reader gives one entry per key, so an action's keys are joined
 * back into one list before binding: binding them one by one would leave only
 * the last, since each bind replaces the action's keys.
 */
bool keymap_apply(keymap *m, const okr_binding *b, size_t n, const okr_binding **bad,
                  char *err, size_t len)
{
	keymap next = *m;

	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(b[j].action, b[i].action);
		if (seen)
			continue;
		char keys[OKR_MAX_BINDINGS * (sizeof b[0].key + 1)];
		size_t o = 0;
		for (size_t j = i; j < n; j++) {
			if (strcmp(b[j].action, b[i].action))
				continue;
			o += (size_t)snprintf(keys + o, sizeof keys - o, "%s%s", o ? " " : "", b[j].key);
		}
		if (!keymap_bind(&next, b[i].action, keys, err, len)) {
			*bad = &b[i];
			return false;
		}
	}
	*m = next;
	return true;
}

static okr_action find(const keymap *m, okr_scope sc, int key)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->b[i].key == key && okr_action_table[m->b[i].action].scope == sc)
			return m->b[i].action;
	return ACT_NONE;
}

/* Terminals disagree on what Enter and Backspace send, so the usual
 * alternatives fall back to them unless the user bound them directly. */
static okr_action find_alt(const keymap *m, okr_scope sc, int key)
{
	okr_action a = find(m, sc, key);

	if (a != ACT_NONE)
		return a;
	if (key == '\r' || key == KEYMAP_K_ENTER)
		return find(m, sc, '\n');
	if (key == 127 || key == 8)
		return find(m, sc, KEYMAP_K_BACKSPACE);
	return ACT_NONE;
}

okr_action keymap_lookup(const keymap *m, int key)
{
	return find_alt(m, OKR_SCOPE_MAIN, key);
}

okr_action keymap_lookup_in(const keymap *m, okr_scope sc, bool fallback, int key)
{
	okr_action a = find_alt(m, sc, key);
	return a == ACT_NONE && fallback && sc != OKR_SCOPE_MAIN ? find_alt(m, OKR_SCOPE_MAIN, key) : a;
}

const char *keymap_keys_for(const keymap *m, okr_action a, char *buf, size_t len)
{
	size_t used = 0;

	if (!buf || len == 0)
		return "";
	buf[0] = '\0';
	for (size_t i = 0; i < m->n; i++) {
		char name[KEYMAP_NAME_MAX];
		if (m->b[i].action != a)
			continue;
		keymap_key_name(m->b[i].key, name, sizeof name);
		size_t need = strlen(name) + (used ? 2 : 0);
		if (used + need + 1 > len)
			break;
		snprintf(buf + used, len - used, "%s%s", used ? ", " : "", name);
		used += need;
	}
	return buf;
}
