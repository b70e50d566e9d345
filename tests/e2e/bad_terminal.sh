#!/bin/sh
# bad_terminal.sh — the full-screen view facing what it cannot use (SPEC §9):
# an unknown TERM, a 10×5 terminal from the start, an unknown theme, a
# missing or damaged database.  Each gets a clear message and its exit code,
# and the database is not touched.
. "$(dirname "$0")/lib.sh"

okr_as root demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
tmux_cmd -f /dev/null new-session -d -s base -x 80 -y 24

# run_tui COLS ROWS VAR=VALUE... -- ARGS...: okr in the pane "e2e".
run_tui() {
	cols=$1 rows=$2
	shift 2
	vars=
	while [ "$1" != "--" ]; do vars="$vars $1"; shift; done
	shift
	tmux_cmd kill-session -t e2e 2>/dev/null
	# The shell prints okr's exit status and then waits to be killed, so the
	# pane and its last words stay on screen.
	# shellcheck disable=SC2086
	tmux_cmd new-session -d -s e2e -x "$cols" -y "$rows" \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=sarah \
		OKR_CONFIG="$OKR_CONFIG" $vars sh -c '"$@"; echo "EXIT=$?"; exec cat' sh "$OKR_BIN" "$@"
}

# shown PATTERN: the screen, wrapped lines joined, matches (polled, 10 s).
shown() {
	end=$(( $(date +%s%N) / 1000000 + 10000 ))
	while :; do
		tmux_cmd capture-pane -p -J -t e2e | grep -Eq -- "$1" && return 0
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}

exited_with() { shown "^EXIT=$1\$"; }

sum() { cksum <"$1"; }
before=$(sum "$E2E_DB")

run_tui 80 24 TERM=nosuch-term -- --db "$E2E_DB"
check "unknown TERM: says which terminal type and how to fix it" \
	shown "cannot use the terminal type 'nosuch-term' — set TERM to one this system knows, e.g. TERM=xterm-256color"
check "… and exits 2" exited_with 2

run_tui 10 5 -- --db "$E2E_DB"
check "10×5 from the start: the whole message, wrapped" wait_for '^ *40×10\)' 10
check "… every word of it" sh -c "tmux -L '$E2E_SOCK' capture-pane -p -t e2e | tr -s ' \n' ' ' | grep -q 'terminal too small (need 40×10)'"
tmux_cmd resize-window -t e2e -x 80 -y 24
check "… and at 80×24 the view appears" wait_for 'Objectives' 10
keys q
check "… and q quits, exit 0" exited_with 0

printf 'theme = "nosuch";\n' >"$OKR_CONFIG"
run_tui 80 24 -- --db "$E2E_DB"
check "unknown theme: the config file, the theme and the themes there are" \
	shown "okr: .*okr.conf: no theme 'nosuch': set 'theme' in okr.conf to one of: default, .*light"
check "… and exits 2" exited_with 2
: >"$OKR_CONFIG"

run_tui 80 24 -- --db "$E2E_DIR/missing.db"
check "missing database: how to make one" shown "no okr database at .*missing.db — create one with \`okr init\`"
check "… exits 5" exited_with 5
[ ! -e "$E2E_DIR/missing.db" ]; check "… and creates nothing" test $? = 0

head -c 8192 /dev/urandom >"$E2E_DIR/junk.db"
junk=$(sum "$E2E_DIR/junk.db")
run_tui 80 24 -- --db "$E2E_DIR/junk.db"
check "damaged database: says so and what to do" shown "junk.db is damaged or not an okr database .* restore it from a backup"
check "… exits 5" exited_with 5
check "… and the file is unchanged" test "$(sum "$E2E_DIR/junk.db")" = "$junk"

run_tui 80 24 -- --db "$E2E_DB" tui extra
check "an argument the view does not take: usage message" shown "the full-screen view takes no arguments \('extra'\) — see \`okr --help\`"
check "… exits 2" exited_with 2

check "the demo database was never written" test "$(sum "$E2E_DB")" = "$before"
e2e_done
