/*
 * cmd_export.c — okr export --format md|csv|json [--cycle C] [--team T]
 * [--table TABLE] [--bom].
 *
 * md is the review report of one cycle (the current one by default); csv
 * and json carry everything (or the part the filters keep) for another tool
 * or for `okr import` — see docs/import-export.md.
 */
#include <stddef.h>
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
	size_t i = okr_lower_bound(d->objs, d->nobjs, sizeof *d->objs, offsetof(okr_objective, id), id);
	return i < d->nobjs && d->objs[i].id == id && keep[LOAD_OBJECTIVE][i];
}

static bool kept_kr(const okr_dump *d, bool **keep, int64_t id)
{
	size_t i = okr_lower_bound(d->krs, d->nkrs, sizeof *d->krs, offsetof(okr_kr, id), id);
	return i < d->nkrs && d->krs[i].id == id && keep[LOAD_KR][i];
}

typedef struct {
	const export_opts *o;
	int64_t cycle;
	okr_time from, to;           /* the filtered cycle's days, for kudos to no key result */
	bool *keep[LOAD_NKINDS];     /* per record of the head; the history is decided row by row */
	const okr_dump *d;
	export_writer w;
} export_run;

/* With a filter, keep the objectives of that cycle/team and everything that
 * hangs off them; an alignment to an objective left out is dropped, so the
 * file still imports on its own.  People, teams and KPIs are always kept. */
static void choose(export_run *x, okr_dump *d)
{
	const char *cycle_name = x->o->cycle, *team = x->o->team;
	int64_t cycle = x->cycle;
	bool **keep = x->keep;
	for (int k = 0; k < LOAD_NKINDS; k++) {
		size_t n = export_count(d, k);
		keep[k] = okr_xcalloc(n ? n : 1, sizeof *keep[k]);
		for (size_t i = 0; i < n; i++)
			keep[k][i] = true;
	}
	if (!cycle && !team)
		return;
	for (size_t i = 0; i < d->ncycles; i++) {
		keep[LOAD_CYCLE][i] = !cycle_name || strcmp(d->cycles[i].name, cycle_name) == 0;
		if (cycle && d->cycles[i].id == cycle) {
			x->from = okr_day_start(d->cycles[i].start);
			x->to = okr_day_start(d->cycles[i].end) + 86400;
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
	for (size_t i = 0; i < d->ngrades; i++)
		keep[LOAD_GRADE][i] = kept_kr(d, keep, d->grades[i].kr_id);
}

/* Whether a history row goes in: it hangs off a kept key result or
 * objective (kudos to no key result: given during the cycle). */
static bool kept_row(const export_run *x, okr_load_kind k, const void *row)
{
	if (!x->cycle && !x->o->team)
		return true;
	bool **keep = (bool **)x->keep;
	const okr_dump *d = x->d;
	switch (k) {
	case LOAD_CHECKIN: return kept_kr(d, keep, ((const okr_checkin *)row)->kr_id);
	case LOAD_COMMENT: {
		const okr_comment *c = row;
		return c->target_kind == 'O' ? kept_obj(d, keep, c->target_id) : kept_kr(d, keep, c->target_id);
	}
	case LOAD_KUDOS: {
		const okr_kudos *u = row;
		return u->kr_id ? kept_kr(d, keep, u->kr_id) : !x->cycle || (u->at >= x->from && u->at < x->to);
	}
	default: return true;
	}
}

static bool sink_begin(void *vx, okr_dump *head)
{
	export_run *x = vx;
	x->d = head;
	choose(x, head);
	/* A byte-order mark tells a spreadsheet on Windows that this is UTF-8. */
	if (x->o->bom)
		fputs("\xef\xbb\xbf", stdout);
	export_start(&x->w, stdout, head, x->keep, x->o->json, x->o->table);
	return true;
}

static bool sink_row(void *vx, okr_load_kind k, const void *row)
{
	export_run *x = vx;
	if (kept_row(x, k, row))
		export_row(&x->w, k, row);
	return !ferror(stdout);
}

/* The store hands out the history row by row inside one read, and stdout
 * has a large buffer: memory and system calls do not grow with the data. */
static int export_data(cli_ctx *ctx, const export_opts *o)
{
	static char obuf[1 << 20];
	export_run x = { .o = o };
	if (o->cycle) {
		okr_cycle c;
		int rc = cli_cycle(ctx, o->cycle, &c);
		if (rc)
			return rc;
		x.cycle = c.id;
		okr_cycle_free(&c);
	}
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	static const okr_dump_sink sink = { sink_begin, sink_row };
	okr_dump head;
	okr_result r = okr_store_dump_each(ctx->store, &head, &sink, &x);
	if (!r && x.d)
		export_finish(&x.w);
	for (int k = 0; k < LOAD_NKINDS; k++)
		free(x.keep[k]);
	okr_dump_free(&head);
	if (r)
		return cli_store_fail(ctx, r);
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
