/*
 * view_kpis.c — the KPI view (action `kpis`, key i): every KPI with its four
 * parts (target with direction, timeframe, data source, frequency), its
 * latest value and when, its health against the target in the theme's
 * kpi.meets / kpi.misses colours, a sparkline of its values, "outdated" when
 * a value is overdue by its frequency, and the key results of the shown
 * cycle that track it.  Enter shows the selected KPI's values with their
 * notes and who pushed them.
 *
 * 80×24: the list fills the body, two lines per KPI (three when key results
 * track it), and Enter swaps the list for the values.  Wide terminals
 * (≥ UI_WIDE_COLS): the list on the left and the selected KPI's values on
 * the right at once; Enter moves the keys (j/k) to the values.
 *
 * Everything is drawn from the snapshot (which already holds each KPI's
 * latest value) plus two small caches of samples — the sparklines and the
 * selected KPI's values — fetched again only when the data version moves.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/kpi.h"
#include "okr/parse.h"
#include "okr/text.h"
#include "okr/util.h"
#include "views.h"

enum { SPARK_POINTS = UI_SPARK_MAX, DETAIL_SAMPLES = 200 };

struct view_kpis {
	struct { int id, latest, target, health, spark; } col;   /* the list's columns, for the width drawn */
	int64_t sel_id;        /* the selection by ID, kept across reloads */
	size_t sel;
	size_t top;            /* first KPI shown */
	bool values;           /* the values have the keys (compact: are shown) */
	int vtop;              /* scroll of the values */
	int64_t version;       /* data version of the caches */
	ui_sparks sparks;
	int64_t det_id;        /* the KPI whose samples are loaded */
	okr_sample *samples;
	size_t nsamples;
};

void view_kpis_free(struct view_kpis *kv)
{
	if (!kv)
		return;
	free(kv->sparks.v);
	okr_samples_free(kv->samples, kv->nsamples);
	free(kv);
}

void view_kpis_select(ui *u, int64_t kpi_id)
{
	struct view_kpis *kv = u->views->kpis;
	kv->sel_id = kpi_id;
	kv->values = true;
	kv->vtop = 0;
}

static void drop_caches(ui *u)
{
	struct view_kpis *kv = u->views->kpis;
	if (kv->version == u->data_version)
		return;
	kv->sparks.n = 0;
	okr_samples_free(kv->samples, kv->nsamples);
	kv->samples = NULL;
	kv->nsamples = 0;
	kv->det_id = 0;
	kv->version = u->data_version;
}

/* The sparkline fetched for a KPI before the frame (the cache is dropped
 * with each new data version); NULL: none yet. */
static const ui_spark *spark_of(const struct view_kpis *kv, int64_t kpi_id)
{
	return data_spark_find(&kv->sparks, kpi_id);
}

static void spark_fetch(ui *u, int64_t kpi_id)
{
	struct view_kpis *kv = u->views->kpis;
	if (spark_of(kv, kpi_id))
		return;
	ui_spark *sp = data_spark_add(&kv->sparks, kpi_id);
	okr_sample *s;
	size_t n;
	if (okr_store_samples(u->store, kpi_id, SPARK_POINTS, &s, &n) == OKR_OK) {
		data_spark_fill(sp, n ? &s->value : NULL, n, sizeof *s);
		okr_samples_free(s, n);
	}
}

static void load_samples(ui *u, int64_t kpi_id)
{
	struct view_kpis *kv = u->views->kpis;
	if (kv->det_id == kpi_id)
		return;
	okr_samples_free(kv->samples, kv->nsamples);
	kv->samples = NULL;
	kv->nsamples = 0;
	kv->det_id = kpi_id;
	if (okr_store_samples(u->store, kpi_id, DETAIL_SAMPLES, &kv->samples, &kv->nsamples) != OKR_OK)
		app_message(u, true, "%s", okr_store_error(u->store));
}

/* The selection by ID; a KPI that disappeared leaves the one at its place. */
static const okr_kpi *selected(ui *u)
{
	struct view_kpis *kv = u->views->kpis;
	const okr_snapshot *s = &u->d.snap;
	if (!s->nkpis)
		return NULL;
	for (size_t i = 0; i < s->nkpis; i++)
		if (s->kpis[i].id == kv->sel_id)
			kv->sel = i;
	if (kv->sel >= s->nkpis)
		kv->sel = s->nkpis - 1;
	kv->sel_id = s->kpis[kv->sel].id;
	return &s->kpis[kv->sel];
}

