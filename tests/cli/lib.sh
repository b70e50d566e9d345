# lib.sh — helpers for the command-line tests, sourced by tests/cli/*.sh.
#
# Each script runs the real binary ($OKR_BIN, default build/rel/okr-test: the
# test build, which honours $OKR_USER and $OKR_NOW) in a private
# temporary HOME with a fixed clock, user and UTF-8 locale, so neither the
# machine's configuration nor the date can change a result.  Output is TAP:
# `ok N - desc` / `not ok N - desc`, with the details of a failure as `#`
# lines; `finish` prints the plan and sets the exit status.

OKR_BIN=${OKR_BIN:-./build/rel/okr-test}
case $OKR_BIN in /*) ;; *) OKR_BIN=$PWD/$OKR_BIN ;; esac
[ -x "$OKR_BIN" ] || { echo "Bail out! no okr binary at $OKR_BIN (make it, or set OKR_BIN)"; exit 1; }
CLI_DIR=$(cd "$(dirname "$0")" && pwd)

T=$(mktemp -d "${TMPDIR:-/tmp}/okr-cli.XXXXXX") || exit 1
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
mkdir -p "$T/home/.config" "$T/home/.local/share" "$T/home/.cache" "$T/home/.local/state"
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export XDG_CACHE_HOME="$T/home/.cache" XDG_STATE_HOME="$T/home/.local/state"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
export OKR_NOW=1795435200 OKR_USER=alice    # 2026-11-23 12:00 UTC
unset OKR_DB OKR_CONFIG OKR_THEME_DIR CMOCKA_MESSAGE_OUTPUT LANGUAGE
export OKR_SYSTEM_CONFIG="$T/etc/okr/okr.conf" XDG_CONFIG_DIRS="$T/etc/xdg"   # host-wide files: none yet
DB="$T/okr.db"
# OKR_TEST_ENGINE=pg (tests/run.sh): the database is a fresh one on the
# private PostgreSQL server the runner started, dropped at the end; `sqlite3
# "$DB" SQL` then runs SQL there with psql (same output shape), and
# fresh_db/db_reset make it empty again.
PG_DB=
if [ "${OKR_TEST_ENGINE:-sqlite}" = pg ]; then
	PG_DB=okr_cli_$$
	DB="dbname=$PG_DB"
	pg_admin() { psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "$1" </dev/null >/dev/null; }
	pg_admin "CREATE DATABASE $PG_DB" || { echo "Bail out! cannot make a PostgreSQL database"; exit 1; }
	trap 'pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" 2>/dev/null; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
	. "$CLI_DIR/../pg/lib_pg.sh"
	pg_shell "$DB" "$PG_DB"
fi
OUT="$T/stdout"
ERR="$T/stderr"

tap_n=0
tap_failed=0
HAVE_SQLITE3=$(command -v sqlite3 >/dev/null 2>&1 && echo 1)
HAVE_PYTHON3=$(command -v python3 >/dev/null 2>&1 && echo 1)
IS_ROOT=$([ "$(id -u)" = 0 ] && echo 1)

# okr on the test database; as LOGIN ARGS…: the same as another person.
okr() { "$OKR_BIN" --db "$DB" "$@"; }
as() { u=$1; shift; OKR_USER=$u "$OKR_BIN" --db "$DB" "$@"; }

# Run a command: stdout to $OUT, stderr to $ERR, exit status in $rc.
run() {
	"$@" >"$OUT" 2>"$ERR"
	rc=$?
}

# A short description of a command line (huge arguments are cut).
describe() {
	printf '%s' "$*" | tr '\n\033' '  ' | cut -c1-90
}

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	shift
	for line in "$@"; do
		printf '%s\n' "$line" | sed 's/^/#   /'
	done
	if [ -s "$OUT" ]; then echo "#   stdout:"; head -c 2000 "$OUT" | sed 's/^/#     /'; echo; fi
	if [ -s "$ERR" ]; then echo "#   stderr:"; head -c 2000 "$ERR" | sed 's/^/#     /'; echo; fi
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# check COND-EXIT DESC: record the result of the last shell test.
check() {
	if [ "$1" = 0 ]; then ok "$2"; else shift; not_ok "$@"; fi
}

# check_that DESC cmd...: passes when the command succeeds (a test, a grep,
# a comparison run for its status).
check_that() {
	d=$1; shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}

# code cmd...: the command's exit status on stdout, for `test "$(code …)" = 2`;
# its output in $OUT and $ERR, which has and err_has look in.
code() {
	"$@" >"$OUT" 2>"$ERR"
	echo $?
}
has() { grep -q -- "$1" "$OUT"; }
err_has() { grep -q -- "$1" "$ERR"; }

# expect_exit CODE cmd...: the command exits with CODE.
expect_exit() {
	want=$1; shift
	run "$@"
	if [ "$rc" = "$want" ]; then ok "$(describe "$@") → $want"
	else not_ok "$(describe "$@") → $want" "exit $rc, expected $want"; fi
}

# expect_out EXPECTED cmd...: exits 0 and prints exactly EXPECTED.
expect_out() {
	want=$1; shift
	run "$@"
	got=$(cat "$OUT")
	if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then ok "$(describe "$@") prints '$(describe "$want")'"
	else not_ok "$(describe "$@") prints '$(describe "$want")'" "exit $rc; expected output: $want"; fi
}

# expect_out_contains TEXT cmd...: exits 0 and stdout contains TEXT.
expect_out_contains() {
	want=$1; shift
	run "$@"
	if [ "$rc" = 0 ] && grep -qF -- "$want" "$OUT"; then ok "$(describe "$@") shows '$(describe "$want")'"
	else not_ok "$(describe "$@") shows '$(describe "$want")'" "exit $rc"; fi
}

# expect_err_contains CODE TEXT cmd...: exits CODE, says TEXT on stderr,
# prints nothing on stdout, and the message starts with "okr".
expect_err_contains() {
	want=$1 text=$2; shift 2
	run "$@"
	d="$(describe "$@") → $want, '$(describe "$text")'"
	if [ "$rc" = "$want" ] && grep -qF -- "$text" "$ERR" && [ ! -s "$OUT" ] && grep -q '^okr' "$ERR"; then
		ok "$d"
	else
		not_ok "$d" "exit $rc, expected $want; stderr must contain: $text; stdout must be empty"
	fi
}

# What the database holds, as one line of counts (every change writes an
# audit row, so an unchanged line means nothing was written).
db_state() {
	if [ -n "$PG_DB" ]; then
		sqlite3 "${1:-$DB}" "SELECT (SELECT count(*) FROM audit)||' '||(SELECT count(*) FROM checkin)||' '||
			(SELECT count(*) FROM objective)||' '||(SELECT count(*) FROM key_result)||' '||
			(SELECT count(*) FROM kpi_sample)||' '||(SELECT count(*) FROM person)||' '||
			(SELECT count(*) FROM comment)||' '||(SELECT count(*) FROM kudos)||' '||
			COALESCE((SELECT string_agg(version::text, ',' ORDER BY id) FROM objective), '')||' '||
			COALESCE((SELECT string_agg(version::text, ',' ORDER BY id) FROM key_result), '')"
	elif [ -n "$HAVE_SQLITE3" ]; then
		sqlite3 "${1:-$DB}" "SELECT (SELECT count(*) FROM audit)||' '||(SELECT count(*) FROM checkin)||' '||
			(SELECT count(*) FROM objective)||' '||(SELECT count(*) FROM key_result)||' '||
			(SELECT count(*) FROM kpi_sample)||' '||(SELECT count(*) FROM person)||' '||
			(SELECT count(*) FROM comment)||' '||(SELECT count(*) FROM kudos)||' '||
			(SELECT group_concat(version) FROM objective)||' '||(SELECT group_concat(version) FROM key_result)" 2>&1
	else
		"$OKR_BIN" --db "${1:-$DB}" list --json --archived 2>&1
		"$OKR_BIN" --db "${1:-$DB}" list --json --kpis 2>&1
	fi
}

# refused CODE TEXT cmd...: like expect_err_contains, and nothing was written.
refused() {
	before=$(db_state)
	expect_err_contains "$@"
	after=$(db_state)
	if [ "$before" = "$after" ]; then ok "  … and nothing was written"
	else not_ok "  … and nothing was written" "before: $before" "after:  $after"; fi
}

# Valid JSON on $OUT (skipped without python3).
expect_json() {
	if [ -z "$HAVE_PYTHON3" ]; then skip "$1 is valid JSON" "no python3"; return; fi
	if python3 -m json.tool "$OUT" >/dev/null 2>"$T/json.err"; then ok "$1 is valid JSON"
	else not_ok "$1 is valid JSON" "$(cat "$T/json.err")"; fi
}

# A value from the JSON on $OUT: json_get 'd["objectives"][0]["id"]'.
json_get() {
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$OUT"
}

# The test database gone (SQLite: its files; PostgreSQL: an empty database again).
db_reset() {
	if [ -n "$PG_DB" ]; then
		pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" && pg_admin "CREATE DATABASE $PG_DB"
	else
		rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-bell"
	fi
}

# sqlite_only REASON: a test about SQLite's own files (or one that needs no
# database at all, run once): on PostgreSQL it says so and stops.
sqlite_only() {
	[ -n "$PG_DB" ] || return 0
	skip "$1" "sqlite only"
	echo "# skip (sqlite only: $1)"
	finish
	exit 0
}

# once: a test that involves no database engine (documentation, packaging,
# the catalogues) runs on the first engine only; on PostgreSQL it says so.
once() {
	[ -n "$PG_DB" ] || return 0
	skip "$1" "runs once, on sqlite: no database involved"
	finish
	exit 0
}

# A fresh database with the cycle 2026-Q4 (today is in it); alice, the first
# person, is its admin.
fresh_cycle() {
	db_reset
	okr init >/dev/null &&
	okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null ||
	{ echo "Bail out! cannot make the test database"; exit 1; }
}

# The same with O1 and a metric K1 (0 → 100 users), owned by alice.
fresh_db() {
	fresh_cycle
	okr objective add "Grow the user base" >/dev/null &&
	okr kr add O1 "Users" --target 100 --unit users >/dev/null ||
	{ echo "Bail out! cannot make the test database"; exit 1; }
}

# The demo's database (okr demo, made as LOGIN when given) as the test database.
demo_db() {
	OKR_USER=${1:-$OKR_USER} "$OKR_BIN" --db "$DB" demo >/dev/null 2>&1 ||
	{ echo "Bail out! okr demo failed"; exit 1; }
}

finish() {
	echo "1..$tap_n"
	[ "$tap_failed" = 0 ]
}
