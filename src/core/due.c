/*
 * due.c — see due.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/assess.h"
#include "okr/due.h"
#include "okr/i18n.h"
#include "okr/kpi.h"
#include "okr/parse.h"
#include "okr/progress.h"
#include "okr/util.h"

typedef struct {
	okr_due_item *v;
	size_t n, cap;
} items;

static void push(items *it, okr_due_kind kind, int64_t id, const char *title, okr_time since,
		 okr_time overdue)
{
	okr_xgrow(&it->v, &it->cap, it->n + 1, sizeof *it->v);
	it->v[it->n++] = (okr_due_item){ kind, id, title, since, overdue < 0 ? 0 : overdue };
}

static bool is_graded(const okr_due_opts *o, int64_t kr)
{
	for (size_t i = 0; i < o->ngraded; i++)
		if (o->graded[i] == kr)
			return true;
	return false;
}

/* A key result whose value is complete needs no more check-ins: a metric or
 * milestone at 100 %.  A threshold is a condition to keep watching. */
static bool finished(const okr_kr *k)
{
	return k->type != KR_THRESHOLD && k->has_value && okr_kr_progress_raw(k) >= 1;
}

static void checkins_due(const okr_snapshot *snap, const okr_cycle *cy, const okr_due_opts *o, items *it)
{
	for (size_t i = 0; i < snap->nkrs; i++) {
		const okr_kr *k = &snap->krs[i];
		if (k->archived || k->owner_id != o->person_id || k->kpi_id || finished(k))
			continue;
		long oi = okr_snapshot_objective_index(snap, k->objective_id);
		if (oi < 0 || snap->objs[oi].archived)
			continue;
		okr_time t0 = okr_day_start(cy->start);
		okr_time end = okr_day_start(k->due > 0 ? k->due : cy->end) + 86400;
		if (o->now < t0 || o->now >= end)
			continue;
		okr_time freq = okr_frequency_seconds(k->every);
		/* The first check-in falls due one period after the key result
		 * began, not the moment it is added (it is "new" until then). */
		okr_time first_due = okr_kr_began(k, cy->start) + freq;
		if (k->last_at == 0) {
			if (o->now >= first_due)
				push(it, DUE_CHECKIN, k->id, k->title, 0, o->now - first_due);
		} else if (o->now - k->last_at > freq)
			push(it, DUE_CHECKIN, k->id, k->title, k->last_at, o->now - (k->last_at + freq));
	}
}

static void grades_due(const okr_snapshot *snap, const okr_cycle *cy, const okr_due_opts *o, items *it)
{
	okr_time ended = okr_day_start(cy->end) + 86400;
	if (o->now < ended)
		return;
	for (size_t i = 0; i < snap->nkrs; i++) {
		const okr_kr *k = &snap->krs[i];
		if (k->archived || k->owner_id != o->person_id || is_graded(o, k->id))
			continue;
		long oi = okr_snapshot_objective_index(snap, k->objective_id);
		if (oi < 0 || snap->objs[oi].archived)
			continue;
		push(it, DUE_GRADE, k->id, k->title, ended, o->now - ended);
	}
}

static void kpis_due(const okr_snapshot *snap, const okr_due_opts *o, items *it)
{
	for (size_t i = 0; i < snap->nkpis; i++) {
		const okr_kpi *k = &snap->kpis[i];
		if (k->owner_id != o->person_id)
			continue;
		if (!okr_kpi_outdated(k, o->now))
			continue;
		if (!k->has_value)
			push(it, DUE_KPI, k->id, k->name, 0, 0);
		else
			push(it, DUE_KPI, k->id, k->name, k->last_at, o->now - okr_kpi_next_due(k));
	}
}

/* Kinds in enum order; within a kind the most overdue first, then by ID, so
 * that the list reads the same on every screen. */
static int cmp_item(const void *a, const void *b)
{
	const okr_due_item *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->overdue != y->overdue)
		return x->overdue > y->overdue ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

void okr_due_compute(const okr_snapshot *snap, const okr_due_opts *opts, okr_due_list *out)
{
	items it = { 0 };
	const okr_cycle *cy = okr_snapshot_cycle(snap);
	out->items = NULL;
	out->n = 0;
	if (opts->person_id <= 0)   /* not registered: owns nothing (0 also means "no owner") */
		return;
	if (cy && cy->state != CYCLE_CLOSED) {
		checkins_due(snap, cy, opts, &it);
		grades_due(snap, cy, opts, &it);
	}
	if (opts->kpis)
		kpis_due(snap, opts, &it);
	if (it.n)
		qsort(it.v, it.n, sizeof *it.v, cmp_item);
	out->items = it.v;
	out->n = it.n;
}

void okr_due_append(okr_due_list *list, const okr_due_list *more)
{
	if (!more->n)
		return;
	list->items = okr_xrealloc(list->items, (list->n + more->n) * sizeof *list->items);
	memcpy(list->items + list->n, more->items, more->n * sizeof *more->items);
	list->n += more->n;
}

void okr_due_free(okr_due_list *list)
{
	free(list->items);
	list->items = NULL;
	list->n = 0;
}

void okr_due_summary(const okr_due_list *due, char *buf, size_t len)
{
	size_t n[3] = { 0 };
	for (size_t i = 0; i < due->n; i++)
		n[due->items[i].kind]++;
	char part[3][64];
	snprintf(part[0], sizeof part[0], ngettext("%zu check-in", "%zu check-ins", n[0]), n[0]);
	snprintf(part[1], sizeof part[1], ngettext("%zu KPI value", "%zu KPI values", n[1]), n[1]);
	snprintf(part[2], sizeof part[2], ngettext("%zu grade", "%zu grades", n[2]), n[2]);
	size_t used = 0;
	buf[0] = '\0';
	for (int k = 0; k < 3 && used < len; k++) {
		if (!n[k])
			continue;
		int w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", part[k]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}
