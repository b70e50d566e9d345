/*
 * write_log.c — the records people add rather than edit: check-ins, KPI
 * samples, comments, kudos and grades.
 *
 * Check-ins and samples are append-only (the schema's triggers refuse UPDATE
 * and DELETE) and carry a client-made unique id inserted with ON CONFLICT DO
 * NOTHING: a command retried after a lost acknowledgement never counts twice.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/progress.h"
#include "okr/permit.h"
#include "okr/util.h"
#include "store_int.h"

enum { NOTE_MAX = 10000 };

struct log_ctx {
	int64_t target;
	double value;
	int confidence;
	const char *text, *uid, *client, *to;
	char kind;
	okr_time at;
	int64_t id;
	char made[33], scoped[33];
};

/* A client id already used in its scope (c->kind: 'K' a key result, 'P' a
 * KPI): the same write (c->id set, OK) or a different one (OKR_E_REUSED).
 * The uid the row will carry is made here, once the person writing is known. */
static okr_result client_seen(okr_store *s, struct log_ctx *c)
{
	c->id = 0;          /* the body may run again after a busy commit */
	s->repeat = false;
	c->uid = c->made;
	if (!c->client)
		return OKR_OK;
	store_client_uid(c->kind, c->target, s->me.id, c->client, c->scoped);
	c->uid = c->scoped;
	store_client_write w = { .kind = c->kind, .target = c->target, .client = c->client, .uid = c->uid,
				 .note = c->text, .value = c->value, .confidence = c->confidence };
	return store_client_check(s, &w, &c->id);
}

/* Insert a check-in or a KPI value (sql binds ?1 uid, ?2 the key result or
 * KPI, ?3 the author, ?4 value, ?5 note, ?6 time, ?7 a check-in's
 * confidence): *made false when no row was made (the uid collided, or
 * sql's SELECT found no KPI). */
static okr_result log_insert(okr_store *s, struct log_ctx *c, const char *sql, const char *doing, bool *made)
{
	db_stmt *st = store_prepare(s, sql);
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, c->uid, -1);
	db_bind_int64(st, 2, c->target);
	db_bind_int64(st, 3, s->me.id);
	db_bind_double(st, 4, c->value);
	db_bind_text(st, 5, c->text ? c->text : "", -1);
	db_bind_int64(st, 6, c->at);
	if (c->kind == 'K')
		db_bind_int64(st, 7, c->confidence);
	int64_t new_id;
	okr_result r = store_insert_id(s, st, &new_id, doing);
	*made = !r && db_changes(s->db);
	if (*made)
		c->id = new_id;
	return r;
}

/* One event about the key result as this check-in left it. */
static bool checkin_event(okr_store *s, const struct log_ctx *c, okr_event_kind kind, double before,
			  okr_event *ev)
{
	*ev = (okr_event){ .kind = kind, .at = c->at, .checkin_id = c->id, .value = c->value,
			   .confidence = c->confidence, .before = before };
	if (okr_store_kr(s, c->target, &ev->kr))
		return false;
	okr_objective o;
	bool have = okr_store_objective(s, ev->kr.objective_id, &o) == OKR_OK;
	ev->objective = okr_xstrdup(have ? o.title : "");
	if (have)
		okr_objective_free(&o);
	ev->who = okr_xstrdup(s->me.login);
	ev->note = okr_xstrdup(c->text ? c->text : "");
	ev->cycle = okr_xstrdup("");
	ev->progress = okr_kr_progress_raw(&ev->kr);
	return true;
}

/* The best progress k ever had from its check-ins (before this one):
 * celebrations are paid on the high-water mark, like XP, so that dropping
 * back and climbing again does not celebrate twice. */
static double best_progress(okr_store *s, okr_kr *k)
{
	db_stmt *st = store_prepare(s, "SELECT value FROM checkin WHERE kr_id = ?1");
	double best = 0;
	if (!st)
		return 0;
	db_bind_int64(st, 1, k->id);
	bool had = k->has_value;
	double cur = k->current;
	k->has_value = true;
	while (db_step(st) == DB_ROW) {
		k->current = db_column_double(st, 0);
		double p = okr_kr_progress_raw(k);
		if (p > best)
			best = p;
	}
	store_done(s, st);
	k->has_value = had;
	k->current = cur;
	return best;
}

/* For a listener: the check-in just made, then a celebration for each of
 * 0.7 and 1.0 that it took the key result over for the first time.  Read
 * inside the transaction, so "before" is exactly the value this check-in
 * replaced and "best" the mark before it. */
