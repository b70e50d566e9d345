#!/bin/sh
# The history view (L, :log [ID]): who changed what and when, from the audit
# trail, for the selected objective or key result or for everything; a change
# by another process appears without a key press; Esc goes back.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

keys L
check "L on an objective shows its history" wait_for '▶ History of O1 Trở thành công ty hàng đầu' 5
check "… with its key results' check-ins, who and what" wait_for '@sarah +K2 +checked in 610 +Đạt được 1.000 khách hàng mới'
check "… and who added it" wait_for '@lan +O1 +added'
check "… but not other objectives" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q ' O3 '"
keys Escape
check "Esc goes back to the panes" wait_for 'Key results of O1' 5

keys Tab j L
check "L on a key result shows that key result only" wait_for '▶ History of K2 Đạt được 1.000' 5
check "… no other key result" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q ' K1 '"
okr_as wei checkin K2 777 -m 'from a shell' >/dev/null
check "a check-in by another process appears without a key press" wait_for '@wei +K2 +checked in 777' 5
keys L
check "L again closes it" wait_for 'Key results of O1' 5
keys : 'log O3' Enter
wait_for 'History of O3' 5
keys G Enter
check "Enter on a row goes to its item in the panes" wait_for 'Key results of O3' 5
check "… and closes the history" wait_gone 'History of O3' 5

keys : log Enter
check ":log shows every change" wait_for '▶ History · everything · [0-9]+ changes' 5
check "… kudos and comments included" wait_for 'gave kudos to @'
keys G
check "G goes to the oldest: the first person's first use" wait_for '@root .*first used okr'
keys Escape : log ' KPI5' Enter
check ":log KPI5 shows a KPI's history" wait_for 'History of KPI5 .*changes' 5
check "… its pushed values" wait_for 'KPI5 +pushed the value 83'
keys Escape i
wait_for 'KPIs \(6\)' 5
keys j L
check "L in the KPI view shows the selected KPI's history" wait_for 'History of KPI2 ' 5
keys Escape Escape : log ' cheese' Enter
check ":log with something not an ID says what to give" wait_for "':log cheese' — give an ID such as O3, K12 or KPI2"
e2e_done
