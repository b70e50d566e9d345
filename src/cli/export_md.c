/*
 * export_md.c — `okr export --format md`: the review report a team pastes
 * into its wiki after a review (复盘): the cycle, the tree of objectives with
 * text progress bars and every key result with its value, status and grade,
 * what is at risk, the KPIs with their four parts, the grades, the
 * leaderboard of the cycle (export_md_board.c) and its kudos.
 *
 * Database text never reaches the page raw: it is sanitised by text.h (no
 * control characters or escape sequences) and its Markdown punctuation is
 * escaped, so a title cannot turn into a link, a table break or HTML.
 * Everything depends only on the data and okr_now(), so with $OKR_NOW fixed
 * the report is byte-for-byte repeatable (tests compare it to a file).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "okr/assess.h"
#include "okr/forecast.h"
#include "okr/grade.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/text.h"
#include "okr/util.h"


/* Sanitised, with every character Markdown could act on escaped. */
static void md(FILE *f, const char *s)
{
	char *t = text_sanitize(s ? s : "");
	for (const char *p = t; *p; p++) {
		if (strchr("\\`*_[]<>|~", *p))
			fputc('\\', f);
		fputc(*p, f);
	}
	free(t);
}

void export_md_escape(FILE *f, const char *s)
{
	md(f, s);
}

/* A KPI's number as it was pushed. */
static const char *kpi_num(double v, char *buf, size_t len)
{
	return okr_format_value(v, 0, buf, len);
}

static void bar(FILE *f, double p)
{
	fputc('`', f);
	cli_bar(f, p, 10);
	fputc('`', f);
}

static void value(FILE *f, const okr_kr *k)
{
	char val[128];
	md(f, okr_kr_value_text(k, val, sizeof val));
	if (k->unit[0] && k->type != KR_MILESTONE) {
		fputc(' ', f);
		md(f, k->unit);
	}
}

typedef struct {
	cli_ctx *ctx;
	FILE *f;
	okr_snapshot snap;
	okr_assessments as;
	double *kr_grade, *obj_grade;
	double *kr_projected;     /* each key result's projected grade, NaN without a forecast */
	const char *team;
	okr_time now;
} report;

static bool obj_in(const report *r, const okr_objective *o)
{
	return !r->team || strcmp(o->team, r->team) == 0;
}

/* Mid-cycle an objective has progress and a projected grade, never a
 * success mark: "· 1 of 3 graded · projected grade 0.62". */
static void not_graded_yet(report *r, size_t i)
{
	size_t total, graded = okr_grade_count(&r->snap, r->kr_grade, i, &total);
	if (graded)
		fprintf(r->f, _(" · %zu of %zu graded"), graded, total);
	double p = okr_grade_projected(&r->snap, r->kr_grade, r->kr_projected, i);
	if (!isnan(p))
		fprintf(r->f, _(" · projected grade %.2f"), p);
}

/* Projected grades from each key result's forecast (the recent values
 * only: the forecast uses no more). */
static okr_result project(report *r, const okr_cycle *cy)
{
	r->kr_projected = okr_xcalloc(r->snap.nkrs ? r->snap.nkrs : 1, sizeof *r->kr_projected);
	for (size_t k = 0; k < r->snap.nkrs; k++) {
		const okr_kr *kr = &r->snap.krs[k];
		r->kr_projected[k] = NAN;
		if (kr->archived || kr->type == KR_MILESTONE)
			continue;
		okr_checkin *cis;
		size_t n;
		okr_result res = okr_store_kr_values(r->ctx->store, kr, OKR_FORECAST_POINTS, &cis, &n);
		if (res)
			return res;
		okr_forecast f = okr_forecast_kr(kr, cis, n, okr_kr_began(kr, cy->start),
						 okr_day_start(r->as.krs[k].due + 1));
		if (f.ok)
			r->kr_projected[k] = f.grade;
		okr_checkins_free(cis, n);
	}
	return OKR_OK;
}

