/*
 * theme_check.c — what a command that does not draw does with the theme
 * named in okr.conf (SPEC §7, §9: "unknown theme gets a clear message").
 *
 * The theme is only the full-screen view's business: `okr checkin` from cron
 * or `okr kpi push` from CI must keep recording data when someone mistypes a
 * theme name, or a theme file is missing on the host.  But a broken setting
 * must never pass in silence, and must read the same whichever command meets
 * it.  So every command checks the theme with the very loader the TUI uses
 * and prints the TUI's message: the TUI (which needs the theme to draw)
 * refuses to start with exit 2, every other command says it on stderr as a
 * warning and does its work.  A configuration that libconfig cannot read, or
 * a setting okr does not know, is still an error for every command (exit 2):
 * then okr cannot tell what else the person meant.
 */
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/theme.h"

void cli_theme_warn(const cli_ctx *ctx)
{
	/* The built-in default always loads; a file is read only when named. */
	if (!strcmp(ctx->cfg.theme, "default"))
		return;
	theme t;
	char err[1024];
	if (theme_load_named(&t, ctx->cfg.theme, err, sizeof err))
		return;
	fprintf(stderr, _("okr: warning: %s: %s (only the full-screen view uses the theme, so this "
			  "command went on)\n"), ctx->config_path, err);
}
