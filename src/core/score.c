/*
 * score.c — see score.h.  The rules of SPEC §4, applied one event at a time
 * in the order (time, kind, id), so that the same events always give the
 * same points whether they were folded in one go or one by one.
 *
 * Everything a rule needs to remember is kept per person, per key result or
 * per pair (a person's check-ins on one key result, a giver and a receiver),
 * never as a list of past events: memory grows with the people and key
 * results, not with the million check-ins.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "okr/level.h"
#include "okr/progress.h"
#include "okr/util.h"
#include "score_int.h"

enum { KIND_CHECKIN = 0, KIND_KUDOS = 1, KIND_COMMENT = 2 };

#define EPS 1e-9

static uint64_t pair_key(int a, int b)
{
	return ((uint64_t)(uint32_t)a << 32 | (uint32_t)b) + 1;
}

/* ---- building the state ---- */

int score_person_index(const score_state *s, int64_t id)
{
	int64_t *v = score_map_get(&s->person_ix, (uint64_t)id);
	return v ? (int)*v : -1;
}

static int kr_index(const score_state *s, int64_t id)
{
	int64_t *v = score_map_get(&s->kr_ix, (uint64_t)id);
	return v ? (int)*v : -1;
}

static const score_state *sort_ctx;

static int by_team(const void *a, const void *b)
{
	const score_member *x = a, *y = b;
	return x->team_id != y->team_id ? (x->team_id < y->team_id ? -1 : 1)
	     : x->person_id < y->person_id ? -1 : x->person_id > y->person_id;
}

static int by_person(const void *a, const void *b)
{
	const score_member *x = a, *y = b;
	return x->person_id != y->person_id ? (x->person_id < y->person_id ? -1 : 1)
	     : x->team_id < y->team_id ? -1 : x->team_id > y->team_id;
}

static int by_owner(const void *a, const void *b)
{
	const score_kstate *x = &sort_ctx->krs[*(const int *)a], *y = &sort_ctx->krs[*(const int *)b];
	if (x->owner != y->owner)
		return x->owner < y->owner ? -1 : 1;
	return x->k.id < y->k.id ? -1 : x->k.id > y->k.id;
}

static int by_obj(const void *a, const void *b)
{
	const score_kstate *x = &sort_ctx->krs[*(const int *)a], *y = &sort_ctx->krs[*(const int *)b];
	if (x->k.objective_id != y->k.objective_id)
		return x->k.objective_id < y->k.objective_id ? -1 : 1;
	return x->k.id < y->k.id ? -1 : x->k.id > y->k.id;
}

static void award(score_state *s, int p, score_badge b, okr_time at, int64_t kr, bool line);

static void build_members(score_state *s, const score_world *w)
{
	size_t n = w->nmembers;
	score_member *m = okr_xmalloc(n * sizeof *m);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (score_person_index(s, w->members[i].person_id) >= 0)
			m[k++] = w->members[i];
	n = k;
	qsort(m, n, sizeof *m, by_team);
	s->team_people = okr_xmalloc(n * sizeof *s->team_people);
	s->teams = okr_xcalloc(n, sizeof *s->teams);
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || m[i].team_id != m[i - 1].team_id || m[i].person_id != m[i - 1].person_id) {
			if (!s->nteams || s->teams[s->nteams - 1].id != m[i].team_id)
				s->teams[s->nteams++] = (score_team){ m[i].team_id, i, 0 };
			s->team_people[s->teams[s->nteams - 1].first + s->teams[s->nteams - 1].n++] =
				score_person_index(s, m[i].person_id);
		}
	}
	/* Duplicates were skipped, so a team's members may leave a gap behind
	 * them; that is harmless as each team says where it starts. */
	qsort(m, n, sizeof *m, by_person);
	s->person_teams = okr_xmalloc(n * sizeof *s->person_teams);
	for (size_t i = 0; i < n; i++) {
		score_pstate *p = &s->people[score_person_index(s, m[i].person_id)];
		if (!p->nteams)
			p->team_first = i;
		s->person_teams[i] = m[i].team_id;
		p->nteams++;
	}
	free(m);
}