static void checkin_events(okr_store *s, const struct log_ctx *c, double before, double best)
{
	static const double marks[] = { 0.7, 1.0 };
	okr_event ev;
	if (!checkin_event(s, c, OKR_EVENT_CHECKIN, before, &ev))
		return;
	double after = ev.progress;
	store_event_add(s, &ev);
	for (int i = 0; i < 2; i++) {
		if (best >= marks[i] || after < marks[i] || !checkin_event(s, c, OKR_EVENT_CELEBRATION, before, &ev))
			continue;
		ev.mark = marks[i];
		store_event_add(s, &ev);
	}
}

static okr_result checkin_txn(okr_store *s, void *vctx)
{
	struct log_ctx *c = vctx;
	kr_meta m;
	okr_result r = store_kr_meta(s, c->target, &m);
	if (r)
		return r;
	/* A retry is recognised first: the cycle may have closed since. */
	if ((r = client_seen(s, c)) || c->id)
		return r;
	if (!okr_may_checkin(s->me.role, s->me.id, m.owner))
		return store_fail(s, OKR_E_DENIED, _("K%lld belongs to someone else: only its owner or a lead can "
						     "check it in — leave a comment instead (`okr comment K%lld ...`)"),
				  (long long)c->target, (long long)c->target);
	if (m.closed)
		return store_fail(s, OKR_E_CLOSED, _("K%lld's cycle is closed: check-ins are no longer taken"),
				  (long long)c->target);
	/* Its value is the KPI's latest sample: a check-in would be shown
	 * nowhere and still pay points. */
	if (m.kpi)
		return store_fail(s, OKR_E_USAGE, _("K%lld takes its value from KPI%lld — push the KPI instead "
						    "(`okr kpi push NAME VALUE`)"), (long long)c->target, (long long)m.kpi);
	if (m.type == KR_MILESTONE && c->value != 0 && c->value != 1)
		return store_fail(s, OKR_E_USAGE, _("K%lld is a milestone — check it in as `done` or `undone`"),
				  (long long)c->target);
	double before = 0, best = 0;
	if (s->on_event) {
		okr_kr k;
		if (okr_store_kr(s, c->target, &k) == OKR_OK) {
			before = okr_kr_progress_raw(&k);
			best = best_progress(s, &k);
			okr_kr_free(&k);
		}
	}
	bool made;
	if ((r = log_insert(s, c, "INSERT INTO checkin(uid, kr_id, author_id, value, confidence, note, at) "
			    "VALUES(?1, ?2, ?3, ?4, NULLIF(?7, -1), ?5, ?6) ON CONFLICT(uid) DO NOTHING RETURNING id",
			    _("saving the check-in"), &made)))
		return r;
	if (!made)
		return store_fail(s, OKR_E_FAIL, _("the check-in's id collided with another row; nothing was "
						   "saved — try again"));
	char detail[64];
	snprintf(detail, sizeof detail, "K%lld = %.17g", (long long)c->target, c->value);
	if ((r = store_audit(s, "checkin", 'K', c->target, detail)))
		return r;
	if (s->on_event)
		checkin_events(s, c, before, best);
	return OKR_OK;
}

static okr_result check_client_id(okr_store *s, const char *id)
{
	if (id && (!*id || strlen(id) > 64 || !okr_utf8_valid(id)))
		return store_fail(s, OKR_E_USAGE, _("--id must be 1 to 64 characters of text, such as a CI job's "
						    "number"));
	return OKR_OK;
}

static okr_result check_value(okr_store *s, double v)
{
	if (!isfinite(v) || fabs(v) > 1e15)
		return store_fail(s, OKR_E_USAGE, _("the value must be a finite number no larger than 1e15"));
	return OKR_OK;
}

/* A check-in (c->kind 'K') or a KPI value ('P'): what was typed checked,
 * then written by txn under a fresh uid; *id the row's. */
static okr_result write_value(okr_store *s, store_txn_fn txn, struct log_ctx *c, int64_t *id)
{
	okr_result r;
	if ((r = check_value(s, c->value)) || (r = store_check_text(s, _("note"), c->text, NOTE_MAX, false)))
		return r;
	if (c->kind == 'K' && (c->confidence < -1 || c->confidence > 10))
		return store_fail(s, OKR_E_USAGE, _("confidence must be a whole number from 0 to 10"));
	if ((r = check_client_id(s, c->client)))
		return r;
	store_make_uid(c->made);
	s->repeat = false;
	r = store_write(s, txn, c);
	if (id)
		*id = c->id;
	return r;
}