static void kr_line(report *r, size_t k, int depth)
{
	const okr_kr *kr = &r->snap.krs[k];
	const okr_assessment *a = &r->as.krs[k];
	char id[24];
	fprintf(r->f, "%*s- %s ", depth * 2, "", okr_format_id(ID_KR, kr->id, id, sizeof id));
	md(r->f, kr->title);
	fputs(" — ", r->f);
	bar(r->f, a->progress);
	fprintf(r->f, " %.0f %% · ", a->raw * 100);
	value(r->f, kr);
	fprintf(r->f, " · %s", _(okr_status_name(a->status)));
	if (kr->owner[0]) {
		fputs(" · @", r->f);
		md(r->f, kr->owner);
	}
	if (!isnan(r->kr_grade[k]))
		fprintf(r->f, _(" · grade %.2f"), r->kr_grade[k]);
	fputc('\n', r->f);
}

static void objectives(report *r)
{
	const okr_snapshot *s = &r->snap;
	fprintf(r->f, _("## Objectives\n\n"));
	size_t *order = okr_xcalloc(s->nobjs ? s->nobjs : 1, sizeof *order);
	int *depth = okr_xcalloc(s->nobjs ? s->nobjs : 1, sizeof *depth);
	okr_tree_order(s, order, depth);
	size_t shown = 0;
	for (size_t n = 0; n < s->nobjs; n++) {
		size_t i = order[n];
		const okr_objective *o = &s->objs[i];
		if (!obj_in(r, o))
			continue;
		shown++;
		int d = r->team ? 0 : depth[n];
		char id[24];
		fprintf(r->f, "%*s- **%s ", d * 2, "", okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
		md(r->f, o->title);
		fputs("** — ", r->f);
		bar(r->f, r->as.objs[i].progress);
		fprintf(r->f, " %.0f %% · %s · %s", r->as.objs[i].progress * 100, _(okr_status_name(r->as.objs[i].status)),
			okr_label(&okr_obj_kinds, o->kind));
		if (o->owner[0]) {
			fputs(" · @", r->f);
			md(r->f, o->owner);
		}
		if (o->team[0]) {
			fputs(" · ", r->f);
			md(r->f, o->team);
		}
		if (!isnan(r->obj_grade[i]))
			fprintf(r->f, _(" · grade %.2f %s"), r->obj_grade[i],
				okr_grade_success(o->kind, r->obj_grade[i]) ? "✓" : "✗");
		else
			not_graded_yet(r, i);
		fputc('\n', r->f);
		for (size_t k = 0; k < s->nkrs; k++)
			if (s->krs[k].objective_id == o->id)
				kr_line(r, k, d + 1);
	}
	if (!shown)
		fprintf(r->f, _("No objectives in this cycle.\n"));
	fputc('\n', r->f);
	free(order);
	free(depth);
}

static void at_risk(report *r)
{
	const okr_snapshot *s = &r->snap;
	fprintf(r->f, _("## At risk\n\n"));
	size_t shown = 0;
	for (size_t k = 0; k < s->nkrs; k++) {
		okr_status st = r->as.krs[k].status;
		long oi = okr_snapshot_objective_index(s, s->krs[k].objective_id);
		if ((st != STATUS_AT_RISK && st != STATUS_OFF_TRACK && st != STATUS_OUTDATED) || oi < 0 ||
		    !obj_in(r, &s->objs[oi]))
			continue;
		const okr_kr *kr = &s->krs[k];
		char id[24], day[11];
		fprintf(r->f, "- %s ", okr_format_id(ID_KR, kr->id, id, sizeof id));
		md(r->f, kr->title);
		fprintf(r->f, " — %s · ", _(okr_status_name(st)));
		value(r->f, kr);
		if (kr->owner[0]) {
			fputs(" · @", r->f);
			md(r->f, kr->owner);
		}
		if (kr->last_at) {
			okr_format_date(okr_day_of(kr->last_at), day);
			fprintf(r->f, _(" · last check-in %s"), day);
		} else {
			fprintf(r->f, _(" · never checked in"));
		}
		if (kr->confidence >= 0)
			fprintf(r->f, _(" · confidence %d/10"), kr->confidence);
		fputc('\n', r->f);
		shown++;
	}
	if (!shown)
		fprintf(r->f, _("Nothing at risk.\n"));
	fputc('\n', r->f);
}

static void kpis(report *r)
{
	const okr_snapshot *s = &r->snap;
	fprintf(r->f, _("## KPIs\n\n"));
	if (!s->nkpis) {
		fprintf(r->f, _("No KPIs yet.\n\n"));
		return;
	}
	fprintf(r->f, _("| KPI | Target | Timeframe | Data source | Frequency | Latest | Health | Owner |\n"));
	fprintf(r->f, "|---|---|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < s->nkpis; i++) {
		const okr_kpi *k = &s->kpis[i];
		char num[48], day[11];
		fprintf(r->f, "| KPI%lld ", (long long)k->id);
		md(r->f, k->name);
		kpi_num(k->target, num, sizeof num);
		fprintf(r->f, " | %s %s ", okr_direction_sign(k->dir), num);
		md(r->f, k->unit);
		fputs(" | ", r->f);
		md(r->f, k->timeframe[0] ? k->timeframe : "—");
		fputs(" | ", r->f);
		md(r->f, k->source[0] ? k->source : "—");
		fprintf(r->f, " | %s | ", _(okr_frequency_name(k->every)));
		if (k->has_value) {
			kpi_num(k->latest, num, sizeof num);
			okr_format_date(okr_day_of(k->last_at), day);
			fprintf(r->f, "%s (%s)", num, day);
			bool meets = k->dir == DIR_AT_MOST ? k->latest <= k->target : k->latest >= k->target;
			bool late = r->now - k->last_at > okr_frequency_seconds(k->every);
			fprintf(r->f, " | %s%s", meets ? _("meets the target") : _("misses the target"),
				late ? _(", overdue") : "");
		} else {
			fprintf(r->f, _("— | no data"));
		}
		fputs(" | @", r->f);
		md(r->f, k->owner[0] ? k->owner : "—");
		fputs(" |\n", r->f);
	}
	fputc('\n', r->f);
}

static void grades(report *r, const okr_cycle *cy)
{
	const okr_snapshot *s = &r->snap;
	fprintf(r->f, _("## Grades\n\n"));
	size_t shown = 0;
	for (size_t i = 0; i < s->nobjs; i++) {
		const okr_objective *o = &s->objs[i];
		if (isnan(r->obj_grade[i]) || !obj_in(r, o))
			continue;
		char id[24];
		bool ok = okr_grade_success(o->kind, r->obj_grade[i]);
		fprintf(r->f, "- %s ", okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id));
		md(r->f, o->title);
		fprintf(r->f, _(" — %.2f against %s (%s): %s\n"), r->obj_grade[i],
			o->kind == OBJ_ASPIRATIONAL ? "0.7" : "1.0",
			okr_label(&okr_obj_kinds, o->kind),
			ok ? _("success ✓") : _("below the bar ✗"));
		shown++;
	}
	if (!shown)
		fprintf(r->f, cy->state == CYCLE_CLOSED ? _("No grades.\n")
			: _("Not graded yet: grades are given when the cycle closes (`okr cycle close`).\n"));
	fputc('\n', r->f);
}