static void build_krs(score_state *s, const score_world *w)
{
	s->krs = okr_xcalloc(w->nkrs, sizeof *s->krs);
	for (size_t i = 0; i < w->nkrs; i++) {
		bool fresh;
		int64_t *v = score_map_put(&s->kr_ix, (uint64_t)w->krs[i].id, (int64_t)s->nkrs, &fresh);
		if (!fresh)
			continue;
		score_kstate *k = &s->krs[s->nkrs++];
		(void)v;
		k->k = w->krs[i];
		if (!isfinite(k->k.weight) || k->k.weight < 0)
			k->k.weight = 1;
		k->owner = k->k.owner_id ? score_person_index(s, k->k.owner_id) : -1;
		k->obj_owner = k->k.obj_owner_id ? score_person_index(s, k->k.obj_owner_id) : -1;
		k->last_conf = -1;
	}
	s->owned = okr_xmalloc(s->nkrs * sizeof *s->owned);
	s->by_objective = okr_xmalloc(s->nkrs * sizeof *s->by_objective);
	for (size_t i = 0; i < s->nkrs; i++)
		s->owned[i] = s->by_objective[i] = (int)i;
	sort_ctx = s;
	qsort(s->owned, s->nkrs, sizeof *s->owned, by_owner);
	qsort(s->by_objective, s->nkrs, sizeof *s->by_objective, by_obj);
	sort_ctx = NULL;
	for (size_t i = 0; i < s->nkrs; i++) {
		score_kstate *k = &s->krs[s->owned[i]];
		if (k->owner >= 0) {
			score_pstate *p = &s->people[k->owner];
			if (!p->nown)
				p->own_first = i;
			p->nown++;
		}
	}
	for (size_t i = 0, j; i < s->nkrs; i = j) {
		int64_t obj = s->krs[s->by_objective[i]].k.objective_id;
		for (j = i; j < s->nkrs && s->krs[s->by_objective[j]].k.objective_id == obj; j++)
			;
		for (size_t t = i; t < j; t++) {
			s->krs[s->by_objective[t]].obj_first = i;
			s->krs[s->by_objective[t]].nobj = j - i;
		}
	}
	score_fair_weights(s);
	/* Grades are part of the world: a regrade starts the state afresh. */
	for (size_t i = 0; i < s->nkrs; i++) {
		score_kstate *k = &s->krs[i];
		if (k->owner >= 0 && !k->k.self_set && isfinite(k->k.grade) && k->k.grade >= 0.7 - EPS)
			award(s, k->owner, SCORE_BADGE_SWEET_SPOT, k->k.graded_at, k->k.id, false);
	}
}

score_state *score_new(const okr_game_rules *rules, int week_offset_minutes, const score_world *w)
{
	score_state *s = okr_xcalloc(1, sizeof *s);
	s->rules = *rules;
	s->offset = week_offset_minutes;
	s->last_at = INT64_MIN;
	s->people = okr_xcalloc(w->npeople, sizeof *s->people);
	for (size_t i = 0; i < w->npeople; i++) {
		bool fresh;
		score_map_put(&s->person_ix, (uint64_t)w->people[i].id, (int64_t)s->npeople, &fresh);
		if (!fresh)
			continue;
		score_pstate *p = &s->people[s->npeople++];
		p->id = w->people[i].id;
		p->opt_out = w->people[i].opt_out;
		p->last_week = p->kudos_week = p->comment_week = p->pw_week = SCORE_NO_WEEK;
	}
	build_members(s, w);
	build_krs(s, w);
	return s;
}

void score_free(score_state *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->npeople; i++)
		free(s->people[i].days);
	free(s->people);
	free(s->krs);
	free(s->teams);
	free(s->team_people);
	free(s->person_teams);
	free(s->owned);
	free(s->by_objective);
	score_map_free(&s->person_ix);
	score_map_free(&s->kr_ix);
	score_map_free(&s->pair_ck);
	score_map_free(&s->pair_kudos);
	free(s->lines);
	free(s);
}

void score_explain(score_state *s, int64_t person_id) { s->explain = person_id; }
int score_week_start(const score_state *s) { return s->rules.week_start; }
score_marks score_get_marks(const score_state *s) { return s->marks; }
void score_set_tag(score_state *s, uint64_t tag) { s->tag = tag; }
uint64_t score_tag(const score_state *s) { return s->tag; }

