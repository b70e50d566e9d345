/*
 * chart.c — see chart.h.  The plot is a bar per column: the value the key
 * result had at the end of that column's stretch of days, its top drawn in
 * eighths of a cell, so a small change still moves it.  The target is a
 * dotted row, the expected progress a line of dots from (first day, start)
 * to (last day, target); both show only where no bar covers them, which is
 * itself the answer to "ahead or behind?".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/chart.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/util.h"

static const char *const eighths[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };

static okr_chart_cell *cell(okr_chart *c, int y, int x)
{
	return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

const okr_chart_cell *okr_chart_at(const okr_chart *c, int y, int x)
{
	if (y < 0 || x < 0 || y >= c->height || x >= c->width)
		return NULL;
	return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

static void put(okr_chart *c, int y, int x, const char *glyph, okr_chart_kind kind)
{
	if (y < 0 || x < 0 || y >= c->height || x >= c->width)
		return;
	okr_chart_cell *e = cell(c, y, x);
	okr_strlcpy(e->glyph, glyph, sizeof e->glyph);
	e->kind = kind;
}

/* ASCII text (numbers, dates) one character a cell. */
static void put_text(okr_chart *c, int y, int x, const char *s)
{
	char g[2] = { 0, 0 };
	for (; *s; s++, x++) {
		g[0] = *s;
		put(c, y, x, g, CHART_LABEL);
	}
}

static void label_of(const okr_chart_in *in, double v, char *buf, size_t len)
{
	if (in->percent)
		snprintf(buf, len, "%.0f%%", v * 100);
	else
		okr_format_value(v, in->decimals, buf, len);
}

typedef struct {
	double lo, hi;
	int rows;         /* plot rows */
} scale;

/* Height of v above the bottom of the plot, in cells (0 … rows). */
static double height_of(const scale *s, double v)
{
	double f = (v - s->lo) / (s->hi - s->lo) * s->rows;
	return f < 0 ? 0 : f > s->rows ? s->rows : f;
}

/* The plot row (0: top) a value's height falls in. */
static int row_of(const scale *s, double v)
{
	int r = s->rows - 1 - (int)floor(height_of(s, v));
	return r < 0 ? 0 : r;
}

static scale range_of(const okr_chart_in *in, int rows)
{
	scale s = { fmin(in->start, in->target), fmax(in->start, in->target), rows };
	for (size_t i = 0; i < in->n; i++) {
		s.lo = fmin(s.lo, in->v[i].value);
		s.hi = fmax(s.hi, in->v[i].value);
	}
	if (in->percent) {
		s.lo = fmin(s.lo, 0);
		s.hi = fmax(s.hi, 1);
	}
	if (!(s.hi - s.lo > 1e-12))
		s.hi = s.lo + 1;
	return s;
}

/* The latest value at or before t; false when there is none yet. */
static bool value_at(const okr_chart_in *in, okr_time t, double *v)
{
	bool any = false;
	for (size_t i = 0; i < in->n && in->v[i].at <= t; i++) {
		*v = in->v[i].value;
		any = true;
	}
	return any;
}

static void bars(const okr_chart_in *in, okr_chart *c, const scale *s, int x0, int pw, okr_time t0, double span)
{
	for (int x = 0; x < pw; x++) {
		okr_time begin = t0 + (okr_time)(span * x / pw), end = t0 + (okr_time)(span * (x + 1) / pw) - 1;
		double v;
		if (begin > in->now || !value_at(in, end < in->now ? end : in->now, &v))
			continue;
		double h = height_of(s, v);
		for (int r = 0; r < s->rows; r++) {
			double above = h - (s->rows - 1 - r);   /* how much of this cell the bar fills */
			if (above <= 0)
				continue;
			int e = above >= 1 ? 8 : (int)lround(above * 8);
			put(c, r, x0 + x, eighths[e < 1 ? 1 : e], CHART_VALUE);
		}
	}
}

static void lines(const okr_chart_in *in, okr_chart *c, const scale *s, int x0, int pw)
{
	int tr = row_of(s, in->target);
	for (int x = 0; x < pw; x++) {
		if (cell(c, tr, x0 + x)->kind == CHART_BLANK)
			put(c, tr, x0 + x, "┈", CHART_TARGET);
		if (!in->expected)
			continue;
		double f = (x + 0.5) / pw;
		int r = row_of(s, in->start + (in->target - in->start) * f);
		if (cell(c, r, x0 + x)->kind == CHART_BLANK || cell(c, r, x0 + x)->kind == CHART_TARGET)
			put(c, r, x0 + x, "·", CHART_EXPECTED);
	}
}

/* Value labels right-aligned in the margin, the target's first (its row
 * is the one people look for), then the top and the bottom where free. */
static void y_axis(const okr_chart_in *in, okr_chart *c, const scale *s, int lw)
{
	char buf[32];
	bool used[512] = { false };
	struct { double v; int row; } marks[] = { { in->target, row_of(s, in->target) }, { s->hi, 0 },
						  { s->lo, s->rows - 1 } };
	for (int r = 0; r < s->rows; r++)
		put(c, r, lw, "│", CHART_AXIS);
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		int r = marks[i].row;
		if (r < 0 || r >= s->rows || r >= 512 || used[r])
			continue;
		label_of(in, marks[i].v, buf, sizeof buf);
		int w = (int)strlen(buf);
		if (w > lw - 1)
			continue;
		used[r] = true;
		put_text(c, r, lw - 1 - w, buf);
		put(c, r, lw, "┤", CHART_AXIS);
	}
}

