# lib.sh — shared helpers for the end-to-end tests: the real okr binary in a
# private tmux server, driven with send-keys and read with capture-pane.
#
# A test script sources this file, calls e2e_start [COLS ROWS [ENV...]], then
# uses keys / wait_for / check, and ends with e2e_done.  Nothing here sleeps
# for a fixed time where a condition can be polled: wait_for polls the pane
# every 20 ms up to a timeout.
#
# Environment: OKR_BIN (default ./okr) — run the suite against build/san/okr
# to test under the sanitizers.

set -u

OKR_BIN=${OKR_BIN:-./okr}
case $OKR_BIN in /*) ;; *) OKR_BIN=$(cd "$(dirname "$OKR_BIN")" && pwd)/$(basename "$OKR_BIN") ;; esac
E2E_NOW=1795435200            # fixed clock: 2026-11-23, inside the demo cycle
E2E_SOCK=okr-e2e-$$
E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/okr-e2e.XXXXXX")
E2E_DB=$E2E_DIR/demo.db
E2E_N=0
E2E_FAIL=0
export LANG=C.UTF-8 LC_ALL=C.UTF-8 OKR_NOW=$E2E_NOW OKR_CONFIG=$E2E_DIR/okr.conf
: >"$OKR_CONFIG"

e2e_cleanup() {
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null
	rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT INT TERM

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
	okr_as "${E2E_DEMO_USER:-root}" demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
	tmux -L "$E2E_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" -s e2e \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=${E2E_USER:-sarah} \
		OKR_CONFIG="$OKR_CONFIG" "$@" "$OKR_BIN" --db "$E2E_DB"
	tmux -L "$E2E_SOCK" set -g remain-on-exit on >/dev/null
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
	[ -f "$E2E_DB" ] || okr_as "${E2E_DEMO_USER:-root}" demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
	# The new session first: killing the only one stops the server, and a
	# new-session connecting to it meanwhile fails ("server exited").
	tmux -L "$E2E_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" -s e2e-next \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=${E2E_USER:-sarah} \
		OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB" "$@"
	tmux -L "$E2E_SOCK" set -g remain-on-exit on >/dev/null
	tmux -L "$E2E_SOCK" kill-session -t '=e2e' 2>/dev/null
	tmux -L "$E2E_SOCK" rename-session -t '=e2e-next' e2e
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
