/*
 * settings.c — the team settings as every command, screen and viewer sees
 * them: the rows of the database applied over the personal okr.conf, so two
 * people with different files see the same statuses, progress and scores
 * (SPEC §7).  Internal to the program; `okr settings` is cmd_settings.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/util.h"

int cli_team_settings(cli_ctx *ctx)
{
	char err[512];
	int r = okr_store_team_settings_apply(ctx->store, &ctx->cfg, err, sizeof err);
	return r ? cli_fail(r, _("the team settings in %s: %s"), ctx->db_path, err) : 0;
}

void cli_team_conf_warn(const cli_ctx *ctx)
{
	char *text = okr_config_read_file(ctx->config_path);
	if (!text)
		return;
	char key[64], lit[64];
	unsigned line = 0;
	if (okr_config_team_in_text(text, key, sizeof key, &line) && !ctx->store) {
		fprintf(stderr, _("okr: %s:%u: '%s' is a team setting now, the same for everyone and kept in the "
				  "database, so okr.conf's value is ignored — remove it from the file; a lead changes "
				  "it with `okr settings set %s VALUE`\n"), ctx->config_path, line, key, key);
	} else if (okr_config_team_in_text(text, key, sizeof key, &line)) {
		okr_config_team_format(&ctx->cfg, key, lit, sizeof lit);
		fprintf(stderr, _("okr: %s:%u: '%s' is a team setting now, the same for everyone and kept in the "
				  "database, so okr.conf's value is ignored — remove it from the file; the team's "
				  "value is %s, and a lead changes it with `okr settings set %s VALUE`\n"),
			ctx->config_path, line, key, lit, key);
	}
	free(text);
}
