#!/bin/sh
# bench/pg_load.sh — a quick bulk copy of a SQLite data set into an empty
# database on the benchmarks' private server, for the timings of a large set
# (`okr migrate` is the way to move a team; it goes row by row through the
# target's triggers and takes many minutes on a million check-ins).  Every
# table goes over with psql's \copy, the triggers off for the session
# (session_replication_role, the server's superuser), the tables the triggers
# keep copied as they are, and the id sequences moved past the ids.  REAL
# values travel as the sqlite3 shell prints them (15 digits): good for
# timings, not for a byte-exact copy.
#
#   sh bench/pg_load.sh OKR_BIN SQLITE_FILE DBNAME LOGIN
set -eu
BIN=$1 SRC=$2 DB=$3 LOGIN=$4
psql -X -q -c "CREATE DATABASE $DB"
OKR_USER=$LOGIN "$BIN" --db "dbname=$DB" init >/dev/null      # the schema, the roles
q() { PGOPTIONS="-c session_replication_role=replica" psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
tables=$(sqlite3 "$SRC" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
	AND name <> 'score_ledger' ORDER BY name")
q -c "TRUNCATE $(echo $tables | tr ' ' ',') CASCADE"
for t in $tables; do
	cols=$(sqlite3 "$SRC" "SELECT group_concat(name, ', ') FROM pragma_table_info('$t')")
	sqlite3 -csv "$SRC" "SELECT $cols FROM $t" | q -c "\\copy $t($cols) FROM STDIN WITH (FORMAT csv)"
done
for t in $tables; do
	q -A -t -c "SELECT setval(pg_get_serial_sequence('$t', 'id'), max(id)) FROM $t HAVING max(id) IS NOT NULL
		AND pg_get_serial_sequence('$t', 'id') IS NOT NULL" >/dev/null 2>&1 || true
done
q -c "ANALYZE"
