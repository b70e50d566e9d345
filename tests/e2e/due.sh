#!/bin/sh
# What needs me (D, :due): the viewer's quiet key results and overdue KPI
# values, the count in the status bar kept current, Enter going to the item.
. "$(dirname "$0")/lib.sh"
E2E_USER=tuan
e2e_start 80 24

check "the status bar counts what tuan owes" wait_for ' 2 due · ● live'
keys D
check "D opens what needs me" wait_for 'What needs me · @tuan · 2 due' 5
check "the silent key result, with how late it is" wait_for 'K10 +Win 40 qualified leads a month +last 2026-10-23, overdue by 24 days'
check "the overdue daily KPI" wait_for 'KPI2 +Thời gian phản hồi.* +last 2026-11-20, overdue by 2 days'
check "grouped under headings" wait_for '^ Check-ins'
check "… per kind" wait_for '^ KPI values'
check "a key result of someone else is not listed" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q 'K2 '"

keys Enter
check "Enter on a key result goes to it in the panes" wait_for 'Key results of O4' 5
wait_gone 'What needs me'
keys Enter
check "… with that key result selected" wait_for 'K10  Win 40 qualified leads a month'

keys c
check "c checks in the selected key result" wait_for 'Check in K10'
keys C-u 14 Tab Tab 'back on it' Enter
check "the check-in is saved" wait_for 'checked in K10: 14' 5
check "the due count in the status bar drops" wait_for ' 1 due · ● live' 5

keys : due Enter
check ":due opens the view" wait_for 'What needs me · @tuan · 1 due' 5
check "the key result checked in is no longer listed" wait_gone 'K10 +Win 40'
keys Enter
check "Enter on a KPI shows it in the KPI view" wait_for 'KPI2  Thời gian phản hồi khách hàng tiềm năng' 5
check "… with its values" wait_for 'Values \(8\)'
keys Escape Escape
wait_for 'Objectives' 5

okr_as tuan kpi push 'Thời gian phản hồi khách hàng tiềm năng' 1.4 >/dev/null
check "a KPI value pushed from cron clears the count without a key press" wait_gone ' due · ' 5
keys D
check "nothing due says so" wait_for 'Nothing due' 5
keys D
check "D again goes back" wait_for 'Objectives'
check "okr is still running" sh -c "! tmux -L '$E2E_SOCK' list-panes -F '#{pane_dead}' | grep -q 1"
e2e_done
