/*
 * cmd_export.c — okr export --format md|csv|json [--cycle C] [--team T]
 * [--table TABLE] [--bom].
 *
 * md is the review report of one cycle (the current one by default); csv
 * and json carry everything (or the part the filters keep) for another tool
 * or for `okr import` — see docs/import-export.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"

static const char usage[] = "--format md|csv|json [--cycle C] [--team T] [--table TABLE] [--bom]";

typedef struct {
	bool json, bom;
	int table;                 /* -1: every record type */
	const char *cycle, *team;
} export_opts;

/* IDs are ascending in the dump: a binary search finds whether one is kept. */
static bool kept_obj(const okr_dump *d, bool **keep, int64_t id)
{
	size_t lo = 0, hi = d->nobjs;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (d->objs[m].id < id)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < d->nobjs && d->objs[lo].id == id && keep[LOAD_OBJECTIVE][lo];
}

static bool kept_kr(const okr_dump *d, bool **keep, int64_t id)
{
	size_t lo = 0, hi = d->nkrs;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (d->krs[m].id < id)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < d->nkrs && d->krs[lo].id == id && keep[LOAD_KR][lo];
}

/* With a filter, keep the objectives of that cycle/team and everything that
 * hangs off them; an alignment to an objective left out is dropped, so the
 * file still imports on its own.  People, teams and KPIs are always kept. */
static void choose(okr_dump *d, bool **keep, int64_t cycle, const char *cycle_name, const char *team)
{
	for (int k = 0; k < LOAD_NKINDS; k++) {
		size_t n = export_count(d, k);
		keep[k] = okr_xcalloc(n ? n : 1, sizeof *keep[k]);
		for (size_t i = 0; i < n; i++)
			keep[k][i] = true;
	}
	if (!cycle && !team)
		return;
	okr_time from = 0, to = 0;
	for (size_t i = 0; i < d->ncycles; i++) {
		keep[LOAD_CYCLE][i] = !cycle_name || strcmp(d->cycles[i].name, cycle_name) == 0;
		if (cycle && d->cycles[i].id == cycle) {
			from = okr_day_start(d->cycles[i].start);
			to = okr_day_start(d->cycles[i].end) + 86400;
		}
	}
	for (size_t i = 0; i < d->nobjs; i++)
		keep[LOAD_OBJECTIVE][i] = (!cycle || d->objs[i].cycle_id == cycle) &&
					  (!team || strcmp(d->objs[i].team, team) == 0);
	for (size_t i = 0; i < d->nobjs; i++)
		if (d->objs[i].parent_id && !kept_obj(d, keep, d->objs[i].parent_id))
			d->objs[i].parent_id = 0;
	for (size_t i = 0; i < d->nkrs; i++)
		keep[LOAD_KR][i] = kept_obj(d, keep, d->krs[i].objective_id);
	for (size_t i = 0; i < d->ncheckins; i++)
		keep[LOAD_CHECKIN][i] = kept_kr(d, keep, d->checkins[i].kr_id);
	for (size_t i = 0; i < d->ngrades; i++)
		keep[LOAD_GRADE][i] = kept_kr(d, keep, d->grades[i].kr_id);
	for (size_t i = 0; i < d->ncomments; i++)
		keep[LOAD_COMMENT][i] = d->comments[i].target_kind == 'O'
			? kept_obj(d, keep, d->comments[i].target_id)
			: kept_kr(d, keep, d->comments[i].target_id);
	for (size_t i = 0; i < d->nkudos; i++)
		keep[LOAD_KUDOS][i] = d->kudos[i].kr_id ? kept_kr(d, keep, d->kudos[i].kr_id)
			: !cycle || (d->kudos[i].at >= from && d->kudos[i].at < to);
}

static int export_data(cli_ctx *ctx, const export_opts *o)
{
	const char *cycle_name = o->cycle, *team = o->team;
	int64_t cycle = 0;
	if (cycle_name) {
		okr_cycle c;
		int rc = cli_cycle(ctx, cycle_name, &c);
		if (rc)
			return rc;
		cycle = c.id;
		okr_cycle_free(&c);
	}
	okr_dump d;
	okr_result r = okr_store_dump(ctx->store, &d);
	if (r)
		return cli_store_fail(ctx, r);
	bool *keep[LOAD_NKINDS];
	choose(&d, keep, cycle, cycle_name, team);
	/* A byte-order mark tells a spreadsheet on Windows that this is UTF-8. */
	if (o->bom)
		fputs("\xef\xbb\xbf", stdout);
	if (o->json)
		export_json(stdout, &d, keep);
	else
		export_csv(stdout, &d, keep, o->table);
	for (int k = 0; k < LOAD_NKINDS; k++)
		free(keep[k]);
	okr_dump_free(&d);
	return 0;
}

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
	static const cli_opt opts[] = { { "format", 'f', true }, { "cycle", 'c', true }, { "team", 't', true },
					{ "table", 0, true }, { "bom", 0, false }, { 0 } };
	cli_args a;
	int rc = cli_parse("export", usage, opts, argc, argv, 0, 0, &a);
	if (rc)
		return rc;
	const char *fmt = cli_opt_get(opts, &a, "format"), *cycle = cli_opt_get(opts, &a, "cycle"),
		   *team = cli_opt_get(opts, &a, "team");
	if (!fmt)
		return cli_fail(OKR_E_USAGE, _("say which format: okr export %s"), usage);
	if (team && !*team)
		return cli_fail(OKR_E_USAGE, _("--team needs a team name — `okr list --teams` shows them"));
	export_opts o = { !strcmp(fmt, "json"), cli_opt_get(opts, &a, "bom") != NULL, -1, cycle, team };
	const char *table = cli_opt_get(opts, &a, "table");
	if ((table || o.bom) && strcmp(fmt, "csv"))
		return cli_fail(OKR_E_USAGE, _("%s is for CSV: add --format csv"), table ? "--table" : "--bom");
	if (table && (o.table = export_table(table)) < 0) {
		char names[512];
		export_table_names(names, sizeof names);
		return cli_fail(OKR_E_USAGE, _("'%s' is not a table of the export — use one of %s"), table, names);
	}
	if (!strcmp(fmt, "json") || !strcmp(fmt, "csv"))
		return export_data(ctx, &o);
	if (strcmp(fmt, "md") && strcmp(fmt, "markdown"))
		return cli_fail(OKR_E_USAGE, _("'%s' is not an export format — use md, csv or json"), fmt);
	okr_cycle c;
	if ((rc = cli_cycle(ctx, cycle, &c)))
		return rc;
	rc = export_md(ctx, stdout, &c, team);
	okr_cycle_free(&c);
	return rc;
}
