/*
 * usage.c — reading the usage strings of the command table as data: its
 * forms, each form's subcommand, options (and the word each takes) and
 * positional words.  `okr help`, the completions and the man page all come
 * from this one reading, so none can list an option the table does not have.
 *
 * A usage string is the synopsis people read: forms separated by " | "
 * outside brackets, [optional] and (grouped) parts, alternatives joined by
 * "|" ("--at-least N|--at-most N", "daily|weekly|monthly").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/util.h"

size_t cli_usage_form_len(const char *usage)
{
	int depth = 0;
	size_t i = 0;
	for (; usage[i]; i++) {
		char c = usage[i];
		depth += c == '(' || c == '[';
		depth -= (c == ')' || c == ']') && depth > 0;
		if (depth == 0 && !strncmp(usage + i, " | ", 3))
			break;
	}
	return i;
}

static bool is_option(const char *w)
{
	return w[0] == '-' && isalpha((unsigned char)w[w[1] == '-' ? 2 : 1]);
}

static bool all_lower(const char *w)
{
	for (; *w; w++)
		if (!islower((unsigned char)*w))
			return false;
	return true;
}

/* Words of a form, brackets and ellipses dropped; a word whose alternatives
 * are options ("N|--at-most") is split into them. */
static int form_words(const char *form, size_t len, char words[][48], int max)
{
	char buf[1024];
	okr_strlcpy(buf, form, len + 1 < sizeof buf ? len + 1 : sizeof buf);
	for (char *p = buf; *p; p++)
		if (strchr("[]()", *p))
			*p = ' ';
	int n = 0;
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w && n < max; w = strtok_r(NULL, " ", &save)) {
		if (!isalnum((unsigned char)w[0]) && w[0] != '-')
			continue;   /* "|", "...", ":NOTE" */
		if (!strstr(w, "|-")) {
			okr_strlcpy(words[n++], w, sizeof words[0]);
			continue;
		}
		for (char *s2 = NULL, *a = strtok_r(w, "|", &s2); a && n < max; a = strtok_r(NULL, "|", &s2))
			okr_strlcpy(words[n++], a, sizeof words[0]);
	}
	return n;
}

static void add_opt(cli_form *f, const char *name, const char *value)
{
	if (f->nopts >= CLI_FORM_MAX)
		return;
	okr_strlcpy(f->opts[f->nopts].name, name, sizeof f->opts[0].name);
	okr_strlcpy(f->opts[f->nopts].value, value, sizeof f->opts[0].value);
	f->nopts++;
}

bool cli_usage_form(const char *usage, int index, cli_form *out)
{
	memset(out, 0, sizeof *out);
	const char *u = usage;
	for (int i = 0; i < index; i++) {
		u += cli_usage_form_len(u);
		if (!*u)
			return false;
		u += 3;
	}
	if (!*u && index > 0)
		return false;
	char words[64][48];
	int n = form_words(u, cli_usage_form_len(u), words, 64);
	int k = 0;
	if (n > 0 && all_lower(words[0]))
		okr_strlcpy(out->sub, words[k++], sizeof out->sub);
	for (; k < n; k++) {
		if (is_option(words[k])) {
			bool val = k + 1 < n && !is_option(words[k + 1]);
			add_opt(out, words[k], val ? words[k + 1] : "");
			k += val;
		} else if (out->npos < CLI_FORM_MAX) {
			okr_strlcpy(out->pos[out->npos++], words[k], sizeof out->pos[0]);
		}
	}
	return true;
}

bool cli_word_once(char *seen, size_t len, const char *word)
{
	char key[64];
	int n = snprintf(key, sizeof key, " %s ", word);
	if (n < 0 || (size_t)n >= sizeof key || strstr(seen, key))
		return false;
	size_t used = strlen(seen);
	if (used + (size_t)n > len)
		return false;
	snprintf(seen + used, len - used, "%s", key + 1);   /* seen ends in a blank already */
	return true;
}