const score_line *score_lines(const score_state *s, size_t *n)
{
	*n = s->nlines;
	return s->lines;
}

/* ---- paying ---- */

static void explain(score_state *s, int p, const score_line *l)
{
	if (!s->explain || (s->explain != -1 && s->explain != s->people[p].id))
		return;
	okr_xgrow(&s->lines, &s->caplines, s->nlines + 1, sizeof *s->lines);
	score_line *d = &s->lines[s->nlines++];
	*d = *l;
	d->person_id = s->people[p].id;
}

static void pay(score_state *s, int p, score_line l)
{
	score_pstate *ps = &s->people[p];
	explain(s, p, &l);
	if (l.points <= 0)
		return;
	ps->xp += l.points;
	okr_day d = score_day_of(l.at, s->offset);
	if (ps->ndays && ps->days[ps->ndays - 1].day == d) {
		ps->days[ps->ndays - 1].pts += l.points;
		return;
	}
	okr_xgrow(&ps->days, &ps->capdays, ps->ndays + 1, sizeof *ps->days);
	ps->days[ps->ndays++] = (score_day){ d, l.points };
}

static void award(score_state *s, int p, score_badge b, okr_time at, int64_t kr, bool line)
{
	if (p < 0 || s->people[p].has[b])
		return;
	score_pstate *ps = &s->people[p];
	ps->has[b] = true;
	ps->badge_at[b] = at;
	ps->badge_kr[b] = kr;
	if (line)
		explain(s, p, &(score_line){ .at = at, .reason = SCORE_R_BADGE, .kr_id = kr, .badge = b });
}

/* ---- check-ins ---- */

static double progress_of(const score_kr *k, double value)
{
	okr_kr kr = { .type = k->type, .dir = k->dir, .start = k->start, .target = k->target,
		      .has_value = true, .current = value };
	return okr_kr_progress(&kr);
}

/* Own key results in their period during week w, for the perfect week. */
static int owned_in_week(const score_state *s, const score_pstate *p, int64_t w)
{
	okr_day d0 = score_week_first_day(w, s->rules.week_start);
	int n = 0;
	for (size_t i = 0; i < p->nown; i++) {
		const score_kr *k = &s->krs[s->owned[p->own_first + i]].k;
		if (k->archived || k->self_set)
			continue;
		okr_day a = score_day_of(k->from, s->offset), b = score_day_of(k->due - 1, s->offset);
		if (a < d0 + 7 && b >= d0)
			n++;
	}
	return n;
}

static void reached_one(score_state *s, score_kstate *k, okr_time at)
{
	if (k->k.aspirational)
		award(s, k->owner, SCORE_BADGE_MOONSHOT, at, k->k.id, true);
	if (k->k.team_id)
		for (size_t t = 0; t < s->nteams; t++)
			if (s->teams[t].id == k->k.team_id)
				for (size_t i = 0; i < s->teams[t].n; i++)
					award(s, s->team_people[s->teams[t].first + i], SCORE_BADGE_TEAM_RAID, at,
					      k->k.id, true);
	/* An archived key result is no longer part of its objective: it cannot
	 * sweep it (an objective whose key results are all archived has none). */
	if (k->obj_owner < 0 || k->k.archived)
		return;
	for (size_t i = 0; i < k->nobj; i++) {
		const score_kstate *o = &s->krs[s->by_objective[k->obj_first + i]];
		if (!o->k.archived && !o->r10)
			return;
	}
	award(s, k->obj_owner, SCORE_BADGE_CLEAN_SWEEP, at, k->k.id, true);
}

