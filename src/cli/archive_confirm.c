/*
 * archive_confirm.c — the confirmation before `okr objective archive` and
 * `okr kr archive`: what goes with the item is said first (core/archive.c,
 * the words the TUI shows), then asked on a terminal.  A script has no one
 * to answer, so without --yes it is refused, and nothing is archived by a
 * command that was only meant to look.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "okr/archive.h"
#include "okr/cli.h"
#include "okr/i18n.h"

int cli_confirm_archive(cli_ctx *ctx, char kind, int64_t id, bool yes)
{
	if (yes)
		return 0;
	okr_archive_effect e;
	okr_result r = okr_store_archive_effect(ctx->store, kind, id, &e);
	if (r)
		return cli_store_fail(ctx, r);
	char text[1024];
	okr_archive_effect_text(&e, text, sizeof text);
	if (!isatty(STDIN_FILENO))
		return cli_fail(OKR_E_USAGE, _("%s Nothing was archived: answer on a terminal, or add --yes "
					       "to archive from a script"), text);
	fprintf(stderr, _("%s [y/N] "), text);
	fflush(stderr);
	char line[64];
	if (!fgets(line, sizeof line, stdin) || (line[0] != 'y' && line[0] != 'Y'))
		return cli_fail(OKR_E_USAGE, "%s", _("nothing was archived"));
	return 0;
}
