/*
 * client_id.c — what a client-made id (`--id JOB42`) identifies.
 *
 * A script gives the same id to every retry of one write, and often the same
 * id (its CI job's) to several different writes: one value per KPI, one
 * check-in per key result.  So an id is scoped to what it identifies — the
 * key result or KPI and the person writing — and the row's unique `uid` is a
 * 128-bit digest of that scope and the id, the same shape (32 hex digits) as
 * the ids okr makes itself, so exports, imports and old files are unchanged.
 *
 * Within its scope an id names exactly one write: a retry with the same
 * value, confidence and note is recognised ("already recorded"); anything
 * else under a used id is refused with OKR_E_REUSED instead of being dropped.
 * Rows written before ids were scoped kept the id itself as their uid; a
 * retry of one of those is recognised too (same uid, key result and author).
 */
#include <stdio.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/parse.h"
#include "store_int.h"

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* FNV-1a over the bytes, from a given basis, finished by a 64-bit mixer. */
static uint64_t digest(const unsigned char *p, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return mix64(h ^ n);
}

void store_client_uid(char kind, int64_t target, int64_t author, const char *client, char out[33])
{
	char buf[160];
	int n = snprintf(buf, sizeof buf, "%c%lld/%lld/%s", kind, (long long)target, (long long)author,
			 client);
	size_t len = n < 0 ? 0 : (size_t)n >= sizeof buf ? sizeof buf - 1 : (size_t)n;
	uint64_t a = digest((const unsigned char *)buf, len, 0xcbf29ce484222325ULL);
	uint64_t b = digest((const unsigned char *)buf, len, 0x84222325cbf29ce4ULL ^ a);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
}

static bool same_note(const char *stored, const char *given)
{
	return !strcmp(stored ? stored : "", given ? given : "");
}

/*
 * Inside the write: has this scoped id been used?  0: no, go on and insert.
 * OKR_OK with *id set and s->repeat: the same write, already recorded.
 * OKR_E_REUSED: the id was used for a different value or note.
 */
okr_result store_client_check(okr_store *s, const store_client_write *w, int64_t *id)
{
	db_stmt *st = store_prepare(s, w->kind == 'K'
		? "SELECT id, value, COALESCE(confidence, -1), note FROM checkin "
		  "WHERE uid = ?1 OR (uid = ?2 AND kr_id = ?3 AND author_id = ?4) LIMIT 1"
		: "SELECT id, value, -1, note FROM kpi_sample "
		  "WHERE uid = ?1 OR (uid = ?2 AND kpi_id = ?3 AND author_id = ?4) LIMIT 1");
	if (!st)
		return OKR_E_FAIL;
	db_bind_text(st, 1, w->uid, -1);
	db_bind_text(st, 2, w->client, -1);
	db_bind_int64(st, 3, w->target);
	db_bind_int64(st, 4, s->me.id);
	int rc = db_step(st);
	if (rc != DB_ROW) {
		store_done(s, st);
		return rc == DB_DONE ? OKR_OK : store_sqlerr(s, rc, _("looking up the --id"));
	}
	int64_t found = db_column_int64(st, 0);
	double value = db_column_double(st, 1);
	int confidence = db_column_int(st, 2);
	bool same = value == w->value && (w->kind != 'K' || confidence == w->confidence) &&
		    same_note(db_column_text(st, 3), w->note);
	store_done(s, st);
	if (!same) {
		char ref[32];
		okr_format_id(w->kind == 'K' ? ID_KR : ID_KPI, w->target, ref, sizeof ref);
		return store_fail(s, OKR_E_REUSED, w->kind == 'K'
			? _("--id %s was already used by you for another check-in of %s (value %.15g) — nothing "
			    "was saved; a retry must repeat the same value, confidence and note, and a new "
			    "check-in needs a new --id")
			: _("--id %s was already used by you for another value of %s (%.15g) — nothing was "
			    "saved; a retry must repeat the same value and note, and a new value needs a new --id"),
			w->client, ref, value);
	}
	*id = found;
	s->repeat = true;
	return OKR_OK;
}

bool okr_store_last_was_repeat(const okr_store *s)
{
	return s && s->repeat;
}