static void progress(score_state *s, score_kstate *k, int author, const score_checkin *c)
{
	int to = k->owner >= 0 ? k->owner : author;
	if (k->k.self_set) {
		pay(s, to, (score_line){ .at = c->at, .reason = SCORE_R_SELF_SET, .kr_id = k->k.id });
		return;
	}
	double pr = progress_of(&k->k, c->value);
	if (pr <= k->hwm + EPS) {
		pay(s, to, (score_line){ .at = c->at, .reason = SCORE_R_PROGRESS_NONE, .kr_id = k->k.id,
					 .from = k->hwm, .to = pr, .weight = k->k.weight });
		return;
	}
	int64_t total = llround((double)s->rules.progress_xp * pr * k->k.weight);
	pay(s, to, (score_line){ .at = c->at, .reason = SCORE_R_PROGRESS, .points = total - k->paid,
				 .kr_id = k->k.id, .from = k->hwm, .to = pr, .weight = k->k.weight });
	k->paid = total > k->paid ? total : k->paid;
	k->hwm = pr;
	if (!k->r07 && pr >= 0.7 - EPS) {
		k->r07 = true;
		pay(s, to, (score_line){ .at = c->at, .reason = SCORE_R_REACH_07,
					 .points = s->rules.reach_07_xp, .kr_id = k->k.id });
		if (k->low_conf)
			award(s, to, SCORE_BADGE_COMEBACK, c->at, k->k.id, true);
	}
	if (!k->r10 && pr >= 1 - EPS) {
		k->r10 = true;
		pay(s, to, (score_line){ .at = c->at, .reason = SCORE_R_REACH_10,
					 .points = s->rules.reach_10_xp, .kr_id = k->k.id });
		reached_one(s, k, c->at);
	}
}

static void streak(score_state *s, int p, int64_t w, const score_checkin *c)
{
	score_pstate *ps = &s->people[p];
	if (ps->last_week == SCORE_NO_WEEK || w > ps->last_week + 1)
		ps->run = 1;
	else if (w == ps->last_week + 1)
		ps->run++;
	ps->last_week = w > ps->last_week ? w : ps->last_week;
	if (ps->run > ps->best)
		ps->best = ps->run;
	ps->checkins++;
	award(s, p, SCORE_BADGE_FIRST_CHECKIN, c->at, c->kr_id, true);
	if (ps->run >= 4)
		award(s, p, SCORE_BADGE_STREAK_4, c->at, 0, true);
	if (ps->run >= 12)
		award(s, p, SCORE_BADGE_STREAK_12, c->at, 0, true);
	if (ps->run >= 26)
		award(s, p, SCORE_BADGE_STREAK_26, c->at, 0, true);
	if (ps->checkins >= 100)
		award(s, p, SCORE_BADGE_CENTURION, c->at, 0, true);
}

/* The pair's value holds two weeks: with any check-in (high half) and with a
 * paid note (low half). */
#define PAIR_NONE ((int64_t)INT32_MIN)
#define PAIR(any, paid) ((int64_t)(((uint64_t)(uint32_t)(int32_t)(any) << 32) | (uint32_t)(int32_t)(paid)))
#define PAIR_ANY(v) ((int64_t)(int32_t)((uint64_t)(v) >> 32))
#define PAIR_PAID(v) ((int64_t)(int32_t)(uint32_t)(uint64_t)(v))

