/*
 * events.c — what gamification needs from the database (SPEC §4, §9): the
 * world of scoring (people, teams, key results with their objective, cycle
 * and grade) and the events (check-ins, kudos, comments) as compact core
 * structs, plus okr_store_score_refresh, which keeps a score_state up to
 * date at the cost of the new rows only, starting from the saved score
 * ledger (ledger.c) when it has no state yet.
 *
 * New rows are those committed after the state's commit sequence number
 * (score_journal), read in rowid order and sorted by time here only if they
 * are not in time order already.  A rebuild from scratch streams the check-ins instead, sorted by
 * SQLite and folded a slice at a time (fold_all), so that its memory does
 * not grow with their number.  Only what the rules use is copied: a
 * check-in's note becomes one bit, a comment's text its length.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* ---- the world ---- */

static okr_result load_people(okr_store *s, score_world *w)
{
	db_stmt *st = store_prepare(s, "SELECT id, opt_out FROM person ORDER BY id");
	if (!st)
		return OKR_E_FAIL;
	score_person *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&v, &cap, n + 1, sizeof *v);
		v[n++] = (score_person){ db_column_int64(st, 0), db_column_int(st, 1) != 0 };
	}
	store_done(s, st);
	w->people = v;
	w->npeople = n;
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("reading people"));
}

static okr_result load_members(okr_store *s, score_world *w)
{
	db_stmt *st = store_prepare(s, "SELECT team_id, person_id FROM team_member");
	if (!st)
		return OKR_E_FAIL;
	score_member *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&v, &cap, n + 1, sizeof *v);
		v[n++] = (score_member){ db_column_int64(st, 0), db_column_int64(st, 1) };
	}
	store_done(s, st);
	w->members = v;
	w->nmembers = n;
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("reading teams"));
}

static const char kr_sql[] =
	"SELECT k.id, k.objective_id, COALESCE(k.owner_id, 0), COALESCE(o.owner_id, 0), COALESCE(o.team_id, 0), "
	"k.type, COALESCE(k.terms_direction, k.direction), COALESCE(k.terms_start, k.start_value), "
	"COALESCE(k.terms_target, k.target_value), COALESCE(k.terms_weight, k.weight), o.kind = 'aspirational', "
	"(k.archived <> 0 OR o.archived <> 0), c.start_day, CASE WHEN k.due_day > 0 THEN k.due_day ELSE c.end_day END, "
	"g.score, COALESCE(g.at, 0), k.terms_by IS NULL OR k.terms_by IS NOT DISTINCT FROM k.owner_id "
	"FROM key_result k JOIN objective o ON o.id = k.objective_id JOIN cycle c ON c.id = o.cycle_id "
	"LEFT JOIN grade g ON g.kr_id = k.id ORDER BY k.id";

static okr_result load_krs(okr_store *s, int offset, score_world *w)
{
	db_stmt *st = store_prepare(s, kr_sql);
	if (!st)
		return OKR_E_FAIL;
	score_kr *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	/* Day numbers are the team's calendar days: they begin at 00:00 in its zone. */
	okr_time shift = (okr_time)offset * 60;
	while ((rc = db_step(st)) == DB_ROW) {
		okr_xgrow(&v, &cap, n + 1, sizeof *v);
		score_kr *k = &v[n++];
		*k = (score_kr){
			.id = db_column_int64(st, 0),
			.objective_id = db_column_int64(st, 1),
			.owner_id = db_column_int64(st, 2),
			.obj_owner_id = db_column_int64(st, 3),
			.team_id = db_column_int64(st, 4),
			.type = store_col_word(st, 5, &okr_kr_types, KR_METRIC),
			.dir = store_col_word(st, 6, &okr_directions, DIR_AT_LEAST),
			.start = db_column_double(st, 7),
			.target = db_column_double(st, 8),
			.weight = db_column_double(st, 9),
			.aspirational = db_column_int(st, 10) != 0,
			.archived = db_column_int(st, 11) != 0,
			.from = (okr_time)db_column_int64(st, 12) * 86400 - shift,
			.due = ((okr_time)db_column_int64(st, 13) + 1) * 86400 - shift,
			.grade = db_column_type(st, 14) == DB_NULL ? NAN : db_column_double(st, 14),
			.graded_at = db_column_int64(st, 15),
			.self_set = db_column_int(st, 16) != 0,
		};
	}
	store_done(s, st);
	w->krs = v;
	w->nkrs = n;
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("reading key results"));
}