static void kudos(report *r, const okr_cycle *cy)
{
	fprintf(r->f, _("## Kudos\n\n"));
	okr_kudos *k;
	size_t n;
	okr_time from = okr_day_start(cy->start), to = okr_day_start(cy->end) + 86400;
	size_t shown = 0;
	if (okr_store_kudos_list(r->ctx->store, from, 0, &k, &n) == OKR_OK) {
		/* the store gives newest first; a report reads oldest first */
		for (size_t i = n; i-- > 0;) {
			if (k[i].at >= to)
				continue;
			char day[11], id[24];
			okr_format_date(okr_day_of(k[i].at), day);
			fprintf(r->f, "- %s @", day);
			md(r->f, k[i].from);
			fputs(" → @", r->f);
			md(r->f, k[i].to);
			fputs(": ", r->f);
			md(r->f, k[i].text);
			if (k[i].kr_id)
				fprintf(r->f, " (%s)", okr_format_id(ID_KR, k[i].kr_id, id, sizeof id));
			fputc('\n', r->f);
			shown++;
		}
		okr_kudos_free(k, n);
	}
	if (!shown)
		fprintf(r->f, _("No kudos in this cycle yet.\n"));
	fputc('\n', r->f);
}

static void header(report *r, const okr_cycle *cy)
{
	char s[11], e[11], today[11];
	okr_format_date(cy->start, s);
	okr_format_date(cy->end, e);
	okr_format_date(okr_day_of(r->now), today);
	fputs(_("# OKR review — "), r->f);
	md(r->f, cy->name);
	fprintf(r->f, _("\n\n%s → %s · %s · as of %s"), s, e, okr_label(&okr_cycle_states, cy->state), today);
	if (r->team) {
		fputs(_(" · team "), r->f);
		md(r->f, r->team);
	}
	fputs("\n\n", r->f);
	size_t nobj = 0, nkr = 0, by[STATUS_EMPTY + 1] = { 0 };
	for (size_t i = 0; i < r->snap.nobjs; i++)
		nobj += obj_in(r, &r->snap.objs[i]);
	for (size_t k = 0; k < r->snap.nkrs; k++) {
		long oi = okr_snapshot_objective_index(&r->snap, r->snap.krs[k].objective_id);
		if (oi < 0 || !obj_in(r, &r->snap.objs[oi]))
			continue;
		nkr++;
		by[r->as.krs[k].status]++;
	}
	fprintf(r->f, ngettext("%zu objective", "%zu objectives", nobj), nobj);
	fputs(" · ", r->f);
	fprintf(r->f, ngettext("%zu key result", "%zu key results", nkr), nkr);
	static const okr_status order[] = { STATUS_DONE, STATUS_ON_TRACK, STATUS_AT_RISK, STATUS_OFF_TRACK,
					    STATUS_OUTDATED, STATUS_NEW };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (by[order[i]])
			fprintf(r->f, " · %zu %s", by[order[i]], _(okr_status_name(order[i])));
	fputs("\n\n", r->f);
}

