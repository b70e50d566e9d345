#!/bin/sh
# c in the KPI view pushes a value to the selected KPI (as okr kpi push
# does): validated as typed, Esc writes nothing, the view shows the new
# value at once; c on an overdue KPI in "what needs me" does the same.
# a in the KPI view adds a KPI with its four parts (as okr kpi add).
. "$(dirname "$0")/lib.sh"
E2E_USER=tuan
e2e_start 80 24

samples() { okr_as tuan show KPI1 --json | grep -c '"at"'; }
before=$(samples)
keys i
wait_for 'KPIs \(6\)' 5 || { screen; echo "Bail out! no KPI view"; exit 1; }
keys c
check "c opens a form for the selected KPI, showing its latest value" \
	wait_for 'A value for KPI1 \(latest 19 leads\) Khách hàng' 5
check "… not prefilled with it: saved unchanged it would write nothing" wait_for '│ Value +│'
keys abc
check "a value that is not a number is refused as typed" wait_for 'not a number'
keys Escape
check "Esc writes nothing" test "$(samples)" = "$before"
keys c C-u 21 Tab 'from the CRM export' Enter
check "Enter saves the value" wait_for 'KPI1: the value 21 is in' 5
check "… the view shows it as the latest, meeting the target" wait_for 'KPI1 .* 21 ≥ 20 leads +meets' 5
check "… and it is stored with its note" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' show KPI1 | grep -q 'from the CRM export'"
keys Escape D
wait_for 'What needs me' 5
keys j c
check "c on an overdue KPI in what needs me opens the same form" wait_for 'A value for KPI2' 5
keys 1.4 Enter
check "… and the KPI is no longer due" wait_gone 'KPI2 +Thời gian' 5

keys Escape i
wait_for 'KPIs \(6\)' 5
keys a
check "a in the KPI view opens the add-KPI form" wait_for 'Add a KPI' 5
check "… with its four parts: target, direction, source, frequency, timeframe" wait_for '│ Timeframe '
keys 'Net revenue retention' Tab 110 Tab Tab % Tab 'billing system' Tab ' ' Tab 'per quarter' Enter
check "the KPI is added" wait_for 'added KPI7' 5
check "… and shown, selected" wait_for '^ KPI7  Net revenue retention' 5
check "… saying how to give it a value here" wait_for 'press c to give it one'
check "… with its four parts" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' kpi list | grep 'Net revenue retention' | grep -q 'billing system'"
check "… monthly, owned by the viewer" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' show KPI7 | grep -q 'monthly'"
e2e_done
