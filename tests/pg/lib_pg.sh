# lib_pg.sh — sourced by tests/cli/lib.sh and tests/e2e/lib.sh on
# PostgreSQL (OKR_TEST_ENGINE=pg): what the tests do with the sqlite3 shell
# on the test database they then do with psql, in the same output shape
# (rows of '|'-separated columns, no headers), so one test serves both.
#
# pg_shell DB DBNAME: `sqlite3 "$DB" SQL...` runs SQL on database DBNAME.
pg_shell() {
	PG_SHELL_TARGET=$1 PG_SHELL_DB=$2
	sqlite3() {
		if [ "$1" = "$PG_SHELL_TARGET" ]; then
			shift
			printf '%s\n' "$*" | psql -X -A -t -q -F '|' -v ON_ERROR_STOP=1 -d "$PG_SHELL_DB" 2>&1
		else
			command sqlite3 "$@"
		fi
	}
}
