/*
 * exchange_check.c — the last step of reading an import (see exchange.h):
 * every reference names something in the file or the database, and nothing
 * is there twice.  Rows have been converted one by one in exchange.c; only
 * here is the file seen whole, so only here can a dangling parent or a
 * duplicate check-in id be reported, by line, before anything is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "exchange.h"
#include "okr/util.h"

/* ---- references and duplicates ---- */

typedef struct {
	const char *s;
	int64_t id;
	size_t at;
} key;

static int cmp_key(const void *a, const void *b)
{
	const key *x = a, *y = b;
	int c = x->s && y->s ? strcmp(x->s, y->s) : 0;
	if (c)
		return c;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Sorted keys; *dup gets the later record of the first duplicate found (in
 * file order), or stays -1. */
static key *keys_sorted(size_t n, const char *(*s_of)(const okr_dump *, size_t), int64_t (*id_of_)(const okr_dump *, size_t),
			const okr_dump *d, long *dup)
{
	key *k = okr_xcalloc(n ? n : 1, sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = (key){ s_of ? s_of(d, i) : NULL, id_of_ ? id_of_(d, i) : 0, i };
	qsort(k, n, sizeof *k, cmp_key);
	*dup = -1;
	for (size_t i = 1; i < n; i++) {
		key a = k[i - 1], b = k[i];
		a.at = b.at = 0;
		if (cmp_key(&a, &b) == 0 && (*dup < 0 || (long)k[i].at < *dup))
			*dup = (long)k[i].at;
	}
	return k;
}

static bool has_id(const key *k, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (k[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && k[lo].id == id;
}

static long find_name(const key *k, size_t n, const char *s)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(k[mid].s, s) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !strcmp(k[lo].s, s) ? (long)k[lo].at : -1;
}

static const char *s_cycle(const okr_dump *d, size_t i) { return d->cycles[i].name; }
static const char *s_team(const okr_dump *d, size_t i) { return d->teams[i].name; }
static const char *s_person(const okr_dump *d, size_t i) { return d->people[i].login; }
static const char *s_kpi(const okr_dump *d, size_t i) { return d->kpis[i].name; }
static const char *s_checkin(const okr_dump *d, size_t i) { return d->checkins[i].uid; }
static const char *s_sample(const okr_dump *d, size_t i) { return d->samples[i].uid; }
static int64_t i_kpi(const okr_dump *d, size_t i) { return d->kpis[i].id; }
static int64_t i_obj(const okr_dump *d, size_t i) { return d->objs[i].id; }
static int64_t i_kr(const okr_dump *d, size_t i) { return d->krs[i].id; }
static int64_t i_grade(const okr_dump *d, size_t i) { return d->grades[i].kr_id; }

static bool ref_fail(x_file *f, okr_load_kind kind, size_t i, const char *field, const char *what, char *err,
		     size_t errlen)
{
	snprintf(err, errlen, "%s: %s `%s`: %s", f->where[kind][i], x_records[kind].name, field, what);
	return false;
}

static bool dup_fail(x_file *f, okr_load_kind kind, long i, const char *what, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s: %s", f->where[kind][i], x_records[kind].name, what);
	return false;
}

bool x_check(x_file *f, char *err, size_t errlen)
{
	okr_dump *d = &f->d;
	long dup;
	bool ok = true;
	char what[160];
	key *cy = keys_sorted(d->ncycles, s_cycle, NULL, d, &dup);
	if (dup >= 0)
		ok = dup_fail(f, LOAD_CYCLE, dup, _("a second cycle with this name"), err, errlen);
	key *tm = keys_sorted(d->nteams, s_team, NULL, d, &dup);
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_TEAM, dup, _("a second team with this name"), err, errlen);
	free(keys_sorted(d->npeople, s_person, NULL, d, &dup));
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_PERSON, dup, _("a second person with this login"), err, errlen);
	free(keys_sorted(d->nkpis, s_kpi, NULL, d, &dup));
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_KPI, dup, _("a second KPI with this name"), err, errlen);
	key *kp = keys_sorted(d->nkpis, NULL, i_kpi, d, &dup);
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_KPI, dup, _("a second KPI with this ID"), err, errlen);
	key *ob = keys_sorted(d->nobjs, NULL, i_obj, d, &dup);
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_OBJECTIVE, dup, _("a second objective with this ID"), err, errlen);
	key *kr = keys_sorted(d->nkrs, NULL, i_kr, d, &dup);
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_KR, dup, _("a second key result with this ID"), err, errlen);
	free(keys_sorted(d->ncheckins, s_checkin, NULL, d, &dup));
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_CHECKIN, dup, _("a second check-in with this uid"), err, errlen);
	free(keys_sorted(d->nsamples, s_sample, NULL, d, &dup));
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_SAMPLE, dup, _("a second KPI value with this uid"), err, errlen);
	free(keys_sorted(d->ngrades, NULL, i_grade, d, &dup));
	if (ok && dup >= 0)
		ok = dup_fail(f, LOAD_GRADE, dup, _("a second grade for this key result"), err, errlen);

	for (size_t i = 0; ok && i < d->nteams; i++) {
		if (!f->team_parent[i])
			continue;
		long p = find_name(tm, d->nteams, f->team_parent[i]);
		if (p < 0)
			ok = ref_fail(f, LOAD_TEAM, i, "parent", _("no team of that name in the file"), err, errlen);
		else
			d->teams[i].parent_id = d->teams[p].id;
	}
	for (size_t i = 0; ok && i < d->nobjs; i++) {
		long cyi = find_name(cy, d->ncycles, f->obj_cycle[i]);
		if (cyi < 0)
			ok = ref_fail(f, LOAD_OBJECTIVE, i, "cycle", _("no cycle of that name in the file"), err, errlen);
		else
			d->objs[i].cycle_id = d->cycles[cyi].id;
		if (ok && d->objs[i].parent_id && !has_id(ob, d->nobjs, d->objs[i].parent_id))
			ok = ref_fail(f, LOAD_OBJECTIVE, i, "parent", _("no objective with that ID in the file"), err, errlen);
		if (ok && d->objs[i].parent_id == d->objs[i].id)
			ok = ref_fail(f, LOAD_OBJECTIVE, i, "parent", _("an objective cannot align to itself"), err, errlen);
	}
	for (size_t i = 0; ok && i < d->nkrs; i++) {
		if (!has_id(ob, d->nobjs, d->krs[i].objective_id))
			ok = ref_fail(f, LOAD_KR, i, "objective", _("no objective with that ID in the file"), err, errlen);
		else if (d->krs[i].kpi_id && !has_id(kp, d->nkpis, d->krs[i].kpi_id))
			ok = ref_fail(f, LOAD_KR, i, "kpi", _("no KPI with that ID in the file"), err, errlen);
		else if (d->krs[i].type == KR_METRIC && d->krs[i].start == d->krs[i].target)
			ok = ref_fail(f, LOAD_KR, i, "target", _("a metric's start and target must differ"), err, errlen);
	}
	snprintf(what, sizeof what, "%s", _("no key result with that ID in the file"));
	for (size_t i = 0; ok && i < d->ncheckins; i++)
		if (!has_id(kr, d->nkrs, d->checkins[i].kr_id))
			ok = ref_fail(f, LOAD_CHECKIN, i, "kr", what, err, errlen);
	for (size_t i = 0; ok && i < d->nsamples; i++)
		if (!has_id(kp, d->nkpis, d->samples[i].kpi_id))
			ok = ref_fail(f, LOAD_SAMPLE, i, "kpi", _("no KPI with that ID in the file"), err, errlen);
	for (size_t i = 0; ok && i < d->ncomments; i++) {
		const okr_comment *c = &d->comments[i];
		if (!has_id(c->target_kind == 'O' ? ob : kr, c->target_kind == 'O' ? d->nobjs : d->nkrs, c->target_id))
			ok = ref_fail(f, LOAD_COMMENT, i, "on", _("no such objective or key result in the file"), err, errlen);
	}
	for (size_t i = 0; ok && i < d->nkudos; i++)
		if (d->kudos[i].kr_id && !has_id(kr, d->nkrs, d->kudos[i].kr_id))
			ok = ref_fail(f, LOAD_KUDOS, i, "kr", what, err, errlen);
	for (size_t i = 0; ok && i < d->ngrades; i++)
		if (!has_id(kr, d->nkrs, d->grades[i].kr_id))
			ok = ref_fail(f, LOAD_GRADE, i, "kr", what, err, errlen);
	free(cy);
	free(tm);
	free(kp);
	free(ob);
	free(kr);
	return ok;
}
