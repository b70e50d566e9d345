/*
 * exchange.c — see exchange.h.
 *
 * The tables below are the whole file format: the writer (x_row) and the
 * reader (x_add) walk them field by field, so a field added to a row here is
 * exported, imported, checked and named in every message without another
 * line of code.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "exchange.h"
#include "okr/parse.h"
#include "okr/util.h"

enum { NAME_MAX_ = 1000, TEXT_MAX_ = 10000, UNIT_MAX_ = 40 };
static const double BIG = 1e15;

/* One field of struct T: F(T, member, "name", type, codec, ...the rest of x_field). */
#define F(T, m, name, type, codec, ...) { name, type, codec, offsetof(T, m), __VA_ARGS__ }
#define TEXT(T, m, name, type, max) F(T, m, name, type, X_TEXT, 0, max)
#define BODY(T, m, name, max) F(T, m, name, 's', X_BODY, 0, max)
#define WORD(T, m, name, words) F(T, m, name, 'e', X_WORD, 0, 0, &words)
#define NUM(T, m, name, lo, hi) F(T, m, name, 'n', X_NUM, lo, hi)
#define ID(T, m, name, type, kind) F(T, m, name, type, X_ID, 0, 0, NULL, kind)
#define WHEN(T, m, name) F(T, m, name, 't', X_TIME, 0, 0)

static const x_field f_cycle[] = {
	TEXT(okr_cycle, name, "name", 's', 100), F(okr_cycle, start, "start", 'd', X_DATE, 0, 0),
	F(okr_cycle, end, "end", 'd', X_DATE, 0, 0), WORD(okr_cycle, state, "state", okr_cycle_states),
	F(okr_cycle, current, "current", 'b', X_BOOL, 0, 0),
};
static const x_field f_team[] = {
	TEXT(okr_team, name, "name", 's', 200), F(okr_team, parent_id, "parent", 'r', X_PARENT, 0, 200),
};
static const x_field f_person[] = {
	TEXT(okr_person, login, "login", 's', 200), TEXT(okr_person, name, "name", 's', 200),
	WORD(okr_person, role, "role", okr_roles), F(okr_person, opt_out, "opt_out", 'b', X_BOOL, 0, 0),
};
static const x_field f_member[] = {
	TEXT(okr_membership, team, "team", 's', 200), TEXT(okr_membership, login, "login", 's', 200),
};
static const x_field f_kpi[] = {
	ID(okr_kpi, id, "id", 's', ID_KPI), TEXT(okr_kpi, name, "name", 's', 200),
	BODY(okr_kpi, unit, "unit", UNIT_MAX_), NUM(okr_kpi, target, "target", -BIG, BIG),
	WORD(okr_kpi, dir, "direction", okr_directions), BODY(okr_kpi, timeframe, "timeframe", 200),
	BODY(okr_kpi, source, "source", 200), WORD(okr_kpi, every, "frequency", okr_frequencies),
	TEXT(okr_kpi, owner, "owner", 'r', 200),
};
static const x_field f_obj[] = {
	ID(okr_objective, id, "id", 's', ID_OBJECTIVE), F(okr_objective, cycle_id, "cycle", 's', X_CYCLE, 0, 100),
	TEXT(okr_objective, title, "title", 's', NAME_MAX_), BODY(okr_objective, description, "description", TEXT_MAX_),
	TEXT(okr_objective, owner, "owner", 'r', 200), TEXT(okr_objective, team, "team", 'r', 200),
	ID(okr_objective, parent_id, "parent", 'r', ID_OBJECTIVE), WORD(okr_objective, kind, "kind", okr_obj_kinds),
	WORD(okr_objective, state, "state", okr_obj_states), NUM(okr_objective, weight, "weight", 0, 1000),
	F(okr_objective, archived, "archived", 'b', X_BOOL, 0, 0),
};
static const x_field f_kr[] = {
	ID(okr_kr, id, "id", 's', ID_KR), ID(okr_kr, objective_id, "objective", 's', ID_OBJECTIVE),
	TEXT(okr_kr, title, "title", 's', NAME_MAX_), TEXT(okr_kr, owner, "owner", 'r', 200),
	NUM(okr_kr, weight, "weight", 0, 1000), F(okr_kr, due, "due", 'D', X_DATE, 0, 0),
	WORD(okr_kr, type, "type", okr_kr_types), NUM(okr_kr, start, "start", -BIG, BIG),
	NUM(okr_kr, target, "target", -BIG, BIG), WORD(okr_kr, dir, "direction", okr_directions),
	BODY(okr_kr, unit, "unit", UNIT_MAX_), F(okr_kr, decimals, "decimals", 'i', X_INT, 0, 6),
	WORD(okr_kr, every, "frequency", okr_frequencies), ID(okr_kr, kpi_id, "kpi", 'r', ID_KPI),
	F(okr_kr, archived, "archived", 'b', X_BOOL, 0, 0),
};
static const x_field f_checkin[] = {
	TEXT(okr_checkin, uid, "uid", 's', 64), ID(okr_checkin, kr_id, "kr", 's', ID_KR),
	TEXT(okr_checkin, author, "author", 's', 200), WHEN(okr_checkin, at, "at"),
	NUM(okr_checkin, value, "value", -BIG, BIG), F(okr_checkin, confidence, "confidence", 'I', X_INT, 0, 10),
	BODY(okr_checkin, note, "note", TEXT_MAX_),
};
static const x_field f_sample[] = {
	TEXT(okr_sample, uid, "uid", 's', 64), ID(okr_sample, kpi_id, "kpi", 's', ID_KPI),
	TEXT(okr_sample, author, "author", 's', 200), WHEN(okr_sample, at, "at"),
	NUM(okr_sample, value, "value", -BIG, BIG), BODY(okr_sample, note, "note", TEXT_MAX_),
};
static const x_field f_comment[] = {
	F(okr_comment, target_id, "on", 's', X_TARGET, 0, 0), TEXT(okr_comment, author, "author", 's', 200),
	WHEN(okr_comment, at, "at"), TEXT(okr_comment, text, "text", 's', TEXT_MAX_),
};
static const x_field f_kudos[] = {
	TEXT(okr_kudos, from, "from", 's', 200), TEXT(okr_kudos, to, "to", 's', 200),
	ID(okr_kudos, kr_id, "kr", 'r', ID_KR), WHEN(okr_kudos, at, "at"),
	TEXT(okr_kudos, text, "text", 's', TEXT_MAX_),
};
static const x_field f_grade[] = {
	ID(okr_grade, kr_id, "kr", 's', ID_KR), NUM(okr_grade, score, "score", 0, 1),
	BODY(okr_grade, note, "note", TEXT_MAX_), TEXT(okr_grade, author, "author", 's', 200),
	WHEN(okr_grade, at, "at"),
};

