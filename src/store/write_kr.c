/*
 * write_kr.c — adding, editing, archiving key results and linking them to KPIs.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "okr/util.h"
#include "store_int.h"


okr_kr_in okr_kr_in_none(void)
{
	okr_kr_in in = { 0 };
	in.type = KR_METRIC;
	in.dir = -1;
	in.start = in.target = in.weight = NAN;
	in.decimals = -1;
	in.due = -1;
	in.every = -1;
	return in;
}

/* The fewest decimals (up to 4) that show v exactly: 0.5 → 1, 1000 → 0. */
static int decimals_of(double v)
{
	for (int d = 0; d < 4; d++) {
		double scaled = v * pow(10, d);
		if (fabs(scaled - round(scaled)) < 1e-9 * fmax(1, fabs(scaled)))
			return d;
	}
	return 4;
}

okr_result store_kr_meta(okr_store *s, int64_t id, kr_meta *m)
{
	return store_kr_meta_of(s, id, false, m);
}

static void kr_meta_row(db_stmt *st, void *row)
{
	kr_meta *m = row;
	m->owner = db_column_int64(st, 0);
	m->obj_owner = db_column_int64(st, 1);
	m->cycle = db_column_int64(st, 2);
	m->version = db_column_int64(st, 3);
	m->type = store_col_word(st, 4, &okr_kr_types, KR_METRIC);
	m->kpi = db_column_int64(st, 5);
	m->closed = db_column_int(st, 6) != 0;
}

okr_result store_kr_meta_of(okr_store *s, int64_t id, bool archived, kr_meta *m)
{
	okr_result r = store_item_row(s,
		"SELECT COALESCE(k.owner_id, 0), COALESCE(o.owner_id, 0), o.cycle_id, k.version, k.type, "
		"COALESCE(k.kpi_id, 0), c.state = 'closed' "
		"FROM key_result k JOIN objective o ON o.id = k.objective_id JOIN cycle c ON c.id = o.cycle_id "
		"WHERE k.id = ?1 AND k.archived = ?2",
		id, archived, kr_meta_row, m);
	if (r == OKR_E_NOTFOUND && archived)
		return store_fail(s, r, _("K%lld is not archived — `okr show` on its objective lists its key results"),
				  (long long)id);
	if (r == OKR_E_NOTFOUND)
		return store_fail(s, r, _("no key result K%lld — `okr list` shows what there is"), (long long)id);
	return r;
}

/* Someone other than the owner has just set this key result (added it,
 * edited it, approved it): its current start, target, weight and direction
 * become the terms it is scored by.  An edit by the owner leaves the terms
 * as they were, so retargeting one's own key result changes what is shown,
 * not what is paid. */
okr_result store_kr_set_terms(okr_store *s, int64_t id)
{
	db_stmt *st = store_prepare(s,
		"UPDATE key_result SET terms_by = ?2, terms_start = start_value, terms_target = target_value, "
		"terms_weight = weight, terms_direction = direction WHERE id = ?1 AND owner_id IS DISTINCT FROM ?2");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, s->me.id);
	return store_step_done(s, st, _("recording who set a key result"));
}

static bool may_edit_kr(okr_store *s, const kr_meta *m)
{
	return m->owner == s->me.id || m->obj_owner == s->me.id || s->me.role != ROLE_MEMBER;
}

static okr_result check_kr_in(okr_store *s, const okr_kr_in *in, bool adding)
{
	okr_result r;
	if ((r = store_check_text(s, _("title"), in->title, 1000, adding || in->title)))
		return r;
	if (adding && !in->title)
		return store_fail(s, OKR_E_USAGE, _("a key result needs a title"));
	if ((r = store_check_text(s, _("unit"), in->unit, 40, false)))
		return r;
	double nums[] = { in->start, in->target, in->weight };
	for (int i = 0; i < 3; i++)
		if (!isnan(nums[i]) && (!isfinite(nums[i]) || fabs(nums[i]) > 1e15))
			return store_fail(s, OKR_E_USAGE, _("numbers must be finite and at most 1e15 in size"));
	if (!isnan(in->weight) && (in->weight < 0 || in->weight > 1000))
		return store_fail(s, OKR_E_USAGE, _("the weight must be a number from 0 to 1000"));
	if (adding && in->type != KR_MILESTONE && isnan(in->target))
		return store_fail(s, OKR_E_USAGE, _("a key result needs a target: --target N, --at-least N, "
						    "--at-most N or --milestone"));
	return OKR_OK;
}

