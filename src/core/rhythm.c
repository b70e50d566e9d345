/*
 * rhythm.c — see rhythm.h.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/rhythm.h"
#include "okr/score.h"
#include "okr/util.h"

bool okr_rhythm_in_team(const char *teams, const char *team)
{
	size_t n = strlen(team);
	for (const char *p = teams; *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && !strncmp(p, team, n))
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

static long person_row(const okr_rhythm *r, const okr_snapshot *snap, int64_t id)
{
	for (size_t i = 0; i < r->npeople; i++)
		if (snap->people[r->people[i].person].id == id)
			return (long)i;
	return -1;
}

static bool is_open(const okr_snapshot *snap, const okr_kr *k, const okr_assessment *a)
{
	long o = okr_snapshot_objective_index(snap, k->objective_id);
	return !k->archived && o >= 0 && !snap->objs[o].archived && a->status != STATUS_DONE;
}

static int severity(okr_status s)
{
	return s == STATUS_OUTDATED ? 0 : s == STATUS_OFF_TRACK ? 1 : 2;
}

/* qsort has no context argument: the snapshot for the comparisons. */
static const okr_snapshot *sort_snap;

static int cmp_person(const void *a, const void *b)
{
	const okr_rhythm_person *x = a, *y = b;
	bool xb = x->nkrs && !x->checked_in, yb = y->nkrs && !y->checked_in;
	if (xb != yb)
		return xb ? -1 : 1;
	return strcmp(sort_snap->people[x->person].login, sort_snap->people[y->person].login);
}

static int cmp_kr(const void *a, const void *b)
{
	const okr_rhythm_kr *x = a, *y = b;
	if (severity(x->status) != severity(y->status))
		return severity(x->status) - severity(y->status);
	int64_t i = sort_snap->krs[x->kr].id, j = sort_snap->krs[y->kr].id;
	return i < j ? -1 : i > j;
}

static void add_kr(okr_rhythm *r, size_t *cap, size_t kr, size_t owner, okr_status st)
{
	okr_xgrow(&r->krs, cap, r->nkrs + 1, sizeof *r->krs);
	r->krs[r->nkrs++] = (okr_rhythm_kr){ kr, owner, st };
}

void okr_rhythm_compute(const okr_snapshot *snap, const okr_assessments *as, const char *team,
			okr_time week_start, okr_rhythm *out)
{
	memset(out, 0, sizeof *out);
	out->people = okr_xcalloc(snap->npeople ? snap->npeople : 1, sizeof *out->people);
	for (size_t i = 0; i < snap->npeople; i++)
		if (!team || !*team || okr_rhythm_in_team(snap->people[i].teams, team))
			out->people[out->npeople++].person = i;
	size_t cap = 0;
	for (size_t i = 0; i < snap->nkrs; i++) {
		const okr_kr *k = &snap->krs[i];
		long p = person_row(out, snap, k->owner_id);
		if (p < 0)
			continue;
		okr_rhythm_person *rp = &out->people[p];
		if (k->last_at > rp->last)
			rp->last = k->last_at;
		if (!is_open(snap, k, &as->krs[i]))
			continue;
		rp->nkrs++;
		if (k->last_at >= week_start)
			rp->checked_in = true;
		okr_status st = as->krs[i].status;
		if (st == STATUS_OUTDATED || st == STATUS_OFF_TRACK || st == STATUS_AT_RISK) {
			rp->nflagged++;
			add_kr(out, &cap, i, (size_t)p, st);
		}
	}
	/* Sorting people moves the rows the key results point at: sort the
	 * key results by person index first, then fix the owner indices. */
	sort_snap = snap;
	size_t *was = okr_xcalloc(out->npeople ? out->npeople : 1, sizeof *was);
	for (size_t i = 0; i < out->npeople; i++)
		was[i] = out->people[i].person;
	if (out->npeople)
		qsort(out->people, out->npeople, sizeof *out->people, cmp_person);
	for (size_t k = 0; k < out->nkrs; k++)
		for (size_t i = 0; i < out->npeople; i++)
			if (out->people[i].person == was[out->krs[k].owner]) {
				out->krs[k].owner = i;
				break;
			}
	free(was);
	if (out->nkrs)   /* krs is NULL when there are none */
		qsort(out->krs, out->nkrs, sizeof *out->krs, cmp_kr);
	for (size_t i = 0; i < out->npeople; i++)
		out->behind += out->people[i].nkrs && !out->people[i].checked_in;
}

void okr_rhythm_free(okr_rhythm *r)
{
	free(r->people);
	free(r->krs);
	memset(r, 0, sizeof *r);
}

okr_time okr_rhythm_week_start(okr_time now, int offset, int week_start)
{
	return (okr_time)score_week_first_day(score_week_of(now, offset, week_start), week_start) * 86400 -
	       (okr_time)offset * 60;
}