static theme_slot health_slot(okr_kpi_health h)
{
	return h == KPI_HEALTH_MEETS ? THEME_KPI_MEETS : h == KPI_HEALTH_MISSES ? THEME_KPI_MISSES : THEME_DIM;
}

static const char *health_word(okr_kpi_health h)
{
	return h == KPI_HEALTH_MEETS ? _("meets") : h == KPI_HEALTH_MISSES ? _("misses") : _("no data");
}

/* "≥ 20 leads": the target with its direction and unit (database text,
 * sanitised when drawn). */
static void target_text(const okr_kpi *k, char *buf, size_t len)
{
	char t[48];
	snprintf(buf, len, "%s %s%s%s", k->dir == DIR_AT_MOST ? "≤" : "≥", view_number(k->target, t, sizeof t),
		 k->unit[0] ? " " : "", k->unit);
}

/* Key results of the shown cycle that take their value from the KPI. */
static void trackers_text(ui *u, const okr_kpi *k, okr_buf *b)
{
	const okr_snapshot *s = &u->d.snap;
	for (size_t i = 0; i < s->nkrs; i++) {
		if (s->krs[i].kpi_id != k->id)
			continue;
		char id[24];
		okr_buf_printf(b, "%s%s %s", b->len ? " · " : "", okr_format_id(ID_KR, s->krs[i].id, id, sizeof id),
			       s->krs[i].title);
	}
}

/* ---- the list ---- */


static void layout_columns(struct view_kpis *kv, int width)
{
	kv->col.id = 6;
	kv->col.latest = 9;
	kv->col.target = 16;
	kv->col.health = 8;
	kv->col.spark = 10;
	if (width >= 100)
		kv->col.spark = SPARK_POINTS;
	if (width < 64)
		kv->col.target = 12;
	if (width < 56)
		kv->col.spark = 6;
}

static int name_width(const struct view_kpis *kv, int width)
{
	int w = width - kv->col.id - (kv->col.latest + 1) - (kv->col.target + 1) - (kv->col.health + 1) - (kv->col.spark + 1);
	return w > 4 ? w : 4;
}

static int block_height(ui *u, const okr_kpi *k)
{
	for (size_t i = 0; i < u->d.snap.nkrs; i++)
		if (u->d.snap.krs[i].kpi_id == k->id)
			return 3;
	return 2;
}

static void draw_kpi(ui *u, WINDOW *w, int y, int h, const okr_kpi *k, int width, bool sel, bool focused)
{
	const struct view_kpis *kv = u->views->kpis;
	char buf[512], id[24], num[48];
	okr_kpi_health health = okr_kpi_health_of(k);
	int nw = name_width(kv, width), x = kv->col.id + nw;
	okr_format_id(ID_KPI, k->id, id, sizeof id);
	draw_text(u, w, y, 0, id, kv->col.id, THEME_ID, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, kv->col.id, k->name, nw, THEME_TITLE, TEXT_ALIGN_LEFT);
	draw_text(u, w, y, x + 1, k->has_value ? view_number(k->latest, num, sizeof num) : "—", kv->col.latest, THEME_NORMAL,
		  TEXT_ALIGN_RIGHT);
	x += kv->col.latest + 1;
	target_text(k, buf, sizeof buf);
	draw_text(u, w, y, x + 1, buf, kv->col.target, THEME_NORMAL, TEXT_ALIGN_LEFT);
	x += kv->col.target + 1;
	draw_text(u, w, y, x + 1, health_word(health), kv->col.health, health_slot(health), TEXT_ALIGN_LEFT);
	x += kv->col.health + 1;
	const ui_spark *sp = spark_of(kv, k->id);
	if (sp)
		draw_spark(u, w, y, x + 1, kv->col.spark, sp->v, sp->n);
	if (sel)
		draw_row_attr(u, w, y, focused ? THEME_SELECTED : THEME_SELECTED_UNFOCUSED);

	/* The other three parts, the owner and when the latest value came. */
	char when[32] = "";
	if (k->has_value)
		draw_when(k->last_at, when, sizeof when);
	snprintf(buf, sizeof buf, _("%s · source %s · %s · @%s · %s %s"), k->timeframe[0] ? k->timeframe : "—",
		 k->source[0] ? k->source : "—", _(okr_frequency_name(k->every)), k->owner[0] ? k->owner : "—",
		 k->has_value ? _("latest") : _("no value yet"), when);
	bool late = okr_kpi_outdated(k, okr_now());
	int ow = late ? text_width(_("outdated")) + 1 : 0;
	if (y + 1 < h) {
		draw_text(u, w, y + 1, kv->col.id, buf, width - kv->col.id - ow, THEME_DIM, TEXT_ALIGN_LEFT);
		if (late)
			draw_text(u, w, y + 1, width - ow, _("outdated"), ow, THEME_STATUS_OUTDATED, TEXT_ALIGN_RIGHT);
	}
	okr_buf b;
	okr_buf_init(&b);
	trackers_text(u, k, &b);
	if (b.len && y + 2 < h) {
		okr_buf t;
		okr_buf_init(&t);
		okr_buf_printf(&t, _("tracked by %s"), b.s);
		draw_text(u, w, y + 2, kv->col.id, t.s, width - kv->col.id, THEME_NORMAL, TEXT_ALIGN_LEFT);
		okr_buf_free(&t);
	}
	okr_buf_free(&b);
}

