#!/bin/sh
# Flash and rank highlight: a row another process changed is marked by its
# ID cell, a board row whose rank moved by its rank cell — the rest of the
# row keeps its own colours (SPEC §5: a one-value change repaints only what
# changed) — and both marks go by themselves.  Read with capture-pane -e:
# the flash is black on bright yellow (SGR 103 background, default theme),
# the rank highlight reverse video (SGR 7).
. "$(dirname "$0")/lib.sh"
printf 'flash_ms = 5000;\n' >"$OKR_CONFIG"   # long enough to be seen under load
e2e_start 120 40
check "the board is on screen" wait_for 'Nguyễn Thị Lan' 10

ESC=$(printf '\033')
line_e() { screen_e | grep -a -- "$1" | head -n 1; }
count() { line_e "$1" | grep -ao -- "$2" | wc -l; }

# wait_e LINE_PATTERN COMMAND...: poll (20 ms) until COMMAND succeeds, 5 s.
wait_e() {
	end=$(( $(date +%s%N) / 1000000 + 5000 ))
	while :; do
		"$@" && return 0
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}
id_lit() { line_e '700 / 1000' | grep -aq -- "103mK2 "; }
# the background goes back to the default (SGR 49 or 0) right after the ID
id_only() { line_e '700 / 1000' | grep -aEq -- "103mK2 +(${ESC}\[[0-9;]*m)*${ESC}\[(0|49)m"; }
id_out() { [ "$(count '700 / 1000' '103m')" -eq 0 ]; }
rank_lit() { line_e 'Nguyễn Thị Lan' | grep -aEq -- "\[[0-9;]*7m(${ESC}\[[0-9;]*m)* +2${ESC}"; }
reverse_once() { [ "$(count 'Nguyễn Thị Lan' '[[;]7m')" -eq 1 ]; }
rank_out() { [ "$(count 'Nguyễn Thị Lan' '[[;]7m')" -eq 0 ]; }

okr_as sarah checkin K2 700 -m 'webinar week' >/dev/null
check "the new value is on screen without a key press" wait_for '700 / 1000' 3
check "the changed key result's ID is lit" wait_e id_lit
check "and only the ID: the title and numbers keep their colours" id_only
check "a row whose rank moved is lit at its rank" wait_e rank_lit
check "and only the rank: the name and score keep their colours" reverse_once
check "the rank highlight goes by itself" wait_e rank_out
check "the flash goes by itself" wait_e id_out
check "and the value stays" wait_for '700 / 1000'
e2e_done
