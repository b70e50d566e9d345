/*
 * write_okr.c — cycles, objectives and key results: the items people edit.
 *
 * Edits carry the version the editor read; the UPDATE only matches that
 * version, so a change made meanwhile by a teammate is never overwritten
 * silently (optimistic locking), and the refusal names who made it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/cycle.h"
#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/permit.h"
#include "okr/util.h"
#include "store_int.h"

enum { TITLE_MAX = 1000, TEXT_MAX = 10000 };

okr_result store_check_text(okr_store *s, const char *what, const char *text, size_t max, bool required)
{
	if (!text)
		return OKR_OK;
	if (required && !text[strspn(text, " \t\r\n")])
		return store_fail(s, OKR_E_USAGE, _("the %s is empty — type some text"), what);
	if (strlen(text) > max)
		return store_fail(s, OKR_E_USAGE, _("the %s is too long (%zu bytes; at most %zu) — shorten it"),
				  what, strlen(text), max);
	if (!okr_utf8_valid(text))
		return store_fail(s, OKR_E_USAGE, _("the %s is not valid UTF-8 — check your terminal's "
						    "encoding (LANG, e.g. C.UTF-8)"), what);
	return OKR_OK;
}

static bool is_lead(okr_store *s)
{
	return s->me.role == ROLE_LEAD || s->me.role == ROLE_ADMIN;
}

/* Inside a transaction: resolve a login or display name, or fail naming it. */
static okr_result person_ref(okr_store *s, const char *who, int64_t *id)
{
	*id = 0;
	if (!who || !*who)
		return OKR_OK;
	return store_person_ref(s, who, id);
}

/* Refusal of a stale edit: say who changed the item and when. */
static okr_result stale(okr_store *s, char kind, int64_t id, int64_t have, int64_t want)
{
	char who[128] = "someone";
	okr_time at = 0;
	char idbuf[24], day[11];
	okr_store_last_change(s, kind, id, who, sizeof who, &at);
	okr_format_id(kind == 'O' ? ID_OBJECTIVE : kind == 'K' ? ID_KR : ID_KPI, id, idbuf, sizeof idbuf);
	okr_format_date(okr_day_of(at), day);
	long hm = (long)((at % 86400 + 86400) % 86400);
	return store_fail(s, OKR_E_CONFLICT,
		_("%s was changed by %s on %s at %02ld:%02ld UTC after you read it (now version %lld, yours %lld) — "
		  "nothing was saved; look at it again with `okr show %s` and redo your edit"),
		idbuf, who, day, hm / 3600, hm / 60 % 60, (long long)have, (long long)want, idbuf);
}

/* ---- cycles ---------------------------------------------------------------- */

struct cycle_ctx {
	const char *name;
	okr_day start, end;
	int64_t id;
};

/* Cycles never overlap: then "the cycle that contains today" is one cycle,
 * and no check-in could belong to two.  Refused rather than warned, because
 * a warning printed once is forgotten while the ambiguity stays. */
