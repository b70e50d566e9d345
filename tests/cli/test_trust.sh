#!/bin/sh
# test_trust.sh — numbers a team can trust (issue 9): values shown as
# entered, forecasts only from a history that can carry one, grades only
# when they exist, no status or badge for nothing, no self-made points.
. "$(dirname "$0")/lib.sh"

okr init >/dev/null
okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
okr objective add "Support" >/dev/null

# ---- values as entered ----
okr kr add O1 "First response under 1h" --at-most 1 --unit h >/dev/null
expect_out "K1 0.8 (≤ 1) h  100%" okr checkin K1 0.8
expect_out_contains "value      0.8 (≤ 1) h" okr show K1
expect_out_contains "0.8 (≤ 1)" okr list
okr kr add O1 "Satisfaction" --target 4.5 >/dev/null
expect_out "K2 3.75 / 4.5  83%" okr checkin K2 3.75
run okr show K2
grep -q "^  20[0-9-]* [0-9:]*  alice *3.75 / 4.5" "$OUT"; check $? "the history lists 3.75, not 3.8" "$(cat "$OUT")"
okr kr add O1 "Revenue" --target 1000.50 >/dev/null
expect_out "K3 200.00 / 1000.50  20%" okr checkin K3 200
expect_out "K3 200.125 / 1000.50  20%" okr checkin K3 200.125

finish
