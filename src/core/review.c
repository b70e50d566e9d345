/*
 * review.c — see review.h.
 *
 * The order is the TUI's tree order so that a meeting walks the screen people
 * already know; the summary compares the values remembered when the review
 * began with the snapshot at its end, so a teammate's check-in during the
 * meeting counts as a change just like one typed in the review.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/review.h"
#include "okr/scope.h"
#include "okr/util.h"

static bool kr_in(const okr_review_scope *sc, const okr_objective *o, const okr_kr *k)
{
	if (k->archived)
		return false;
	if (sc && sc->owner && strcmp(k->owner, sc->owner) != 0 && strcmp(o->owner, sc->owner) != 0)
		return false;
	return true;
}

size_t okr_review_order(const okr_snapshot *snap, const okr_review_scope *scope, int64_t *out)
{
	size_t *order = okr_xmalloc((snap->nobjs + 1) * sizeof *order);
	int *depth = okr_xmalloc((snap->nobjs + 1) * sizeof *depth);
	okr_tree_order(snap, order, depth);
	size_t n = 0;
	for (size_t i = 0; i < snap->nobjs; i++) {
		size_t oi = order[i];
		const okr_objective *o = &snap->objs[oi];
		if (o->archived || (scope && scope->obj_shown && !scope->obj_shown[oi]))
			continue;
		if (scope && scope->team && !okr_objective_in_team(snap, scope->team, o))
			continue;
		/* Key results come ordered by objective, but not necessarily by
		 * ID within one: pick them in ID order. */
		int64_t last = 0;
		for (;;) {
			const okr_kr *best = NULL;
			for (size_t k = 0; k < snap->nkrs; k++) {
				const okr_kr *kr = &snap->krs[k];
				if (kr->objective_id == o->id && kr->id > last && (!best || kr->id < best->id) &&
				    kr_in(scope, o, kr))
					best = kr;
			}
			if (!best)
				break;
			out[n++] = best->id;
			last = best->id;
		}
	}
	free(order);
	free(depth);
	return n;
}

static const okr_kr *kr_by_id(const okr_snapshot *snap, int64_t id, size_t *index)
{
	for (size_t i = 0; i < snap->nkrs; i++)
		if (snap->krs[i].id == id) {
			if (index)
				*index = i;
			return &snap->krs[i];
		}
	return NULL;
}

void okr_review_init(okr_review *r, const okr_snapshot *snap, const int64_t *ids, size_t n)
{
	memset(r, 0, sizeof *r);
	r->n = n;
	r->ids = okr_xmalloc((n + 1) * sizeof *r->ids);
	r->mark = okr_xcalloc(n + 1, sizeof *r->mark);
	r->had = okr_xcalloc(n + 1, sizeof *r->had);
	r->before = okr_xcalloc(n + 1, sizeof *r->before);
	for (size_t i = 0; i < n; i++) {
		r->ids[i] = ids[i];
		const okr_kr *k = kr_by_id(snap, ids[i], NULL);
		r->had[i] = k && k->has_value;
		r->before[i] = k && k->has_value ? k->current : 0;
	}
}

void okr_review_free(okr_review *r)
{
	free(r->ids);
	free(r->mark);
	free(r->had);
	free(r->before);
	free(r->ev);
	memset(r, 0, sizeof *r);
}

long okr_review_find(const okr_review *r, int64_t kr_id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->ids[i] == kr_id)
			return (long)i;
	return -1;
}