okr_result store_cycle_overlap_check(okr_store *s, int64_t id, const char *name, okr_day start, okr_day end)
{
	db_stmt *st = store_prepare(s, "SELECT name, start_day, end_day FROM cycle "
					    "WHERE id <> ?1 AND start_day <= ?3 AND ?2 <= end_day ORDER BY start_day LIMIT 1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, start);
	db_bind_int64(st, 3, end);
	okr_result r = OKR_OK;
	if (db_step(st) == DB_ROW) {
		char a[11], b[11], os[11], oe[11];
		okr_format_date(start, a);
		okr_format_date(end, b);
		okr_format_date(db_column_int(st, 1), os);
		okr_format_date(db_column_int(st, 2), oe);
		r = store_fail(s, OKR_E_USAGE, _("cycle %s (%s → %s) overlaps cycle %s (%s → %s) — cycles may not "
			"overlap, so that each day belongs to one cycle; start it after %s or end it before %s"),
			name, a, b, db_column_text(st, 0), os, oe, oe, os);
	}
	store_done(s, st);
	return r;
}

static okr_result cycle_add_txn(okr_store *s, void *vctx)
{
	struct cycle_ctx *c = vctx;
	db_stmt *st = store_prepare(s,
		"INSERT INTO cycle(name, start_day, end_day, state, is_current) "
		"VALUES(?1, ?2, ?3, 'planning', 0) ON CONFLICT(name) DO NOTHING RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, c->name, -1);
	db_bind_int64(st, 2, c->start);
	db_bind_int64(st, 3, c->end);
	okr_result r = store_insert_id(s, st, &c->id, _("adding a cycle"));
	if (r)
		return r;
	if (!c->id)
		return store_fail(s, OKR_E_USAGE, _("there is already a cycle named '%s' — choose another name"),
				  c->name);
	/* Whether it is current follows from its dates (okr_cycle_pick_current). */
	if ((r = store_cycle_overlap_check(s, c->id, c->name, c->start, c->end)))
		return r;
	return store_audit(s, "add", 'C', c->id, c->name);
}

/* What a cycle's name and dates must be, and who may set them; the
 * refusals say what the command or form asked for. */
static okr_result check_cycle_in(okr_store *s, const struct cycle_ctx *c, const char *backwards,
				 const char *denied)
{
	okr_result r = store_check_text(s, _("cycle name"), c->name, 100, true);
	if (r)
		return r;
	if (!okr_cycle_dates_ok(c->start, c->end))
		return store_fail(s, OKR_E_USAGE, "%s", backwards);
	if (!okr_may_manage_cycles(s->me.role))
		return store_fail(s, OKR_E_DENIED, "%s", denied);
	return OKR_OK;
}

okr_result okr_store_cycle_add(okr_store *s, const char *name, okr_day start, okr_day end, int64_t *id)
{
	struct cycle_ctx c = { name, start, end, 0 };
	okr_result r = check_cycle_in(s, &c, _("the cycle ends before it starts — give --end after --start"),
				      _("only a lead or admin can add cycles"));
	if (r)
		return r;
	r = store_write(s, cycle_add_txn, &c);
	if (id)
		*id = c.id;
	return r;
}

/* A closed cycle keeps its name and dates: its grades and the scores of
 * its weeks were computed over them. */
static okr_result cycle_edit_txn(okr_store *s, void *vctx)
{
	struct cycle_ctx *c = vctx;
	if (store_cycle_closed(s, c->id))
		return store_fail(s, OKR_E_CLOSED, _("that cycle is closed: its name and dates stay as they were "
						     "graded"));
	db_stmt *st = store_prepare(s, "UPDATE cycle SET name = ?2, start_day = ?3, end_day = ?4 WHERE id = ?1 "
					    "AND NOT EXISTS (SELECT 1 FROM cycle o WHERE o.name = ?2 AND o.id <> ?1)");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, c->name, -1);
	db_bind_int64(st, 3, c->start);
	db_bind_int64(st, 4, c->end);
	okr_result r = store_step_done(s, st, _("changing a cycle"));
	if (r)
		return r;
	if (!db_changes(s->db))
		return store_fail(s, OKR_E_USAGE, _("there is already a cycle named '%s' — choose another name"),
				  c->name);
	if ((r = store_cycle_overlap_check(s, c->id, c->name, c->start, c->end)))
		return r;
	char what[160];
	char a[11], b[11];
	okr_format_date(c->start, a);
	okr_format_date(c->end, b);
	snprintf(what, sizeof what, "%s %s → %s", c->name, a, b);
	return store_audit(s, "edit", 'C', c->id, what);
}

okr_result okr_store_cycle_edit(okr_store *s, int64_t id, const char *name, okr_day start, okr_day end)
{
	struct cycle_ctx c = { name, start, end, id };
	okr_result r = check_cycle_in(s, &c, _("the cycle ends before it starts — give an end after the start"),
				      _("only a lead or admin can change cycles"));
	return r ? r : store_write(s, cycle_edit_txn, &c);
}

/* A lead's choice of current cycle only holds between cycles: the cycle that
 * contains today is current whatever was chosen (okr_cycle_pick_current). */
static okr_result today_cycle_refusal(okr_store *s, int64_t id)
{
	db_stmt *st = store_prepare(s, "SELECT name FROM cycle WHERE start_day <= ?1 AND ?1 <= end_day "
					    "AND id <> ?2 LIMIT 1");
	if (!st)
		return OKR_E_FAIL;
	okr_day today = okr_day_of(okr_now());
	db_bind_int64(st, 1, today);
	db_bind_int64(st, 2, id);
	okr_result r = OKR_OK;
	if (db_step(st) == DB_ROW) {
		char d[11];
		okr_format_date(today, d);
		r = store_fail(s, OKR_E_USAGE, _("%s contains today (%s), so it is the current cycle; another "
			"cycle becomes current on its first day by itself — to work in it now, name it with --cycle"),
			db_column_text(st, 0), d);
	}
	store_done(s, st);
	return r;
}

static okr_result cycle_current_txn(okr_store *s, void *vctx)
{
	struct cycle_ctx *c = vctx;
	okr_result tr = today_cycle_refusal(s, c->id);
	if (tr)
		return tr;
	db_stmt *st = store_prepare(s,
		"UPDATE cycle SET is_current = CASE WHEN id = ?1 THEN 1 ELSE 0 END, "
		"state = CASE WHEN id = ?1 AND state = 'planning' THEN 'active' ELSE state END");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	okr_result r = store_step_done(s, st, _("switching cycles"));
	if (r)
		return r;
	return store_audit(s, "current", 'C', c->id, "");
}

okr_result okr_store_cycle_set_current(okr_store *s, int64_t id)
{
	if (!okr_may_manage_cycles(s->me.role))
		return store_fail(s, OKR_E_DENIED, _("only a lead or admin can change the current cycle"));
	struct cycle_ctx c = { .id = id };
	return store_write(s, cycle_current_txn, &c);
}

/* ---- objectives ------------------------------------------------------------ */

okr_objective_in okr_objective_in_none(void)
{
	okr_objective_in in = { 0 };
	in.parent_id = -1;
	in.kind = -1;
	in.weight = NAN;
	return in;
}

struct obj_ctx {
	const okr_objective_in *in;
	int64_t id, version;
	bool restore;       /* archive: bring it back instead */
};

static okr_result closed_refusal(okr_store *s)
{
	return store_fail(s, OKR_E_CLOSED, _("that cycle is closed and read-only — "
					     "work in the current cycle (`okr list` shows it)"));
}

/* Inside a write: the objective's owner, cycle, version; or not found.
 * Archived objectives are found only when `archived` asks for them. */
typedef struct {
	int64_t owner, cycle, version;
} obj_meta_t;

static void obj_meta_row(db_stmt *st, void *row)
{
	*(obj_meta_t *)row = (obj_meta_t){ db_column_int64(st, 0), db_column_int64(st, 1), db_column_int64(st, 2) };
}

static okr_result obj_meta_of(okr_store *s, int64_t id, bool archived, int64_t *owner, int64_t *cycle,
			      int64_t *version)
{
	obj_meta_t m;
	okr_result r = store_item_row(s,
		"SELECT COALESCE(owner_id, 0), cycle_id, version FROM objective WHERE id = ?1 AND archived = ?2",
		id, archived, obj_meta_row, &m);
	if (r == OKR_E_NOTFOUND && archived)
		return store_fail(s, r, _("O%lld is not archived — `okr list --archived` shows what is"), (long long)id);
	if (r == OKR_E_NOTFOUND)
		return store_fail(s, r, _("no objective O%lld — `okr list` shows what there is"), (long long)id);
	if (r == OKR_OK) {
		*owner = m.owner;
		*cycle = m.cycle;
		*version = m.version;
	}
	return r;
}

static okr_result obj_meta(okr_store *s, int64_t id, int64_t *owner, int64_t *cycle, int64_t *version)
{
	return obj_meta_of(s, id, false, owner, cycle, version);
}

/* The team an objective names (*team, 0: none named) and the cycle of the
 * objective it aligns to (*parent_cycle, 0: none), or the refusal of one
 * that is not there. */
static okr_result obj_team_parent(okr_store *s, const okr_objective_in *in, int64_t *team, int64_t *parent_cycle)
{
	*parent_cycle = 0;
	if (in->team && *in->team && !(*team = store_team_id(s, in->team)))
		return store_fail(s, OKR_E_NOTFOUND, _("no team '%s' — `okr list --teams` shows them"), in->team);
	int64_t owner, version;
	return in->parent_id > 0 ? obj_meta(s, in->parent_id, &owner, parent_cycle, &version) : OKR_OK;
}

static okr_result obj_add_txn(okr_store *s, void *vctx)
{
	struct obj_ctx *c = vctx;
	const okr_objective_in *in = c->in;
	int64_t owner = s->me.id, team = 0, cycle = in->cycle_id;
	okr_result r;
	if (in->owner && (r = person_ref(s, in->owner, &owner)))
		return r;
	if (owner != s->me.id && !is_lead(s))
		return store_fail(s, OKR_E_DENIED, _("only a lead or admin can add an objective for someone else"));
	int64_t parent_cycle = 0;
	if ((r = obj_team_parent(s, in, &team, &parent_cycle)))
		return r;
	if (!cycle)
		cycle = parent_cycle;
	if (!cycle) {
		okr_cycle cur;
		if ((r = okr_store_current_cycle(s, &cur)))
			return r;
		cycle = cur.id;
		okr_cycle_free(&cur);
	}
	if (store_cycle_closed(s, cycle))
		return closed_refusal(s);
	db_stmt *st = store_prepare(s,
		"INSERT INTO objective(cycle_id, title, description, owner_id, team_id, parent_id, kind, weight, created_at) "
		"VALUES(?1, ?2, ?3, NULLIF(?4, 0), NULLIF(?5, 0), NULLIF(?6, 0), ?7, ?8, ?9) RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, cycle);
	db_bind_text(st, 2, in->title, -1);
	db_bind_text(st, 3, in->description ? in->description : "", -1);
	db_bind_int64(st, 4, owner);
	db_bind_int64(st, 5, team);
	db_bind_int64(st, 6, in->parent_id > 0 ? in->parent_id : 0);
	db_bind_text_static(st, 7, okr_wire(&okr_obj_kinds, in->kind), -1);
	db_bind_double(st, 8, isnan(in->weight) ? 1.0 : in->weight);
	db_bind_int64(st, 9, okr_now());
	if ((r = store_insert_id(s, st, &c->id, _("adding an objective"))))
		return r;
	return store_audit(s, "add", 'O', c->id, in->title);
}

static okr_result check_obj_in(okr_store *s, const okr_objective_in *in, bool adding)
{
	okr_result r;
	if ((r = store_check_text(s, _("title"), in->title, TITLE_MAX, adding || in->title)))
		return r;
	if (adding && !in->title)
		return store_fail(s, OKR_E_USAGE, _("an objective needs a title"));
	if ((r = store_check_text(s, _("description"), in->description, TEXT_MAX, false)))
		return r;
	if (!isnan(in->weight) && (!isfinite(in->weight) || in->weight < 0 || in->weight > 1000))
		return store_fail(s, OKR_E_USAGE, _("the weight must be a number from 0 to 1000"));
	return OKR_OK;
}

okr_result okr_store_objective_add(okr_store *s, const okr_objective_in *in, int64_t *id)
{
	okr_result r = check_obj_in(s, in, true);
	if (r)
		return r;
	struct obj_ctx c = { in, 0, 0 };
	r = store_write(s, obj_add_txn, &c);
	if (id)
		*id = c.id;
	return r;
}

/* Does the new parent lie below the objective?  Then the link would loop. */
static bool makes_loop(okr_store *s, int64_t id, int64_t parent)
{
	db_stmt *st = store_prepare(s,
		"WITH RECURSIVE up(x) AS (SELECT ?2 UNION SELECT o.parent_id FROM objective o JOIN up ON o.id = up.x "
		"WHERE o.parent_id IS NOT NULL) SELECT EXISTS(SELECT 1 FROM up WHERE x = ?1)");
	bool loop = false;
	if (!st)
		return false;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, parent);
	if (db_step(st) == DB_ROW)
		loop = db_column_int(st, 0) != 0;
	store_done(s, st);
	return loop;
}

static okr_result obj_edit_txn(okr_store *s, void *vctx)
{
	struct obj_ctx *c = vctx;
	const okr_objective_in *in = c->in;
	int64_t owner, cycle, version, new_owner = 0, team = 0;
	okr_result r = obj_meta(s, c->id, &owner, &cycle, &version);
	if (r)
		return r;
	if (owner != s->me.id && !is_lead(s))
		return store_fail(s, OKR_E_DENIED, _("only the owner of O%lld or a lead can change it"),
				  (long long)c->id);
	if (store_cycle_closed(s, cycle))
		return closed_refusal(s);
	if (c->version && version != c->version)
		return stale(s, 'O', c->id, version, c->version);
	if (in->owner && (r = person_ref(s, in->owner, &new_owner)))
		return r;
	int64_t parent_cycle;
	if ((r = obj_team_parent(s, in, &team, &parent_cycle)))
		return r;
	if (in->parent_id > 0 && (in->parent_id == c->id || makes_loop(s, c->id, in->parent_id)))
		return store_fail(s, OKR_E_USAGE, _("O%lld cannot align to O%lld: that would make a loop"),
				  (long long)c->id, (long long)in->parent_id);
	db_stmt *st = store_prepare(s,
		"UPDATE objective SET title = COALESCE(?2, title), description = COALESCE(?3, description), "
		"owner_id = CASE WHEN ?4 <> 0 THEN NULLIF(?5, 0) ELSE owner_id END, "
		"team_id = CASE WHEN ?6 <> 0 THEN NULLIF(?7, 0) ELSE team_id END, "
		"parent_id = CASE WHEN ?8 >= 0 THEN NULLIF(?8, 0) ELSE parent_id END, "
		"kind = COALESCE(?9, kind), weight = COALESCE(?10, weight), version = version + 1 "
		"WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	if (in->title)
		db_bind_text(st, 2, in->title, -1);
	if (in->description)
		db_bind_text(st, 3, in->description, -1);
	db_bind_int64(st, 4, in->owner != NULL);
	db_bind_int64(st, 5, new_owner);
	db_bind_int64(st, 6, in->team != NULL);
	db_bind_int64(st, 7, team);
	db_bind_int64(st, 8, in->parent_id);
	if (in->kind >= 0)
		db_bind_text_static(st, 9, okr_wire(&okr_obj_kinds, in->kind), -1);
	if (!isnan(in->weight))
		db_bind_double(st, 10, in->weight);
	if ((r = store_step_done(s, st, _("editing an objective"))))
		return r;
	return store_audit(s, "edit", 'O', c->id, in->title ? in->title : "");
}

okr_result okr_store_objective_edit(okr_store *s, int64_t id, int64_t expect_version,
				    const okr_objective_in *in)
{
	okr_result r = check_obj_in(s, in, false);
	if (r)
		return r;
	struct obj_ctx c = { in, id, expect_version };
	return store_write(s, obj_edit_txn, &c);
}

static okr_result obj_archive_txn(okr_store *s, void *vctx)
{
	struct obj_ctx *c = vctx;
	int64_t owner, cycle, version;
	okr_result r = obj_meta_of(s, c->id, c->restore, &owner, &cycle, &version);
	if (r)
		return r;
	if (owner != s->me.id && !is_lead(s))
		return store_fail(s, OKR_E_DENIED, c->restore
				  ? _("only the owner of O%lld or a lead can bring it back from the archive")
				  : _("only the owner of O%lld or a lead can archive it"), (long long)c->id);
	if (store_cycle_closed(s, cycle))
		return closed_refusal(s);
	if (c->version && version != c->version)
		return stale(s, 'O', c->id, version, c->version);
	db_stmt *st = store_prepare(s, "UPDATE objective SET archived = ?2, version = version + 1 WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	db_bind_int64(st, 2, !c->restore);
	if ((r = store_step_done(s, st, _("archiving"))))
		return r;
	return store_audit(s, c->restore ? "unarchive" : "archive", 'O', c->id, "");
}

okr_result okr_store_objective_archive(okr_store *s, int64_t id, int64_t expect_version)
{
	struct obj_ctx c = { NULL, id, expect_version, false };
	return store_write(s, obj_archive_txn, &c);
}

okr_result okr_store_objective_unarchive(okr_store *s, int64_t id)
{
	struct obj_ctx c = { NULL, id, 0, true };
	return store_write(s, obj_archive_txn, &c);
}