#define RECORD(name, plural, fields, T, arr, n) \
	{ name, plural, fields, (int)(sizeof fields / sizeof fields[0]), sizeof(T), \
	  offsetof(okr_dump, arr), offsetof(okr_dump, n) }

const x_record x_records[LOAD_NKINDS] = {
	[LOAD_CYCLE] = RECORD("cycle", "cycles", f_cycle, okr_cycle, cycles, ncycles),
	[LOAD_TEAM] = RECORD("team", "teams", f_team, okr_team, teams, nteams),
	[LOAD_PERSON] = RECORD("person", "people", f_person, okr_person, people, npeople),
	[LOAD_MEMBER] = RECORD("member", "members", f_member, okr_membership, members, nmembers),
	[LOAD_KPI] = RECORD("kpi", "kpis", f_kpi, okr_kpi, kpis, nkpis),
	[LOAD_OBJECTIVE] = RECORD("objective", "objectives", f_obj, okr_objective, objs, nobjs),
	[LOAD_KR] = RECORD("key_result", "key_results", f_kr, okr_kr, krs, nkrs),
	[LOAD_CHECKIN] = RECORD("checkin", "checkins", f_checkin, okr_checkin, checkins, ncheckins),
	[LOAD_SAMPLE] = RECORD("sample", "samples", f_sample, okr_sample, samples, nsamples),
	[LOAD_COMMENT] = RECORD("comment", "comments", f_comment, okr_comment, comments, ncomments),
	[LOAD_KUDOS] = RECORD("kudos", "kudos", f_kudos, okr_kudos, kudos, nkudos),
	[LOAD_GRADE] = RECORD("grade", "grades", f_grade, okr_grade, grades, ngrades),
};

