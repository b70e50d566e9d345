#!/bin/sh
# The review on a projector (200×60: two columns, a large bar and a chart of
# the check-ins), at 80×24, and resized below the minimum and back.
. "$(dirname "$0")/lib.sh"
okr_as root demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
tmux_cmd -f /dev/null new-session -d -x 200 -y 60 -s e2e \
	env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=sarah \
	OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB" review
check "200×60: the review starts" wait_for '● 1 / 10' 10
keys n
check "K2 on a projector" wait_for 'K2  Đạt được 1.000'
check "the chart of check-ins has a heading" wait_for 'History \(8 check-ins\)'
check "the bar is at least three rows high" test "$(screen | grep -c '^ *█\{30,\}')" -ge 3
check "notes and comments in a second column" test "$(column_of 'Latest check-ins' 'Latest check-ins')" -ge 100
check "the comments are there too" wait_for 'Two resellers are late'
check "the chart is at least 6 rows high" test "$(screen | grep -c '^ *│ .*█')" -ge 6
check "… with the target on its axis" wait_for ' 1000 ┤┈┈┈'
check "… the expected line" wait_for '│ +···'
check "… and the dates along the bottom" wait_for '^ +09-25 .* 12-24( |$)'
check "the screen is used to the bottom half" test "$(screen | sed -n '30,59p' | grep -c '[^ ]')" -ge 10

tmux_cmd resize-window -t e2e -x 30 -y 8
check "30×8 shows that the terminal is too small" wait_for 'too small' 5
tmux_cmd resize-window -t e2e -x 80 -y 24
check "back at 80×24 the key result is whole again" wait_for 'K2  Đạt được 1.000' 5
check "one column: the check-ins below the numbers" wait_for '^ Latest check-ins'
check "the progress line" wait_for '● 2 / 10'
check "no leftovers of the big layout" test "$(screen | grep -c 'History (8')" = 0
tmux_cmd resize-window -t e2e -x 200 -y 60
check "and big again" wait_for 'History \(8 check-ins\)' 5
check "okr is still running" sh -c "! tmux -L '$E2E_SOCK' list-panes -F '#{pane_dead}' | grep -q 1"
e2e_done
