/*
 * copy.c — okr migrate: a team's database copied, row by row and with its
 * ids, into an empty database on a PostgreSQL server.
 *
 * Both sides are opened by the store, so both are at the same schema
 * number, and a table has the same columns on both: the column names are
 * read from the source's rows rather than written out again here, a
 * thousand rows a statement.  The target is new and empty, so the event
 * tables' row triggers are set aside for the copy's one transaction and
 * their work done once at the end (store_bulk_begin/end, ledger_bulk.c):
 * run per row, the score journal's trigger updated the one score_clock row
 * a million times in one transaction, and a copy of the large set took
 * hours.  The score ledger, a cache, is left to be folded again.  A
 * self-reference (a team's or objective's parent) is set once every row of
 * its table is in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "okr/i18n.h"
#include "okr/util.h"
#include "store_int.h"

/* In an order the foreign keys accept. */
static const struct {
	const char *table, *order, *late;   /* late: a column naming a row of the same table */
	bool event;                         /* its rows are events (store_bulk_end) */
} copied_tables[] = {
	{ "person", "id", NULL, false },
	{ "team", "id", "parent_id", false },
	{ "team_member", "team_id, person_id", NULL, false },
	{ "cycle", "id", NULL, false },
	{ "kpi", "id", NULL, false },
	{ "objective", "id", "parent_id", false },
	{ "key_result", "id", NULL, false },
	{ "checkin", "id", NULL, true },
	{ "kpi_sample", "id", NULL, true },
	{ "comment", "id", NULL, true },
	{ "kudos", "id", NULL, true },
	{ "grade", "kr_id", NULL, false },
	{ "audit", "id", NULL, false },
	{ "team_setting", "key", NULL, false },
	{ "board_look", "person_id, board, item_id", NULL, false },
};

/* After rows went in with their ids, each table's id sequence is moved past them. */
static const db_sql_pair move_sequence = {
	.sqlite = "",
	.postgresql = "SELECT setval(pg_get_serial_sequence(?1, 'id'), max(id)) FROM %s HAVING max(id) IS NOT NULL",
};

struct copy_ctx {
	okr_store *from;
	long long rows;
	bool events;   /* check-ins, samples, comments or kudos were copied */
};

static int bind_like(db_stmt *in, int i, db_stmt *out, int j)
{
	switch (db_column_type(in, i)) {
	case DB_INTEGER: return db_bind_int64(out, j, db_column_int64(in, i));
	case DB_FLOAT: return db_bind_double(out, j, db_column_double(in, i));
	case DB_TEXT: return db_bind_text(out, j, db_column_text(in, i), db_column_bytes(in, i));
	case DB_BLOB: {
		size_t n = (size_t)db_column_bytes(in, i);
		void *b = okr_xmalloc(n ? n : 1);
		memcpy(b, db_column_blob(in, i), n);
		return db_bind_blob_free(out, j, b, n);
	}
	default: return db_bind_null(out, j);
	}
}

/* The INSERT of nrows rows with the columns of src's row (the late column
 * is bound NULL): many rows a statement, so that a million check-ins are
 * not a million round trips to the server. */
static char *insert_sql(db_stmt *src, const char *table, const char *late, int nrows, int *late_col)
{
	int n = db_column_count(src);
	size_t cap = 64 + strlen(table) + (size_t)nrows * (size_t)n * 10;
	for (int i = 0; i < n; i++)
		cap += strlen(db_column_name(src, i)) + 2;
	char *sql = okr_xmalloc(cap), *p = sql;
	p += snprintf(p, cap, "INSERT INTO %s(", table);
	*late_col = -1;
	for (int i = 0; i < n; i++) {
		p += snprintf(p, cap - (size_t)(p - sql), "%s%s", i ? ", " : "", db_column_name(src, i));
		if (late && !strcmp(db_column_name(src, i), late))
			*late_col = i;
	}
	p += snprintf(p, cap - (size_t)(p - sql), ") VALUES");
	for (int r = 0; r < nrows; r++)
		for (int i = 0; i < n; i++)
			p += snprintf(p, cap - (size_t)(p - sql), "%s?%d%s", i ? ", " : r ? ", (" : "(",
				      r * n + i + 1, i == n - 1 ? ")" : "");
	return sql;
}

static long long count_rows(okr_store *s, const char *table)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);   /* i18n: not user-visible */
	db_stmt *st;
	long long n = -1;
	if (db_prepare(s->db, sql, &st) == DB_OK && db_step(st) == DB_ROW)
		n = db_column_int64(st, 0);
	db_finalize(st);
	return n;
}

