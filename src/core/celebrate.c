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

static void push(celebrate_event **out, size_t *n, size_t *cap, celebrate_event e)
{
	okr_xgrow(out, cap, *n + 1, sizeof **out);
	(*out)[(*n)++] = e;
}

size_t celebrate_diff(const celebrate_snap *old, const celebrate_snap *cur, celebrate_event **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	celebrate_kr *ok = sorted(old->krs, old->nkrs, sizeof *ok), *ck = sorted(cur->krs, cur->nkrs, sizeof *ck);
	for (size_t i = 0; i < cur->nkrs; i++) {
		const celebrate_kr *o = old->nkrs ? bsearch(&ck[i].id, ok, old->nkrs, sizeof *ok, by_id) : NULL;
		if (!o)
			continue;
		double a = o->progress, b = ck[i].progress;
		celebrate_event e = { .id = ck[i].id, .person_id = ck[i].owner_id };
		if (REACHED(b, 1.0) && !REACHED(a, 1.0))
			e.kind = CELEBRATE_KR_10;
		else if (REACHED(b, 0.7) && !REACHED(a, 0.7))
			e.kind = CELEBRATE_KR_07;
		else
			continue;
		push(out, &n, &cap, e);
	}
	free(ok);
	free(ck);
	celebrate_person *op = sorted(old->people, old->npeople, sizeof *op);
	celebrate_person *cp = sorted(cur->people, cur->npeople, sizeof *cp);
	for (size_t i = 0; i < cur->npeople; i++) {
		const celebrate_person *o =
			old->npeople ? bsearch(&cp[i].id, op, old->npeople, sizeof *op, by_id) : NULL;
		uint32_t gained = o ? cp[i].badges & ~o->badges : 0;
		for (int b = 0; b < 32; b++)
			if (gained & (1u << b))
				push(out, &n, &cap, (celebrate_event){ .kind = CELEBRATE_BADGE, .id = cp[i].id,
								       .person_id = cp[i].id, .badge = b });
	}
	free(op);
	free(cp);
	celebrate_rank *orr = sorted(old->ranks, old->nranks, sizeof *orr);
	celebrate_rank *cr = sorted(cur->ranks, cur->nranks, sizeof *cr);
	for (size_t i = 0; i < cur->nranks; i++) {
		const celebrate_rank *o =
			old->nranks ? bsearch(&cr[i].id, orr, old->nranks, sizeof *orr, by_id) : NULL;
		if (o && o->rank > 0 && cr[i].rank > 0 && o->rank != cr[i].rank)
			push(out, &n, &cap, (celebrate_event){ .kind = CELEBRATE_RANK, .id = cr[i].id,
							       .from = o->rank, .to = cr[i].rank });
	}
	free(orr);
	free(cr);
	return n;
}

void celebrate_snap_free(celebrate_snap *s)
{
	free(s->krs);
	free(s->people);
	free(s->ranks);
	memset(s, 0, sizeof *s);
}
