#!/bin/sh
# NO_COLOR: no colours at all, and the selection still shows (reverse video).
. "$(dirname "$0")/lib.sh"
e2e_start 100 30 NO_COLOR=1

sel=$(screen_e | grep 'O1 ')
check "the selected row is in reverse video" sh -c "printf '%s' '$sel' | grep -Eq \"\$(printf '\\033\\\\[(0;)?7m')\""
check "no colour escapes are sent" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -e -t e2e | grep -Eq \"\$(printf '\\033')\\[([0-9;]*;)?(3[0-7]|38;5;[0-9]+|4[0-7])m\""
# selected ROW: the row is drawn in reverse video.
selected() { screen_e | grep "$1 " | grep -Eq "$(printf '\033\\[(0;)?7m')"; }
# poll CMD...: until it succeeds, every 20 ms, for up to 3 s.
poll() {
	end=$(( $(date +%s%N) / 1000000 + 3000 ))
	until "$@"; do
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}
keys j
# Polled: the key is handled after the first frame's follow-up work (scores,
# the quick_check), so the screen may lag the key by a few milliseconds.
check "the selection moves with j" poll selected O2
e2e_done