static okr_result copy_table(okr_store *to, struct copy_ctx *c, size_t t)
{
	const char *table = copied_tables[t].table, *late = copied_tables[t].late;
	char sql[256];
	long long total = count_rows(c->from, table);
	snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY %s", table, copied_tables[t].order);
	db_stmt *src, *ins = NULL, *fix = NULL;
	if (total < 0 || db_prepare(c->from->db, sql, &src) != DB_OK)
		return store_sqlerr(c->from, db_errcode(c->from->db), _("reading the database to copy"));
	if (late) {
		snprintf(sql, sizeof sql, "UPDATE %s SET %s = ?2 WHERE id = ?1", table, late);   /* i18n: not user-visible */
		if (db_prepare(to->db, sql, &fix) != DB_OK) {
			db_finalize(src);
			return store_sqlerr(to, db_errcode(to->db), _("copying the database"));
		}
	}
	okr_result r = OKR_OK;
	int late_col = -1, rc, batch = 0, in_batch = 0;
	long long done = 0;
	while ((rc = db_step(src)) == DB_ROW) {
		int n = db_column_count(src);
		if (!in_batch) {
			/* up to 1,000 rows (and 30,000 values: the server takes
			 * 65,535) a statement, and the last batch as it comes */
			long long left = total - done;
			int most = 30000 / (n ? n : 1) < 1000 ? 30000 / (n ? n : 1) : 1000;
			int want = left > most ? most : (int)(left > 0 ? left : 1);
			if (want != batch) {
				db_finalize(ins);
				char *text = insert_sql(src, table, late, want, &late_col);
				rc = db_prepare(to->db, text, &ins);
				free(text);
				if (rc != DB_OK)
					break;
				batch = want;
			}
		}
		for (int i = 0; i < n; i++)
			if (i != late_col)
				bind_like(src, i, ins, in_batch * n + i + 1);
			else
				db_bind_null(ins, in_batch * n + i + 1);
		if (++in_batch < batch)
			continue;
		rc = db_step(ins);
		db_reset(ins);
		if (rc != DB_DONE)
			break;
		done += in_batch;
		c->rows += in_batch;
		in_batch = 0;
	}
	if (rc == DB_DONE && in_batch)
		rc = DB_E_ERROR;   /* the source changed under a read transaction: cannot be */
	if (rc != DB_DONE)
		r = store_sqlerr(to, rc, _("copying the database"));
	db_finalize(src);
	db_finalize(ins);
	/* the parents, now that every row they may name is there */
	if (r == OKR_OK && late) {
		snprintf(sql, sizeof sql, "SELECT id, %s FROM %s WHERE %s IS NOT NULL", late,   /* i18n: not user-visible */
			 table, late);
		if (db_prepare(c->from->db, sql, &src) != DB_OK) {
			db_finalize(fix);
			return store_sqlerr(c->from, db_errcode(c->from->db), _("reading the database to copy"));
		}
		while (r == OKR_OK && (rc = db_step(src)) == DB_ROW) {
			db_bind_int64(fix, 1, db_column_int64(src, 0));
			db_bind_int64(fix, 2, db_column_int64(src, 1));
			rc = db_step(fix);
			db_reset(fix);
			if (rc != DB_DONE)
				r = store_sqlerr(to, rc, _("copying the database"));
		}
		db_finalize(src);
	}
	db_finalize(fix);
	return r;
}

static okr_result copy_txn(okr_store *to, void *vctx)
{
	struct copy_ctx *c = vctx;
	bool paused;
	okr_result r = store_bulk_begin(to, true, &paused);
	if (r != OKR_OK)
		return r;
	for (size_t t = 0; t < sizeof copied_tables / sizeof copied_tables[0]; t++) {
		long long before = c->rows;
		r = copy_table(to, c, t);
		if (r != OKR_OK)
			return r;
		if (c->rows > before && copied_tables[t].event)
			c->events = true;
		const char *mv = db_sql_pick(to->db, &move_sequence);
		if (!*mv || strcmp(copied_tables[t].order, "id"))
			continue;
		char sql[256];
		snprintf(sql, sizeof sql, mv, copied_tables[t].table);
		db_stmt *st;
		int rc = db_prepare(to->db, sql, &st);
		if (rc == DB_OK) {
			db_bind_text(st, 1, copied_tables[t].table, -1);
			while ((rc = db_step(st)) == DB_ROW)
				;
			db_finalize(st);
		}
		if (rc != DB_DONE)
			return store_sqlerr(to, rc == DB_OK ? db_errcode(to->db) : rc, _("copying the database"));
	}
	return paused ? store_bulk_end(to, c->events) : OKR_OK;
}

static okr_result holds_people(okr_store *to, const char *target)
{
	db_stmt *st = store_prepare(to, "SELECT count(*) FROM person");
	if (!st)
		return OKR_E_FAIL;
	int rc = db_step(st);
	long long n = rc == DB_ROW ? db_column_int64(st, 0) : 0;
	store_done(to, st);
	if (rc != DB_ROW)
		return store_sqlerr(to, rc, _("looking into the target database"));
	if (n)
		return store_fail(to, OKR_E_USAGE,
			_("%s already holds an okr database (%lld people) — okr migrate copies into an empty "
			  "database only: ask the server's administrator for a new one (`createdb`)"), target, n);
	return OKR_OK;
}

okr_result okr_store_copy_to(okr_store *s, const char *target, long long *copied, char *err, size_t errlen)
{
	*copied = 0;
	if (strcmp(db_engine_for(target)->name, db_engine_pg.name) != 0) {
		snprintf(err, errlen, _("'%s' is not a PostgreSQL database — --to takes a connection string "
					"or URI, such as postgresql://host/okr or \"host=db dbname=okr\""), target);
		return OKR_E_USAGE;
	}
	okr_store *to;
	okr_result r = okr_store_open(target, OKR_OPEN_CREATE | OKR_OPEN_BARE, s->me.login, &to, err, errlen);
	if (r != OKR_OK)
		return r;
	r = holds_people(to, target);
	struct copy_ctx c = { .from = s };
	if (r == OKR_OK && db_begin(s->db, DB_READ) != DB_OK)
		r = store_sqlerr(s, db_errcode(s->db), _("reading the database to copy"));
	else if (r == OKR_OK) {
		r = store_write(to, copy_txn, &c);
		db_rollback(s->db);
	}
	if (r != OKR_OK)
		okr_strlcpy(err, okr_store_error(to->err[0] ? to : s), errlen);
	else
		*copied = c.rows;
	okr_store_close(to);
	return r;
}
