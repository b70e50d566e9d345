#!/bin/sh
# Any size is a state: below 40×10 one message, back to normal intact.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

tmux_cmd resize-window -t e2e -x 10 -y 5
check "10×5 shows that the terminal is too small" wait_for 'termina|small'
tmux_cmd resize-window -t e2e -x 1 -y 1
tmux_cmd resize-window -t e2e -x 39 -y 20
check "39 columns is still too small" wait_for 'too small \(need 40×10\)'
tmux_cmd resize-window -t e2e -x 100 -y 30
check "back to 100×30 restores the view" wait_for 'Key results of O1'
check "with the objectives" wait_for 'O4 +Improve customer retention'
tmux_cmd resize-window -t e2e -x 160 -y 40
check "wide: detail pane" wait_for '─ Detail'
check "wide: this week's board" wait_for 'Leaderboard · people · this week'
tmux_cmd resize-window -t e2e -x 80 -y 24
wait_for '^ okr'
wait_gone '│'
keys d
check "80×24: d shows the detail in place of the key results" wait_for '▶ Detail'
keys b
check "b shows the board there" wait_for 'Leaderboard · people · this week'
keys b
check "b again brings the key results back" wait_for 'Key results of O1'
check "okr is still running" sh -c "! tmux -L '$E2E_SOCK' list-panes -F '#{pane_dead}' | grep -q 1"
e2e_done
