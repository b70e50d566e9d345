/*
 * cmd_settings.c — okr settings: the team's settings (SPEC §7), the same for
 * everyone because they live in the database.
 *
 *   okr settings [show] [--json]
 *   okr settings set KEY VALUE
 *   okr settings import FILE        (a libconfig file of team settings)
 *
 * A change and the rebuild of the score ledger under the new rules are one
 * transaction (okr_store_settings_change, which the TUI's settings view
 * calls too).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"

static const okr_setting *row_of(const okr_setting *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].key, key))
			return &v[i];
	return NULL;
}

/* A libconfig literal as JSON: a number, true/false or a string. */
static void json_literal(json_out *j, const char *key, const char *lit)
{
	size_t n = strlen(lit);
	if (n >= 2 && lit[0] == '"') {
		char *s = okr_xstrdup(lit + 1);
		s[n - 2] = '\0';
		json_str(j, key, s);
		free(s);
	} else if (!strcmp(lit, "true") || !strcmp(lit, "false")) {
		json_bool(j, key, lit[0] == 't');
	} else {
		json_num(j, key, strtod(lit, NULL));
	}
}

static int show(cli_ctx *ctx, bool as_json)
{
	okr_setting *v;
	size_t n;
	okr_result r = okr_store_settings(ctx->store, &v, &n);
	if (r)
		return cli_store_fail(ctx, r);
	json_out j;
	if (as_json) {
		json_begin(&j, stdout);
		json_obj(&j, NULL);
		json_arr(&j, "settings");
	} else {
		printf(_("Team settings, the same for everyone (leads and admins change them with "
			 "`okr settings set KEY VALUE`):\n"));
	}
	for (size_t i = 0; i < okr_config_team_count(); i++) {
		const char *key = okr_config_team_key(i);
		const okr_setting *row = row_of(v, n, key);
		char lit[64], day[11] = "";
		okr_config_team_format(&ctx->cfg, key, lit, sizeof lit);
		if (row)
			okr_format_date((okr_day)(row->at / 86400 - (row->at < 0 && row->at % 86400)), day);
		if (as_json) {
			json_obj(&j, NULL);
			json_str(&j, "key", key);
			json_literal(&j, "value", lit);
			json_bool(&j, "default", row == NULL);
			if (row) {
				json_str(&j, "by", row->by);
				json_time(&j, "at", row->at);
			}
			json_end_obj(&j);
		} else if (row) {
			printf("  %-32s %-10s ", key, lit);
			printf(_("set by @%s on %s\n"), row->by[0] ? row->by : "?", day);
		} else {
			printf("  %-32s %-10s %s\n", key, lit, _("default"));
		}
	}
	if (as_json) {
		json_end_arr(&j);
		json_end_obj(&j);
		putchar('\n');
	}
	okr_settings_free(v, n);
	return 0;
}

static int change(cli_ctx *ctx, const char *const *keys, const char *const *literals, size_t n)
{
	char err[512];
	okr_result r = okr_store_settings_change(ctx->store, &ctx->cfg, keys, literals, n, err, sizeof err);
	if (r && err[0])
		return cli_fail(r, _("%s — nothing was changed"), err);
	if (r)
		return cli_store_fail(ctx, r);
	for (size_t i = 0; i < n; i++) {
		char lit[64];
		okr_config_team_format(&ctx->cfg, keys[i], lit, sizeof lit);
		printf(_("%s = %s\n"), keys[i], lit);
	}
	return 0;
}

static int set(cli_ctx *ctx, const char *key, const char *value)
{
	char lit[256], err[512];
	if (!okr_config_team_literal(key, value, lit, sizeof lit, err, sizeof err))
		return cli_fail(OKR_E_USAGE, "%s", err);
	const char *keys[] = { key }, *lits[] = { lit };
	return change(ctx, keys, lits, 1);
}

static int import(cli_ctx *ctx, const char *path)
{
	char **keys, **lits, err[512];
	size_t n;
	if (!okr_config_team_read(path, &keys, &lits, &n, err, sizeof err)) {
		okr_config_team_pairs_free(keys, lits, n);
		return cli_fail(OKR_E_USAGE, "%s", err);
	}
	int rc = n ? change(ctx, (const char *const *)keys, (const char *const *)lits, n)
		   : cli_fail(OKR_E_USAGE, _("%s sets no team setting — nothing was changed"), path);
	okr_config_team_pairs_free(keys, lits, n);
	return rc;
}

int cmd_settings(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "json", 0, false }, { 0 } };
	const char *sub = argc > 0 && argv[0][0] != '-' ? argv[0] : "show";
	int skip = argc > 0 && argv[0][0] != '-' ? 1 : 0;
	cli_args a;
	int rc;
	if (!strcmp(sub, "show")) {
		if ((rc = cli_parse("settings", "[show] [--json]", opts, argc - skip, argv + skip, 0, 0, &a)))
			return rc;
		return show(ctx, cli_opt_get(opts, &a, "json") != NULL);
	}
	if (!strcmp(sub, "set")) {
		if ((rc = cli_parse("settings", "set KEY VALUE", NULL, argc - 1, argv + 1, 2, 2, &a)))
			return rc;
		return set(ctx, a.pos[0], a.pos[1]);
	}
	if (!strcmp(sub, "import")) {
		if ((rc = cli_parse("settings", "import FILE", NULL, argc - 1, argv + 1, 1, 1, &a)))
			return rc;
		return import(ctx, a.pos[0]);
	}
	return cli_usage_fail("settings", sub);
}