static void draw_list(ui *u, WINDOW *w, int h, int width, bool focused)
{
	struct view_kpis *kv = u->views->kpis;
	const okr_snapshot *s = &u->d.snap;
	char title[160];
	snprintf(title, sizeof title, _("KPIs (%zu) · %s: values · %s: a value · %s: add · %s: back"), s->nkpis,
		 UI_KEY(u, ACT_OPEN), UI_KEY(u, ACT_CHECKIN), UI_KEY(u, ACT_ADD_KR), UI_KEY(u, ACT_CLOSE));
	draw_pane_title(u, w, title, width, focused);
	if (!s->nkpis) {
		draw_text(u, w, 2, 2, _("No KPIs yet — add one with `okr kpi add NAME --target N --at-least "
				     "--source TEXT --every weekly`"), width - 2, THEME_DIM, TEXT_ALIGN_LEFT);
		return;
	}
	layout_columns(kv, width);
	int first = 1;
	if (h >= 8) {
		int nw = name_width(kv, width), x = kv->col.id + nw;
		draw_text(u, w, 1, 0, "", width, THEME_HEADER, TEXT_ALIGN_LEFT);
		draw_text(u, w, 1, 0, _("ID"), kv->col.id, THEME_HEADER, TEXT_ALIGN_LEFT);
		draw_text(u, w, 1, kv->col.id, _("KPI"), nw, THEME_HEADER, TEXT_ALIGN_LEFT);
		draw_text(u, w, 1, x + 1, _("Latest"), kv->col.latest, THEME_HEADER, TEXT_ALIGN_RIGHT);
		x += kv->col.latest + 1;
		draw_text(u, w, 1, x + 1, _("Target"), kv->col.target, THEME_HEADER, TEXT_ALIGN_LEFT);
		x += kv->col.target + 1;
		draw_text(u, w, 1, x + 1, _("Health"), kv->col.health, THEME_HEADER, TEXT_ALIGN_LEFT);
		x += kv->col.health + 1;
		draw_text(u, w, 1, x + 1, _("Trend"), kv->col.spark, THEME_HEADER, TEXT_ALIGN_RIGHT);
		first = 2;
	}
	/* Scroll by whole KPIs so that the selected one is shown entire. */
	if (kv->top > kv->sel)
		kv->top = kv->sel;
	for (;;) {
		int used = 0;
		for (size_t i = kv->top; i <= kv->sel; i++)
			used += block_height(u, &s->kpis[i]);
		if (used <= h - first || kv->top == kv->sel)
			break;
		kv->top++;
	}
	int y = first;
	for (size_t i = kv->top; i < s->nkpis && y < h; i++) {
		draw_kpi(u, w, y, h, &s->kpis[i], width, i == kv->sel, focused);
		y += block_height(u, &s->kpis[i]);
	}
}

/* ---- the values of the selected KPI ---- */

