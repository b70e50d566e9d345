#!/bin/sh
# The KPI view (i, :kpis): every demo KPI with its four parts, health,
# sparkline, "outdated" and the key results that track it; a value pushed by
# another process appears without a key press; Enter shows the values with
# notes and authors; Esc goes back.  At 80×24 and on a wide terminal.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24

keys i
check "i opens the KPI view" wait_for 'KPIs \(6\)' 5
check "a KPI with its target, direction, unit and health" wait_for 'KPI1 +Khách hàng tiềm năng trong.* 19 ≥ 20 leads +misses'
check "… its timeframe, data source and frequency" wait_for 'by end of Q4 · source CRM · weekly · @sarah'
check "an at-most KPI that meets its target" wait_for 'KPI2 .* 1\.5 ≤ 2 days +meets'
check "CJK names keep the columns aligned" test "$(column_of 'KPI4' '≥ 100')" = "$(column_of 'KPI1' '≥ 20')"
check "a sparkline of the samples" wait_for 'KPI1 .*▁▂▃▅▆▆▇█'
check "a monthly KPI silent for two weeks past due is outdated" wait_for 'monthly · @minh .*outdated'
check "a weekly KPI with a value this week is not" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep 'source CRM' | grep -q outdated"
check "the key result that tracks a KPI is named" wait_for 'tracked by K7 Tỷ lệ sử dụng công suất'

okr_as wei kpi push 'Capacity utilisation' 91.5 -m 'from the CI job' >/dev/null
check "a value pushed by another process appears without a key press" wait_for 'KPI5 +Capacity utilisation +91\.5 ≥ 85 % +meets' 5

keys j j j j Enter
check "Enter shows the values of the selected KPI" wait_for 'Values \(9\)' 5
check "… newest first, with who pushed it and the note" wait_for '@wei +91\.5 % +✓'
check "… and the note" wait_for 'from the CI job'
check "… and the health of the latest value" wait_for 'latest +91\.5 % .* meets the target'
keys Escape
check "Esc goes back to the list" wait_for 'KPIs \(6\)'
keys Escape
check "Esc again goes back to the panes" wait_for 'Key results of O1'
wait_gone 'KPIs \('

keys j j
check "the key result that tracks the KPI took its value" wait_for 'K7 .*91\.5 \(≥ 85\) %'
keys : kpis Enter
check ":kpis opens the view too" wait_for 'KPIs \(6\)'
keys i
check "the same key closes it" wait_for 'Key results of O3'

tmux_cmd resize-window -t e2e -x 150 -y 40
keys i
check "wide: the list and the selected KPI's values side by side" wait_for 'KPIs \(6\).*│.*Values'
check "wide: the selected KPI's values are shown at once" wait_for 'Trend│ KPI5  Capacity utilisation'
keys q
check "q goes back to the panes" wait_for 'Key results of'
check "okr is still running" sh -c "! tmux -L '$E2E_SOCK' list-panes -F '#{pane_dead}' | grep -q 1"
e2e_done