void okr_review_add(okr_review *r, okr_review_event_kind kind, int64_t kr_id, const char *author, double value)
{
	okr_xgrow(&r->ev, &r->capev, r->nev + 1, sizeof *r->ev);
	okr_review_event *e = &r->ev[r->nev++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->kr_id = kr_id;
	e->value = value;
	okr_strlcpy(e->author, author ? author : "", sizeof e->author);
}

void okr_review_show(okr_review *r, size_t at)
{
	if (!r->n)
		return;
	r->at = at < r->n ? at : r->n - 1;
	r->mark[r->at] |= REVIEW_SHOWN;
}

long okr_review_next_open(const okr_review *r, size_t from)
{
	for (size_t step = 1; step <= r->n; step++) {
		size_t i = (from + step) % r->n;
		if (!(r->mark[i] & (REVIEW_SEEN | REVIEW_SKIPPED)))
			return (long)i;
	}
	return -1;
}

static int risk_rank(okr_status s)
{
	return s == STATUS_OFF_TRACK ? 0 : s == STATUS_AT_RISK ? 1 : 2;
}

static int cmp_risk(const void *a, const void *b)
{
	const okr_review_risk *x = a, *y = b;
	int rx = risk_rank(x->status), ry = risk_rank(y->status);
	if (rx != ry)
		return rx - ry;
	if (x->gap != y->gap)
		return x->gap > y->gap ? -1 : 1;
	return x->kr_id < y->kr_id ? -1 : x->kr_id > y->kr_id;
}

static int cmp_person(const void *a, const void *b)
{
	const okr_review_person *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->login, y->login);
}

static void count_events(const okr_review *r, okr_review_summary *out)
{
	size_t cap = 0;
	for (size_t i = 0; i < r->nev; i++) {
		const okr_review_event *e = &r->ev[i];
		switch (e->kind) {
		case REVIEW_GRADE: out->grades++; continue;
		case REVIEW_COMMENT: out->comments++; continue;
		case REVIEW_KUDOS: out->kudos++; continue;
		case REVIEW_CHECKIN: break;
		}
		out->checkins++;
		if (!e->author[0])
			continue;
		okr_review_person *p = NULL;
		for (size_t k = 0; k < out->npeople && !p; k++)
			if (!strcmp(out->people[k].login, e->author))
				p = &out->people[k];
		if (!p) {
			okr_xgrow(&out->people, &cap, out->npeople + 1, sizeof *out->people);
			p = &out->people[out->npeople++];
			memset(p, 0, sizeof *p);
			okr_strlcpy(p->login, e->author, sizeof p->login);
		}
		p->n++;
	}
	if (out->npeople)
		qsort(out->people, out->npeople, sizeof *out->people, cmp_person);
}

void okr_review_summarize(const okr_review *r, const okr_snapshot *snap, const okr_assessments *as,
			  okr_review_summary *out)
{
	memset(out, 0, sizeof *out);
	out->total = r->n;
	out->changes = okr_xcalloc(r->n + 1, sizeof *out->changes);
	out->risks = okr_xcalloc(r->n + 1, sizeof *out->risks);
	out->skipped_ids = okr_xcalloc(r->n + 1, sizeof *out->skipped_ids);
	for (size_t i = 0; i < r->n; i++) {
		/* Something entered beats a skip; a skip beats having been shown. */
		unsigned char m = r->mark[i];
		if (m & REVIEW_SEEN) {
			out->seen++;
		} else if (m & REVIEW_SKIPPED) {
			out->skipped++;
			out->skipped_ids[out->nskipped++] = r->ids[i];
		} else if (m & REVIEW_SHOWN) {
			out->seen++;
		} else {
			out->unvisited++;
		}
		size_t ki;
		const okr_kr *k = kr_by_id(snap, r->ids[i], &ki);
		if (!k)
			continue;   /* archived or moved meanwhile */
		if (k->has_value != r->had[i] || (k->has_value && k->current != r->before[i])) {
			okr_review_change *c = &out->changes[out->nchanges++];
			okr_kr then = *k;
			then.has_value = r->had[i];
			then.current = r->before[i];
			c->kr_id = k->id;
			c->had = r->had[i];
			c->before = r->before[i];
			c->after = k->current;
			c->p_before = okr_kr_progress_raw(&then);
			c->p_after = okr_kr_progress_raw(k);
		}
		const okr_assessment *a = &as->krs[ki];
		if (a->status == STATUS_AT_RISK || a->status == STATUS_OFF_TRACK || a->status == STATUS_OUTDATED)
			out->risks[out->nrisks++] = (okr_review_risk){ k->id, a->status, a->expected - a->progress };
	}
	if (out->nrisks)
		qsort(out->risks, out->nrisks, sizeof *out->risks, cmp_risk);
	count_events(r, out);
}

void okr_review_summary_free(okr_review_summary *s)
{
	free(s->changes);
	free(s->people);
	free(s->risks);
	free(s->skipped_ids);
	memset(s, 0, sizeof *s);
}