static void fold_checkin(score_state *s, const score_checkin *c)
{
	int p = score_person_index(s, c->author_id), ki = kr_index(s, c->kr_id);
	if (p < 0 || ki < 0)
		return;
	score_kstate *k = &s->krs[ki];
	score_pstate *ps = &s->people[p];
	int64_t w = score_week_of(c->at, s->offset, s->rules.week_start);
	streak(s, p, w, c);
	int64_t *pair = score_map_put(&s->pair_ck, pair_key(ki, p), PAIR(PAIR_NONE, PAIR_NONE), NULL);
	int64_t any = PAIR_ANY(*pair), paid = PAIR_PAID(*pair);
	if (k->k.self_set) {
		/* Said once, by progress() below. */
	} else if (!c->has_note) {
		pay(s, p, (score_line){ .at = c->at, .reason = SCORE_R_CHECKIN_NO_NOTE, .kr_id = k->k.id });
	} else if (paid == w) {
		pay(s, p, (score_line){ .at = c->at, .reason = SCORE_R_CHECKIN_AGAIN, .kr_id = k->k.id });
	} else {
		int run = ps->run < s->rules.streak_cap ? ps->run : s->rules.streak_cap;
		int pct = run * s->rules.streak_percent;
		int64_t pts = ((int64_t)s->rules.checkin_xp * (100 + pct) + 50) / 100;
		paid = w;
		pay(s, p, (score_line){ .at = c->at, .reason = SCORE_R_CHECKIN, .points = pts,
					.kr_id = k->k.id, .streak = ps->run, .percent = pct });
	}
	if (k->owner == p && any != w && !k->k.archived && !k->k.self_set) {
		if (ps->pw_week != w) {
			ps->pw_week = w;
			ps->pw_count = 0;
			ps->pw_need = owned_in_week(s, ps, w);
		}
		if (++ps->pw_count >= ps->pw_need && ps->pw_need > 0)
			award(s, p, SCORE_BADGE_PERFECT_WEEK, c->at, 0, true);
	}
	*pair = PAIR(w, paid);
	/* Progress first: a comeback is from a low confidence said before, not
	 * the one given with the value that reaches 0.7. */
	progress(s, k, p, c);
	if (c->confidence >= 0) {
		okr_time mid = k->k.from + (k->k.due - k->k.from) / 2;
		if (k->last_conf >= 0 && c->confidence < k->last_conf && c->at < mid)
			award(s, p, SCORE_BADGE_HONEST_SIGNAL, c->at, k->k.id, true);
		k->last_conf = c->confidence;
		if (c->confidence <= 3)
			k->low_conf = true;
	}
}

/* ---- kudos and comments ---- */

static bool share_team(const score_state *s, const score_pstate *a, const score_pstate *b)
{
	for (size_t i = 0; i < a->nteams; i++)
		for (size_t j = 0; j < b->nteams; j++)
			if (s->person_teams[a->team_first + i] == s->person_teams[b->team_first + j])
				return true;
	return false;
}

/* Kudos beyond the giver's weekly allowance count for nobody: otherwise one
 * person could hand out points to the whole company every week. */
static void fold_kudos(score_state *s, const score_kudos *k)
{
	int g = score_person_index(s, k->from_id), r = score_person_index(s, k->to_id);
	if (g < 0 || r < 0)
		return;
	score_line l = { .at = k->at, .kr_id = k->kr_id, .other_id = k->to_id };
	if (g == r) {
		l.reason = SCORE_R_KUDOS_SELF;
		pay(s, g, l);
		return;
	}
	score_pstate *gs = &s->people[g], *rs = &s->people[r];
	int64_t w = score_week_of(k->at, s->offset, s->rules.week_start);
	bool fresh;
	int64_t *pair = score_map_put(&s->pair_kudos, pair_key(g, r), SCORE_NO_WEEK, &fresh);
	if (fresh) {
		if (++gs->distinct_to >= 5)
			award(s, g, SCORE_BADGE_CHEERLEADER, k->at, 0, true);
		if (++rs->distinct_from >= 3)
			award(s, r, SCORE_BADGE_APPRECIATED, k->at, 0, true);
	}
	if (gs->nteams && rs->nteams && !share_team(s, gs, rs))
		award(s, g, SCORE_BADGE_BRIDGE_BUILDER, k->at, 0, true);
	if (gs->kudos_week != w) {
		gs->kudos_week = w;
		gs->kudos_count = 0;
	}
	l.reason = score_kudos_decide(false, *pair == w, gs->kudos_count, s->rules.kudos_allowance);
	if (l.reason != SCORE_R_KUDOS_GIVEN) {
		pay(s, g, l);
		return;
	}
	gs->kudos_count++;
	*pair = w;
	l.reason = SCORE_R_KUDOS_GIVEN;
	l.points = s->rules.kudos_given_xp;
	pay(s, g, l);
	l.reason = SCORE_R_KUDOS_RECEIVED;
	l.points = s->rules.kudos_received_xp;
	l.other_id = k->from_id;
	pay(s, r, l);
}