void okr_score_world_free(score_world *w)
{
	free((void *)w->people);
	free((void *)w->members);
	free((void *)w->krs);
	memset(w, 0, sizeof *w);
}

static okr_result load_world(okr_store *s, int offset, score_world *w)
{
	okr_result r;
	if ((r = load_people(s, w)) || (r = load_members(s, w)) || (r = load_krs(s, offset, w)))
		return r;
	return OKR_OK;
}

struct world_ctx {
	int offset;
	score_world *w;
};

static okr_result world_txn(okr_store *s, void *vctx)
{
	struct world_ctx *c = vctx;
	return load_world(s, c->offset, c->w);
}

okr_result okr_store_score_world(okr_store *s, int week_offset_minutes, score_world *out)
{
	memset(out, 0, sizeof *out);
	struct world_ctx c = { week_offset_minutes, out };
	okr_result r = store_read(s, world_txn, &c);
	if (r)
		okr_score_world_free(out);
	return r;
}

/* ---- the events ---- */

static int ck_cmp(const void *a, const void *b)
{
	const score_checkin *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int kd_cmp(const void *a, const void *b)
{
	const score_kudos *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int cm_cmp(const void *a, const void *b)
{
	const score_comment *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Each kind's rows by id (after: an id) or by commit sequence (after: a
 * seq of score_journal, see ledger.c). */
#define CK_COLS "SELECT id, kr_id, author_id, value, COALESCE(confidence, -1), " \
		"note <> '' AND trim(note) <> '', at FROM checkin "
#define IN_JOURNAL(kind) "WHERE id IN (SELECT event_id FROM score_journal WHERE seq > ?1 AND kind = " kind ") "
static const char ck_by_id[] = CK_COLS "WHERE id > ?1 ORDER BY id";
static const char ck_by_seq[] = CK_COLS IN_JOURNAL("0") "ORDER BY id";
#define KD_COLS "SELECT id, from_id, to_id, COALESCE(kr_id, 0), at FROM kudos "
static const char kd_by_id[] = KD_COLS "WHERE id > ?1 ORDER BY id";
static const char kd_by_seq[] = KD_COLS IN_JOURNAL("1") "ORDER BY id";
#define CM_COLS "SELECT id, author_id, CASE WHEN target_kind = 'K' THEN target_id ELSE 0 END, " \
		"length(trim(text)), at FROM comment "
static const char cm_by_id[] = CM_COLS "WHERE id > ?1 ORDER BY id";
static const char cm_by_seq[] = CM_COLS IN_JOURNAL("2") "ORDER BY id";

static void ck_row(db_stmt *st, void *row)
{
	score_checkin *c = row;
	c->id = db_column_int64(st, 0);
	c->kr_id = db_column_int64(st, 1);
	c->author_id = db_column_int64(st, 2);
	c->value = db_column_double(st, 3);
	c->confidence = (int8_t)db_column_int(st, 4);
	c->has_note = db_column_int(st, 5) != 0;
	c->at = db_column_int64(st, 6);
}

static void kd_row(db_stmt *st, void *row)
{
	*(score_kudos *)row = (score_kudos){ db_column_int64(st, 0), db_column_int64(st, 1), db_column_int64(st, 2),
					     db_column_int64(st, 3), db_column_int64(st, 4) };
}

static void cm_row(db_stmt *st, void *row)
{
	*(score_comment *)row = (score_comment){ db_column_int64(st, 0), db_column_int64(st, 1),
						 db_column_int64(st, 2), db_column_int(st, 3), db_column_int64(st, 4) };
}

/* One kind of event after `after`, in time order: the rows come by id,
 * which is time order unless a clock went back (then they are sorted). */
static okr_result load_kind(okr_store *s, const char *sql, int64_t after, store_row_fn fn, size_t size,
			    size_t at_off, int (*cmp)(const void *, const void *), void *out, size_t *n,
			    const char *doing)
{
	db_stmt *st = store_prepare(s, sql);
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, after);
	okr_result r = store_collect(s, st, fn, size, out, n, doing);
	char *v;
	memcpy(&v, out, sizeof v);
	for (size_t i = 1; i < *n; i++) {
		okr_time a, b;
		memcpy(&a, v + (i - 1) * size + at_off, sizeof a);
		memcpy(&b, v + i * size + at_off, sizeof b);
		if (b < a) {
			qsort(v, *n, size, cmp);
			break;
		}
	}
	return r;
}

#define LOAD(s, sql, after, T, fn, cmp, arr, n, doing) \
	load_kind(s, sql, after, fn, sizeof(T), offsetof(T, at), cmp, &(arr), &(n), doing)

static okr_result load_checkins(okr_store *s, const char *sql, int64_t after, score_events *ev)
{
	score_checkin *v = NULL;
	okr_result r = LOAD(s, sql, after, score_checkin, ck_row, ck_cmp, v, ev->ncheckins, _("reading check-ins"));
	ev->checkins = v;
	return r;
}

static okr_result load_kudos(okr_store *s, const char *sql, int64_t after, score_events *ev)
{
	score_kudos *v = NULL;
	okr_result r = LOAD(s, sql, after, score_kudos, kd_row, kd_cmp, v, ev->nkudos, _("reading kudos"));
	ev->kudos = v;
	return r;
}

static okr_result load_comments(okr_store *s, const char *sql, int64_t after, score_events *ev)
{
	score_comment *v = NULL;
	okr_result r = LOAD(s, sql, after, score_comment, cm_row, cm_cmp, v, ev->ncomments, _("reading comments"));
	ev->comments = v;
	return r;
}

void okr_score_events_free(score_events *ev)
{
	free((void *)ev->checkins);
	free((void *)ev->kudos);
	free((void *)ev->comments);
	memset(ev, 0, sizeof *ev);
}

static okr_result load_events(okr_store *s, const score_marks *after, score_events *ev)
{
	score_marks none = { 0, 0, 0 };
	if (!after)
		after = &none;
	okr_result r;
	if ((r = load_checkins(s, ck_by_id, after->checkin, ev)) || (r = load_kudos(s, kd_by_id, after->kudos, ev)) ||
	    (r = load_comments(s, cm_by_id, after->comment, ev)))
		return r;
	return OKR_OK;
}

/* The events committed after commit sequence number seq. */
static okr_result load_journal(okr_store *s, int64_t seq, score_events *ev)
{
	okr_result r;
	if ((r = load_checkins(s, ck_by_seq, seq, ev)) || (r = load_kudos(s, kd_by_seq, seq, ev)) ||
	    (r = load_comments(s, cm_by_seq, seq, ev)))
		return r;
	return OKR_OK;
}

struct events_ctx {
	const score_marks *after;
	score_events *ev;
};

static okr_result events_txn(okr_store *s, void *vctx)
{
	struct events_ctx *c = vctx;
	return load_events(s, c->after, c->ev);
}

okr_result okr_store_score_events(okr_store *s, const score_marks *after, score_events *out)
{
	memset(out, 0, sizeof *out);
	struct events_ctx c = { after, out };
	okr_result r = store_read(s, events_txn, &c);
	if (r)
		okr_score_events_free(out);
	return r;
}

/* ---- the fingerprint of the world ---- */

/* Everything in the world that scoring reads, as one number: triggers on
 * people, team members, key results, objectives, cycles and grades count
 * every change in score_clock.world (schema 11), for okr and for any other
 * writer, so one row says whether the world is the one a state was made
 * from (the aggregates over those tables it replaced were a third of a
 * live board's work per change).  Mixed so that it never equals a small
 * count by chance of another database's ledger. */
static okr_result fingerprint(okr_store *s, uint64_t *out)
{
	db_stmt *st = store_prepare(s, "SELECT world FROM score_clock WHERE id = 1");
	if (!st)
		return OKR_E_FAIL;
	int rc = db_step(st);
	uint64_t w = rc == DB_ROW ? (uint64_t)db_column_int64(st, 0) : 0;
	store_done(s, st);
	uint64_t h = 1469598103934665603ULL;
	for (int k = 0; k < 8; k++) {
		h ^= (w >> (8 * k)) & 0xff;
		h *= 1099511628211ULL;
	}
	*out = h;
	return rc == DB_ROW || rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("reading the scoring data"));
}

