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

# ---- new and empty things ----
okr objective add "Grow" >/dev/null                       # O2
okr kr add O2 "Leads" --target 100 >/dev/null              # K4
okr checkin K4 56 >/dev/null
run okr list
grep -q "^O2 .* 56%  on track" "$OUT"; check $? "O2 is 56 % on track" "$(cat "$OUT")"
okr objective add "Nothing yet" --parent O2 >/dev/null     # O3
run okr list
grep -q "^  O3 .*Nothing yet .* no key results yet" "$OUT"; check $? "an empty objective says no key results yet" "$(cat "$OUT")"
grep -q "O3 .*0%" "$OUT"; check $((!$?)) "… and shows no 0 %" "$(cat "$OUT")"
grep -q "^O2 .* 56%  on track" "$OUT"; check $? "… and does not drag its parent down" "$(cat "$OUT")"
okr kr add O3 "Brand new" --target 10 >/dev/null           # K5
run okr list
grep -q "^    K5 .* new  " "$OUT"; check $? "a key result added today is new, not outdated" "$(cat "$OUT")"
grep -q "^  O3 .* new  " "$OUT"; check $? "… and so is its objective" "$(cat "$OUT")"
run okr due
grep -q "K5" "$OUT"; check $((!$?)) "the due list does not ask for it yet" "$(cat "$OUT")"
run env OKR_NOW=$((OKR_NOW + 8 * 86400)) "$OKR_BIN" --db "$DB" due
grep -q "K5 .*never checked in, overdue by 1 day" "$OUT"; check $? "a week later it is due, counted from when it was added" "$(cat "$OUT")"
run env OKR_NOW=$((OKR_NOW + 8 * 86400)) "$OKR_BIN" --db "$DB" list
grep -q "^    K5 .* outdated" "$OUT"; check $? "… and outdated" "$(cat "$OUT")"

# ---- forecasts only from a history that can carry one ----
at() { d=$1; shift; env OKR_NOW=$((OKR_NOW + d)) "$OKR_BIN" --db "$DB" "$@"; }
okr kr add O2 "Customers" --target 1000 --unit customers >/dev/null   # K6
at 0 checkin K6 640 >/dev/null
at 30 checkin K6 700 >/dev/null
at 90 checkin K6 900 >/dev/null
run at 120 show K6
grep -q "forecast   not enough history yet" "$OUT"; check $? "three check-ins in a minute: not enough history yet" "$(cat "$OUT")"
grep -q "projected grade" "$OUT"; check $((!$?)) "… and no projected grade" "$(cat "$OUT")"
run at 120 show K6 --json
grep -q '"forecast"' "$OUT"; check $((!$?)) "… nor a forecast in --json" "$(cat "$OUT")"
okr kr add O2 "Response time" --at-most 200 --unit ms >/dev/null     # K7
at 0 checkin K7 350 >/dev/null
at 60 checkin K7 280 >/dev/null
run at 120 show K7
grep -q "forecast   not enough history yet" "$OUT"; check $? "an at-most KR at 350 then 280: no negative forecast" "$(cat "$OUT")"
at $((8 * 86400)) checkin K7 270 >/dev/null
run at $((8 * 86400)) show K7 --json
v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["forecast"]["value"])' "$OUT" 2>/dev/null)
python3 -c "import sys; v=float(sys.argv[1]); sys.exit(0 if 50 <= v <= 350 else 1)" "${v:-x}" 2>/dev/null
check $? "a week later it forecasts, inside the plausible range ($v)" "$(cat "$OUT")"

finish
