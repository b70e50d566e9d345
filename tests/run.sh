#!/bin/sh
# run.sh — the whole test suite, as `make check` runs it from the repo root:
#
#   OKR_BIN=/abs/path/build/rel/okr-test OKR_SHIPPED_BIN=/abs/path/okr BUILD=build/rel sh tests/run.sh
#
# OKR_BIN is the test build (it honours $OKR_USER and $OKR_NOW), OKR_SHIPPED_BIN
# the okr people run, which must ignore them (tests/cli/test_identity.sh).
#
# Runs the unit and store test programs (cmocka) of $BUILD, then every shell
# test in tests/cli and tests/e2e (lib.sh and other helpers excepted).  One
# line per program with its own counts, the whole output of any that failed,
# and last exactly one line "N passed, N failed" counting programs.  Exits
# non-zero if anything failed.
#
# OKR_ENGINES names the storage engines to run the store, CLI and tmux suites
# on: "sqlite", "pg", or "sqlite pg" (the default).  Each suite runs once per
# engine with OKR_TEST_ENGINE set; the tests themselves choose their database
# from it (tests/store/fixture.h, tests/cli/lib.sh, tests/e2e/lib.sh).  With
# pg, a private PostgreSQL server is started first (tests/pg/server.sh) and
# stopped at the end whatever happens; its PGHOST/PGPORT/PGUSER are exported.

cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$ROOT/build/rel/okr-test}
case $OKR_BIN in /*) ;; *) OKR_BIN=$ROOT/$OKR_BIN ;; esac
OKR_SHIPPED_BIN=${OKR_SHIPPED_BIN:-$ROOT/okr}
export OKR_BIN OKR_SHIPPED_BIN BUILD

# Nothing from the machine: no locale, time zone or user configuration.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
export OKR_SOURCE_DIR="$ROOT"
unset CMOCKA_MESSAGE_OUTPUT CMOCKA_XML_FILE OKR_DB OKR_CONFIG OKR_USER OKR_NOW OKR_THEME_DIR NO_COLOR LANGUAGE
# Nor a PostgreSQL server of the machine (OKR_ENGINES=pg starts a private one).
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGSERVICE PGSERVICEFILE PGOPTIONS PGPASSWORD PGPASSFILE
# Nor the host-wide okr.conf files of the machine.
export OKR_SYSTEM_CONFIG= XDG_CONFIG_DIRS=/nonexistent/okr-tests

# Under SAN=1: leaks inside libconfig's own parser are not okr's (tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

LIMIT=${OKR_TEST_TIMEOUT:-900}
TIMEOUT=
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout $LIMIT"

ENGINES=${OKR_ENGINES:-sqlite pg}
for e in $ENGINES; do
	case $e in sqlite | pg) ;; *) echo "tests/run.sh: unknown engine '$e' in OKR_ENGINES (sqlite, pg)" >&2; exit 2 ;; esac
done
# The suites each engine runs; unit tests do not touch a database and run
# once, on the first engine.  On pg the tests that are about SQLite's own
# files, or involve no database at all, say so and skip themselves
# (sqlite_only and once in tests/cli/lib.sh, e2e_sqlite_only in tests/e2e).
SUITES_sqlite="tests/store tests/cli tests/e2e"
SUITES_pg="tests/pg tests/store tests/cli tests/e2e"

LOG=$(mktemp -d "${TMPDIR:-/tmp}/okr-run.XXXXXX") || exit 1
PG_UP=
cleanup() {
	[ -z "$PG_UP" ] || sh tests/pg/server.sh stop
	rm -rf "$LOG"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
case " $ENGINES " in
*" pg "*)
	PG_UP=1
	export OKR_PG_DIR="$ROOT/build/pg"   # which server: tests/pg/test_reconnect.sh restarts it
	if ! OKR_PG_OWNER=$$ sh tests/pg/server.sh start </dev/null; then
		echo "FAIL  tests/pg/server.sh start                 (no PostgreSQL server for OKR_ENGINES=pg)"
		echo "0 passed, 1 failed"
		exit 1
	fi
	eval "$(sh tests/pg/server.sh env)"
	export PGHOST PGPORT PGUSER PGDATABASE
	;;
esac

passed=0
failed=0
failed_names=

# report NAME STATUS LOGFILE CASES_OK CASES_FAILED
report() {
	if [ "$2" = 0 ]; then
		passed=$((passed + 1))
		printf 'PASS  %-40s %s passed, %s failed\n' "$TAG$1" "$4" "$5"
	else
		failed=$((failed + 1))
		failed_names="$failed_names $TAG$1"
		printf 'FAIL  %-40s %s passed, %s failed (exit %s)\n' "$TAG$1" "$4" "$5" "$2"
		cp "$3" "$LOG/failed.$failed"
		echo "$TAG$1" >"$LOG/failed.$failed.name"
	fi
}

run_cmocka() {
	out="$LOG/out"
	$TIMEOUT "$1" >"$out" 2>&1
	status=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -1)
	report "$1" "$status" "$out" "${p:-0}" "${f:-0}"
}

run_tap() {
	out="$LOG/out"
	$TIMEOUT sh "$1" >"$out" 2>&1
	status=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	[ "$status" = 0 ] && [ "$f" != 0 ] && status=1
	report "$1" "$status" "$out" "$p" "$f"
}

# TAG is shown before each name when more than one engine runs.
TAG=
run_dir() {
	case $1 in
	tests/unit | tests/store)
		for t in "$BUILD/$1"/test_*; do
			[ -f "$t" ] && [ -x "$t" ] || continue
			case $t in *.d | *.o) continue ;; esac
			run_cmocka "$t"
		done
		;;
	*)
		for t in "$1"/*.sh; do
			[ -f "$t" ] || continue
			case ${t##*/} in lib.sh | lib_*.sh | _*.sh | run.sh | server.sh) continue ;; esac
			run_tap "$t"
		done
		;;
	esac
}

first=1
for engine in $ENGINES; do
	export OKR_TEST_ENGINE=$engine
	[ "$ENGINES" = "$engine" ] || TAG="[$engine] "
	[ -z "$first" ] || run_dir tests/unit
	first=
	eval "suites=\$SUITES_$engine"
	for d in $suites; do run_dir "$d"; done
done

i=1
while [ "$i" -le "$failed" ]; do
	echo
	echo "==== $(cat "$LOG/failed.$i.name") ===="
	cat "$LOG/failed.$i"
	i=$((i + 1))
done
[ "$failed" = 0 ] || echo

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