static void fold_comment(score_state *s, const score_comment *c)
{
	int a = score_person_index(s, c->author_id), ki = c->kr_id ? kr_index(s, c->kr_id) : -1;
	if (a < 0 || ki < 0 || s->krs[ki].owner == a || s->krs[ki].owner < 0)
		return;
	score_pstate *ps = &s->people[a];
	score_line l = { .at = c->at, .kr_id = c->kr_id, .other_id = s->krs[ki].k.owner_id };
	int64_t w = score_week_of(c->at, s->offset, s->rules.week_start);
	if (c->chars < s->rules.comment_min_chars) {
		l.reason = SCORE_R_COMMENT_SHORT;
	} else {
		if (ps->comment_week != w) {
			ps->comment_week = w;
			ps->comment_count = 0;
		}
		if (ps->comment_count >= s->rules.comment_weekly_cap) {
			l.reason = SCORE_R_COMMENT_CAP;
		} else {
			ps->comment_count++;
			l.reason = SCORE_R_COMMENT;
			l.points = s->rules.comment_xp;
		}
	}
	pay(s, a, l);
}

/* ---- folding ---- */

static int key_cmp(okr_time at, int kind, int64_t id, okr_time at2, int kind2, int64_t id2)
{
	if (at != at2)
		return at < at2 ? -1 : 1;
	if (kind != kind2)
		return kind < kind2 ? -1 : 1;
	return id < id2 ? -1 : id > id2;
}

bool score_fold(score_state *s, const score_events *ev)
{
	size_t i = 0, j = 0, k = 0;
	if (s->partial)
		return false;
	if ((ev->ncheckins && key_cmp(ev->checkins[0].at, KIND_CHECKIN, ev->checkins[0].id,
				      s->last_at, s->last_kind, s->last_id) <= 0) ||
	    (ev->nkudos && key_cmp(ev->kudos[0].at, KIND_KUDOS, ev->kudos[0].id,
				   s->last_at, s->last_kind, s->last_id) <= 0) ||
	    (ev->ncomments && key_cmp(ev->comments[0].at, KIND_COMMENT, ev->comments[0].id,
				      s->last_at, s->last_kind, s->last_id) <= 0))
		return false;
	for (;;) {
		okr_time best = INT64_MAX;
		int kind = -1;
		if (i < ev->ncheckins)
			best = ev->checkins[i].at, kind = KIND_CHECKIN;
		if (j < ev->nkudos && ev->kudos[j].at < best)
			best = ev->kudos[j].at, kind = KIND_KUDOS;
		if (k < ev->ncomments && ev->comments[k].at < best)
			best = ev->comments[k].at, kind = KIND_COMMENT;
		if (kind < 0)
			break;
		s->last_at = best;
		s->last_kind = kind;
		if (kind == KIND_CHECKIN) {
			const score_checkin *c = &ev->checkins[i++];
			s->last_id = c->id;
			if (c->id > s->marks.checkin)
				s->marks.checkin = c->id;
			fold_checkin(s, c);
		} else if (kind == KIND_KUDOS) {
			const score_kudos *u = &ev->kudos[j++];
			s->last_id = u->id;
			if (u->id > s->marks.kudos)
				s->marks.kudos = u->id;
			fold_kudos(s, u);
		} else {
			const score_comment *c = &ev->comments[k++];
			s->last_id = c->id;
			if (c->id > s->marks.comment)
				s->marks.comment = c->id;
			fold_comment(s, c);
		}
	}
	return true;
}

/* ---- reading the results ---- */

bool score_person_get(const score_state *s, int64_t person_id, okr_time now, score_person_result *out)
{
	memset(out, 0, sizeof *out);
	int p = score_person_index(s, person_id);
	if (p < 0)
		return false;
	const score_pstate *ps = &s->people[p];
	out->person_id = person_id;
	out->xp = ps->xp;
	out->level = level_for_xp(ps->xp, &out->into_level, &out->level_span);
	/* The current week still has time to keep the streak alive. */
	int64_t w = score_week_of(now, s->offset, s->rules.week_start);
	out->streak = ps->last_week != SCORE_NO_WEEK && ps->last_week >= w - 1 ? ps->run : 0;
	out->best_streak = ps->best;
	out->checkins = ps->checkins;
	for (int b = 0; b < SCORE_NBADGES; b++) {
		out->has[b] = ps->has[b];
		out->badge_at[b] = ps->badge_at[b];
		out->badge_kr[b] = ps->badge_kr[b];
		out->nbadges += ps->has[b];
	}
	return true;
}