/* ---- keeping a state up to date ---- */

struct refresh_ctx {
	const okr_game_rules *rules;
	int offset;
	int64_t explain;
	score_state **state;
	bool rebuilt;
	bool force;               /* rebuild whatever the ledger says */
	bool no_rebuild;          /* fail with OKR_E_NOTFOUND rather than rebuild */
	bool board;               /* a board-only state will do (okr_store_score_board) */
	bool board_missing;       /* the saved row matched but had no readable board part */
	store_ledger_info saved;  /* the ledger row as this read saw it */
};

/* Check-ins are folded from scratch in slices of this many rows, so that a
 * rebuild never holds a million of them at once (SPEC §9: 64 MB). */
enum { REBUILD_SLICE = 16384 };

/* Fold a slice of check-ins (in (at, id) order) with the kudos and comments
 * that come before its last moment; the rest of those wait for the next
 * slice, whose check-ins are not older.  At equal times check-ins come
 * first (score_fold's order), so kudos and comments at the slice's last
 * moment also wait.  last: fold every kudos and comment left. */
static void fold_slice(score_state *st, const score_checkin *ck, size_t n, const score_events *all,
		       size_t *kd, size_t *cm, bool last)
{
	okr_time t = n ? ck[n - 1].at : INT64_MAX;
	size_t k = *kd, c = *cm;
	while (k < all->nkudos && (last || all->kudos[k].at < t))
		k++;
	while (c < all->ncomments && (last || all->comments[c].at < t))
		c++;
	score_events ev = { ck, n, all->kudos + *kd, k - *kd, all->comments + *cm, c - *cm };
	score_fold(st, &ev);
	*kd = k;
	*cm = c;
}

