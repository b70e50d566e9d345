/*
 * pane_detail.c — everything about the selected item: for a key result its
 * value, forecast and projected grade, the KPI it tracks with the KPI's four
 * parts, its check-in history with notes and authors, and its comments; for
 * an objective its description, rollup and comments.
 *
 * The content is built as a list of lines (wrapped to the pane's width) and
 * scrolled as a whole; it comes from the copy data.c loaded for the
 * selection, never from the store while drawing.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/forecast.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "ui_int.h"

/* A comment or kudos: when and who, then the words. */
static void add_note(ui_lines *ls, okr_time at, const char *who, const char *text)
{
	char w[32];
	draw_when(at, w, sizeof w);
	lines_addf(ls, 2, THEME_DIM, "%s  %s", w, who);
	lines_add(ls, 4, THEME_NORMAL, text);
}

static void add_comments(ui *u, ui_lines *ls)
{
	const ui_detail *det = &u->det;
	lines_addf(ls, 0, THEME_HELP_SECTION, _("Comments (%zu)"), det->ncomments);
	if (!det->ncomments)
		lines_addf(ls, 2, THEME_DIM, _("none yet — press %s to comment"), UI_KEY(u, ACT_COMMENT));
	for (size_t i = 0; i < det->ncomments; i++) {
		char who[300];
		snprintf(who, sizeof who, "@%s", det->comments[i].author);
		add_note(ls, det->comments[i].at, who, det->comments[i].text);
	}
}

/* Kudos for the work on the key result: recognition next to the numbers. */
static void add_kudos(ui *u, ui_lines *ls)
{
	const ui_detail *det = &u->det;
	lines_add(ls, 0, THEME_NORMAL, "");
	lines_addf(ls, 0, THEME_HELP_SECTION, _("Kudos (%zu)"), det->nkudos);
	if (!det->nkudos)
		lines_addf(ls, 2, THEME_DIM, _("none yet — press %s to give kudos for this work"), UI_KEY(u, ACT_KUDOS));
	for (size_t i = 0; i < det->nkudos; i++) {
		char who[600];
		snprintf(who, sizeof who, "@%s → @%s", det->kudos[i].from, det->kudos[i].to);
		add_note(ls, det->kudos[i].at, who, det->kudos[i].text);
	}
}

static void add_kpi(ui_lines *ls, const okr_kpi *k)
{
	char tgt[48], cur[48];
	okr_format_value(k->target, 0, tgt, sizeof tgt);
	lines_addf(ls, 0, THEME_HELP_SECTION, _("Tracks KPI%lld %s"), (long long)k->id, k->name);
	lines_addf(ls, 2, THEME_NORMAL, _("target     %s %s %s"), k->dir == DIR_AT_MOST ? "≤" : "≥", tgt, k->unit);
	lines_addf(ls, 2, THEME_NORMAL, _("timeframe  %s"), k->timeframe[0] ? k->timeframe : "—");
	lines_addf(ls, 2, THEME_NORMAL, _("source     %s"), k->source[0] ? k->source : "—");
	lines_addf(ls, 2, THEME_NORMAL, _("frequency  %s"), _(okr_frequency_name(k->every)));
	if (k->has_value) {
		bool meets = k->dir == DIR_AT_MOST ? k->latest <= k->target : k->latest >= k->target;
		okr_format_value(k->latest, 0, cur, sizeof cur);
		lines_addf(ls, 2, meets ? THEME_KPI_MEETS : THEME_KPI_MISSES, _("latest     %s (%s)"), cur,
		     meets ? _("meets the target") : _("misses the target"));
	}
}

/* The chart's rows in a pane h lines high: a third of it from 14 lines
 * (at 80×24 the pane has ten, which the numbers need), 5 to 12. */
static int chart_rows(int h)
{
	int rows = h / 3 > 12 ? 12 : h / 3 < OKR_CHART_MIN_H ? OKR_CHART_MIN_H : h / 3;
	return h >= 14 ? rows : 0;
}

/* Room for the chart: lines that pane_detail_draw fills with its rows. */
static void add_chart(ui_lines *ls, int rows)
{
	if (!rows)
		return;
	lines_add(ls, 0, THEME_NORMAL, "");
	for (int r = 0; r < rows; r++)
		lines_add(ls, 2, THEME_NORMAL, "")->chart = r + 1;
}

