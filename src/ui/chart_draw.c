/*
 * chart_draw.c — a history chart (core/chart.c lays it out) in a window:
 * a key result's values over its cycle, or an objective's progress.  The
 * points come from what data.c or the review loaded for the data version;
 * nothing here reads the store.  Each kind of cell has its theme slot, and
 * a non-UTF-8 terminal gets the ASCII look-alikes (draw_glyph).
 */
#include <stdlib.h>

#include "okr/parse.h"
#include "okr/progress.h"
#include "ui_int.h"

static theme_slot slot_of(okr_chart_kind k)
{
	switch (k) {
	case CHART_VALUE: return THEME_SPARKLINE;
	case CHART_TARGET: return THEME_PROGRESS_DONE;
	case CHART_EXPECTED: return THEME_STATUS_AT_RISK;
	case CHART_TODAY: return THEME_MESSAGE;
	case CHART_AXIS: return THEME_TREE;
	default: return THEME_DIM;
	}
}

void chart_draw_row(const ui *u, WINDOW *w, int y, int x, const okr_chart *c, int row)
{
	int maxx = getmaxx(w);
	for (int i = 0; i < c->width && x + i < maxx; i++) {
		const okr_chart_cell *e = okr_chart_at(c, row, i);
		draw_set(u, w, slot_of(e->kind));
		draw_glyph(u, w, y, x + i, e->glyph);
	}
}

void chart_draw(const ui *u, WINDOW *w, int y, int x, const okr_chart *c)
{
	for (int r = 0; r < c->height && y + r < getmaxy(w); r++)
		chart_draw_row(u, w, y + r, x, c, r);
}

/* Check-ins come newest first from the store; the chart wants oldest first. */
bool chart_of_kr(const ui *u, const okr_kr *k, okr_day due, const okr_checkin *cis, size_t n, int width,
		 int height, okr_chart *out)
{
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	if (!cy)
		return false;
	okr_chart_point *pts = malloc((n ? n : 1) * sizeof *pts);
	if (!pts)
		return false;
	for (size_t i = 0; i < n; i++)
		pts[n - 1 - i] = (okr_chart_point){ cis[i].at, cis[i].value };
	okr_chart_in in = { .v = pts, .n = n, .start = k->type == KR_METRIC ? k->start : k->target,
			    .target = k->type == KR_MILESTONE ? 1 : k->target, .expected = k->type == KR_METRIC,
			    .from = cy->start, .to = due, .now = okr_now(), .decimals = k->decimals,
			    .width = width, .height = height };
	if (k->type == KR_MILESTONE)
		in.start = 0;
	bool ok = okr_chart_layout(&in, out);
	free(pts);
	return ok;
}

bool chart_of_objective(const ui *u, const okr_chart_point *pts, size_t n, int width, int height, okr_chart *out)
{
	const okr_cycle *cy = okr_snapshot_cycle(&u->d.snap);
	if (!cy)
		return false;
	okr_chart_in in = { .v = pts, .n = n, .start = 0, .target = 1, .expected = true, .from = cy->start,
			    .to = cy->end, .now = okr_now(), .percent = true, .width = width, .height = height };
	return okr_chart_layout(&in, out);
}