int export_md(cli_ctx *ctx, FILE *out, const okr_cycle *cycle, const char *team)
{
	report r = { .ctx = ctx, .f = out, .team = team, .now = okr_now() };
	okr_result res = okr_store_snapshot(ctx->store, cycle->id, false, &r.snap);
	if (res)
		return cli_store_fail(ctx, res);
	okr_grade *g;
	size_t ng;
	if ((res = okr_store_grades(ctx->store, cycle->id, &g, &ng))) {
		okr_snapshot_free(&r.snap);
		return cli_store_fail(ctx, res);
	}
	okr_assess(&r.snap, ctx->cfg.rollup, &ctx->cfg.status, r.now, &r.as);
	r.kr_grade = okr_grade_scores(&r.snap, g, ng);
	r.obj_grade = okr_xcalloc(r.snap.nobjs ? r.snap.nobjs : 1, sizeof *r.obj_grade);
	okr_grade_objectives(&r.snap, r.kr_grade, cycle->state == CYCLE_CLOSED, r.obj_grade);
	if ((res = project(&r, cycle))) {
		free(r.kr_grade);
		free(r.obj_grade);
		free(r.kr_projected);
		okr_assessments_free(&r.as);
		okr_grades_free(g, ng);
		okr_snapshot_free(&r.snap);
		return cli_store_fail(ctx, res);
	}
	header(&r, cycle);
	objectives(&r);
	at_risk(&r);
	kpis(&r);
	grades(&r, cycle);
	/* Recognition closes the report: the points of the cycle, then kudos. */
	int rc = export_md_board(ctx, out, cycle, team);
	if (!rc)
		kudos(&r, cycle);
	free(r.kr_grade);
	free(r.obj_grade);
	free(r.kr_projected);
	okr_grades_free(g, ng);
	okr_assessments_free(&r.as);
	okr_snapshot_free(&r.snap);
	return rc;
}
