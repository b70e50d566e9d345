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

/* Sorts the keys; returns the later record of the first duplicate found
 * (in file order), or -1. */
static long sort_keys(key *k, size_t n)
{
	long dup = -1;
	qsort(k, n, sizeof *k, cmp_key);
	for (size_t i = 1; i < n; i++) {
		key a = k[i - 1], b = k[i];
		a.at = b.at = 0;
		if (cmp_key(&a, &b) == 0 && (dup < 0 || (long)k[i].at < dup))
			dup = (long)k[i].at;
	}
	return dup;
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

/* A field of record i of `kind`: its text or its ID. */
static const x_field *field(okr_load_kind kind, const char *name)
{
	const x_record *r = &x_records[kind];
	for (int f = 0; f < r->nfields; f++)
		if (!strcmp(r->fields[f].name, name))
			return &r->fields[f];
	return NULL;
}

static const char *text_at(const okr_dump *d, okr_load_kind kind, const x_field *fd, size_t i)
{
	const char *s;
	memcpy(&s, (const char *)x_elem(d, kind, i) + fd->off, sizeof s);
	return s;
}

static int64_t id_at(const okr_dump *d, okr_load_kind kind, const x_field *fd, size_t i)
{
	int64_t id;
	memcpy(&id, (const char *)x_elem(d, kind, i) + fd->off, sizeof id);
	return id;
}

/* What stands in a file once only.  `index` marks the key that references
 * to the kind are resolved against (a cycle or team by name, the rest by ID). */
static const struct {
	okr_load_kind kind;
	const char *field;
	bool index;
	const char *what;
} unique[] = {
	{ LOAD_CYCLE, "name", true, N_("a second cycle with this name") },
	{ LOAD_TEAM, "name", true, N_("a second team with this name") },
	{ LOAD_PERSON, "login", false, N_("a second person with this login") },
	{ LOAD_KPI, "name", false, N_("a second KPI with this name") },
	{ LOAD_KPI, "id", true, N_("a second KPI with this ID") },
	{ LOAD_OBJECTIVE, "id", true, N_("a second objective with this ID") },
	{ LOAD_KR, "id", true, N_("a second key result with this ID") },
	{ LOAD_CHECKIN, "uid", false, N_("a second check-in with this uid") },
	{ LOAD_SAMPLE, "uid", false, N_("a second KPI value with this uid") },
	{ LOAD_GRADE, "kr", false, N_("a second grade for this key result") },
};

/* References by ID to another record of the file (0 where the field may be
 * null: none). */
static const struct {
	okr_load_kind kind;
	const char *field;
	okr_load_kind to;
	const char *what;
} links[] = {
	{ LOAD_OBJECTIVE, "parent", LOAD_OBJECTIVE, N_("no objective with that ID in the file") },
	{ LOAD_KR, "objective", LOAD_OBJECTIVE, N_("no objective with that ID in the file") },
	{ LOAD_KR, "kpi", LOAD_KPI, N_("no KPI with that ID in the file") },
	{ LOAD_CHECKIN, "kr", LOAD_KR, N_("no key result with that ID in the file") },
	{ LOAD_SAMPLE, "kpi", LOAD_KPI, N_("no KPI with that ID in the file") },
	{ LOAD_KUDOS, "kr", LOAD_KR, N_("no key result with that ID in the file") },
	{ LOAD_GRADE, "kr", LOAD_KR, N_("no key result with that ID in the file") },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

typedef struct {
	x_file *f;
	key *index[LOAD_NKINDS];
	char *err;
	size_t errlen;
} checker;

static bool ref_fail(checker *ch, okr_load_kind kind, size_t i, const char *field_name, const char *what)
{
	snprintf(ch->err, ch->errlen, "%s: %s `%s`: %s", ch->f->where[kind][i], x_records[kind].name, field_name,
		 _(what));
	return false;
}

static bool has(const checker *ch, okr_load_kind kind, int64_t id)
{
	return has_id(ch->index[kind], x_count(&ch->f->d, kind), id);
}

/* The names x_add kept aside (a team's parent, an objective's cycle) become
 * the IDs of the records they name. */
static bool resolve(checker *ch, okr_load_kind kind, size_t i)
{
	okr_dump *d = &ch->f->d;
	if (kind == LOAD_TEAM && ch->f->team_parent[i]) {
		long p = find_name(ch->index[LOAD_TEAM], d->nteams, ch->f->team_parent[i]);
		if (p < 0)
			return ref_fail(ch, kind, i, "parent", N_("no team of that name in the file"));
		d->teams[i].parent_id = d->teams[p].id;
	} else if (kind == LOAD_OBJECTIVE) {
		long c = find_name(ch->index[LOAD_CYCLE], d->ncycles, ch->f->obj_cycle[i]);
		if (c < 0)
			return ref_fail(ch, kind, i, "cycle", N_("no cycle of that name in the file"));
		d->objs[i].cycle_id = d->cycles[c].id;
	}
	return true;
}

/* What holds between the fields of one record once its references do. */
static bool rules(checker *ch, okr_load_kind kind, size_t i)
{
	const okr_dump *d = &ch->f->d;
	if (kind == LOAD_OBJECTIVE && d->objs[i].parent_id == d->objs[i].id)
		return ref_fail(ch, kind, i, "parent", N_("an objective cannot align to itself"));
	if (kind == LOAD_KR && d->krs[i].type == KR_METRIC && d->krs[i].start == d->krs[i].target)
		return ref_fail(ch, kind, i, "target", N_("a metric's start and target must differ"));
	if (kind == LOAD_COMMENT) {
		const okr_comment *c = &d->comments[i];
		if (!has(ch, c->target_kind == 'O' ? LOAD_OBJECTIVE : LOAD_KR, c->target_id))
			return ref_fail(ch, kind, i, "on", N_("no such objective or key result in the file"));
	}
	return true;
}

static bool record_ok(checker *ch, okr_load_kind kind, size_t i)
{
	if (!resolve(ch, kind, i))
		return false;
	for (size_t l = 0; l < NELEM(links); l++) {
		if (links[l].kind != kind)
			continue;
		int64_t id = id_at(&ch->f->d, kind, field(kind, links[l].field), i);
		if ((id || !x_nullable(field(kind, links[l].field)->type)) && !has(ch, links[l].to, id))
			return ref_fail(ch, kind, i, links[l].field, links[l].what);
	}
	return rules(ch, kind, i);
}

bool x_check(x_file *f, char *err, size_t errlen)
{
	checker ch = { f, { 0 }, err, errlen };
	const okr_dump *d = &f->d;
	bool ok = true;

	for (size_t u = 0; u < NELEM(unique); u++) {
		okr_load_kind kind = unique[u].kind;
		const x_field *fd = field(kind, unique[u].field);
		bool by_name = fd->codec == X_TEXT;
		size_t n = x_count(d, kind);
		key *k = okr_xcalloc(n ? n : 1, sizeof *k);
		for (size_t i = 0; i < n; i++)
			k[i] = (key){ by_name ? text_at(d, kind, fd, i) : NULL, by_name ? 0 : id_at(d, kind, fd, i), i };
		long dup = sort_keys(k, n);
		if (ok && dup >= 0) {
			snprintf(err, errlen, "%s: %s: %s", f->where[kind][dup], x_records[kind].name, _(unique[u].what));
			ok = false;
		}
		if (unique[u].index)
			ch.index[kind] = k;
		else
			free(k);
	}
	for (int kind = 0; ok && kind < LOAD_NKINDS; kind++)
		for (size_t i = 0; ok && i < x_count(d, (okr_load_kind)kind); i++)
			ok = record_ok(&ch, (okr_load_kind)kind, i);
	for (int kind = 0; kind < LOAD_NKINDS; kind++)
		free(ch.index[kind]);
	return ok;
}
