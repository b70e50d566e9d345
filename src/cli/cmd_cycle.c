/*
 * cmd_cycle.c — okr cycle add|edit|list|current|close|plan.
 */
#include <stdio.h>
#include <string.h>

#include "okr/cli.h"
#include "okr/i18n.h"
#include "okr/parse.h"

static const char usage_add[] = "add NAME --start YYYY-MM-DD --end YYYY-MM-DD";

static int cycle_add(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "start", 0, true }, { "end", 0, true }, { 0 } };
	cli_args a;
	int rc = cli_parse("cycle", usage_add, opts, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	const char *start = cli_opt_get(opts, &a, "start"), *end = cli_opt_get(opts, &a, "end");
	if (!start || !end)
		return cli_fail(OKR_E_USAGE, _("a cycle needs --start and --end dates — usage: okr cycle %s"),
				usage_add);
	okr_day s, e;
	if ((rc = cli_date("--start", start, &s)) || (rc = cli_date("--end", end, &e)))
		return rc;
	int64_t id;
	okr_result r = okr_store_cycle_add(ctx->store, a.pos[0], s, e, &id);
	if (r)
		return cli_store_fail(ctx, r);
	cli_made_named(ctx, 'C', a.pos[0]);
	cli_put(stdout, a.pos[0], -1);   /* as stored, made safe for the terminal */
	putchar('\n');
	return 0;
}

/* What is not given stays as it is; the store gets all three. */
static int cycle_edit(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "name", 'n', true }, { "start", 0, true }, { "end", 0, true }, { 0 } };
	cli_args a;
	int rc = cli_parse("cycle", "edit CYCLE [--name NAME] [--start YYYY-MM-DD] [--end YYYY-MM-DD]", opts, argc, argv,
			   1, 1, &a);
	if (rc)
		return rc;
	okr_cycle c;
	if ((rc = cli_cycle(ctx, a.pos[0], &c)))
		return rc;
	const char *name = cli_opt_get(opts, &a, "name"), *start = cli_opt_get(opts, &a, "start"),
		   *end = cli_opt_get(opts, &a, "end");
	okr_day s = c.start, e = c.end;
	if ((start && (rc = cli_date("--start", start, &s))) || (end && (rc = cli_date("--end", end, &e)))) {
		okr_cycle_free(&c);
		return rc;
	}
	okr_result r = okr_store_cycle_edit(ctx->store, c.id, name ? name : c.name, s, e);
	cli_made_named(ctx, 'C', name ? name : c.name);
	okr_cycle_free(&c);
	return r ? cli_store_fail(ctx, r) : 0;
}

static int cycle_list(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("cycle", "list", NULL, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	okr_snapshot snap;
	okr_result r = okr_store_snapshot(ctx->store, 0, false, &snap);
	if (r)
		return cli_store_fail(ctx, r);
	for (size_t i = 0; i < snap.ncycles; i++) {
		char s[11], e[11];
		okr_format_date(snap.cycles[i].start, s);
		okr_format_date(snap.cycles[i].end, e);
		printf("%s ", snap.cycles[i].current ? "*" : " ");
		cli_put(stdout, snap.cycles[i].name, 12);
		printf(" %s → %s  %s\n", s, e, okr_label(&okr_cycle_states, snap.cycles[i].state));
	}
	okr_snapshot_free(&snap);
	return 0;
}

static int cycle_current(cli_ctx *ctx, int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse("cycle", "current NAME", NULL, argc, argv, 1, 1, &a);
	if (rc)
		return rc;
	okr_cycle c;
	if ((rc = cli_cycle(ctx, a.pos[0], &c)))
		return rc;
	okr_result r = okr_store_cycle_set_current(ctx->store, c.id);
	cli_made_named(ctx, 'C', c.name);
	okr_cycle_free(&c);
	return r ? cli_store_fail(ctx, r) : 0;
}

int cli_cycle_close(cli_ctx *ctx, int argc, char **argv);   /* cmd_grade.c */
int cli_cycle_plan(cli_ctx *ctx, int argc, char **argv);    /* cmd_cycle_plan.c */

int cmd_cycle(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", cycle_add }, { "edit", cycle_edit }, { "list", cycle_list }, { "current", cycle_current },
		{ "close", cli_cycle_close }, { "plan", cli_cycle_plan }, { NULL, NULL },
	};
	return cli_run_sub(ctx, "cycle", subs, argc, argv);
}