/* The check-ins of q in time order, streamed: SQLite sorts (spilling to a
 * temporary file when it must) and the rows pass through one slice-sized
 * buffer instead of an array of all of them. */
static okr_result fold_stream(okr_store *s, score_state *st, db_stmt *q, const score_events *small)
{
	score_checkin *buf = okr_xmalloc(REBUILD_SLICE * sizeof *buf);
	size_t n = 0, kd = 0, cm = 0;
	int rc;
	while ((rc = db_step(q)) == DB_ROW) {
		ck_row(q, &buf[n++]);
		if (n == REBUILD_SLICE) {
			fold_slice(st, buf, n, small, &kd, &cm, false);
			n = 0;
		}
	}
	store_done(s, q);
	if (rc == DB_DONE)
		fold_slice(st, buf, n, small, &kd, &cm, true);
	free(buf);
	return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("reading check-ins"));
}

/* What bears on one person's explanation (refresh_ctx.explain > 0), and no
 * more: their lines are the same as in a fold of everything, because each
 * line of theirs reads only state these events make —
 *  - check-ins: of every key result they checked in, own, or whose
 *    objective they own or is one of their teams' (a key result's high-water
 *    mark, confidence and 0.7/1.0 marks are made by all of its check-ins;
 *    their streak, perfect week and weekly note pairs by their own);
 *  - kudos: those they gave or received, and everything given by whoever
 *    gave them some (the giver's weekly allowance decides whether it pays);
 *  - comments: their own (the weekly cap is theirs).
 * A person page then reads the history of a few key results instead of all
 * of it.  tests/store/test_explain.c compares with a fold of everything. */
