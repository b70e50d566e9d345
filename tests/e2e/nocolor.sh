#!/bin/sh
# NO_COLOR: no colours at all, and the selection still shows (reverse video).
. "$(dirname "$0")/lib.sh"
e2e_start 100 30 NO_COLOR=1

sel=$(screen_e | grep 'O1 ')
check "the selected row is in reverse video" sh -c "printf '%s' '$sel' | grep -Eq \"\$(printf '\\033\\\\[(0;)?7m')\""
check "no colour escapes are sent" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -e -t e2e | grep -Eq \"\$(printf '\\033')\\[([0-9;]*;)?(3[0-7]|38;5;[0-9]+|4[0-7])m\""
keys j
# Polled: the key is handled after the first frame's follow-up work (scores,
# the quick_check), so the screen may lag the key by a few milliseconds.
o2_reverse() {
	end=$(( $(date +%s%N) / 1000000 + 3000 ))
	while :; do
		tmux -L "$E2E_SOCK" capture-pane -p -e -t e2e | grep 'O2 ' | grep -Eq "$(printf '\033\\[(0;)?7m')" && return 0
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}
check "the selection moves with j" o2_reverse
e2e_done