/* The enums of model.h are stored as int. */
_Static_assert(sizeof(okr_role) == sizeof(int) && sizeof(okr_kr_type) == sizeof(int), "enums are ints");

static char *base(const okr_dump *d, okr_load_kind kind)
{
	char *arr;
	memcpy(&arr, (const char *)d + x_records[kind].array, sizeof arr);
	return arr;
}

size_t x_count(const okr_dump *d, okr_load_kind kind)
{
	size_t n;
	memcpy(&n, (const char *)d + x_records[kind].count, sizeof n);
	return n;
}

void *x_elem(const okr_dump *d, okr_load_kind kind, size_t i)
{
	return base(d, kind) + i * x_records[kind].size;
}

bool x_nullable(char t) { return t == 'r' || t == 'I' || t == 'D'; }
bool x_is_number(char t) { return t == 'n' || t == 'i' || t == 'I'; }

/* v in decimal, into buf (at least 21 bytes): what "%lld" writes, without
 * printf's machinery, which was a tenth of a whole export's time. */
static char *put_int(long long v, char *buf)
{
	char tmp[24];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t n = 0;
	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	char *p = buf;
	if (v < 0)
		*p++ = '-';
	while (n)
		*p++ = tmp[--n];
	*p = '\0';
	return buf;
}

const char *x_int(long long v, char buf[static 24])
{
	return put_int(v, buf);
}

