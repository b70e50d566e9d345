/*
 * cols_pg.c — the columns of the current row of a statement on a server,
 * read as the seam reads SQLite's: integers (booleans as 1 and 0), doubles,
 * text and bytes.  Results come as text, except those of the statements
 * that read the score ledger, which come in binary (stmt_pg.c): a column is
 * read in the form it came in.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "pg_int.h"

static const char *cell(pg_stmt *st, int col)
{
	if (!st->res || st->row < 0 || st->row >= st->nrows || col < 0 || col >= PQnfields(st->res) ||
	    PQgetisnull(st->res, st->row, col))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

int pg_column_count(db_stmt *s)
{
	pg_stmt *st = (pg_stmt *)s;
	return st->res ? PQnfields(st->res) : 0;
}

int pg_column_type(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return DB_NULL;
	switch (PQftype(st->res, col)) {
	case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
		return DB_INTEGER;
	case OID_NUMERIC:   /* never binary: no statement that reads the ledger sums */
		return strpbrk(v, ".eEN") ? DB_FLOAT : DB_INTEGER;
	case OID_FLOAT4: case OID_FLOAT8:
		return DB_FLOAT;
	case OID_BYTEA:
		return DB_BLOB;
	default:
		return DB_TEXT;
	}
}

/* Whether the column came in binary (pg_prepare says which statements). */
static bool binary(const pg_stmt *st, int col)
{
	return PQfformat(st->res, col) == 1;
}

/* A binary integer or boolean: big-endian, as wide as its type. */
static int64_t binary_int(const pg_stmt *st, int col, const char *v)
{
	const unsigned char *b = (const unsigned char *)v;
	int n = PQgetlength(st->res, st->row, col);
	uint64_t u = n > 0 && (b[0] & 0x80) && PQftype(st->res, col) != OID_OID ? UINT64_MAX : 0;
	for (int i = 0; i < n && i < 8; i++)
		u = u << 8 | b[i];
	return (int64_t)u;
}

static double binary_double(const pg_stmt *st, int col, const char *v)
{
	unsigned t = PQftype(st->res, col);
	if (t != OID_FLOAT8 && t != OID_FLOAT4)
		return (double)binary_int(st, col, v);
	uint64_t u = 0;
	const unsigned char *b = (const unsigned char *)v;
	for (int i = 0; i < (t == OID_FLOAT8 ? 8 : 4); i++)
		u = u << 8 | b[i];
	if (t == OID_FLOAT8) {
		double d;
		memcpy(&d, &u, sizeof d);
		return d;
	}
	uint32_t w = (uint32_t)u;
	float f;
	memcpy(&f, &w, sizeof f);
	return f;
}

int64_t pg_column_int64(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return 0;
	if (binary(st, col))
		return binary_int(st, col, v);
	if (v[0] == 't' && !v[1])
		return 1;
	if (v[0] == 'f' && !v[1])
		return 0;
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E')
		return (int64_t)strtod(v, NULL);
	return n;
}

double pg_column_double(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return 0.0;
	if (binary(st, col))
		return binary_double(st, col, v);
	if (v[0] == 't' && !v[1])
		return 1.0;
	if (v[0] == 'f' && !v[1])
		return 0.0;
	return strtod(v, NULL);
}

const char *pg_column_text(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v || !binary(st, col) || col >= st->nblob)
		return v;
	switch (PQftype(st->res, col)) {
	case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
		snprintf(st->num[col], sizeof st->num[col], "%" PRId64, binary_int(st, col, v));
		return st->num[col];
	case OID_FLOAT4: case OID_FLOAT8:
		snprintf(st->num[col], sizeof st->num[col], "%.17g", binary_double(st, col, v));
		return st->num[col];
	default:
		return v;   /* text and bytea are their own bytes */
	}
}

const void *pg_column_blob(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return NULL;
	if (PQftype(st->res, col) != OID_BYTEA || binary(st, col))
		return v;
	if (col >= st->nblob)
		return NULL;
	if (!st->blob[col])
		st->blob[col] = PQunescapeBytea((const unsigned char *)v, &st->blob_len[col]);
	return st->blob[col];
}

int pg_column_bytes(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	const char *v = cell(st, col);
	if (!v)
		return 0;
	if (PQftype(st->res, col) != OID_BYTEA || binary(st, col))
		return PQgetlength(st->res, st->row, col);
	return pg_column_blob(s, col) ? (int)st->blob_len[col] : 0;
}

const char *pg_column_name(db_stmt *s, int col)
{
	pg_stmt *st = (pg_stmt *)s;
	return st->res ? PQfname(st->res, col) : NULL;
}
