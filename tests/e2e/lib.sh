# lib.sh — shared helpers for the end-to-end tests: the real okr binary in a
# private tmux server, driven with send-keys and read with capture-pane.
#
# A test script sources this file, calls e2e_start [COLS ROWS [ENV...]], then
# uses keys / wait_for / check, and ends with e2e_done.  Nothing here sleeps
# for a fixed time where a condition can be polled: wait_for polls the pane
# every 20 ms up to a timeout.
#
# Environment: OKR_BIN (default build/rel/okr-test, the test build that honours
# $OKR_USER and $OKR_NOW) — run the suite against build/san/okr-test
# to test under the sanitizers.

set -u

OKR_BIN=${OKR_BIN:-./build/rel/okr-test}
case $OKR_BIN in /*) ;; *) OKR_BIN=$(cd "$(dirname "$OKR_BIN")" && pwd)/$(basename "$OKR_BIN") ;; esac
E2E_NOW=1795435200            # fixed clock: 2026-11-23, inside the demo cycle
E2E_SOCK=okr-e2e-$$
E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/okr-e2e.XXXXXX")
E2E_DB=$E2E_DIR/demo.db
E2E_N=0
E2E_FAIL=0
export LANG=C.UTF-8 LC_ALL=C.UTF-8 OKR_NOW=$E2E_NOW OKR_CONFIG=$E2E_DIR/okr.conf
unset LANGUAGE   # it would choose the language even under C.UTF-8
: >"$OKR_CONFIG"
export OKR_SYSTEM_CONFIG= XDG_CONFIG_DIRS=$E2E_DIR/xdg   # no host-wide okr.conf of the machine

# OKR_TEST_ENGINE=pg (tests/run.sh): the demo database is a fresh one on the
# private PostgreSQL server the runner started, dropped at the end.
E2E_PGDB=
if [ "${OKR_TEST_ENGINE:-sqlite}" = pg ]; then
	E2E_PGDB=okr_e2e_$$
	E2E_DB="dbname=$E2E_PGDB"
	psql -X -q -d postgres -c "CREATE DATABASE $E2E_PGDB" </dev/null >/dev/null ||
		{ echo "Bail out! cannot make a PostgreSQL database"; exit 1; }
fi

# `sqlite3 "$E2E_DB" SQL` is psql there: a write by a program that is not okr.
if [ -n "$E2E_PGDB" ]; then
	. "$(dirname "$0")/../pg/lib_pg.sh"
	pg_shell "$E2E_DB" "$E2E_PGDB"
fi

e2e_cleanup() {
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null
	[ -z "$E2E_PGDB" ] || psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $E2E_PGDB WITH (FORCE)" \
		</dev/null >/dev/null 2>&1
	rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT INT TERM

# e2e_sqlite_only REASON: a test about SQLite's own files; on PostgreSQL it
# says so and stops.
e2e_sqlite_only() {
	[ -n "$E2E_PGDB" ] || return 0
	echo "ok 1 - skip (sqlite only: $1) # SKIP"
	echo "1..1"
	exit 0
}

# Whether the demo database is made yet.
e2e_have_db() {
	if [ -n "$E2E_PGDB" ]; then [ -f "$E2E_DIR/demo.made" ]; else [ -f "$E2E_DB" ]; fi
}
e2e_demo() {
	okr_as "${E2E_DEMO_USER:-root}" demo >/dev/null && : >"$E2E_DIR/demo.made"
}
# One idle session keeps the tmux server alive while a test replaces its
# "e2e" session: without it the server exits with the last session, and the
# next new-session, racing that exit on a loaded machine, fails with "no
# server running" (seen in review.sh and board_pane.sh).
tmux -L "$E2E_SOCK" -f /dev/null new-session -d -s keep -x 80 -y 24 2>/dev/null
# Set before any okr starts: a pane whose program exits at once (a refused
# terminal, a bad option) must stay to be read, not vanish with its session.
tmux -L "$E2E_SOCK" set -g remain-on-exit on >/dev/null

# okr as another process (a second person's shell): okr_as LOGIN ARGS...
okr_as() {
	who=$1
	shift
	OKR_USER=$who "$OKR_BIN" --db "$E2E_DB" "$@"
}

# e2e_start [COLS ROWS [VAR=VALUE ...]]: a demo database and okr in a pane.
e2e_start() {
	cols=${1:-100}
	rows=${2:-30}
	shift 2 2>/dev/null || shift $#
	e2e_demo || { echo "Bail out! okr demo failed"; exit 1; }
	tmux -L "$E2E_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" -s e2e \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=${E2E_USER:-sarah} \
		OKR_CONFIG="$OKR_CONFIG" "$@" "$OKR_BIN" --db "$E2E_DB"
	wait_for 'Objectives' 5 || { screen; echo "Bail out! okr did not start"; exit 1; }
}

keys() { tmux -L "$E2E_SOCK" send-keys -t e2e "$@"; }
screen() { tmux -L "$E2E_SOCK" capture-pane -p -t e2e; }
screen_e() { tmux -L "$E2E_SOCK" capture-pane -p -e -t e2e; }
tmux_cmd() { tmux -L "$E2E_SOCK" "$@"; }

# wait_for PATTERN [SECONDS]: poll the screen (grep -E) every 20 ms.
wait_for() {
	pat=$1
	limit=${2:-3}
	end=$(( $(date +%s%N) / 1000000 + limit * 1000 ))
	while :; do
		screen | grep -Eq -- "$pat" && return 0
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}

# wait_gone PATTERN [SECONDS]: the opposite.
wait_gone() {
	pat=$1
	limit=${2:-3}
	end=$(( $(date +%s%N) / 1000000 + limit * 1000 ))
	while :; do
		screen | grep -Eq -- "$pat" || return 0
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}

# check DESCRIPTION COMMAND...: one TAP line; the screen is shown on failure.
check() {
	desc=$1
	shift
	E2E_N=$((E2E_N + 1))
	if "$@"; then
		echo "ok $E2E_N - $desc"
	else
		echo "not ok $E2E_N - $desc"
		E2E_FAIL=1
		screen | sed 's/^/# /'
	fi
}

# The display column where PATTERN starts on the first screen line matching
# LINE_PATTERN (wide characters count two).
column_of() {
	screen | python3 -c '
import sys, re, unicodedata
line_pat, pat = sys.argv[1], sys.argv[2]
for line in sys.stdin:
    if re.search(line_pat, line):
        i = line.find(pat)
        if i < 0: break
        w = 0
        for ch in line[:i]:
            if unicodedata.combining(ch): continue
            w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        print(w); sys.exit(0)
print(-1)' "$1" "$2"
}

e2e_done() {
	echo "1..$E2E_N"
	exit $E2E_FAIL
}

# e2e_run COLS ROWS ARGS...: like e2e_start, but the pane runs `okr ARGS...`
# (e.g. board) as $E2E_USER; the demo database is made on the first call, and
# a session from an earlier call is replaced.  Waits for nothing.
e2e_run() {
	cols=$1
	rows=$2
	shift 2
	e2e_have_db || e2e_demo || { echo "Bail out! okr demo failed"; exit 1; }
	e2e_replace "$cols" "$rows" \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=${E2E_USER:-sarah} \
		OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB" "$@"
}

# e2e_replace COLS ROWS COMMAND...: a new session "e2e" running COMMAND in
# place of the old one, made before the old is killed so that the name
# "e2e" always has a pane to read.
e2e_replace() {
	rc_=$1 rr_=$2
	shift 2
	tmux -L "$E2E_SOCK" -f /dev/null new-session -d -x "$rc_" -y "$rr_" -s e2e-next "$@" || return 1
	tmux -L "$E2E_SOCK" kill-session -t =e2e 2>/dev/null
	tmux -L "$E2E_SOCK" rename-session -t =e2e-next e2e
}

# pane_alive: the program in the pane has not exited.
pane_alive() { ! tmux -L "$E2E_SOCK" list-panes -t e2e -F '#{pane_dead}' | grep -q 1; }

# wait_dead [SECONDS]: poll until the program in the pane has exited.
wait_dead() {
	end=$(( $(date +%s%N) / 1000000 + ${1:-5} * 1000 ))
	while pane_alive; do
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}

# e2e_as LOGIN COLS ROWS [ARGS...]: okr ARGS... (the full view by default)
# as LOGIN in place of the running session, on the same database.
e2e_as() {
	who_=$1
	shift
	cols_=$1 rows_=$2
	shift 2
	e2e_replace "$cols_" "$rows_" env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW \
		OKR_USER="$who_" OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB" "$@"
}

# The mouse as a terminal reports it with SGR (modes 1000 and 1006), typed
# into the pane: click X Y, dclick X Y, wheel up|down X Y (1-based cells).
click() { tmux_cmd send-keys -t e2e -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"; }
# One send-keys for both clicks: two would leave a loaded machine time to
# make them two single clicks.
dclick() { tmux_cmd send-keys -t e2e -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm\033[<0;%d;%dM\033[<0;%d;%dm' \
	"$1" "$2" "$1" "$2" "$1" "$2" "$1" "$2")"; }
wheel() { b=64; [ "$1" = down ] && b=65; tmux_cmd send-keys -t e2e -l "$(printf '\033[<%d;%d;%dM' "$b" "$2" "$3")"; }