const char *x_num(double v, char buf[static 32])
{
	/* Whole numbers as people write them: 20, not 2e+01.  Below 1e15 the
	 * value is exactly a long long ("%.0f" writes the same digits). */
	if (v == 0 || (fabs(v) < 1e15 && v == trunc(v)))
		return put_int(v == 0 ? 0 : (long long)v, buf);
	for (int p = 1; p <= 17; p++) {
		snprintf(buf, 32, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			return buf;
	}
	return buf;
}

/* ---- dump → text ---- */

static char *dup_or_null(const char *s) { return s && *s ? okr_xstrdup(s) : NULL; }
static char *num(double v) { char b[32]; return okr_xstrdup(x_num(v, b)); }
static char *integer(long long v) { char b[32]; return okr_xstrdup(put_int(v, b)); }
static char *boolean(bool v) { return okr_xstrdup(v ? "true" : "false"); }
static char *date(okr_day d) { char b[11]; okr_format_date(d, b); return okr_xstrdup(b); }
static char *ref(okr_id_kind k, int64_t id) { char b[24]; return id ? okr_xstrdup(okr_format_id(k, id, b, sizeof b)) : NULL; }

const char *x_time(okr_time t, char buf[static 32])
{
	/* "YYYY-MM-DDTHH:MM:SSZ", written digit by digit (an export writes a
	 * million of them). */
	okr_format_date(okr_day_of(t), buf);
	long s = (long)(((t % 86400) + 86400) % 86400);
	int part[3] = { (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60) };
	char *p = buf + 10;
	*p++ = 'T';
	for (int i = 0; i < 3; i++) {
		*p++ = (char)('0' + part[i] / 10);
		*p++ = (char)('0' + part[i] % 10);
		*p++ = i < 2 ? ':' : 'Z';
	}
	*p = '\0';
	return buf;
}

static char *timestamp(okr_time t)
{
	char b[32];
	return okr_xstrdup(x_time(t, b));
}

static const char *cycle_name(const okr_dump *d, int64_t id)
{
	for (size_t i = 0; i < d->ncycles; i++)
		if (d->cycles[i].id == id)
			return d->cycles[i].name;
	return "";
}

static const char *team_name(const okr_dump *d, int64_t id)
{
	for (size_t i = 0; i < d->nteams; i++)
		if (d->teams[i].id == id)
			return d->teams[i].name;
	return NULL;
}

/* The text of one field of e, a record of d; NULL for null. */
static char *put(const okr_dump *d, const x_field *fd, const char *e)
{
	const void *m = e + fd->off;
	int64_t id;
	int n;
	okr_day day;
	switch (fd->codec) {
	case X_TEXT:
		return fd->type == 'r' ? dup_or_null(*(char *const *)m) : okr_xstrdup(*(char *const *)m);
	case X_BODY:
		return okr_xstrdup(*(char *const *)m);
	case X_WORD:
		return okr_xstrdup(okr_wire(fd->words, *(const int *)m));
	case X_NUM:
		return num(*(const double *)m);
	case X_INT:
		n = *(const int *)m;
		return fd->type == 'I' && n < 0 ? NULL : integer(n);
	case X_BOOL:
		return boolean(*(const bool *)m);
	case X_DATE:
		day = *(const okr_day *)m;
		return fd->type == 'D' && day <= 0 ? NULL : date(day);
	case X_TIME:
		return timestamp(*(const okr_time *)m);
	case X_ID:
		return ref(fd->id, *(const int64_t *)m);
	case X_CYCLE:
		return okr_xstrdup(cycle_name(d, *(const int64_t *)m));
	case X_PARENT:
		id = *(const int64_t *)m;
		return id ? dup_or_null(team_name(d, id)) : NULL;
	case X_TARGET: {
		const okr_comment *c = (const okr_comment *)e;
		return ref(c->target_kind == 'O' ? ID_OBJECTIVE : ID_KR, c->target_id);
	}
	}
	return NULL;
}

static void put_all(const okr_dump *d, okr_load_kind kind, const void *e, char **v)
{
	const x_record *r = &x_records[kind];
	for (int f = 0; f < r->nfields; f++)
		v[f] = put(d, &r->fields[f], e);
}

void x_row(const okr_dump *d, okr_load_kind kind, size_t i, char **v)
{
	put_all(d, kind, x_elem(d, kind, i), v);
}

/* History rows name nothing else in the dump: no cycle or team to look up. */
void x_log_row(okr_load_kind kind, const void *row, char **v)
{
	okr_dump none = { 0 };
	put_all(&none, kind, row, v);
}

void x_row_free(char **vals, int n)
{
	for (int i = 0; i < n; i++) {
		free(vals[i]);
		vals[i] = NULL;
	}
}

/* ---- text → dump ---- */

void x_file_init(x_file *f)
{
	memset(f, 0, sizeof *f);
}

void x_file_free(x_file *f)
{
	for (int k = 0; k < LOAD_NKINDS; k++) {
		for (size_t i = 0; i < x_count(&f->d, (okr_load_kind)k); i++)
			free(f->where[k][i]);
		free(f->where[k]);
	}
	for (size_t i = 0; i < f->d.nobjs; i++)
		free(f->obj_cycle[i]);
	for (size_t i = 0; i < f->d.nteams; i++)
		free(f->team_parent[i]);
	free(f->obj_cycle);
	free(f->team_parent);
	okr_dump_free(&f->d);
	memset(f, 0, sizeof *f);
}

typedef struct {
	char *err;
	size_t errlen;
	const char *where;
	const x_record *rec;
	char **v;
	bool bad;
} conv;

static bool bad(conv *c, int field, const char *what, const char *val)
{
	if (!c->bad) {
		char shown[48];
		okr_strlcpy(shown, val ? val : "null", sizeof shown);
		for (char *p = shown; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = '?';
		snprintf(c->err, c->errlen, _("%s: %s `%s`: %s (got \"%s\")"), c->where, c->rec->name,
			 c->rec->fields[field].name, what, shown);
	}
	c->bad = true;
	return false;
}

static char *text(conv *c, int f, size_t max, bool required)
{
	const char *v = c->v[f];
	if (!v)
		return NULL;
	if (!okr_utf8_valid(v)) {
		bad(c, f, _("not valid UTF-8"), "");
		return okr_xstrdup("");
	}
	char why[96];
	if (strlen(v) > max && snprintf(why, sizeof why, _("too long, %zu bytes (at most %zu)"), strlen(v), max))
		bad(c, f, why, "…");
	else if (required && !v[strspn(v, " \t\r\n")])
		bad(c, f, _("must not be empty"), v);
	return okr_xstrdup(v);
}

static int word(conv *c, int f, const okr_vocab *words)
{
	int v = 0;
	if (okr_wire_find(words, c->v[f], &v))
		return v;
	char what[128], list[96];
	snprintf(what, sizeof what, "%s %s", _("must be one of"), okr_wire_list(words, ", ", ", ", list, sizeof list));
	bad(c, f, what, c->v[f]);
	return 0;
}

static double number(conv *c, int f, double lo, double hi)
{
	double v = 0;
	if (!c->v[f] || !okr_parse_number(c->v[f], &v) || v < lo || v > hi) {
		char what[96];
		if (hi >= BIG)
			snprintf(what, sizeof what, _("must be a plain number (no units, NaN or inf; at most 1e15)"));
		else
			snprintf(what, sizeof what, _("must be a number from %g to %g"), lo, hi);
		bad(c, f, what, c->v[f]);
		return 0;
	}
	return v;
}

static long whole(conv *c, int f, long lo, long hi, long null_as)
{
	long v = 0;
	if (!c->v[f] && x_nullable(c->rec->fields[f].type))
		return null_as;
	if (!c->v[f] || !okr_parse_int(c->v[f], lo, hi, &v)) {
		char what[96];
		snprintf(what, sizeof what, _("must be a whole number from %ld to %ld"), lo, hi);
		bad(c, f, what, c->v[f]);
	}
	return v;
}

static bool flag(conv *c, int f)
{
	if (c->v[f] && !strcmp(c->v[f], "true"))
		return true;
	if (!c->v[f] || strcmp(c->v[f], "false"))
		bad(c, f, _("must be true or false"), c->v[f]);
	return false;
}

static okr_day day(conv *c, int f)
{
	okr_day d = 0;
	if (!c->v[f] && x_nullable(c->rec->fields[f].type))
		return 0;
	if (!c->v[f] || !okr_parse_date(c->v[f], &d))
		bad(c, f, _("must be a date YYYY-MM-DD"), c->v[f]);
	return d;
}

static okr_time when(conv *c, int f)
{
	const char *s = c->v[f];
	okr_day d;
	char ymd[11];
	int hh, mm, ss;
	char z, extra;
	if (s && strlen(s) == 20 && s[10] == 'T') {
		memcpy(ymd, s, 10);
		ymd[10] = '\0';
		if (okr_parse_date(ymd, &d) && sscanf(s + 11, "%2d:%2d:%2d%c%c", &hh, &mm, &ss, &z, &extra) == 4 &&
		    z == 'Z' && s[13] == ':' && s[16] == ':' && hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && ss >= 0 &&
		    ss < 60)
			return okr_day_start(d) + hh * 3600 + mm * 60 + ss;
	}
	bad(c, f, _("must be a UTC time YYYY-MM-DDTHH:MM:SSZ"), s);
	return 0;
}

static int64_t id_of(conv *c, int f, okr_id_kind want)
{
	int64_t id = 0;
	if (!c->v[f] && x_nullable(c->rec->fields[f].type))
		return 0;
	okr_id_kind k = c->v[f] ? okr_parse_id(c->v[f], &id) : ID_NONE;
	if (k != want || id <= 0) {
		bad(c, f, want == ID_OBJECTIVE ? _("must be an objective ID such as O12")
			  : want == ID_KR ? _("must be a key result ID such as K34") : _("must be a KPI ID such as KPI3"),
		    c->v[f]);
		return 0;
	}
	return id;
}

/* A new zeroed record of `kind` at the end of f's dump. */
static char *grow(x_file *f, okr_load_kind kind, size_t *n)
{
	const x_record *r = &x_records[kind];
	char *d = (char *)&f->d, *arr = base(&f->d, kind);
	*n = x_count(&f->d, kind) + 1;
	okr_xgrow(&arr, &f->cap[kind], *n, r->size);
	memset(arr + (*n - 1) * r->size, 0, r->size);
	memcpy(d + r->array, &arr, sizeof arr);
	memcpy(d + r->count, n, sizeof *n);
	return arr + (*n - 1) * r->size;
}

/* The side list x_check resolves: a name per record, or NULL. */
static void side(char ***list, size_t n, char *name)
{
	*list = okr_xrealloc(*list, n * sizeof **list);
	(*list)[n - 1] = name;
}

static void take(conv *c, x_file *xf, int f, char *e, size_t n)
{
	const x_field *fd = &c->rec->fields[f];
	void *m = e + fd->off;
	char *s;
	switch (fd->codec) {
	case X_TEXT:
		s = text(c, f, (size_t)fd->hi, fd->type != 'r');
		*(char **)m = s ? s : okr_xstrdup("");
		break;
	case X_BODY:
		s = text(c, f, (size_t)fd->hi, false);
		*(char **)m = s ? s : okr_xstrdup("");
		break;
	case X_WORD: *(int *)m = word(c, f, fd->words); break;
	case X_NUM: *(double *)m = number(c, f, fd->lo, fd->hi); break;
	case X_INT: *(int *)m = (int)whole(c, f, (long)fd->lo, (long)fd->hi, -1); break;
	case X_BOOL: *(bool *)m = flag(c, f); break;
	case X_DATE: *(okr_day *)m = day(c, f); break;
	case X_TIME: *(okr_time *)m = when(c, f); break;
	case X_ID: *(int64_t *)m = id_of(c, f, fd->id); break;
	case X_CYCLE: side(&xf->obj_cycle, n, text(c, f, (size_t)fd->hi, true)); break;
	case X_PARENT: side(&xf->team_parent, n, text(c, f, (size_t)fd->hi, false)); break;
	case X_TARGET: {
		okr_comment *cm = (okr_comment *)e;
		int64_t id = 0;
		okr_id_kind k = okr_parse_id(c->v[f], &id);
		if (k != ID_OBJECTIVE && k != ID_KR)
			bad(c, f, _("must be an objective or key result ID such as O12 or K34"), c->v[f]);
		cm->target_kind = k == ID_OBJECTIVE ? 'O' : 'K';
		cm->target_id = id;
		break;
	}
	}
}

/* What a record says beyond its fields one by one. */
static void finish(conv *c, okr_load_kind kind, char *e, size_t n)
{
	switch (kind) {
	case LOAD_CYCLE: {
		okr_cycle *cy = (okr_cycle *)e;
		cy->id = (int64_t)n;
		if (!c->bad && cy->end < cy->start)
			bad(c, 2, _("the cycle ends before it starts"), c->v[2]);
		break;
	}
	case LOAD_TEAM: ((okr_team *)e)->id = (int64_t)n; break;
	case LOAD_PERSON: ((okr_person *)e)->teams = okr_xstrdup(""); break;
	case LOAD_KR: ((okr_kr *)e)->confidence = -1; break;
	case LOAD_KUDOS: {
		const okr_kudos *k = (const okr_kudos *)e;
		if (!c->bad && !strcmp(k->from, k->to))
			bad(c, 1, _("kudos cannot go to the giver"), c->v[1]);
		break;
	}
	default:
		break;
	}
}

bool x_add(x_file *f, okr_load_kind kind, char **v, const char *where, char *err, size_t errlen)
{
	if (kind < 0 || kind >= LOAD_NKINDS)
		return false;
	conv c = { err, errlen, where, &x_records[kind], v, false };
	for (int i = 0; i < c.rec->nfields; i++)
		if (!v[i] && !x_nullable(c.rec->fields[i].type))
			return bad(&c, i, _("is missing (it may not be null or empty)"), NULL);
	size_t n;
	char *e = grow(f, kind, &n);
	for (int i = 0; i < c.rec->nfields; i++)
		take(&c, f, i, e, n);
	finish(&c, kind, e, n);
	okr_xgrow(&f->where[kind], &f->wcap[kind], n, sizeof *f->where[kind]);
	f->where[kind][n - 1] = okr_xstrdup(where);
	return !c.bad;
}
