#!/bin/sh
# The mouse (mouse = true;, SGR reports typed with send-keys -l) beyond the
# main panes: the cycle list, a form's fields and choices, the people view,
# the review and okr board.
. "$(dirname "$0")/lib.sh"
printf 'mouse = true;\n' >"$OKR_CONFIG"
E2E_USER=lan
e2e_start 100 30

row_of() { screen | grep -n -- "$1" | head -1 | cut -d: -f1; }
col_of() { c=$(column_of "$1" "$2"); echo $((c + 1)); }

keys C
wait_for 'a add · e edit' 5
dclick "$(col_of '2026-next' '2026-next')" "$(row_of '2026-next')"
check "a double click in the cycle list switches to that cycle" wait_for 'Objectives · 2026-next' 5
keys C
wait_for 'a add · e edit' 5
wheel up 40 "$(row_of '2026-next')"
keys Enter
check "the wheel moves in the cycle list" wait_for 'Objectives · 2026-Q4' 5

keys O
wait_for 'Add an objective' 5
click 20 "$(row_of 'Kind')"
keys Space
check "a click goes to the field under it: Kind turned" wait_for 'Kind +◂ aspirational ▸' 5
dclick 20 "$(row_of 'Kind')"
check "a double click on a choice turns it" wait_for 'Kind +◂ committed ▸' 5
click 20 "$(row_of 'Title')"
keys 'Nhấp chuột · 点击'
check "… and typing goes to the field clicked" wait_for 'Title +Nhấp chuột · 点击' 5
keys Escape

keys p
wait_for 'People · 8' 5
click 10 "$(row_of '^ @wei ')"
keys e
check "a click in the people view selects a person" wait_for 'Change @wei' 5
keys Escape
wait_gone 'Change @wei' 5
dclick 10 "$(row_of '^ @lan ')"
check "a double click opens their form" wait_for 'Change @lan' 5
keys Escape Escape

keys r
wait_for '1 / 10' 5
wheel down 40 10
check "the wheel in the review goes to the next key result" wait_for '2 / 10' 5
wheel up 40 10
check "… and back" wait_for '1 / 10' 5
dclick 40 10
check "a double click in the review opens the grade" wait_for 'Grade K1' 5
keys Escape q q

e2e_run 60 12 board
wait_for 'Leaderboard' 5
click 10 "$(row_of '@sarah')"
check "okr board: a click selects a row and names it below" wait_for 'Sarah Miller — [0-9]+ points' 5
dclick 5 1
check "… a double click on the title shows the next window" wait_for 'Leaderboard · people · cycle' 5
e2e_run 60 8 board --window cycle
wait_for 'Leaderboard' 5
check "a board too short for everyone starts at the top" wait_for '^ +1 .*Sarah Miller'
wheel down 10 5
check "… the wheel scrolls past the top rows" wait_gone '^ +1 .*Sarah Miller'
check "… to the last" wait_for 'root \(@root\)'
wheel up 10 5
check "… and back" wait_for '^ +1 .*Sarah Miller'
e2e_done
