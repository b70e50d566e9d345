/*
 * exchange.c — see exchange.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "exchange.h"
#include "okr/parse.h"
#include "okr/util.h"

#define FIELDS(a) a, (int)(sizeof a / sizeof a[0])

static const x_field f_cycle[] = { { "name", 's' }, { "start", 'd' }, { "end", 'd' }, { "state", 'e' },
				   { "current", 'b' } };
static const x_field f_team[] = { { "name", 's' }, { "parent", 'r' } };
static const x_field f_person[] = { { "login", 's' }, { "name", 's' }, { "role", 'e' }, { "opt_out", 'b' } };
static const x_field f_member[] = { { "team", 's' }, { "login", 's' } };
static const x_field f_kpi[] = { { "id", 's' }, { "name", 's' }, { "unit", 's' }, { "target", 'n' },
				 { "direction", 'e' }, { "timeframe", 's' }, { "source", 's' },
				 { "frequency", 'e' }, { "owner", 'r' } };
static const x_field f_obj[] = { { "id", 's' }, { "cycle", 's' }, { "title", 's' }, { "description", 's' },
				 { "owner", 'r' }, { "team", 'r' }, { "parent", 'r' }, { "kind", 'e' },
				 { "state", 'e' }, { "weight", 'n' }, { "archived", 'b' } };
static const x_field f_kr[] = { { "id", 's' }, { "objective", 's' }, { "title", 's' }, { "owner", 'r' },
				{ "weight", 'n' }, { "due", 'D' }, { "type", 'e' }, { "start", 'n' },
				{ "target", 'n' }, { "direction", 'e' }, { "unit", 's' }, { "decimals", 'i' },
				{ "frequency", 'e' }, { "kpi", 'r' }, { "archived", 'b' } };
static const x_field f_checkin[] = { { "uid", 's' }, { "kr", 's' }, { "author", 's' }, { "at", 't' },
				     { "value", 'n' }, { "confidence", 'I' }, { "note", 's' } };
static const x_field f_sample[] = { { "uid", 's' }, { "kpi", 's' }, { "author", 's' }, { "at", 't' },
				    { "value", 'n' }, { "note", 's' } };
static const x_field f_comment[] = { { "on", 's' }, { "author", 's' }, { "at", 't' }, { "text", 's' } };
static const x_field f_kudos[] = { { "from", 's' }, { "to", 's' }, { "kr", 'r' }, { "at", 't' },
				   { "text", 's' } };
static const x_field f_grade[] = { { "kr", 's' }, { "score", 'n' }, { "note", 's' }, { "author", 's' },
				   { "at", 't' } };

const x_record x_records[LOAD_NKINDS] = {
	[LOAD_CYCLE] = { "cycle", "cycles", FIELDS(f_cycle) },
	[LOAD_TEAM] = { "team", "teams", FIELDS(f_team) },
	[LOAD_PERSON] = { "person", "people", FIELDS(f_person) },
	[LOAD_MEMBER] = { "member", "members", FIELDS(f_member) },
	[LOAD_KPI] = { "kpi", "kpis", FIELDS(f_kpi) },
	[LOAD_OBJECTIVE] = { "objective", "objectives", FIELDS(f_obj) },
	[LOAD_KR] = { "key_result", "key_results", FIELDS(f_kr) },
	[LOAD_CHECKIN] = { "checkin", "checkins", FIELDS(f_checkin) },
	[LOAD_SAMPLE] = { "sample", "samples", FIELDS(f_sample) },
	[LOAD_COMMENT] = { "comment", "comments", FIELDS(f_comment) },
	[LOAD_KUDOS] = { "kudos", "kudos", FIELDS(f_kudos) },
	[LOAD_GRADE] = { "grade", "grades", FIELDS(f_grade) },
};

static const char *const cycle_states[] = { "planning", "active", "closed", NULL };
static const char *const roles[] = { "member", "lead", "admin", NULL };
static const char *const dirs[] = { "at_least", "at_most", NULL };
static const char *const freqs[] = { "daily", "weekly", "monthly", NULL };
static const char *const kinds[] = { "committed", "aspirational", NULL };
static const char *const obj_states[] = { "draft", "active", "closed", NULL };
static const char *const kr_types[] = { "metric", "threshold", "milestone", NULL };

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

void x_row(const okr_dump *d, okr_load_kind kind, size_t i, char **v)
{
	switch (kind) {
	case LOAD_CYCLE: {
		const okr_cycle *c = &d->cycles[i];
		v[0] = okr_xstrdup(c->name); v[1] = date(c->start); v[2] = date(c->end);
		v[3] = okr_xstrdup(cycle_states[c->state]); v[4] = boolean(c->current);
		break;
	}
	case LOAD_TEAM:
		v[0] = okr_xstrdup(d->teams[i].name);
		v[1] = d->teams[i].parent_id ? dup_or_null(team_name(d, d->teams[i].parent_id)) : NULL;
		break;
	case LOAD_PERSON: {
		const okr_person *p = &d->people[i];
		v[0] = okr_xstrdup(p->login); v[1] = okr_xstrdup(p->name); v[2] = okr_xstrdup(roles[p->role]);
		v[3] = boolean(p->opt_out);
		break;
	}
	case LOAD_MEMBER:
		v[0] = okr_xstrdup(d->members[i].team); v[1] = okr_xstrdup(d->members[i].login);
		break;
	case LOAD_KPI: {
		const okr_kpi *k = &d->kpis[i];
		v[0] = ref(ID_KPI, k->id); v[1] = okr_xstrdup(k->name); v[2] = okr_xstrdup(k->unit);
		v[3] = num(k->target); v[4] = okr_xstrdup(dirs[k->dir]); v[5] = okr_xstrdup(k->timeframe);
		v[6] = okr_xstrdup(k->source); v[7] = okr_xstrdup(freqs[k->every]); v[8] = dup_or_null(k->owner);
		break;
	}
	case LOAD_OBJECTIVE: {
		const okr_objective *o = &d->objs[i];
		v[0] = ref(ID_OBJECTIVE, o->id); v[1] = okr_xstrdup(cycle_name(d, o->cycle_id));
		v[2] = okr_xstrdup(o->title); v[3] = okr_xstrdup(o->description); v[4] = dup_or_null(o->owner);
		v[5] = dup_or_null(o->team); v[6] = ref(ID_OBJECTIVE, o->parent_id); v[7] = okr_xstrdup(kinds[o->kind]);
		v[8] = okr_xstrdup(obj_states[o->state]); v[9] = num(o->weight); v[10] = boolean(o->archived);
		break;
	}
	case LOAD_KR: {
		const okr_kr *k = &d->krs[i];
		v[0] = ref(ID_KR, k->id); v[1] = ref(ID_OBJECTIVE, k->objective_id); v[2] = okr_xstrdup(k->title);
		v[3] = dup_or_null(k->owner); v[4] = num(k->weight); v[5] = k->due > 0 ? date(k->due) : NULL;
		v[6] = okr_xstrdup(kr_types[k->type]); v[7] = num(k->start); v[8] = num(k->target);
		v[9] = okr_xstrdup(dirs[k->dir]); v[10] = okr_xstrdup(k->unit); v[11] = integer(k->decimals);
		v[12] = okr_xstrdup(freqs[k->every]); v[13] = ref(ID_KPI, k->kpi_id); v[14] = boolean(k->archived);
		break;
	}
	case LOAD_CHECKIN: {
		const okr_checkin *c = &d->checkins[i];
		v[0] = okr_xstrdup(c->uid); v[1] = ref(ID_KR, c->kr_id); v[2] = okr_xstrdup(c->author);
		v[3] = timestamp(c->at); v[4] = num(c->value); v[5] = c->confidence >= 0 ? integer(c->confidence) : NULL;
		v[6] = okr_xstrdup(c->note);
		break;
	}
	case LOAD_SAMPLE: {
		const okr_sample *x = &d->samples[i];
		v[0] = okr_xstrdup(x->uid); v[1] = ref(ID_KPI, x->kpi_id); v[2] = okr_xstrdup(x->author);
		v[3] = timestamp(x->at); v[4] = num(x->value); v[5] = okr_xstrdup(x->note);
		break;
	}
	case LOAD_COMMENT: {
		const okr_comment *c = &d->comments[i];
		v[0] = ref(c->target_kind == 'O' ? ID_OBJECTIVE : ID_KR, c->target_id); v[1] = okr_xstrdup(c->author);
		v[2] = timestamp(c->at); v[3] = okr_xstrdup(c->text);
		break;
	}
	case LOAD_KUDOS: {
		const okr_kudos *k = &d->kudos[i];
		v[0] = okr_xstrdup(k->from); v[1] = okr_xstrdup(k->to); v[2] = ref(ID_KR, k->kr_id);
		v[3] = timestamp(k->at); v[4] = okr_xstrdup(k->text);
		break;
	}
	case LOAD_GRADE: {
		const okr_grade *g = &d->grades[i];
		v[0] = ref(ID_KR, g->kr_id); v[1] = num(g->score); v[2] = okr_xstrdup(g->note);
		v[3] = okr_xstrdup(g->author); v[4] = timestamp(g->at);
		break;
	}
	case LOAD_NKINDS:
		break;
	}
}

void x_log_row(okr_load_kind kind, const void *row, char **v)
{
	/* A dump of one row: history rows name nothing else in the dump. */
	okr_dump one = { 0 };
	union { const void *c; void *m; } p = { row };
	switch (kind) {
	case LOAD_CHECKIN: one.checkins = p.m; one.ncheckins = 1; break;
	case LOAD_SAMPLE: one.samples = p.m; one.nsamples = 1; break;
	case LOAD_COMMENT: one.comments = p.m; one.ncomments = 1; break;
	case LOAD_KUDOS: one.kudos = p.m; one.nkudos = 1; break;
	default: return;
	}
	x_row(&one, kind, 0, v);
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
	size_t counts[LOAD_NKINDS] = { f->d.ncycles, f->d.nteams, f->d.npeople, f->d.nmembers, f->d.nkpis,
				       f->d.nobjs, f->d.nkrs, f->d.ncheckins, f->d.nsamples, f->d.ncomments,
				       f->d.nkudos, f->d.ngrades };
	for (int k = 0; k < LOAD_NKINDS; k++) {
		for (size_t i = 0; i < counts[k]; i++)
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

static char *str(conv *c, int f, size_t max) { return text(c, f, max, c->rec->fields[f].type != 'r'); }
static char *body(conv *c, int f, size_t max) { char *s = text(c, f, max, false); return s ? s : okr_xstrdup(""); }

static int word(conv *c, int f, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (c->v[f] && !strcmp(c->v[f], words[i]))
			return i;
	char what[128];
	okr_strlcpy(what, _("must be one of"), sizeof what);
	for (int i = 0; words[i]; i++) {
		strncat(what, i ? ", " : " ", sizeof what - strlen(what) - 1);
		strncat(what, words[i], sizeof what - strlen(what) - 1);
	}
	bad(c, f, what, c->v[f]);
	return 0;
}

static const double BIG = 1e15;

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

#define GROW(arr, n, kind) (okr_xgrow(&(arr), &f->cap[kind], (n) + 1, sizeof *(arr)), \
			    memset(&(arr)[n], 0, sizeof *(arr)), &(arr)[(n)++])

