#!/bin/sh
# hangup.sh — the terminal goes away under a running screen (an SSH
# connection drops, the tmux server is killed): okr and okr board end
# instead of spinning on a hung-up terminal.  They are started with SIGHUP
# ignored, as under a session that does not pass the hang-up on (runuser,
# nohup): the loop itself must notice.
. "$(dirname "$0")/lib.sh"
okr_as root demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }

# gone PID [SECONDS]: poll until the process has exited.
gone() {
	end=$(( $(date +%s%N) / 1000000 + ${2:-5} * 1000 ))
	while kill -0 "$1" 2>/dev/null; do
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && return 1
		sleep 0.02
	done
}

# hang_up NAME ARGS...: okr ARGS in session NAME, then the session killed.
hang_up() {
	name=$1
	shift
	tmux_cmd -f /dev/null new-session -d -x 80 -y 24 -s "$name" \
		"trap '' HUP; exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=sarah \
		OKR_CONFIG='$OKR_CONFIG' '$OKR_BIN' --db '$E2E_DB' $*"
	pid=$(tmux_cmd list-panes -t "$name" -F '#{pane_pid}')
	end=$(( $(date +%s%N) / 1000000 + 5000 ))
	until tmux_cmd capture-pane -p -t "$name" | grep -q 'Objectives\|Leaderboard'; do
		[ "$(( $(date +%s%N) / 1000000 ))" -ge "$end" ] && break
		sleep 0.02
	done
	tmux_cmd kill-session -t "$name"
}

hang_up tui
check "okr ends when its terminal hangs up" gone "$pid"
kill -9 "$pid" 2>/dev/null
hang_up board board
check "okr board ends when its terminal hangs up" gone "$pid"
kill -9 "$pid" 2>/dev/null
e2e_done