static void build_kr(ui *u, ui_lines *ls, const okr_kr *k, const okr_assessment *a, int rows)
{
	const ui_detail *det = &u->det;
	char id[24], val[160], due[11];
	okr_format_date(a->due, due);
	lines_addf(ls, 0, THEME_TITLE, "%s  %s", okr_format_id(ID_KR, k->id, id, sizeof id), k->title);
	lines_addf_parts(ls, 2, THEME_DIM, _("owner @%s · objective O%lld · due %s · check-ins %s · version %lld"), k->owner,
	     (long long)k->objective_id, due, _(okr_frequency_name(k->every)), (long long)k->version);
	okr_kr_value_text(k, val, sizeof val);
	lines_addf(ls, 2, THEME_NORMAL, _("value %s %s · %.0f%% (expected %.0f%%)"), val,
	     k->type == KR_MILESTONE ? "" : k->unit, a->raw * 100, a->expected * 100);
	if (k->confidence >= 0)
		lines_addf(ls, 2, draw_status_slot(a->status), _("%s · confidence %d/10"), draw_status_word(a->status),
		     k->confidence);
	else
		lines_add(ls, 2, draw_status_slot(a->status), draw_status_word(a->status));
	if (k->self_set)
		lines_add(ls, 2, THEME_DIM, _("set by its owner alone: earns no points until a lead approves it "
					      "(:approve)"));
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	okr_forecast fc = okr_forecast_kr(k, det->cis, det->ncis, cy ? okr_kr_began(k, cy->start) : 0,
					  okr_day_start(a->due + 1));
	if (fc.ok) {
		char v[64], pw[64];
		okr_format_rounded(fc.value, k->decimals, v, sizeof v);
		okr_format_rounded(fc.per_week, k->decimals + 1, pw, sizeof pw);
		lines_addf(ls, 2, THEME_NORMAL, _("forecast %s %s by %s → projected grade %.2f (%s%s a week)"), v,
		     k->unit, due, fc.grade, fc.per_week >= 0 ? "+" : "", pw);
	} else if (k->type != KR_MILESTONE) {
		lines_add(ls, 2, THEME_DIM, _("forecast: not enough history yet"));
	}
	add_chart(ls, rows);
	if (det->has_kpi) {
		lines_add(ls, 0, THEME_NORMAL, "");
		add_kpi(ls, &det->kpi);
	}
	lines_add(ls, 0, THEME_NORMAL, "");
	lines_addf(ls, 0, THEME_HELP_SECTION, k->kpi_id ? _("KPI values (%zu%s)") : _("Check-ins (%zu%s)"), det->ncis,
	     det->ncis >= 50 ? _(", latest") : "");
	if (!det->ncis && k->kpi_id)
		lines_add(ls, 2, THEME_DIM, _("none yet — `okr kpi push` records one"));
	else if (!det->ncis)
		lines_addf(ls, 2, THEME_DIM, _("none yet — press %s to check in"), UI_KEY(u, ACT_CHECKIN));
	for (size_t i = 0; i < det->ncis; i++) {
		const okr_checkin *c = &det->cis[i];
		okr_kr one = *k;
		one.current = c->value;
		one.has_value = true;
		char w[32], conf[32] = "";
		draw_when(c->at, w, sizeof w);
		okr_kr_value_text(&one, val, sizeof val);
		if (c->confidence >= 0)
			snprintf(conf, sizeof conf, _("  conf %d"), c->confidence);
		lines_addf(ls, 2, THEME_NORMAL, "%s  @%s  %s%s", w, c->author, val, conf);
		if (c->note[0])
			lines_add(ls, 6, THEME_DIM, c->note);
	}
	lines_add(ls, 0, THEME_NORMAL, "");
	add_comments(u, ls);
	add_kudos(u, ls);
}

/* How the objective's progress is made: each part with its progress and
 * weight, so "47 % at risk" can be traced to the numbers behind it. */
static void add_rollup(ui *u, ui_lines *ls, const okr_objective *o)
{
	long oi = okr_snapshot_objective_index(&u->d.snap, o->id);
	okr_rollup_part *p;
	size_t n = oi < 0 ? 0 : okr_rollup_parts(&u->d.snap, &u->d.as, u->cfg->rollup, (size_t)oi, &p);
	lines_add(ls, 0, THEME_NORMAL, "");
	if (!n) {
		lines_add(ls, 0, THEME_HELP_SECTION, _("No key results yet"));
		lines_addf(ls, 2, THEME_DIM, _("press %s to add one"), UI_KEY(u, ACT_ADD_KR));
		return;
	}
	lines_add(ls, 0, THEME_HELP_SECTION, _("Progress is the weighted mean of"));
	for (size_t i = 0; i < n; i++)
		lines_addf(ls, 2, THEME_NORMAL, _("%c%lld  %3.0f%% × weight %g  %s"), p[i].kind, (long long)p[i].id,
			   p[i].progress * 100, p[i].weight, p[i].title);
	free(p);
}

/* An objective's grade exists once its key results are graded or its cycle
 * is closed (issue 9); before that it has progress and the grade it is
 * heading for, never a success mark. */
static void add_grade(ui *u, ui_lines *ls, const okr_objective *o)
{
	const ui_detail *det = &u->det;
	if (det->kind != 'O' || det->id != o->id)
		return;
	if (!isnan(det->grade)) {
		lines_addf(ls, 2, THEME_NORMAL, o->kind == OBJ_ASPIRATIONAL ? _("grade %.2f (aspirational: 0.7 is success)")
			   : _("grade %.2f (committed: 1.0 expected)"), det->grade);
		return;
	}
	char proj[64] = "", count[64] = "";
	if (!isnan(det->projected))
		snprintf(proj, sizeof proj, _("projected grade %.2f"), det->projected);
	if (det->ngraded)
		snprintf(count, sizeof count, _("%zu of %zu graded"), det->ngraded, det->ngradable);
	if (proj[0] && count[0])
		lines_addf(ls, 2, THEME_NORMAL, "%s · %s", proj, count);
	else if (proj[0] || count[0])
		lines_add(ls, 2, THEME_NORMAL, proj[0] ? proj : count);
}