/* Dates along the bottom: the first and the last day, and days between
 * where a label fits with a space on either side. */
static void x_axis(const okr_chart_in *in, okr_chart *c, int lw, int pw)
{
	int ay = c->height - 2, ly = c->height - 1;
	put(c, ay, lw, "└", CHART_AXIS);
	for (int x = 0; x < pw; x++)
		put(c, ay, lw + 1 + x, "─", CHART_AXIS);
	int days = in->to - in->from + 1, ticks = pw / 12;
	if (ticks < 1)
		ticks = 1;
	int last_end = -1;
	for (int k = 0; k <= ticks; k++) {
		int x = k == ticks ? pw - 1 : pw * k / ticks;
		okr_day d = in->from + (okr_day)((long)days * x / pw);
		if (k == ticks)
			d = in->to;
		char date[11];
		okr_format_date(d, date);
		const char *md = date + 5;   /* MM-DD: the year is the cycle's */
		int lx = lw + 1 + x - (k == ticks ? 4 : 0);
		if (lx <= last_end + 1 || lx + 5 > c->width)
			continue;
		put(c, ay, lw + 1 + x, "┬", CHART_AXIS);
		put_text(c, ly, lx, md);
		last_end = lx + 4;
	}
	double span = (double)days * 86400;
	double f = (double)(in->now - okr_day_start(in->from)) / span;
	if (f >= 0 && f < 1)
		put(c, ay, lw + 1 + (int)(f * pw), "▲", CHART_TODAY);
}

bool okr_chart_layout(const okr_chart_in *in, okr_chart *out)
{
	memset(out, 0, sizeof *out);
	if (in->width < OKR_CHART_MIN_W || in->height < OKR_CHART_MIN_H || in->to < in->from)
		return false;
	char a[32], b[32], t[32];
	scale s = range_of(in, in->height - 2);
	label_of(in, s.lo, a, sizeof a);
	label_of(in, s.hi, b, sizeof b);
	label_of(in, in->target, t, sizeof t);
	int lw = (int)fmax(fmax(strlen(a), strlen(b)), strlen(t)) + 1;
	if (lw > in->width / 3)
		lw = in->width / 3;
	int pw = in->width - lw - 1;
	out->width = in->width;
	out->height = in->height;
	out->cells = okr_xcalloc((size_t)in->width * (size_t)in->height, sizeof *out->cells);
	for (int i = 0; i < in->width * in->height; i++)
		okr_strlcpy(out->cells[i].glyph, " ", sizeof out->cells[i].glyph);
	okr_time t0 = okr_day_start(in->from);
	double span = (double)(in->to - in->from + 1) * 86400;
	bars(in, out, &s, lw + 1, pw, t0, span);
	lines(in, out, &s, lw + 1, pw);
	y_axis(in, out, &s, lw);
	x_axis(in, out, lw, pw);
	return true;
}

void okr_chart_free(okr_chart *c)
{
	free(c->cells);
	memset(c, 0, sizeof *c);
}

/* One value of the merged history: krs[kr]'s seq-th value, oldest first. */
typedef struct {
	okr_time at;
	size_t kr, seq;
	double value;
} series_event;

static int cmp_event(const void *a, const void *b)
{
	const series_event *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->kr != y->kr)
		return x->kr < y->kr ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The histories merged by time once (by key result, then age, at the same
 * moment), and the rollup kept up to date a key result at a time: on a
 * large set the objective at the top of the tree has about 100,000 values
 * under it, and a whole rollup of every objective after each of them took
 * half a minute before the view's first frame. */
void okr_chart_objective_series(const okr_objective *objs, size_t nobj, const okr_kr *krs, size_t nkr,
				int mode, size_t oi, const okr_checkin *const *hist, const size_t *nhist,
				okr_chart_point **out, size_t *n)
{
	size_t total = 0, one = 1;
	for (size_t i = 0; i < nkr; i++)
		total += hist[i] ? nhist[i] : 0;
	*out = okr_xcalloc(total ? total : 1, sizeof **out);
	*n = 0;
	series_event *ev = okr_xcalloc(total ? total : 1, sizeof *ev);
	okr_kr *now = okr_xcalloc(nkr ? nkr : one, sizeof *now);
	double *prog = okr_xcalloc(nobj ? nobj : one, sizeof *prog);
	size_t nev = 0;
	for (size_t i = 0; i < nkr; i++) {
		now[i] = krs[i];
		if (!hist[i])
			continue;
		now[i].has_value = false;
		for (size_t j = 0; j < nhist[i]; j++)
			ev[nev++] = (series_event){ hist[i][nhist[i] - 1 - j].at, i, j, hist[i][nhist[i] - 1 - j].value };
	}
	qsort(ev, nev, sizeof *ev, cmp_event);
	okr_rollup_live *live = okr_rollup_live_new(objs, nobj, now, nkr, (okr_rollup_mode)mode, prog);
	for (size_t e = 0; e < nev; e++) {
		now[ev[e].kr].has_value = true;
		now[ev[e].kr].current = ev[e].value;
		okr_rollup_live_kr(live, ev[e].kr);
		okr_chart_point pt = { ev[e].at, oi < nobj ? prog[oi] : 0 };
		if (*n && (*out)[*n - 1].at == ev[e].at)
			(*out)[*n - 1] = pt;   /* one point per moment: the state after all of them */
		else
			(*out)[(*n)++] = pt;
	}
	okr_rollup_live_free(live);
	free(ev);
	free(now);
	free(prog);
}