struct kr_ctx {
	const okr_kr_in *in;
	int64_t id, version, kpi;   /* kpi ≥ 0: link it; -1: archive */
	bool restore;               /* with kpi -1: bring it back from the archive */
};

static okr_result kr_add_txn(okr_store *s, void *vctx)
{
	struct kr_ctx *c = vctx;
	const okr_kr_in *in = c->in;
	okr_result r;
	db_stmt *st = store_prepare(s,
		"SELECT COALESCE(owner_id, 0), cycle_id FROM objective WHERE id = ?1 AND archived = 0");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, in->objective_id);
	int64_t obj_owner = -1, cycle = 0;
	if (db_step(st) == DB_ROW) {
		obj_owner = db_column_int64(st, 0);
		cycle = db_column_int64(st, 1);
	}
	store_done(s, st);
	if (obj_owner < 0)
		return store_fail(s, OKR_E_NOTFOUND, _("no objective O%lld — `okr list` shows what there is"),
				  (long long)in->objective_id);
	if (obj_owner != s->me.id && s->me.role == ROLE_MEMBER)
		return store_fail(s, OKR_E_DENIED, _("only the owner of O%lld or a lead can add key results to it"),
				  (long long)in->objective_id);
	int64_t owner = s->me.id;
	okr_result pr;
	if (in->owner && *in->owner && (pr = store_person_ref(s, in->owner, &owner)))
		return pr;
	if (store_cycle_closed(s, cycle))
		return store_fail(s, OKR_E_CLOSED, _("that cycle is closed and read-only"));

	double start = in->type == KR_METRIC && !isnan(in->start) ? in->start : 0;
	double target = in->type == KR_MILESTONE ? 1 : in->target;
	int decimals = in->decimals >= 0 ? in->decimals
		: in->type == KR_MILESTONE ? 0 : (int)fmax(decimals_of(start), decimals_of(target));
	st = store_prepare(s,
		"INSERT INTO key_result(objective_id, title, owner_id, weight, due_day, type, start_value, "
		"target_value, direction, unit, decimals, frequency, created_at) "
		"VALUES(?1, ?2, NULLIF(?3, 0), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, in->objective_id);
	db_bind_text(st, 2, in->title, -1);
	db_bind_int64(st, 3, owner);
	db_bind_double(st, 4, isnan(in->weight) ? 1 : in->weight);
	db_bind_int64(st, 5, in->due > 0 ? in->due : 0);
	db_bind_text_static(st, 6, okr_wire(&okr_kr_types, in->type), -1);
	db_bind_double(st, 7, start);
	db_bind_double(st, 8, target);
	db_bind_text_static(st, 9, okr_wire(&okr_directions, in->dir), -1);
	db_bind_text(st, 10, in->unit ? in->unit : "", -1);
	db_bind_int64(st, 11, decimals);
	db_bind_text_static(st, 12, okr_wire(&okr_frequencies, in->every >= 0 ? in->every : FREQ_WEEKLY), -1);
	db_bind_int64(st, 13, okr_now());
	if ((r = store_insert_id(s, st, &c->id, _("adding a key result"))) || (r = store_kr_set_terms(s, c->id)))
		return r;
	return store_audit(s, "add", 'K', c->id, in->title);
}

okr_result okr_store_kr_add(okr_store *s, const okr_kr_in *in, int64_t *id)
{
	okr_result r = check_kr_in(s, in, true);
	if (r)
		return r;
	if (in->type == KR_METRIC && !isnan(in->start) && in->start == in->target)
		return store_fail(s, OKR_E_USAGE, _("the start and the target are both %g — a key result must "
						    "measure a change; give a different --start or --target"), in->target);
	struct kr_ctx c = { in, 0, 0, 0 };
	r = store_write(s, kr_add_txn, &c);
	if (id)
		*id = c.id;
	return r;
}