static const char ck_of_person[] = CK_COLS "WHERE kr_id IN (SELECT kr_id FROM checkin WHERE author_id = ?1 "
	"UNION SELECT id FROM key_result WHERE owner_id = ?1 "
	"UNION SELECT k.id FROM key_result k JOIN objective o ON o.id = k.objective_id WHERE o.owner_id = ?1 "
	"OR o.team_id IN (SELECT team_id FROM team_member WHERE person_id = ?1)) ORDER BY at, id";
static const char kd_of_person[] = KD_COLS "WHERE from_id = ?1 OR to_id = ?1 "
	"OR from_id IN (SELECT from_id FROM kudos WHERE to_id = ?1) ORDER BY id";
static const char cm_of_person[] = CM_COLS "WHERE author_id = ?1 ORDER BY id";

/* Every event (explain <= 0), or only those that bear on person explain. */
static okr_result fold_from_scratch(okr_store *s, score_state *st, int64_t explain)
{
	bool one = explain > 0;
	score_events small = { 0 };
	okr_result r = load_kudos(s, one ? kd_of_person : kd_by_id, one ? explain : 0, &small);
	if (!r)
		r = load_comments(s, one ? cm_of_person : cm_by_id, one ? explain : 0, &small);
	db_stmt *q = r ? NULL : store_prepare(s, one ? ck_of_person : CK_COLS "ORDER BY at, id");
	if (q && one)
		db_bind_int64(q, 1, explain);
	if (!r)
		r = q ? fold_stream(s, st, q, &small) : OKR_E_FAIL;
	okr_score_events_free(&small);
	/* Nobody else's figures are whole: never folded further nor saved. */
	if (!r && one)
		score_set_partial(st);
	return r;
}

static okr_result rebuild(okr_store *s, struct refresh_ctx *c, uint64_t fp)
{
	score_world w = { 0 };
	score_state *st = NULL;
	int64_t head = 0;
	okr_result r = store_ledger_head(s, &head);
	if (!r)
		r = load_world(s, c->offset, &w);
	if (!r) {
		st = score_new(c->rules, c->offset, &w);
		score_explain(st, c->explain);
		r = fold_from_scratch(s, st, c->explain);
	}
	if (!r) {
		score_set_tag(st, fp);
		score_set_seq(st, head);
		score_free(*c->state);
		*c->state = st;
		c->rebuilt = true;
	} else {
		score_free(st);
	}
	okr_score_world_free(&w);
	return r;
}

/* The current state: the one in memory, else the saved ledger when it was
 * made with these rules from this world, else none (a rebuild). */
