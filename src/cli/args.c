/*
 * args.c — option parsing for commands.
 *
 * getopt would read `okr checkin K3 -5` as an option "-5", and values below
 * zero are ordinary here (a bug count going down), so this small parser treats
 * any word that reads as a number as a positional argument.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"

static int find_long(const cli_opt *opts, const char *name, size_t len)
{
	for (int i = 0; opts && opts[i].name; i++)
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
			return i;
	return -1;
}

static int find_short(const cli_opt *opts, char c)
{
	for (int i = 0; opts && opts[i].name; i++)
		if (opts[i].shrt == c)
			return i;
	return -1;
}

/* "-inf", "-nan", "-1e999", "-12abc": a value that is wrong, not an option,
 * so that the command says what is wrong with the number. */
static bool looks_numeric(const char *a)
{
	char *end;
	if (a[1] >= '0' && a[1] <= '9')
		return true;
	if (a[1] == '.' && a[2] >= '0' && a[2] <= '9')
		return true;
	strtod(a, &end);
	return end != a && *end == '\0';
}

static int usage_error(const char *cmd, const char *usage, const char *what)
{
	char *safe = text_sanitize(what);   /* it quotes what was typed */
	fprintf(stderr, "okr %s: %s\n", cmd, safe);
	free(safe);
	fprintf(stderr, _("usage: okr %s %s\n"), cmd, usage);
	return OKR_E_USAGE;
}

int cli_parse(const char *cmd, const char *usage, const cli_opt *opts, int argc, char **argv,
	      int min_pos, int max_pos, cli_args *out)
{
	char msg[512];
	double num;
	bool only_pos = false;
	memset(out, 0, sizeof *out);
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int k = -1;
		const char *inline_val = NULL;
		if (only_pos || a[0] != '-' || a[1] == '\0' || okr_parse_number(a, &num) || looks_numeric(a)) {
			if (out->npos >= CLI_MAX_POS || out->npos >= max_pos) {
				snprintf(msg, sizeof msg, _("unexpected argument '%s' (put text with spaces in quotes)"), a);
				return usage_error(cmd, usage, msg);
			}
			out->pos[out->npos++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			k = find_long(opts, a + 2, len);
			if (eq)
				inline_val = eq + 1;
		} else if (a[2] == '\0') {
			k = find_short(opts, a[1]);
		}
		if (k < 0) {
			snprintf(msg, sizeof msg, _("unknown option '%s'"), a);
			return usage_error(cmd, usage, msg);
		}
		if (opts[k].has_arg) {
			if (!inline_val) {
				if (i + 1 >= argc) {
					snprintf(msg, sizeof msg, _("option --%s needs a value"), opts[k].name);
					return usage_error(cmd, usage, msg);
				}
				inline_val = argv[++i];
			}
			out->val[k] = inline_val;
		} else {
			if (inline_val) {
				snprintf(msg, sizeof msg, _("option --%s takes no value"), opts[k].name);
				return usage_error(cmd, usage, msg);
			}
			out->val[k] = "";
		}
	}
	if (out->npos < min_pos)
		return usage_error(cmd, usage, _("missing arguments"));
	return OKR_OK;
}

const char *cli_opt_get(const cli_opt *opts, const cli_args *a, const char *name)
{
	int k = find_long(opts, name, strlen(name));
	return k < 0 ? NULL : a->val[k];
}