static void build_objective(ui *u, ui_lines *ls, const okr_objective *o, const okr_assessment *a, int rows)
{
	char id[24];
	lines_addf(ls, 0, THEME_TITLE, "%s  %s", okr_format_id(ID_OBJECTIVE, o->id, id, sizeof id), o->title);
	if (o->description[0])
		lines_add(ls, 2, THEME_NORMAL, o->description);
	lines_addf_parts(ls, 2, THEME_DIM, _("owner @%s · team %s · %s · version %lld"), o->owner[0] ? o->owner : "—",
	     o->team[0] ? o->team : "—", o->kind == OBJ_ASPIRATIONAL ? _("aspirational (0.7 is success)")
	     : _("committed (1.0 expected)"), (long long)o->version);
	lines_addf(ls, 2, draw_status_slot(a->status), _("progress %.0f%% (expected %.0f%%) · %s"), a->progress * 100,
	     a->expected * 100, draw_status_word(a->status));
	add_grade(u, ls, o);
	if (o->parent_id)
		lines_addf(ls, 2, THEME_DIM, _("aligned to O%lld"), (long long)o->parent_id);
	add_rollup(u, ls, o);
	add_chart(ls, rows);
	lines_add(ls, 0, THEME_NORMAL, "");
	add_comments(u, ls);
}

/* Whether a chart line is among the n lines shown from top. */
static bool chart_in_view(const ui_lines *ls, int top, int n)
{
	for (int y = 0; y < n && (size_t)(top + y) < ls->n; y++)
		if (ls->v[top + y].chart)
			return true;
	return false;
}

static void pane_detail_draw(ui *u, WINDOW *w, int h, int width, bool focused)
{
	draw_pane_title(u, w, _("Detail"), width, focused);
	const ui_detail *det = &u->det;
	ui_lines ls = { .width = width - 1 };
	okr_chart chart = { 0 };
	int rows = chart_rows(h);
	if (det->kind == 'K') {
		long i = data_kr_index(u, det->id);
		const okr_kr *k = i >= 0 ? &u->d.snap.krs[i] : NULL;
		if (k && !(rows && chart_of_kr(u, k, u->d.as.krs[i].due, det->cis, det->ncis, width - 3, rows, &chart)))
			rows = 0;
		if (k)
			build_kr(u, &ls, k, &u->d.as.krs[i], rows);
	} else if (det->kind == 'O') {
		long i = okr_snapshot_objective_index(&u->d.snap, det->id);
		/* Whether there is room does not depend on the points. */
		if (i >= 0 && !(rows && chart_of_objective(u, NULL, 0, width - 3, rows, &chart)))
			rows = 0;
		if (i >= 0)
			build_objective(u, &ls, &u->d.snap.objs[i], &u->d.as.objs[i], rows);
	}
	ui_pane *p = &u->panes[PANE_DETAIL];
	p->top = lines_clamp_top(&ls, p->top, h - 1);
	if (det->kind == 'O' && rows && chart_in_view(&ls, p->top, h - 1)) {
		data_detail_series(u);
		okr_chart_free(&chart);
		if (!chart_of_objective(u, det->series, det->nseries, width - 3, rows, &chart))
			memset(&chart, 0, sizeof chart);
	}
	for (int y = 1; y < h && (size_t)(p->top + y - 1) < ls.n; y++) {
		const ui_line *l = &ls.v[p->top + y - 1];
		if (l->chart)
			chart_draw_row(u, w, y, 1 + l->indent, &chart, l->chart - 1);
		else
			draw_text(u, w, y, 1 + l->indent, l->text, width - 1 - l->indent, l->slot, TEXT_ALIGN_LEFT);
	}
	okr_chart_free(&chart);
	lines_free(&ls);
}

static unsigned pane_detail_key(ui *u, okr_action a)
{
	ui_pane *p = &u->panes[PANE_DETAIL];
	int page = p->h - 2 > 1 ? p->h - 2 : 1;
	switch (a) {
	case ACT_DOWN: p->top++; break;
	case ACT_UP: p->top--; break;
	case ACT_PAGE_DOWN: p->top += page; break;
	case ACT_PAGE_UP: p->top -= page; break;
	case ACT_TOP: p->top = 0; break;
	case ACT_BOTTOM: p->top = 1 << 20; break;   /* clamped when drawn */
	case ACT_COLLAPSE:
	case ACT_OPEN: return layout_focus(u, PANE_KRS);
	default: return 0;
	}
	if (p->top < 0)
		p->top = 0;
	return DIRTY_DETAIL;
}

const ui_pane_ops pane_detail_ops = {
	.title = N_("Detail"),
	.layout = NULL,
	.draw = pane_detail_draw,
	.key = pane_detail_key,
};