static okr_result refresh_txn(okr_store *s, void *vctx)
{
	struct refresh_ctx *c = vctx;
	uint64_t fp, rules = score_rules_hash(c->rules, c->offset);
	okr_result r = fingerprint(s, &fp);
	if (!r)
		r = store_ledger_meta(s, &c->saved);
	if (r)
		return r;
	if (c->force)
		return rebuild(s, c, fp);
	if (*c->state && score_is_partial(*c->state)) {
		/* Board-only: it cannot fold; start again from the saved ledger. */
		score_free(*c->state);
		*c->state = NULL;
	}
	if (c->board && !*c->state && c->saved.present && c->saved.rules == rules && c->saved.world == fp) {
		/* Nothing committed since the ledger was saved: its board part is
		 * all a ranking needs.  Otherwise the whole of it, and a fold. */
		int64_t head;
		if ((r = store_ledger_head(s, &head)))
			return r;
		if (head == c->saved.seq && (*c->state = store_ledger_load_board(s, &c->saved)) != NULL)
			return OKR_OK;
		c->board_missing = head == c->saved.seq;
	}
	bool stale = *c->state && (score_tag(*c->state) != fp || score_state_rules_hash(*c->state) != rules);
	if ((!*c->state || stale) && !c->explain) {
		/* After a change of rules or world, whoever changed it has usually
		 * saved the new fold already: take it rather than fold again. */
		score_state *saved = store_ledger_load(s, rules, fp);
		c->saved.broken = !saved && c->saved.present && c->saved.rules == rules && c->saved.world == fp;
		if (saved) {
			c->rebuilt = *c->state != NULL;
			score_free(*c->state);
			*c->state = saved;
			stale = false;
		}
	}
	if (!*c->state || stale)
		return c->no_rebuild ? OKR_E_NOTFOUND : rebuild(s, c, fp);
	int64_t head;
	bool whole;
	if ((r = store_ledger_head(s, &head)) || (r = store_journal_holds(s, score_seq(*c->state), head, &whole)))
		return r;
	if (!whole) {
		/* The journal was pruned past this state's cursor (a viewer left
		 * behind for long): the saved ledger is past the pruning, start
		 * from it; a fold that must explain starts from scratch. */
		score_state *saved = c->explain ? NULL : store_ledger_load(s, rules, fp);
		if (saved && (r = store_journal_holds(s, score_seq(saved), head, &whole)) == OKR_OK && whole) {
			score_free(*c->state);
			*c->state = saved;
			c->rebuilt = true;
		} else {
			score_free(saved);
			return r ? r : c->no_rebuild ? OKR_E_NOTFOUND : rebuild(s, c, fp);
		}
	}
	score_events ev;
	memset(&ev, 0, sizeof ev);
	if ((r = load_journal(s, score_seq(*c->state), &ev))) {
		okr_score_events_free(&ev);
		return r;
	}
	bool ok = score_fold(*c->state, &ev);
	okr_score_events_free(&ev);
	if (!ok)
		return c->no_rebuild ? OKR_E_NOTFOUND : rebuild(s, c, fp);
	score_set_seq(*c->state, head);
	return OKR_OK;
}

okr_result okr_store_score_refresh(okr_store *s, const okr_game_rules *rules, int week_offset_minutes,
				   int64_t explain, score_state **state, bool *rebuilt)
{
	struct refresh_ctx c = { rules, week_offset_minutes, explain, state, false, false, false, false, false, { 0 } };
	okr_result r = store_read(s, refresh_txn, &c);
	if (rebuilt)
		*rebuilt = c.rebuilt;
	if (r == OKR_OK)
		store_ledger_keep(s, *state, &c.saved, false);
	return r;
}

okr_result okr_store_score_board(okr_store *s, const okr_game_rules *rules, int week_offset_minutes,
				 score_state **state)
{
	score_state *st = NULL;
	struct refresh_ctx c = { rules, week_offset_minutes, 0, &st, false, false, false, true, false, { 0 } };
	okr_result r = store_read(s, refresh_txn, &c);
	if (r) {
		score_free(st);
		return r;
	}
	/* A row without its board part (saved by an okr before it had one)
	 * is saved again whole, so that the next reader finds one. */
	c.saved.broken = c.saved.broken || c.board_missing;
	store_ledger_keep(s, st, &c.saved, true);
	score_free(*state);
	*state = st;
	return OKR_OK;
}

okr_result okr_store_ledger_rebuild(okr_store *s, const okr_game_rules *rules, int week_offset_minutes)
{
	score_state *st = NULL;
	struct refresh_ctx c = { rules, week_offset_minutes, 0, &st, false, true, false, false, false, { 0 } };
	okr_result r = store_read(s, refresh_txn, &c);
	if (r == OKR_OK)
		r = store_ledger_save(s, st);
	score_free(st);
	return r;
}

okr_result okr_store_score_ledger(okr_store *s, const okr_game_rules *rules, int week_offset_minutes,
				  score_state **state)
{
	score_state *st = NULL;
	struct refresh_ctx c = { rules, week_offset_minutes, 0, &st, false, false, true, false, false, { 0 } };
	okr_result r = store_read(s, refresh_txn, &c);
	if (r) {
		score_free(st);
		return r;
	}
	score_free(*state);
	*state = st;
	return OKR_OK;
}