static void build_values(ui *u, ui_lines *ls, const okr_kpi *k)
{
	struct view_kpis *kv = u->views->kpis;
	char id[24], buf[512], num[48], when[32];
	okr_kpi_health health = okr_kpi_health_of(k);
	okr_time now = okr_now();
	lines_addf(ls, 0, THEME_TITLE, "%s  %s", okr_format_id(ID_KPI, k->id, id, sizeof id), k->name);
	target_text(k, buf, sizeof buf);
	lines_addf(ls, 2, THEME_NORMAL, _("target      %s"), buf);
	lines_addf(ls, 2, THEME_NORMAL, _("timeframe   %s"), k->timeframe[0] ? k->timeframe : "—");
	lines_addf(ls, 2, THEME_NORMAL, _("source      %s"), k->source[0] ? k->source : "—");
	lines_addf(ls, 2, THEME_NORMAL, _("frequency   %s · owner @%s"), _(okr_frequency_name(k->every)), k->owner[0] ? k->owner : "—");
	if (k->has_value) {
		draw_when(k->last_at, when, sizeof when);
		lines_addf(ls, 2, health_slot(health), _("latest      %s %s · %s · %s"), view_number(k->latest, num, sizeof num),
		     k->unit, when, health == KPI_HEALTH_MEETS ? _("meets the target") : _("misses the target"));
		draw_when(okr_kpi_next_due(k), when, sizeof when);
		if (okr_kpi_outdated(k, now))
			lines_addf(ls, 14, THEME_STATUS_OUTDATED, _("outdated: a value was due %s"), when);
		else
			lines_addf(ls, 14, THEME_DIM, _("next value due %s"), when);
	} else {
		lines_add(ls, 2, THEME_STATUS_OUTDATED, _("latest      none yet — outdated until the first value"));
	}
	lines_add(ls, 2, THEME_NORMAL, _("trend"))->spark = true;
	okr_buf b;
	okr_buf_init(&b);
	trackers_text(u, k, &b);
	lines_addf(ls, 2, THEME_NORMAL, _("tracked by  %s"), b.len ? b.s : _("no key result of this cycle"));
	okr_buf_free(&b);
	lines_add(ls, 0, THEME_NORMAL, "");
	lines_addf(ls, 0, THEME_HELP_SECTION, _("Values (%zu%s)"), kv->nsamples,
	     kv->nsamples >= DETAIL_SAMPLES ? _(", latest") : "");
	if (!kv->nsamples)
		lines_addf(ls, 2, THEME_DIM, _("none yet — press %s to give it one"), UI_KEY(u, ACT_CHECKIN));
	for (size_t i = 0; i < kv->nsamples; i++) {
		const okr_sample *s = &kv->samples[i];
		draw_when(s->at, when, sizeof when);
		lines_addf(ls, 2, THEME_NORMAL, "%s  @%s  %s %s  %s", when, s->author, view_number(s->value, num, sizeof num),
		     k->unit, okr_kpi_value_meets(k, s->value) ? "✓" : "✗");
		if (s->note[0])
			lines_add(ls, 6, THEME_DIM, s->note);
	}
}

static void draw_values(ui *u, WINDOW *w, int h, int x0, int width, bool focused)
{
	struct view_kpis *kv = u->views->kpis;
	const okr_kpi *k = selected(u);
	char title[128];
	snprintf(title, sizeof title, _("Values · %s/%s scroll · %s: list"), UI_KEY(u, ACT_DOWN), UI_KEY(u, ACT_UP),
		 UI_KEY(u, ACT_CLOSE));
	/* A derived window shares the view's cells: its edges clip the text. */
	WINDOW *sub = derwin(w, h, width, 0, x0);
	if (!sub)
		return;
	draw_pane_title(u, sub, title, width, focused);
	if (!k) {
		delwin(sub);
		return;
	}
	ui_lines ls = { .width = width - 1 };
	build_values(u, &ls, k);
	kv->vtop = lines_clamp_top(&ls, kv->vtop, h - 1);
	for (int y = 1; y < h && (size_t)(kv->vtop + y - 1) < ls.n; y++) {
		const ui_line *l = &ls.v[kv->vtop + y - 1];
		draw_text(u, sub, y, 1 + l->indent, l->text, width - 1 - l->indent, l->slot, TEXT_ALIGN_LEFT);
		const ui_spark *sp = l->spark ? spark_of(kv, k->id) : NULL;
		if (sp)
			draw_spark(u, sub, y, 15, sp->n < SPARK_POINTS ? (int)sp->n : SPARK_POINTS, sp->v, sp->n);
	}
	lines_free(&ls);
	delwin(sub);
}

