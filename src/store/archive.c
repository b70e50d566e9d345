/*
 * archive.c — what archiving an objective or key result takes with it (see
 * archive.h), counted in one read transaction so the numbers agree.
 */
#include <string.h>

#include "okr/i18n.h"
#include "store_int.h"

static const char effect_obj[] =
	"SELECT (SELECT count(*) FROM key_result WHERE objective_id = o.id AND archived = 0),"
	" (SELECT count(*) FROM checkin c JOIN key_result k ON k.id = c.kr_id"
	"   WHERE k.objective_id = o.id AND k.archived = 0),"
	" (SELECT count(*) FROM comment m WHERE (m.target_kind = 'O' AND m.target_id = o.id)"
	"   OR (m.target_kind = 'K' AND m.target_id IN"
	"       (SELECT id FROM key_result WHERE objective_id = o.id AND archived = 0))),"
	" (SELECT count(*) FROM objective WHERE parent_id = o.id AND archived = 0), 0"
	" FROM objective o WHERE o.id = ?1 AND o.archived = 0";

static const char effect_kr[] =
	"SELECT 0, (SELECT count(*) FROM checkin WHERE kr_id = k.id),"
	" (SELECT count(*) FROM comment WHERE target_kind = 'K' AND target_id = k.id), 0, k.objective_id"
	" FROM key_result k WHERE k.id = ?1 AND k.archived = 0";

struct effect_ctx {
	char kind;
	int64_t id;
	okr_archive_effect *out;
};

static okr_result effect_txn(okr_store *s, void *vctx)
{
	struct effect_ctx *c = vctx;
	db_stmt *st = store_prepare(s, c->kind == 'O' ? effect_obj : effect_kr);
	if (!st)
		return OKR_E_FAIL;
	db_bind_int64(st, 1, c->id);
	int rc = db_step(st);
	okr_result r = OKR_OK;
	if (rc == DB_ROW) {
		okr_archive_effect *e = c->out;
		e->krs = (size_t)db_column_int64(st, 0);
		e->checkins = (size_t)db_column_int64(st, 1);
		e->comments = (size_t)db_column_int64(st, 2);
		e->children = (size_t)db_column_int64(st, 3);
		e->objective_id = db_column_int64(st, 4);
	} else if (rc == DB_DONE) {
		r = store_fail(s, OKR_E_NOTFOUND, c->kind == 'O'
			       ? _("no objective O%lld to archive — `okr list` shows what there is")
			       : _("no key result K%lld to archive — `okr list` shows what there is"), (long long)c->id);
	} else {
		r = store_sqlerr(s, rc, _("reading what archiving would take with it"));
	}
	store_done(s, st);
	return r;
}

okr_result okr_store_archive_effect(okr_store *s, char kind, int64_t id, okr_archive_effect *out)
{
	memset(out, 0, sizeof *out);
	out->kind = kind;
	out->id = id;
	struct effect_ctx c = { kind, id, out };
	return store_read(s, effect_txn, &c);
}
