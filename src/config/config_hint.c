/*
 * config_hint.c — turning libconfig's terse complaints into messages that say
 * what to change (SPEC §7, STYLE habit 13).
 *
 * libconfig reports "syntax error" and a line, nothing more, and for a group
 * or string left open it reports the line after the end of the file, where
 * nothing can be fixed.  So the text is scanned again here: a group, list or
 * string still open at the end is reported where it was opened, and any other
 * error quotes the line so a person sees which one is meant.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_hint.h"
#include "okr/config.h"
#include "okr/i18n.h"
#include "okr/util.h"

/* Bytes of the printable UTF-8 sequence at s (0 if not one): config text is
 * echoed to a terminal, so a control byte in it must not get there. */
static size_t printable_len(const unsigned char *s)
{
	if (s[0] >= 0x20 && s[0] < 0x7f)
		return 1;
	size_t n = s[0] >= 0xc2 && s[0] <= 0xdf ? 2 : s[0] >= 0xe0 && s[0] <= 0xef ? 3
		 : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if (n == 2 && s[0] == 0xc2 && s[1] < 0xa0)
		return 0;   /* C1 controls */
	return n;
}

/* Up to max bytes of s (stopping at a newline) with control bytes shown as
 * '?', surrounding blanks trimmed, and "…" when cut. */
static void quote(char *out, size_t len, const char *s, size_t max)
{
	okr_buf b;
	okr_buf_init(&b);
	while (*s == ' ' || *s == '\t')
		s++;
	size_t used = 0;
	while (*s && *s != '\n' && *s != '\r') {
		size_t n = printable_len((const unsigned char *)s);
		if (used + (n ? n : 1) > max) {
			okr_buf_add(&b, "…");
			break;
		}
		if (n)
			okr_buf_addn(&b, s, n);
		else
			okr_buf_addn(&b, *s == '\t' ? " " : "?", 1);
		used += n ? n : 1;
		s += n ? n : 1;
	}
	char *q = okr_buf_take(&b);
	size_t end = strlen(q);
	while (end && q[end - 1] == ' ')
		q[--end] = '\0';
	okr_strlcpy(out, q, len);
	free(q);
	okr_buf_free(&b);
}

/* The start of line number `line` (1-based) in text, or NULL past the end. */
static const char *line_at(const char *text, unsigned line)
{
	for (unsigned n = 1; n < line; n++) {
		text = strchr(text, '\n');
		if (!text)
			return NULL;
		text++;
	}
	return text;
}

/* What is still open when the text ends: '"' for a string, or the bracket of
 * the innermost group or list; 0 when everything is closed.  *open_line gets
 * the line it was opened on.  Comments follow libconfig: #, // and C style. */
static char still_open(const char *p, unsigned *open_line)
{
	enum { DEPTH = 64 };
	char stack[DEPTH];
	unsigned lines[DEPTH];
	int depth = 0;
	unsigned line = 1, str_line = 0;
	for (; *p; p++) {
		if (*p == '\n')
			line++;
		if (str_line) {
			if (*p == '\\' && p[1] && p[1] != '\n')
				p++;
			else if (*p == '"')
				str_line = 0;
			continue;
		}
		if (*p == '#' || (*p == '/' && p[1] == '/')) {
			while (p[1] && p[1] != '\n')
				p++;
		} else if (*p == '/' && p[1] == '*') {
			for (p += 2; *p && !(*p == '*' && p[1] == '/'); p++)
				line += *p == '\n';
			if (!*p)
				return 0;
			p++;
		} else if (*p == '"') {
			str_line = line;
		} else if (strchr("{[(", *p)) {
			if (depth < DEPTH) {
				stack[depth] = *p;
				lines[depth] = line;
			}
			depth++;
		} else if (strchr("}])", *p) && depth > 0) {
			depth--;
		}
	}
	if (str_line) {
		*open_line = str_line;
		return '"';
	}
	if (depth > 0 && depth <= DEPTH) {
		*open_line = lines[depth - 1];
		return stack[depth - 1];
	}
	return 0;
}

void okr_config_syntax_message(char *out, size_t len, const char *text, unsigned *line, const char *what)
{
	/* libconfig places a group or string left open at the end of the file;
	 * only then is the opener the thing to show. */
	const char *at = line_at(text, *line);
	bool at_end = !at || !at[strspn(at, " \t\r\n")];
	unsigned opened = 0;
	char c = at_end ? still_open(text, &opened) : 0;
	if (c == '"') {
		*line = opened;
		snprintf(out, len, _("the text in double quotes that starts here is never closed — "
				     "add the closing '\"'"));
		return;
	}
	if (c) {
		*line = opened;
		const char *close = c == '{' ? "};" : c == '[' ? "];" : ");";
		snprintf(out, len, _("the %s opened here with '%c' is never closed — add '%s' after "
				     "its last entry"), c == '{' ? _("group") : _("list"), c, close);
		return;
	}
	char near[96];
	quote(near, sizeof near, at ? at : "", 60);
	const char *fix;
	if (!strcmp(what, "duplicate setting name"))
		fix = _("a setting may appear only once — remove or merge the other one");
	else if (strstr(what, "include"))
		fix = _("check the file named by @include");
	else
		fix = _("check this line and the end of the one before for a missing ';', '=' or quote "
			"(settings read name = value; with text in double quotes)");
	const char *label = !strcmp(what, "syntax error") || !*what ? _("syntax error") : what;
	if (near[0])
		snprintf(out, len, _("%s near '%s' — %s"), label, near, fix);
	else
		snprintf(out, len, _("%s — %s"), label, fix);
}

void config_hint_value(char *out, size_t len, const config_setting_t *s, bool typed)
{
	char q[64];
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		snprintf(out, len, "%lld", (long long)config_setting_get_int64(s));
		break;
	case CONFIG_TYPE_FLOAT:
		snprintf(out, len, "%g", config_setting_get_float(s));
		break;
	case CONFIG_TYPE_BOOL:
		snprintf(out, len, "%s", config_setting_get_bool(s) ? "true" : "false");
		break;
	case CONFIG_TYPE_STRING:
		quote(q, sizeof q, config_setting_get_string(s), 40);
		snprintf(out, len, typed && q[0] ? "%s" : "\"%s\"", q);
		break;
	case CONFIG_TYPE_GROUP:
		snprintf(out, len, "%s", _("a group { … }"));
		break;
	default:
		snprintf(out, len, "%s", _("a list"));
		break;
	}
}

/* Edit distance (insert, delete, change, swap of neighbours), capped: names
 * are short, and only small distances matter. */
static size_t distance(const char *a, const char *b)
{
	enum { MAX = 40 };
	size_t la = strlen(a), lb = strlen(b);
	if (la >= MAX || lb >= MAX)
		return MAX;
	size_t d[MAX + 1][MAX + 1];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

/* Close enough to be a typo: at most two edits and fewer than a third of the
 * name, or one name a prefix of the other ("checkin" for "checkin_xp"). */
const char *config_hint_nearest(const char *name, const void *names, size_t n, size_t stride)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, ln = strlen(name);
	for (size_t i = 0; i < n; i++) {
		const char *cand = *(const char *const *)(const void *)((const char *)names + i * stride);
		if (!cand)
			break;
		size_t lc = strlen(cand), d = distance(name, cand);
		bool prefix = ln >= 3 && (!strncmp(cand, name, ln) || !strncmp(name, cand, lc));
		bool close = d <= 2 && d * 3 <= (ln > lc ? ln : lc);
		if ((close || prefix) && d < best_d) {
			best = cand;
			best_d = d;
		}
	}
	return best;
}
