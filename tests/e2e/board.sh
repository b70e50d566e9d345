#!/bin/sh
# okr board: the live leaderboard for a tmux pane.  Another process's kudos
# and check-in reorder it without a key press; a 30×8 pane keeps the top and
# the viewer; a 20×5 pane says it is too small and recovers; --once and
# okr status print the same standings as text.
#
# Demo standings in the cycle window at the start: sarah 260, wei 202,
# hoa 156, jing 154, tuan 85, minh 20, lan 5, root 0 (root made the demo).
. "$(dirname "$0")/lib.sh"
T=20   # generous: the machine is shared

E2E_USER=tuan e2e_run 40 12 board --window cycle
check "40×12: the cycle board starts with Sarah first" wait_for '^ +1 +– +Sarah Miller \(@sarah\) +260$' $T
check "  hoa third" wait_for '^ +3 +– +Lê Thu Hoa \(@hoa\) +156$' $T
check "  jing fourth" wait_for '^ +4 +– +李静 \(@jing\) +154$' $T
check "the viewer's own row is marked" wait_for '^▶ +5 .*\(@tuan\) +85$' $T
check "the key hints are on the last line" wait_for 'w window · t teams · \? help · q quit' $T

okr_as sarah kudos jing "thanks for the bug fixes" >/dev/null
check "kudos to jing move her up without a key press" wait_for '^ +3 +▲1 +李静 \(@jing\) +159$' $T
check "  and hoa down" wait_for '^ +4 +▼1 +Lê Thu Hoa \(@hoa\) +156$' $T

okr_as hoa checkin K3 3 -c 9 -m "Instagram campaign live" >/dev/null
check "hoa's check-in (K3 done) takes her to first" wait_for '^ +1 +▲2 +Lê Thu Hoa \(@hoa\) +[0-9]{3}$' $T
check "  and Sarah (2 points for the kudos) to second" wait_for '^ +2 +▼1 +Sarah Miller \(@sarah\) +262$' $T
check "  jing is fourth again" wait_for '^ +4 +– +李静 \(@jing\) +159$' $T

keys t
check "t switches to teams" wait_for 'Leaderboard · teams · cycle' $T
check "  with the viewer's team marked" wait_for '^▶ +[0-9]+ .*Sales' $T
keys t w
check "w moves to the next window (all time)" wait_for 'Leaderboard · people · all' $T
keys '?'
check "? shows the keys, from the action table" wait_for 'w +Leaderboard: this week' $T
keys x
check "any key closes the help" wait_gone 'Leaderboard: this week' $T
keys q
check "q quits" sh -c "for i in \$(seq 200); do tmux -L '$E2E_SOCK' list-panes -t e2e -F '#{pane_dead}' | grep -q 1 && exit 0; sleep 0.05; done; exit 1"

# A small pane: the top, "…", and the viewer at the bottom of the board.
E2E_USER=root e2e_run 30 8 board --window cycle
check "30×8: the title fits" wait_for '^Leaderboard · people · cycle' $T
check "  the leader is shown with a short name" wait_for '^ +1 @hoa +[0-9]+$' $T
check "  a gap marks the rows left out" wait_for '^ +…$' $T
check "  the viewer's own row is the last" sh -c "tmux -L '$E2E_SOCK' capture-pane -p -t e2e | sed -n 8p | grep -Eq '^▶ +8 @root +0$'"

tmux_cmd resize-window -t e2e -x 20 -y 5
check "20×5 says the pane is too small" wait_for 'too small: need 30×8' $T
tmux_cmd resize-window -t e2e -x 1 -y 1
tmux_cmd resize-window -t e2e -x 40 -y 12
check "back at 40×12 the board returns (no arrow without points)" wait_for '^▶ +8 +root \(@root\) +0$' $T
check "  with the leader" wait_for '^ +1 +.*\(@hoa\)' $T
check "okr board is still running" pane_alive

# The same standings as text, for scripts and tmux's status line.
okr_as tuan board --once --window cycle >"$E2E_DIR/once" 2>&1
check "--once prints the board as text" grep -q '^Leaderboard — people — cycle 2026-Q4' "$E2E_DIR/once"
check "  with hoa first" sh -c "sed -n 3p '$E2E_DIR/once' | grep -Eq '^ +1 +▲2 +Lê Thu Hoa \(@hoa\)'"
check "  and no escape sequences" sh -c "! grep -q \"$(printf '\033')\" '$E2E_DIR/once'"
okr_as hoa status --window cycle >"$E2E_DIR/status" 2>&1
check "okr status for hoa: first, up two" grep -Eq '^#1 ▲2 · [0-9]+ pts this cycle · L[0-9]+' "$E2E_DIR/status"
check "  on one line" test "$(wc -l <"$E2E_DIR/status")" -eq 1
e2e_done
