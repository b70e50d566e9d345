/*
 * stmt_pg.c — statements on a server: the store's SQL with `?N` rewritten
 * once at prepare into `$N`, parameters bound with the type they were bound
 * as, and each execution by PQexecParams.
 *
 * Parameters travel as text with their type (int8, float8; text and NULL as
 * "unknown", so the server gives them the type of the column they meet;
 * bytea in binary).  The whole result arrives at the first step and later
 * steps walk its rows: the store reads small results and resets every
 * statement when it is done, so nothing stays open on the server.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "pg_int.h"

/* `?N` → `$N`, `?` → `$k` (one past the highest so far, as SQLite numbers
 * them), outside string literals, quoted names and comments.  *nparams:
 * the highest number used. */
char *pg_rewrite(const char *sql, int *nparams)
{
	/* Every input byte gives at most one output byte except `?`, which
	 * becomes `$` and its number: four bytes a byte is room for any query. */
	size_t cap = strlen(sql) * 4 + 16;
	char *out = malloc(cap);
	if (!out)
		return NULL;
	char *o = out;
	int high = 0;
	for (const char *p = sql; *p;) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			*o++ = *p++;
			while (*p) {
				if (*p == q && p[1] == q) {
					*o++ = *p++;
					*o++ = *p++;
				} else if (*p == q) {
					*o++ = *p++;
					break;
				} else {
					*o++ = *p++;
				}
			}
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				*o++ = *p++;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			size_t len = end ? (size_t)(end + 2 - p) : strlen(p);
			memcpy(o, p, len);
			o += len;
			p += len;
		} else if (*p == '?') {
			p++;
			int num;
			if (isdigit((unsigned char)*p)) {
				num = 0;
				while (isdigit((unsigned char)*p))
					num = num * 10 + (*p++ - '0');
			} else {
				num = high + 1;
			}
			if (num > high)
				high = num;
			int w = snprintf(o, cap - (size_t)(o - out), "$%d", num);
			if (w < 0 || (size_t)w >= cap - (size_t)(o - out)) {
				free(out);
				return NULL;
			}
			o += w;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	*nparams = high;
	return out;
}

int pg_prepare(db_conn *dc, const char *sql, bool persistent, db_stmt **out)
{
	(void)persistent;
	pg_conn *c = (pg_conn *)dc;
	*out = NULL;
	pg_stmt *st = calloc(1, sizeof *st);
	if (!st) {
		pg_set_err(c, DB_E_NOMEM, "out of memory");
		return DB_E_NOMEM;
	}
	st->base.eng = &db_engine_pg;
	st->c = c;
	st->row = -1;
	/* The score ledger's bytes (2.4 MB on the large set) in binary: as
	 * text they are hex, twice the size, which the server encodes and
	 * libpq decodes — 15-20 ms of a TUI's start.  Its other columns are
	 * bigint, which cols_pg.c reads in either form. */
	st->binary = !strncmp(sql, "SELECT", 6) && strstr(sql, "FROM score_ledger");
	st->sql = pg_rewrite(sql, &st->nparams);
	st->p = calloc((size_t)st->nparams + 1, sizeof *st->p);
	if (!st->sql || !st->p) {
		free(st->sql);
		free(st->p);
		free(st);
		pg_set_err(c, DB_E_NOMEM, "out of memory");
		return DB_E_NOMEM;
	}
	*out = (db_stmt *)st;
	c->err = DB_OK;
	return DB_OK;
}

static void free_blobs(pg_stmt *st)
{
	for (int i = 0; i < st->nblob; i++) {
		if (st->blob[i])
			PQfreemem(st->blob[i]);
		st->blob[i] = NULL;
	}
}

static void drop_result(pg_stmt *st)
{
	free_blobs(st);
	if (st->res)
		PQclear(st->res);
	st->res = NULL;
	st->row = -1;
	st->nrows = 0;
	st->ran = false;
}

/*
 * A transaction's BEGIN waits for its first statement (txn_pg.c; a write's
 * lock is already held), and then both go in one pipeline: one round trip
 * for the two.  The snapshot
 * is the same, taken by the first statement either way.  The BEGIN's own
 * result says whether it failed (the statement then reports nothing).
 */
static PGresult *begin_and_exec(pg_stmt *st, const unsigned *types, const char *const *vals, const int *lens,
				const int *fmts)
{
	pg_conn *c = st->c;
	c->begin_pending = false;
#ifdef LIBPQ_HAS_PIPELINING
	if (!PQenterPipelineMode(c->pg))
		return PQexecParams(c->pg, st->sql, st->nparams, types, vals, lens, fmts, st->binary);
	PGresult *begin = NULL, *res = NULL;
	if (PQsendQueryParams(c->pg, pg_begin_sql, 0, NULL, NULL, NULL, NULL, 0) &&
	    PQsendQueryParams(c->pg, st->sql, st->nparams, types, vals, lens, fmts, st->binary) &&
	    PQpipelineSync(c->pg)) {
		/* each query's results end with a NULL; the sync's own closes */
		for (int q = 0; q < 3; q++)
			for (PGresult *r; (r = PQgetResult(c->pg));) {
				ExecStatusType t = PQresultStatus(r);
				if (q == 0 && !begin)
					begin = r;
				else if (q == 1 && !res)
					res = r;
				else
					PQclear(r);
				if (t == PGRES_PIPELINE_SYNC)
					break;
			}
	}
	PQexitPipelineMode(c->pg);
	if (begin && PQresultStatus(begin) != PGRES_COMMAND_OK) {
		PQclear(res);
		return begin;
	}
	PQclear(begin);
	return res;
#else
	PQclear(PQexec(c->pg, pg_begin_sql));
	return PQexecParams(c->pg, st->sql, st->nparams, types, vals, lens, fmts, st->binary);
#endif
}

