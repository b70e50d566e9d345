#!/bin/sh
# The mouse with `mouse = true;` (SGR reports, as xterm and tmux send them,
# typed into the pane with send-keys -l): a click selects the row and
# focuses its pane, a double click opens, the wheel scrolls the pane under
# the pointer and the full-body views.
. "$(dirname "$0")/lib.sh"
printf 'mouse = true;\n' >"$OKR_CONFIG"
e2e_start 100 30

row_of() { screen | grep -n -- "$1" | head -1 | cut -d: -f1; }

click 10 "$(row_of ' O3 ')"
check "a click on an objective selects it" wait_for 'Key results of O3' 5
check "… and focuses the objectives" wait_for '^▶ Objectives'
click 10 "$(row_of '^K6 ')"
check "a click on a key result focuses its pane" wait_for '^▶ Key results of O3' 5
dclick 10 "$(row_of '^K5 ')"
check "a double click on a key result opens its detail" wait_for '^▶ Detail' 5
check "… of that key result" wait_for '^ K5  利用产品待办列表'

check "no stray characters reached the keys" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q 'does nothing'"

keys Escape d
wait_for 'Key results of' 5
wheel down 10 "$(row_of ' O1 ')"
check "the wheel over the objectives moves down three rows" wait_for 'Key results of O4' 5
wheel up 10 "$(row_of ' O1 ')"
check "… and back up" wait_for 'Key results of O1' 5

keys i
wait_for 'KPIs \(6\)' 5
wheel down 10 10
keys Enter
check "the wheel moves the selection of a full-body view: three KPIs down" wait_for '^ KPI4  新客户' 5
e2e_done
