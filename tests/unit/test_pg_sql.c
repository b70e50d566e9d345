/*
 * test_pg_sql.c — what the PostgreSQL engine decides without a server: the
 * placeholders it rewrites (and the ones inside literals it must leave
 * alone), which --db targets it claims from SQLite, and that its schema has
 * as many steps as SQLite's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/store/pg/pg_int.h"
#include "../../src/store/store_int.h"

static void rewrites(const char *in, const char *want, int want_n)
{
	int n = -1;
	char *got = pg_rewrite(in, &n);
	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(n, want_n);
	free(got);
}

static void test_numbered(void **state)
{
	(void)state;
	rewrites("SELECT id FROM person WHERE login = ?1", "SELECT id FROM person WHERE login = $1", 1);
	rewrites("UPDATE t SET a = ?2 WHERE id = ?1 AND b = ?2", "UPDATE t SET a = $2 WHERE id = $1 AND b = $2", 2);
	rewrites("VALUES(?10, ?9)", "VALUES($10, $9)", 10);
	rewrites("SELECT 1", "SELECT 1", 0);
}

/* A bare ? is one past the highest number so far, as SQLite counts them. */
static void test_bare(void **state)
{
	(void)state;
	rewrites("VALUES(?, ?, ?)", "VALUES($1, $2, $3)", 3);
	rewrites("VALUES(?3, ?)", "VALUES($3, $4)", 4);
}

static void test_literals_left_alone(void **state)
{
	(void)state;
	rewrites("SELECT '?1', 'it''s ?', \"a?b\" FROM t WHERE x = ?", "SELECT '?1', 'it''s ?', \"a?b\" FROM t WHERE x = $1", 1);
	rewrites("SELECT 1 -- why?\n, ?1 /* what? */", "SELECT 1 -- why?\n, $1 /* what? */", 1);
	rewrites("SELECT 'unterminated ?", "SELECT 'unterminated ?", 0);
}

static void test_claims(void **state)
{
	(void)state;
	assert_true(pg_claims("postgresql://db.example.com/okr"));
	assert_true(pg_claims("postgres://alice@localhost:5433/okr?sslmode=require"));
	assert_true(pg_claims("host=db.example.com dbname=okr"));
	assert_true(pg_claims("dbname=okr"));
	assert_true(pg_claims("service=okr"));
	assert_true(pg_claims("user=alice  host = /run/postgresql"));
	assert_false(pg_claims("/srv/okr/team.db"));
	assert_false(pg_claims("team.db"));
	assert_false(pg_claims("/tmp/host=x/okr.db"));
	assert_false(pg_claims("postgresql.db"));
	assert_false(pg_claims("./dbname"));
}

/* A schema number means the same on both engines (okr_store_schema_version,
 * the newer-schema refusal, copying between them): a step added to one
 * engine's migrations must be added to the other's. */
static void test_same_number_of_steps(void **state)
{
	(void)state;
	assert_int_equal(pg_nmigrations, store_nmigrations);
	assert_int_equal(pg_nmigrations, okr_store_schema_version());
	for (int i = 0; i < pg_nmigrations; i++)
		assert_non_null(pg_migrations[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbered),
		cmocka_unit_test(test_bare),
		cmocka_unit_test(test_literals_left_alone),
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_same_number_of_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
