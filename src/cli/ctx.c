/*
 * ctx.c — the command line's bridges to what sits below it: the small
 * context of okr/ctx.h, and the leaderboard model with the CLI's messages.
 */
#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/util.h"

okr_ctx cli_core_ctx(cli_ctx *ctx)
{
	return (okr_ctx){ .store = ctx->store, .cfg = &ctx->cfg, .config_path = ctx->config_path,
			  .db_path = ctx->db_path, .login = ctx->login, .now = okr_now };
}

okr_result cli_open(cli_ctx *ctx, int flags, char *err, size_t errlen)
{
	okr_result r = okr_store_open(ctx->db_path, flags, ctx->login, &ctx->store, err, errlen);
	if (r == OKR_OK)
		okr_strlcpy(ctx->login, okr_store_login(ctx->store), sizeof ctx->login);
	return r;
}

int cli_board_load(cli_ctx *ctx, okr_board_reads reads, okr_board *out)
{
	okr_result r = okr_board_load(ctx->store, &ctx->cfg, ctx->login, 0, reads, out);
	return r ? cli_store_fail(ctx, r) : 0;
}

int cli_window_parse(const char *s)
{
	int w = okr_board_window_parse(s);
	if (w < 0)
		cli_fail(OKR_E_USAGE, _("'%s' is not a leaderboard window — use week, cycle or all"), s);
	return w;
}
