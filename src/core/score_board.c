/*
 * score_board.c — leaderboards of a time window from the points by day that
 * score.c keeps per person.  Ranking is "competition" style: equal scores
 * share a rank and the next rank skips (1, 2, 2, 4), so a tie never hides
 * anyone behind someone who scored the same.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "okr/util.h"
#include "score_int.h"

int64_t score_points(const score_state *s, int64_t person_id, score_span w)
{
	int p = score_person_index(s, person_id);
	if (p < 0)
		return 0;
	const score_pstate *ps = &s->people[p];
	/* Days are ascending: find the first day of the window by halving. */
	size_t lo = 0, hi = ps->ndays;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ps->days[mid].day < w.from)
			lo = mid + 1;
		else
			hi = mid;
	}
	int64_t sum = 0;
	for (size_t i = lo; i < ps->ndays && ps->days[i].day < w.to; i++)
		sum += ps->days[i].pts;
	return sum;
}

typedef struct {
	int64_t id;
	double cur, prev;
	int members;
	bool hidden;
} entry;

static int by_cur(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	if (x->hidden != y->hidden)
		return x->hidden ? 1 : -1;
	if (x->cur != y->cur)
		return x->cur > y->cur ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int by_prev(const void *a, const void *b)
{
	const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
	if (x->prev != y->prev)
		return x->prev > y->prev ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Team averages are compared with a little slack so that 10/3 and 20/6 tie. */
static bool same(double a, double b)
{
	return fabs(a - b) <= 1e-9 * (fabs(a) + fabs(b) + 1);
}

/* Movement compares like with like.
 *  - A row without points now has no place to move to, and when nobody had
 *    points in the previous window there was no ranking to move from: no
 *    arrow (on a new week everyone sits at 0, and "▲4" for doing nothing
 *    would be a lie).
 *  - Points now and none before: a first entry, "new".
 *  - Otherwise the previous place is the range its tie covered (three tied
 *    at #1 held places 1 to 3): moving within that range is no movement,
 *    so leaving a shared first place for second never reads as a fall
 *    when everyone climbed; outside it, the distance to the range. */
static void movement(score_row *r, double cur, double prev, int best, int worst, bool any_prev)
{
	r->prev_rank = prev > 0 ? best : 0;
	if (!(cur > 0) || !any_prev) {
		r->move = SCORE_MOVE_NONE;
		return;
	}
	if (!(prev > 0)) {
		r->move = SCORE_MOVE_NEW;
		return;
	}
	r->move = SCORE_MOVE_RANK;
	r->movement = score_move_between(r->rank, best, worst);
}

int score_move_between(int rank, int best, int worst)
{
	return rank < best ? best - rank : rank > worst ? worst - rank : 0;
}

static void rank(entry *e, size_t n, score_board *out)
{
	qsort(e, n, sizeof *e, by_cur);
	size_t nr = 0;
	while (nr < n && !e[nr].hidden)
		nr++;
	/* Previous places, among the same ranked entries: the first and the
	 * last place of each tie. */
	entry **order = okr_xmalloc((nr ? nr : 1) * sizeof *order);
	int *prev = okr_xcalloc(nr ? nr : 1, sizeof *prev);
	int *last = okr_xcalloc(nr ? nr : 1, sizeof *last);
	for (size_t i = 0; i < nr; i++)
		order[i] = &e[i];
	qsort(order, nr, sizeof *order, by_prev);
	bool any_prev = nr > 0 && order[0]->prev > 0;
	for (size_t i = 0, j; i < nr; i = j) {
		for (j = i + 1; j < nr && same(order[j]->prev, order[i]->prev); j++)
			;
		for (size_t t = i; t < j; t++) {
			prev[order[t] - e] = (int)i + 1;
			last[order[t] - e] = (int)j;
		}
	}
	out->rows = okr_xcalloc(n ? n : 1, sizeof *out->rows);
	out->n = n;
	for (size_t i = 0; i < n; i++) {
		score_row *r = &out->rows[i];
		r->id = e[i].id;
		r->score = e[i].cur;
		r->members = e[i].members;
		r->hidden = e[i].hidden;
		if (i < nr) {
			r->rank = (i > 0 && same(e[i].cur, e[i - 1].cur)) ? out->rows[i - 1].rank : (int)i + 1;
			movement(r, e[i].cur, e[i].prev, prev[i], last[i], any_prev);
		}
	}
	free(order);
	free(prev);
	free(last);
}

void score_board_people(const score_state *s, score_span cur, score_span prev, score_board *out)
{
	entry *e = okr_xcalloc(s->npeople ? s->npeople : 1, sizeof *e);
	for (size_t i = 0; i < s->npeople; i++) {
		const score_pstate *p = &s->people[i];
		e[i] = (entry){ p->id, (double)score_points(s, p->id, cur), (double)score_points(s, p->id, prev),
				1, p->opt_out };
	}
	rank(e, s->npeople, out);
	free(e);
}

void score_board_teams(const score_state *s, score_span cur, score_span prev, score_board *out)
{
	entry *e = okr_xcalloc(s->nteams ? s->nteams : 1, sizeof *e);
	for (size_t t = 0; t < s->nteams; t++) {
		const score_team *tm = &s->teams[t];
		double c = 0, p = 0;
		for (size_t i = 0; i < tm->n; i++) {
			int64_t id = s->people[s->team_people[tm->first + i]].id;
			c += (double)score_points(s, id, cur);
			p += (double)score_points(s, id, prev);
		}
		e[t] = (entry){ tm->id, c / (double)tm->n, p / (double)tm->n, (int)tm->n, false };
	}
	rank(e, s->nteams, out);
	free(e);
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

void score_board_bands(score_board *b, int top)
{
	size_t nr = 0;
	while (nr < b->n && b->rows[nr].rank > 0)
		nr++;
	if (!nr)
		return;
	double *v = okr_xmalloc(nr * sizeof *v);
	for (size_t i = 0; i < nr; i++)
		v[i] = b->rows[i].score;
	qsort(v, nr, sizeof *v, dbl_cmp);
	double median = nr % 2 ? v[nr / 2] : (v[nr / 2 - 1] + v[nr / 2]) / 2;
	free(v);
	for (size_t i = 0; i < b->n; i++) {
		score_row *r = &b->rows[i];
		if (r->rank > 0 && r->rank <= top)
			r->band = SCORE_BAND_RANKED;
		else
			r->band = r->score > 0 && r->score >= median - 1e-9 ? SCORE_BAND_ON_TRACK
								 : SCORE_BAND_NEEDS_SUPPORT;
	}
}

const score_row *score_board_find(const score_board *b, int64_t id)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->rows[i].id == id)
			return &b->rows[i];
	return NULL;
}

void score_board_free(score_board *b)
{
	free(b->rows);
	memset(b, 0, sizeof *b);
}
