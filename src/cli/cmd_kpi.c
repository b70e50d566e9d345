/*
 * cmd_kpi.c — okr kpi add|push|link|list.
 *
 * `okr kpi push` is made for cron and CI: quiet on success, a documented exit
 * code on failure, safe to run from many jobs at once (--id makes a retried
 * job count once).
 */
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"

static const char usage_add[] = "add NAME --target N (--at-least|--at-most) --source TEXT "
				"--every daily|weekly|monthly [--timeframe TEXT] [--unit U] [--owner P]";

/* A KPI named by its name or its ID (KPI3). */
static int find_kpi(cli_ctx *ctx, const char *s, okr_kpi *out)
{
	int64_t id;
	okr_result r = okr_parse_id(s, &id) == ID_KPI ? okr_store_kpi(ctx->store, id, out)
		: okr_store_kpi_by_name(ctx->store, s, out);
	if (r == OKR_E_NOTFOUND)   /* cron logs are read by people who may not know the names */
		return cli_fail(r, _("no KPI '%s' — `okr kpi list` shows every KPI with its ID and exact name "
				     "(names are case-sensitive; quote names with spaces); `okr kpi add` makes one"), s);
	return r ? cli_store_fail(ctx, r) : 0;
}

static int kpi_add(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = {
		{ "target", 0, true }, { "at-least", 0, false }, { "at-most", 0, false }, { "source", 0, true },
		{ "every", 0, true }, { "timeframe", 0, true }, { "unit", 'u', true }, { "owner", 'o', true }, { 0 }
	};
	cli_args a;
	int rc = cli_parse("kpi", usage_add, opts, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	okr_kpi_in in = { .name = a.pos[0], .unit = cli_opt_get(opts, &a, "unit"),
			  .timeframe = cli_opt_get(opts, &a, "timeframe"),
			  .source = cli_opt_get(opts, &a, "source"), .owner = cli_opt_get(opts, &a, "owner") };
	const char *target = cli_opt_get(opts, &a, "target"), *every = cli_opt_get(opts, &a, "every");
	bool least = cli_opt_get(opts, &a, "at-least"), most = cli_opt_get(opts, &a, "at-most");
	if (!target || least == most || !in.source || !every)
		return cli_fail(OKR_E_USAGE, _("a KPI has four parts: a target (--target N with --at-least or "
					       "--at-most), a data source (--source), a frequency (--every) and a "
					       "timeframe (--timeframe)\nusage: okr kpi %s"), usage_add);
	if (!in.source[strspn(in.source, " \t\r\n")])
		return cli_fail(OKR_E_USAGE, _("--source is empty — say where the KPI's values come from, "
					       "e.g. --source CRM"));
	int f;
	if ((rc = cli_number("--target", target, &in.target)) || (rc = cli_frequency(every, &f)))
		return rc;
	in.every = (okr_frequency)f;
	in.dir = most ? DIR_AT_MOST : DIR_AT_LEAST;
	int64_t id;
	okr_result r = okr_store_kpi_add(ctx->store, &in, &id);
	return r ? cli_store_fail(ctx, r) : cli_added(ctx, ID_KPI, id);
}

static int kpi_push(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "message", 'm', true }, { "id", 0, true }, { 0 } };
	cli_args a;
	int rc = cli_parse("kpi", "push NAME VALUE [-m NOTE] [--id UID]", opts, argc, argv, 2, 2, &a);
	if (rc)
		return rc;
	double v;
	okr_kpi k;
	if ((rc = cli_number(_("the value"), a.pos[1], &v)) || (rc = find_kpi(ctx, a.pos[0], &k)))
		return rc;
	okr_result r = okr_store_kpi_push(ctx->store, k.id, v, cli_opt_get(opts, &a, "message"),
					  cli_opt_get(opts, &a, "id"), 0, NULL);
	cli_made(ctx, ID_KPI, k.id);
	okr_kpi_free(&k);
	if (r)
		return cli_store_fail(ctx, r);
	if (okr_store_last_was_repeat(ctx->store))
		cli_already_recorded(cli_opt_get(opts, &a, "id"));
	return 0;
}

static int kpi_link(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "unlink", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("kpi", "link KR KPI | link KR --unlink", opts, argc, argv, 1, 2, &a);
	if (rc)
		return rc;
	int64_t kr;
	if ((rc = cli_id(a.pos[0], ID_KR, NULL, &kr)))
		return rc;
	int64_t kpi = 0;
	if (a.npos == 2) {
		okr_kpi k;
		if ((rc = find_kpi(ctx, a.pos[1], &k)))
			return rc;
		kpi = k.id;
		okr_kpi_free(&k);
	} else if (!cli_opt_get(opts, &a, "unlink")) {
		return cli_fail(OKR_E_USAGE, _("name the KPI to link, or give --unlink"));
	}
	okr_result r = okr_store_kr_link_kpi(ctx->store, kr, kpi);
	cli_made(ctx, ID_KR, kr);
	return r ? cli_store_fail(ctx, r) : 0;
}

/* The KPIs as `okr list --kpis` shows them. */
static int kpi_list(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "json", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("kpi", "list [--json]", opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	char *list_argv[] = { "--kpis", "--json", NULL };
	int cmd_list(cli_ctx *, int, char **);
	return cmd_list(ctx, cli_opt_get(opts, &a, "json") ? 2 : 1, list_argv);
}

int cmd_kpi(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", kpi_add }, { "push", kpi_push }, { "link", kpi_link }, { "list", kpi_list }, { NULL, NULL },
	};
	return cli_run_sub(ctx, "kpi", subs, argc, argv);
}
