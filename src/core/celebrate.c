/*
 * celebrate.c — see celebrate.h.  Both snapshots are looked up by id in
 * sorted copies, so a reload of a large cycle costs n log n.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/celebrate.h"
#include "okr/util.h"

/* Progress is a ratio of doubles: 0.7 reached as 7/10 may be 0.6999…. */
#define REACHED(p, mark) ((p) >= (mark) - 1e-9)

static int by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* A sorted copy of an array whose elements start with their int64_t id. */
static void *sorted(const void *v, size_t n, size_t size)
{
	void *c = okr_xmalloc(n ? n * size : 1);
	if (n)
		memcpy(c, v, n * size);
	qsort(c, n, size, by_id);
	return c;
}

typedef struct {
	celebrate_event *v;
	size_t n, cap;
} events;

static void push(events *ev, celebrate_event e)
{
	okr_xgrow(&ev->v, &ev->cap, ev->n + 1, sizeof *ev->v);
	ev->v[ev->n++] = e;
}

/* Each element of cur, in id order, with the element of old that has its
 * id (NULL: none): fn says what changed between them. */
static void each_pair(const void *old, size_t nold, const void *cur, size_t ncur, size_t size,
		      void (*fn)(const void *o, const void *c, events *ev), events *ev)
{
	char *os = sorted(old, nold, size), *cs = sorted(cur, ncur, size);
	for (size_t i = 0; i < ncur; i++) {
		const void *c = cs + i * size;
		fn(nold ? bsearch(c, os, nold, size, by_id) : NULL, c, ev);
	}
	free(os);
	free(cs);
}

static void kr_crossed(const void *vo, const void *vc, events *ev)
{
	const celebrate_kr *o = vo, *c = vc;
	if (!o)
		return;
	double a = o->progress, b = c->progress;
	celebrate_event e = { .id = c->id, .person_id = c->owner_id };
	if (REACHED(b, 1.0) && !REACHED(a, 1.0))
		e.kind = CELEBRATE_KR_10;
	else if (REACHED(b, 0.7) && !REACHED(a, 0.7))
		e.kind = CELEBRATE_KR_07;
	else
		return;
	push(ev, e);
}

static void badges_gained(const void *vo, const void *vc, events *ev)
{
	const celebrate_person *o = vo, *c = vc;
	uint32_t gained = o ? c->badges & ~o->badges : 0;
	for (int b = 0; b < 32; b++)
		if (gained & (1u << b))
			push(ev, (celebrate_event){ .kind = CELEBRATE_BADGE, .id = c->id, .person_id = c->id, .badge = b });
}

static void rank_moved(const void *vo, const void *vc, events *ev)
{
	const celebrate_rank *o = vo, *c = vc;
	if (o && o->rank > 0 && c->rank > 0 && o->rank != c->rank)
		push(ev, (celebrate_event){ .kind = CELEBRATE_RANK, .id = c->id, .from = o->rank, .to = c->rank });
}

size_t celebrate_diff(const celebrate_snap *old, const celebrate_snap *cur, celebrate_event **out)
{
	events ev = { NULL, 0, 0 };
	each_pair(old->krs, old->nkrs, cur->krs, cur->nkrs, sizeof *cur->krs, kr_crossed, &ev);
	each_pair(old->people, old->npeople, cur->people, cur->npeople, sizeof *cur->people, badges_gained, &ev);
	each_pair(old->ranks, old->nranks, cur->ranks, cur->nranks, sizeof *cur->ranks, rank_moved, &ev);
	*out = ev.v;
	return ev.n;
}

void celebrate_snap_free(celebrate_snap *s)
{
	free(s->krs);
	free(s->people);
	free(s->ranks);
	memset(s, 0, sizeof *s);
}