okr_result okr_store_checkin(okr_store *s, int64_t kr_id, double value, int confidence,
			     const char *note, const char *uid, okr_time at, int64_t *id)
{
	struct log_ctx c = { .kind = 'K', .target = kr_id, .value = value, .confidence = confidence, .text = note,
			     .client = uid, .at = at ? at : okr_now() };
	return write_value(s, checkin_txn, &c, id);
}

/* ---- KPIs ---- */

struct kpi_ctx {
	const okr_kpi_in *in;
	int64_t id;
};

static okr_result kpi_add_txn(okr_store *s, void *vctx)
{
	struct kpi_ctx *c = vctx;
	const okr_kpi_in *in = c->in;
	int64_t owner = s->me.id;
	okr_result pr;
	if (in->owner && *in->owner && (pr = store_person_ref(s, in->owner, &owner)))
		return pr;
	db_stmt *st = store_prepare(s,
		"INSERT INTO kpi(name, unit, target, direction, timeframe, source, frequency, owner_id, created_at) "
		"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(name) DO NOTHING RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, in->name, -1);
	db_bind_text(st, 2, in->unit ? in->unit : "", -1);
	db_bind_double(st, 3, in->target);
	db_bind_text_static(st, 4, okr_wire(&okr_directions, in->dir), -1);
	db_bind_text(st, 5, in->timeframe ? in->timeframe : "", -1);
	db_bind_text(st, 6, in->source ? in->source : "", -1);
	db_bind_text_static(st, 7, okr_wire(&okr_frequencies, in->every), -1);
	db_bind_int64(st, 8, owner);
	db_bind_int64(st, 9, okr_now());
	int64_t new_id;
	okr_result saved = store_insert_id(s, st, &new_id, _("adding a KPI"));
	if (saved)
		return saved;
	if (!db_changes(s->db))
		return store_fail(s, OKR_E_USAGE, _("there is already a KPI named '%s' — choose another name"),
				  in->name);
	c->id = new_id;
	return store_audit(s, "add", 'P', c->id, in->name);
}

okr_result okr_store_kpi_add(okr_store *s, const okr_kpi_in *in, int64_t *id)
{
	okr_result r;
	if ((r = store_check_text(s, _("KPI name"), in->name, 200, true)) ||
	    (r = store_check_text(s, _("unit"), in->unit, 40, false)) ||
	    (r = store_check_text(s, _("timeframe"), in->timeframe, 200, false)) ||
	    (r = store_check_text(s, _("data source"), in->source, 200, false)) ||
	    (r = check_value(s, in->target)))
		return r;
	struct kpi_ctx c = { in, 0 };
	r = store_write(s, kpi_add_txn, &c);
	if (id)
		*id = c.id;
	return r;
}

static okr_result kpi_push_txn(okr_store *s, void *vctx)
{
	struct log_ctx *c = vctx;
	okr_result r = client_seen(s, c);
	if (r || c->id)
		return r;
	bool made;
	if ((r = log_insert(s, c, "INSERT INTO kpi_sample(uid, kpi_id, author_id, value, note, at) "
			    "SELECT ?1, id, ?3, ?4, ?5, ?6 FROM kpi WHERE id = ?2 ON CONFLICT(uid) DO NOTHING RETURNING id",
			    _("saving the KPI value"), &made)))
		return r;
	if (!made)
		return store_fail(s, OKR_E_NOTFOUND, _("no KPI%lld — `okr kpi list` shows the KPIs"),
				  (long long)c->target);
	char detail[64];
	snprintf(detail, sizeof detail, "%.17g", c->value);
	return store_audit(s, "push", 'P', c->target, detail);
}

okr_result okr_store_kpi_push(okr_store *s, int64_t kpi_id, double value, const char *note,
			      const char *uid, okr_time at, int64_t *id)
{
	struct log_ctx c = { .kind = 'P', .target = kpi_id, .value = value, .text = note, .client = uid,
			     .at = at ? at : okr_now() };
	return write_value(s, kpi_push_txn, &c, id);
}

/* ---- comments, kudos, grades ---- */

static okr_result comment_txn(okr_store *s, void *vctx)
{
	struct log_ctx *c = vctx;
	db_stmt *st = store_prepare(s, c->kind == 'O'
		? "SELECT 1 FROM objective WHERE id = ?1"
		: "SELECT 1 FROM key_result WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->target);
	bool found = db_step(st) == DB_ROW;
	store_done(s, st);
	if (!found)
		return store_fail(s, OKR_E_NOTFOUND, _("no %s %c%lld — `okr list` shows what there is"),
				  c->kind == 'O' ? _("objective") : _("key result"), c->kind, (long long)c->target);
	st = store_prepare(s, "INSERT INTO comment(target_kind, target_id, author_id, text, at) "
			      "VALUES(?1, ?2, ?3, ?4, ?5) RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	store_bind_kind(st, 1, c->kind);
	db_bind_int64(st, 2, c->target);
	db_bind_int64(st, 3, s->me.id);
	db_bind_text(st, 4, c->text, -1);
	db_bind_int64(st, 5, c->at);
	okr_result r = store_insert_id(s, st, &c->id, _("saving the comment"));
	if (r)
		return r;
	return store_audit(s, "comment", c->kind, c->target, "");
}

/* A comment or kudos: its text checked, then written by txn; *id its id. */
static okr_result write_text(okr_store *s, const char *what, store_txn_fn txn, struct log_ctx *c, int64_t *id)
{
	okr_result r = store_check_text(s, what, c->text, NOTE_MAX, true);
	if (r)
		return r;
	r = store_write(s, txn, c);
	if (id)
		*id = c->id;
	return r;
}

okr_result okr_store_comment(okr_store *s, char kind, int64_t target_id, const char *text,
			     okr_time at, int64_t *id)
{
	struct log_ctx c = { .kind = kind, .target = target_id, .text = text, .at = at ? at : okr_now() };
	return write_text(s, _("comment"), comment_txn, &c, id);
}

static okr_result kudos_txn(okr_store *s, void *vctx)
{
	struct log_ctx *c = vctx;
	int64_t to;
	okr_result pr = store_person_ref(s, c->to, &to);
	if (pr)
		return pr;
	if (to == s->me.id)
		return store_fail(s, OKR_E_USAGE, _("kudos are for someone else — you cannot give them to yourself"));
	if (c->target) {
		kr_meta m;
		if ((pr = store_kr_meta(s, c->target, &m)))
			return pr;
	}
	db_stmt *st = store_prepare(s, "INSERT INTO kudos(from_id, to_id, text, kr_id, at) "
					    "VALUES(?1, ?2, ?3, NULLIF(?4, 0), ?5) RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, s->me.id);
	db_bind_int64(st, 2, to);
	db_bind_text(st, 3, c->text, -1);
	db_bind_int64(st, 4, c->target);
	db_bind_int64(st, 5, c->at);
	okr_result r = store_insert_id(s, st, &c->id, _("saving the kudos"));
	if (r)
		return r;
	return store_audit(s, "kudos", 'D', c->id, c->to);
}

okr_result okr_store_kudos(okr_store *s, const char *to_login, const char *text, int64_t kr_id,
			   okr_time at, int64_t *id)
{
	struct log_ctx c = { .to = to_login, .text = text, .target = kr_id, .at = at ? at : okr_now() };
	return write_text(s, _("kudos text"), kudos_txn, &c, id);
}

static okr_result grade_txn(okr_store *s, void *vctx)
{
	struct log_ctx *c = vctx;
	kr_meta m;
	okr_result r = store_kr_meta(s, c->target, &m);
	if (r)
		return r;
	if (m.owner != s->me.id && m.obj_owner != s->me.id && s->me.role == ROLE_MEMBER)
		return store_fail(s, OKR_E_DENIED, _("only the owner of K%lld, its objective's owner or a lead "
						     "can grade it"), (long long)c->target);
	if (m.closed)
		return store_fail(s, OKR_E_CLOSED, _("K%lld's cycle is closed: its grades are final"),
				  (long long)c->target);
	db_stmt *st = store_prepare(s,
		"INSERT INTO grade(kr_id, score, note, author_id, at) VALUES(?1, ?2, ?3, ?4, ?5) "
		"ON CONFLICT(kr_id) DO UPDATE SET score = excluded.score, note = excluded.note, "
		"author_id = excluded.author_id, at = excluded.at");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->target);
	db_bind_double(st, 2, c->value);
	db_bind_text(st, 3, c->text ? c->text : "", -1);
	db_bind_int64(st, 4, s->me.id);
	db_bind_int64(st, 5, okr_now());
	if ((r = store_step_done(s, st, _("saving the grade"))))
		return r;
	char detail[32];
	snprintf(detail, sizeof detail, "%.2f", c->value);
	return store_audit(s, "grade", 'K', c->target, detail);
}

okr_result okr_store_grade_set(okr_store *s, int64_t kr_id, double score, const char *note)
{
	okr_result r = store_check_text(s, _("note"), note, NOTE_MAX, false);
	if (r)
		return r;
	if (!isfinite(score) || score < 0 || score > 1)
		return store_fail(s, OKR_E_USAGE, _("a grade is a number from 0.0 to 1.0"));
	struct log_ctx c = { .target = kr_id, .value = score, .text = note };
	return store_write(s, grade_txn, &c);
}