int pg_step(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	pg_conn *c = st->c;
	if (st->ran) {
		free_blobs(st);
		if (st->row + 1 < st->nrows) {
			st->row++;
			return DB_ROW;
		}
		st->row = st->nrows;
		return DB_DONE;
	}
	if (!pg_alive(c))
		return DB_E_CONNLOST;
	const char *vals[st->nparams + 1];
	int lens[st->nparams + 1], fmts[st->nparams + 1];
	unsigned types[st->nparams + 1];
	for (int i = 0; i < st->nparams; i++) {
		vals[i] = st->p[i].val;
		lens[i] = st->p[i].len;
		fmts[i] = st->p[i].binary;
		types[i] = st->p[i].type;
	}
	st->res = c->begin_pending ? begin_and_exec(st, types, vals, lens, fmts)
				   : PQexecParams(c->pg, st->sql, st->nparams, types, vals, lens, fmts, st->binary);
	st->ran = true;
	int rc = pg_check(c, st->res);
	if (rc != DB_OK) {
		PQclear(st->res);
		st->res = NULL;
		return rc;
	}
	const char *ct = PQcmdTuples(st->res);
	c->changes = *ct ? strtoll(ct, NULL, 10) : 0;
	if (c->changes > 0 && strncmp(PQcmdStatus(st->res), "SELECT", 6) != 0)
		c->changed = true;
	st->nrows = PQresultStatus(st->res) == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
	int ncol = PQnfields(st->res);
	if (ncol > st->nblob) {
		free(st->blob);
		free(st->blob_len);
		free(st->num);
		st->blob = calloc((size_t)ncol, sizeof *st->blob);
		st->blob_len = calloc((size_t)ncol, sizeof *st->blob_len);
		st->num = calloc((size_t)ncol, sizeof *st->num);
		st->nblob = st->blob && st->blob_len && st->num ? ncol : 0;
	}
	if (st->nrows > 0) {
		st->row = 0;
		return DB_ROW;
	}
	return DB_DONE;
}

int pg_reset(db_stmt *s)
{
	drop_result((pg_stmt *)s);
	return DB_OK;
}

static void clear_param(pg_param *p)
{
	if (p->own)
		free(p->val);
	memset(p, 0, sizeof *p);
}

void pg_clear_bindings(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	for (int i = 0; i < st->nparams; i++)
		clear_param(&st->p[i]);
}

void pg_finalize(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	drop_result(st);
	pg_clear_bindings(s);
	free(st->blob);
	free(st->blob_len);
	free(st->num);
	free(st->p);
	free(st->sql);
	free(st);
}

/* The parameter slot i (1-based), emptied; NULL if out of range. */
static pg_param *slot(pg_stmt *st, int i)
{
	if (i < 1 || i > st->nparams)
		return NULL;
	pg_param *p = &st->p[i - 1];
	clear_param(p);
	return p;
}

int pg_bind_int64(db_stmt *s, int i, int64_t v)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p)
		return DB_E_ERROR;
	snprintf(p->num, sizeof p->num, "%" PRId64, v);
	p->val = p->num;
	p->type = OID_INT8;
	return DB_OK;
}

int pg_bind_double(db_stmt *s, int i, double v)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p)
		return DB_E_ERROR;
	snprintf(p->num, sizeof p->num, "%.17g", v);
	p->val = p->num;
	p->type = OID_FLOAT8;
	return DB_OK;
}

int pg_bind_text(db_stmt *s, int i, const char *v, int len, bool copy)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p)
		return DB_E_ERROR;
	if (!v)
		return DB_OK;
	size_t n = len < 0 ? strlen(v) : (size_t)len;
	if (copy || len >= 0) {
		/* a length means the text may not end there: copy it to add the NUL */
		p->val = malloc(n + 1);
		if (!p->val)
			return DB_E_NOMEM;
		memcpy(p->val, v, n);
		p->val[n] = '\0';
		p->own = true;
	} else {
		p->val = (char *)v;
	}
	p->len = (int)n;
	return DB_OK;
}

int pg_bind_blob_free(db_stmt *s, int i, void *v, size_t len)
{
	pg_param *p = slot((pg_stmt *)s, i);
	if (!p) {
		free(v);
		return DB_E_ERROR;
	}
	p->val = v ? v : calloc(1, 1);
	p->len = (int)len;
	p->own = true;
	p->binary = true;
	p->type = OID_BYTEA;
	return DB_OK;
}

int pg_bind_null(db_stmt *s, int i)
{
	return slot((pg_stmt *)s, i) ? DB_OK : DB_E_ERROR;
}