static okr_result kr_edit_txn(okr_store *s, void *vctx)
{
	struct kr_ctx *c = vctx;
	const okr_kr_in *in = c->in;
	kr_meta m;
	okr_result r = store_kr_meta(s, c->id, &m);
	if (r)
		return r;
	if (!may_edit_kr(s, &m))
		return store_fail(s, OKR_E_DENIED, _("only the owner of K%lld, its objective's owner or a lead "
						     "can change it"), (long long)c->id);
	if (m.closed)
		return store_fail(s, OKR_E_CLOSED, _("K%lld's cycle is closed and read-only"), (long long)c->id);
	if (c->version && m.version != c->version) {
		char who[128] = "someone", idbuf[24], day[11];
		okr_time at = 0;
		okr_store_last_change(s, 'K', c->id, who, sizeof who, &at);
		okr_format_id(ID_KR, c->id, idbuf, sizeof idbuf);
		okr_format_date(okr_day_of(at), day);
		return store_fail(s, OKR_E_CONFLICT,
			_("%s was changed by %s on %s after you read it (now version %lld, yours %lld) — nothing was "
			  "saved; look at it again with `okr show %s` and redo your edit"),
			idbuf, who, day, (long long)m.version, (long long)c->version, idbuf);
	}
	if (m.type == KR_MILESTONE && (!isnan(in->target) || !isnan(in->start)))
		return store_fail(s, OKR_E_USAGE, _("K%lld is a milestone: it has no start or target to change"),
				  (long long)c->id);
	int64_t owner = 0;
	okr_result pr;
	if (in->owner && *in->owner && (pr = store_person_ref(s, in->owner, &owner)))
		return pr;
	db_stmt *st = store_prepare(s,
		"UPDATE key_result SET title = COALESCE(?2, title), "
		"owner_id = CASE WHEN ?3 <> 0 THEN NULLIF(?4, 0) ELSE owner_id END, "
		"unit = COALESCE(?5, unit), start_value = COALESCE(?6, start_value), "
		"target_value = COALESCE(?7, target_value), weight = COALESCE(?8, weight), "
		"decimals = COALESCE(?9, decimals), due_day = COALESCE(?10, due_day), "
		"frequency = COALESCE(?11, frequency), direction = COALESCE(?12, direction), "
		"version = version + 1 WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	if (in->title)
		db_bind_text(st, 2, in->title, -1);
	db_bind_int64(st, 3, in->owner != NULL);
	db_bind_int64(st, 4, owner);
	if (in->unit)
		db_bind_text(st, 5, in->unit, -1);
	if (!isnan(in->start))
		db_bind_double(st, 6, in->start);
	if (!isnan(in->target))
		db_bind_double(st, 7, in->target);
	if (!isnan(in->weight))
		db_bind_double(st, 8, in->weight);
	if (in->decimals >= 0)
		db_bind_int64(st, 9, in->decimals);
	if (in->due >= 0)
		db_bind_int64(st, 10, in->due);
	if (in->every >= 0)
		db_bind_text_static(st, 11, okr_wire(&okr_frequencies, in->every), -1);
	if (in->dir >= 0)
		db_bind_text_static(st, 12, okr_wire(&okr_directions, in->dir), -1);
	if ((r = store_step_done(s, st, _("editing a key result"))))
		return r;
	/* A metric must still measure a change. */
	if (store_int_by_id(s, "SELECT type = 'metric' AND start_value = target_value FROM key_result WHERE id = ?1",
			    c->id))
		return store_fail(s, OKR_E_USAGE, _("that would make the start equal the target — give a "
						    "different --start or --target"));
	if ((r = store_kr_set_terms(s, c->id)))
		return r;
	return store_audit(s, "edit", 'K', c->id, in->title ? in->title : "");
}

okr_result okr_store_kr_edit(okr_store *s, int64_t id, int64_t expect_version, const okr_kr_in *in)
{
	okr_result r = check_kr_in(s, in, false);
	if (r)
		return r;
	struct kr_ctx c = { in, id, expect_version, 0 };
	return store_write(s, kr_edit_txn, &c);
}

static okr_result kr_archive_txn(okr_store *s, void *vctx)
{
	struct kr_ctx *c = vctx;
	kr_meta m;
	okr_result r = store_kr_meta_of(s, c->id, c->restore, &m);
	if (r)
		return r;
	if (!may_edit_kr(s, &m))
		return store_fail(s, OKR_E_DENIED, c->restore
				  ? _("only the owner of K%lld, its objective's owner or a lead can bring it back")
				  : _("only the owner of K%lld, its objective's owner or a lead can archive it"),
				  (long long)c->id);
	if (m.closed)
		return store_fail(s, OKR_E_CLOSED, _("K%lld's cycle is closed and read-only"), (long long)c->id);
	if (c->version && m.version != c->version)
		return store_fail(s, OKR_E_CONFLICT, _("K%lld was changed after you read it — nothing was saved"),
				  (long long)c->id);
	db_stmt *st = store_prepare(s, c->kpi >= 0
		? "UPDATE key_result SET kpi_id = NULLIF(?2, 0), version = version + 1 WHERE id = ?1"
		: "UPDATE key_result SET archived = ?2, version = version + 1 WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	if (c->kpi >= 0)
		db_bind_int64(st, 2, c->kpi);
	else
		db_bind_int64(st, 2, !c->restore);
	if ((r = store_step_done(s, st, _("changing a key result"))))
		return r;
	char detail[32];
	snprintf(detail, sizeof detail, "KPI%lld", (long long)c->kpi);
	return store_audit(s, c->kpi >= 0 ? "link" : c->restore ? "unarchive" : "archive", 'K', c->id,
			   c->kpi >= 0 ? detail : "");
}

okr_result okr_store_kr_archive(okr_store *s, int64_t id, int64_t expect_version)
{
	struct kr_ctx c = { NULL, id, expect_version, -1, false };
	return store_write(s, kr_archive_txn, &c);
}

okr_result okr_store_kr_unarchive(okr_store *s, int64_t id)
{
	struct kr_ctx c = { NULL, id, 0, -1, true };
	return store_write(s, kr_archive_txn, &c);
}

okr_result okr_store_kr_link_kpi(okr_store *s, int64_t kr_id, int64_t kpi_id)
{
	if (kpi_id) {
		okr_kpi k;
		okr_result r = okr_store_kpi(s, kpi_id, &k);
		if (r)
			return r;
		okr_kpi_free(&k);
	}
	struct kr_ctx c = { NULL, kr_id, 0, kpi_id, false };
	return store_write(s, kr_archive_txn, &c);
}

/* A lead or an admin who does not own the key result confirms its terms,
 * as they stand now, as the ones it is scored by. */
static okr_result kr_approve_txn(okr_store *s, void *vctx)
{
	struct kr_ctx *c = vctx;
	kr_meta m;
	okr_result r = store_kr_meta(s, c->id, &m);
	if (r)
		return r;
	if (s->me.role == ROLE_MEMBER)
		return store_fail(s, OKR_E_DENIED, _("only a lead or an admin approves key results — ask one to "
						     "run `okr kr approve K%lld`"), (long long)c->id);
	if (m.owner == s->me.id)
		return store_fail(s, OKR_E_DENIED, _("K%lld is yours: nobody approves their own key result — ask "
						     "another lead or an admin"), (long long)c->id);
	if (m.closed)
		return store_fail(s, OKR_E_CLOSED, _("K%lld's cycle is closed and read-only"), (long long)c->id);
	if ((r = store_kr_set_terms(s, c->id)))
		return r;
	/* A new version: viewers and the score ledger see the change. */
	db_stmt *st = store_prepare(s, "UPDATE key_result SET version = version + 1 WHERE id = ?1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	if ((r = store_step_done(s, st, _("approving a key result"))))
		return r;
	return store_audit(s, "approve", 'K', c->id, "");
}

okr_result okr_store_kr_approve(okr_store *s, int64_t id)
{
	struct kr_ctx c = { NULL, id, 0, 0 };
	return store_write(s, kr_approve_txn, &c);
}