/* Everything the next frame shows that the snapshot does not hold: each
 * KPI's recent values and the selected one's samples, read again only when
 * the data version moves or the selection changes. */
void view_kpis_prepare(ui *u)
{
	drop_caches(u);
	for (size_t i = 0; i < u->d.snap.nkpis; i++)
		spark_fetch(u, u->d.snap.kpis[i].id);
	const okr_kpi *k = selected(u);
	if (k)
		load_samples(u, k->id);
}

void view_kpis_draw(ui *u, WINDOW *w, int h, int width)
{
	struct view_kpis *kv = u->views->kpis;
	selected(u);
	if (width >= UI_WIDE_COLS) {
		int lw = width * 55 / 100;
		WINDOW *left = derwin(w, h, lw, 0, 0);
		if (left) {
			draw_list(u, left, h, lw, !kv->values);
			delwin(left);
		}
		draw_set(u, w, THEME_BORDER);
		for (int y = 0; y < h; y++)
			draw_glyph(u, w, y, lw, "│");
		draw_values(u, w, h, lw + 1, width - lw - 1, kv->values);
	} else if (kv->values && u->d.snap.nkpis) {
		draw_values(u, w, h, 0, width, true);
	} else {
		draw_list(u, w, h, width, true);
	}
}

static unsigned select_row(ui *u, long to)
{
	struct view_kpis *kv = u->views->kpis;
	size_t n = u->d.snap.nkpis;
	if (!n)
		return 0;
	if (to < 0)
		to = 0;
	if (to >= (long)n)
		to = (long)n - 1;
	kv->sel = (size_t)to;
	kv->sel_id = u->d.snap.kpis[kv->sel].id;
	kv->vtop = 0;
	return DIRTY_ALL;
}

unsigned view_kpis_key(ui *u, int key, okr_action a)
{
	struct view_kpis *kv = u->views->kpis;
	const okr_kpi *k = selected(u);
	if (a == ACT_CHECKIN)
		return k ? form_open_kpi_push(u, k) : DIRTY_FOOTER;
	if (a == ACT_ADD_KR || a == ACT_ADD_OBJECTIVE)
		return form_open_kpi_add(u);
	if (a == ACT_LOG && k)
		return view_log_open(u, 'P', k->id);
	if (kv->values) {
		int page = LINES - 5 > 1 ? LINES - 5 : 1;
		switch (a) {
		case ACT_DOWN: kv->vtop++; return DIRTY_ALL;
		case ACT_UP: kv->vtop = kv->vtop > 0 ? kv->vtop - 1 : 0; return DIRTY_ALL;
		case ACT_PAGE_DOWN: kv->vtop += page; return DIRTY_ALL;
		case ACT_PAGE_UP: kv->vtop = kv->vtop > page ? kv->vtop - page : 0; return DIRTY_ALL;
		case ACT_TOP: kv->vtop = 0; return DIRTY_ALL;
		case ACT_BOTTOM: kv->vtop = 1 << 20; return DIRTY_ALL;   /* clamped when drawn */
		case ACT_OPEN:
		case ACT_COLLAPSE:
		case ACT_NEXT_PANE:
		case ACT_PREV_PANE:
			kv->values = false;
			return DIRTY_ALL;
		default:
			break;
		}
		if (key == 27) {
			kv->values = false;
			return DIRTY_ALL;
		}
		return VIEWS_PASS;
	}
	long sel = (long)kv->sel, page = 5;
	switch (a) {
	case ACT_DOWN: return select_row(u, sel + 1);
	case ACT_UP: return select_row(u, sel - 1);
	case ACT_TOP: return select_row(u, 0);
	case ACT_BOTTOM: return select_row(u, (long)u->d.snap.nkpis - 1);
	case ACT_PAGE_DOWN: return select_row(u, sel + page);
	case ACT_PAGE_UP: return select_row(u, sel - page);
	case ACT_OPEN:
	case ACT_EXPAND:
	case ACT_NEXT_PANE:
	case ACT_PREV_PANE:
		if (!u->d.snap.nkpis)
			return 0;
		kv->values = true;
		kv->vtop = 0;
		return DIRTY_ALL;
	default:
		return VIEWS_PASS;
	}
}

struct view_kpis *view_kpis_new(void)
{
	struct view_kpis *v = okr_xcalloc(1, sizeof *v);
	v->version = -1;
	return v;
}