enum { NAME_MAX_ = 1000, TEXT_MAX_ = 10000, UNIT_MAX_ = 40 };

bool x_add(x_file *f, okr_load_kind kind, char **v, const char *where, char *err, size_t errlen)
{
	conv c = { err, errlen, where, &x_records[kind], v, false };
	for (int i = 0; i < c.rec->nfields; i++)
		if (!v[i] && !x_nullable(c.rec->fields[i].type))
			return bad(&c, i, _("is missing (it may not be null or empty)"), NULL);
	okr_dump *d = &f->d;
	size_t n = 0;
	switch (kind) {
	case LOAD_CYCLE: {
		okr_cycle *e = GROW(d->cycles, d->ncycles, kind);
		n = d->ncycles;
		e->id = (int64_t)n;
		e->name = str(&c, 0, 100);
		e->start = day(&c, 1);
		e->end = day(&c, 2);
		e->state = (okr_cycle_state)word(&c, 3, cycle_states);
		e->current = flag(&c, 4);
		if (!c.bad && e->end < e->start)
			bad(&c, 2, _("the cycle ends before it starts"), v[2]);
		break;
	}
	case LOAD_TEAM: {
		okr_team *e = GROW(d->teams, d->nteams, kind);
		n = d->nteams;
		e->id = (int64_t)n;
		e->name = str(&c, 0, 200);
		f->team_parent = okr_xrealloc(f->team_parent, n * sizeof *f->team_parent);
		f->team_parent[n - 1] = str(&c, 1, 200);
		break;
	}
	case LOAD_PERSON: {
		okr_person *e = GROW(d->people, d->npeople, kind);
		n = d->npeople;
		e->login = str(&c, 0, 200);
		e->name = str(&c, 1, 200);
		e->role = (okr_role)word(&c, 2, roles);
		e->opt_out = flag(&c, 3);
		e->teams = okr_xstrdup("");
		break;
	}
	case LOAD_MEMBER: {
		okr_membership *e = GROW(d->members, d->nmembers, kind);
		n = d->nmembers;
		e->team = str(&c, 0, 200);
		e->login = str(&c, 1, 200);
		break;
	}
	case LOAD_KPI: {
		okr_kpi *e = GROW(d->kpis, d->nkpis, kind);
		n = d->nkpis;
		e->id = id_of(&c, 0, ID_KPI);
		e->name = str(&c, 1, 200);
		e->unit = body(&c, 2, UNIT_MAX_);
		e->target = number(&c, 3, -BIG, BIG);
		e->dir = (okr_direction)word(&c, 4, dirs);
		e->timeframe = body(&c, 5, 200);
		e->source = body(&c, 6, 200);
		e->every = (okr_frequency)word(&c, 7, freqs);
		char *o = str(&c, 8, 200);
		e->owner = o ? o : okr_xstrdup("");
		break;
	}
	case LOAD_OBJECTIVE: {
		okr_objective *e = GROW(d->objs, d->nobjs, kind);
		n = d->nobjs;
		e->id = id_of(&c, 0, ID_OBJECTIVE);
		f->obj_cycle = okr_xrealloc(f->obj_cycle, n * sizeof *f->obj_cycle);
		f->obj_cycle[n - 1] = str(&c, 1, 100);
		e->title = str(&c, 2, NAME_MAX_);
		e->description = body(&c, 3, TEXT_MAX_);
		char *o = str(&c, 4, 200), *t = str(&c, 5, 200);
		e->owner = o ? o : okr_xstrdup("");
		e->team = t ? t : okr_xstrdup("");
		e->parent_id = id_of(&c, 6, ID_OBJECTIVE);
		e->kind = (okr_obj_kind)word(&c, 7, kinds);
		e->state = (okr_obj_state)word(&c, 8, obj_states);
		e->weight = number(&c, 9, 0, 1000);
		e->archived = flag(&c, 10);
		break;
	}
	case LOAD_KR: {
		okr_kr *e = GROW(d->krs, d->nkrs, kind);
		n = d->nkrs;
		e->id = id_of(&c, 0, ID_KR);
		e->objective_id = id_of(&c, 1, ID_OBJECTIVE);
		e->title = str(&c, 2, NAME_MAX_);
		char *o = str(&c, 3, 200);
		e->owner = o ? o : okr_xstrdup("");
		e->weight = number(&c, 4, 0, 1000);
		e->due = day(&c, 5);
		e->type = (okr_kr_type)word(&c, 6, kr_types);
		e->start = number(&c, 7, -BIG, BIG);
		e->target = number(&c, 8, -BIG, BIG);
		e->dir = (okr_direction)word(&c, 9, dirs);
		e->unit = body(&c, 10, UNIT_MAX_);
		e->decimals = (int)whole(&c, 11, 0, 6, 0);
		e->every = (okr_frequency)word(&c, 12, freqs);
		e->kpi_id = id_of(&c, 13, ID_KPI);
		e->archived = flag(&c, 14);
		e->confidence = -1;
		break;
	}
	case LOAD_CHECKIN: {
		okr_checkin *e = GROW(d->checkins, d->ncheckins, kind);
		n = d->ncheckins;
		e->uid = str(&c, 0, 64);
		e->kr_id = id_of(&c, 1, ID_KR);
		e->author = str(&c, 2, 200);
		e->at = when(&c, 3);
		e->value = number(&c, 4, -BIG, BIG);
		e->confidence = (int)whole(&c, 5, 0, 10, -1);
		e->note = body(&c, 6, TEXT_MAX_);
		break;
	}
	case LOAD_SAMPLE: {
		okr_sample *e = GROW(d->samples, d->nsamples, kind);
		n = d->nsamples;
		e->uid = str(&c, 0, 64);
		e->kpi_id = id_of(&c, 1, ID_KPI);
		e->author = str(&c, 2, 200);
		e->at = when(&c, 3);
		e->value = number(&c, 4, -BIG, BIG);
		e->note = body(&c, 5, TEXT_MAX_);
		break;
	}
	case LOAD_COMMENT: {
		okr_comment *e = GROW(d->comments, d->ncomments, kind);
		n = d->ncomments;
		int64_t id = 0;
		okr_id_kind k = okr_parse_id(v[0], &id);
		if (k != ID_OBJECTIVE && k != ID_KR)
			bad(&c, 0, _("must be an objective or key result ID such as O12 or K34"), v[0]);
		e->target_kind = k == ID_OBJECTIVE ? 'O' : 'K';
		e->target_id = id;
		e->author = str(&c, 1, 200);
		e->at = when(&c, 2);
		e->text = str(&c, 3, TEXT_MAX_);
		break;
	}
	case LOAD_KUDOS: {
		okr_kudos *e = GROW(d->kudos, d->nkudos, kind);
		n = d->nkudos;
		e->from = str(&c, 0, 200);
		e->to = str(&c, 1, 200);
		e->kr_id = id_of(&c, 2, ID_KR);
		e->at = when(&c, 3);
		e->text = str(&c, 4, TEXT_MAX_);
		if (!c.bad && !strcmp(e->from, e->to))
			bad(&c, 1, _("kudos cannot go to the giver"), v[1]);
		break;
	}
	case LOAD_GRADE: {
		okr_grade *e = GROW(d->grades, d->ngrades, kind);
		n = d->ngrades;
		e->kr_id = id_of(&c, 0, ID_KR);
		e->score = number(&c, 1, 0, 1);
		e->note = body(&c, 2, TEXT_MAX_);
		e->author = str(&c, 3, 200);
		e->at = when(&c, 4);
		break;
	}
	case LOAD_NKINDS:
		return false;
	}
	okr_xgrow(&f->where[kind], &f->wcap[kind], n, sizeof *f->where[kind]);
	f->where[kind][n - 1] = okr_xstrdup(where);
	return !c.bad;
}
