/*
 * chart.h — the layout of a history chart: a key result's values (or an
 * objective's progress) over its cycle, with the target, the line of
 * expected progress and dates along the bottom.  Pure: points and sizes in,
 * a grid of cells out, each a glyph and what it stands for; the UI gives
 * each kind its colour and draws the cells.  No clock: "now" is an input.
 *
 *        1000 ┤┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈·     ← target (┈), expected (·)
 *             │                    ·
 *             │         ▂▄▆██·
 *           0 ┤▁▂▃▄▅▆▇███████
 *             └┬─────────┬─────────┬───────
 *              10-01     11-01     12-01
 */
#ifndef OKR_CHART_H
#define OKR_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include "okr/model.h"

typedef struct {
	okr_time at;
	double value;
} okr_chart_point;

typedef struct {
	const okr_chart_point *v;   /* oldest first */
	size_t n;
	double start, target;       /* the expected line runs from start to target */
	bool expected;              /* draw it (metric key results, objectives) */
	okr_day from, to;           /* the cycle's first and last day (or the due day) */
	okr_time now;               /* values are not drawn past now */
	int decimals;               /* of the value labels */
	bool percent;               /* values are fractions, labelled as 0%–100% */
	int width, height;          /* the whole chart, labels included */
} okr_chart_in;

typedef enum {
	CHART_BLANK, CHART_VALUE, CHART_TARGET, CHART_EXPECTED, CHART_AXIS, CHART_LABEL, CHART_TODAY
} okr_chart_kind;

typedef struct {
	char glyph[5];              /* UTF-8 of one column, NUL-terminated */
	okr_chart_kind kind;
} okr_chart_cell;

typedef struct {
	int width, height;
	okr_chart_cell *cells;      /* height rows of width cells */
} okr_chart;

/* Smallest chart worth drawing: a few rows of values, the axis and dates. */
enum { OKR_CHART_MIN_W = 24, OKR_CHART_MIN_H = 5 };

/* Lay a chart out; false (and nothing to free) when the size is below the
 * minimum or the days are empty (to < from). */
bool okr_chart_layout(const okr_chart_in *in, okr_chart *out);
const okr_chart_cell *okr_chart_at(const okr_chart *c, int y, int x);
void okr_chart_free(okr_chart *c);

/* An objective's progress over time: after each check-in (those of every
 * key result merged by time) objs[oi]'s progress as okr_rollup computes it
 * in `mode`, children included, with every key result that has a history
 * in hist counted as it stood at that moment.  hist[k] holds krs[k]'s
 * values, newest first, as the store returns them (NULL: not read, its
 * stored value stands).  *out is malloc'd (*n points, oldest first). */
void okr_chart_objective_series(const okr_objective *objs, size_t nobj, const okr_kr *krs, size_t nkr,
				int mode, size_t oi, const okr_checkin *const *hist, const size_t *nhist,
				okr_chart_point **out, size_t *n);

#endif
