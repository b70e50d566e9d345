#!/bin/sh
# test_trust.sh — numbers a team can trust (issue 9): values shown as
# entered, forecasts only from a history that can carry one, grades only
# when they exist, no status or badge for nothing, no self-made points.
. "$(dirname "$0")/lib.sh"

fresh_cycle
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
run okr show K4
grep -q "forecast   not enough history yet" "$OUT"
check $? "added today and checked in once: no pace from the cycle's start" "$(cat "$OUT")"
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

# ---- grades mid-cycle ----
okr objective add "Graded in part" --aspirational >/dev/null          # O4
okr kr add O4 "One" --target 10 >/dev/null                             # K8
okr kr add O4 "Two" --target 10 >/dev/null                             # K9
okr checkin K8 9 >/dev/null
okr checkin K9 2 >/dev/null
okr grade K8 0.9 >/dev/null
run okr export --format md
grep "O4" "$OUT" | grep -q "success ✓\|grade 0.90 ✓"; check $((!$?)) "one KR graded 0.9 is no objective success mid-cycle" "$(grep O4 "$OUT")"
grep -q "O4 .*Graded in part.* 55 % .*1 of 2 graded" "$OUT"; check $? "… the report shows its progress and how many are graded" "$(grep O4 "$OUT")"
okr grade K9 0.3 >/dev/null
run okr export --format md
grep -q "O4 .*Graded in part.* — 0.60 against 0.7 (aspirational): below the bar ✗" "$OUT"; check $? "once both are graded the objective has a grade" "$(grep O4 "$OUT")"

# ---- no farming: nobody raises their own XP by shaping their own key results ----
okr person add bob >/dev/null
okr person add lena >/dev/null
okr person role lena lead >/dev/null
xp_of() {   # LOGIN: XP in all, from the all-time board
	as "$1" board --once --window all --json |
		python3 -c 'import json,sys; print(sum(r["xp"] for r in json.load(sys.stdin)["rows"] if r["login"] == sys.argv[1]))' "$1"
}
as bob checkin K1 0.5 -m "warm-up" >/dev/null 2>&1   # not bob's: refused, earns nothing
base=$(xp_of bob)
bobs_o=$(as bob objective add "Bob's own")
k=$(as bob kr add "$bobs_o" "Trivial" --target 1)
as bob checkin "$k" 1 -m "done already" >/dev/null
test "$(xp_of bob)" = "$base"; check $? "a trivial key result of one's own (--target 1) earns no XP"
run as bob show bob --points
grep -q "$k was set by its owner alone: no points until a lead approves it" "$OUT"
check $? "… and the explanation says why and what to do" "$(cat "$OUT")"
k2=$(as bob kr add "$bobs_o" "Heavy" --target 10 --weight 100)
as bob checkin "$k2" 10 -m "heavy" >/dev/null
test "$(xp_of bob)" = "$base"; check $? "--weight 100 on one's own key result earns nothing either"
lenas_o=$(as lena objective add "Lena's")
k3=$(as lena kr add "$lenas_o" "Own lead KR" --target 10)
expect_err_contains 6 "nobody approves their own key result" as lena kr approve "$k3"
expect_err_contains 6 "only a lead or an admin approves" as bob kr approve "$k2"
run as bob show "$k2"
grep -q "points     none until a lead approves it (\`okr kr approve $k2\`)" "$OUT"
check $? "okr show says it earns nothing until approved" "$(cat "$OUT")"
expect_out "$k2 approved: its progress now earns points" as lena kr approve "$k2"
approved=$(xp_of bob)
test "$approved" -gt "$base"; check $? "once a lead approves it, the progress pays"
# 100 % of a lone key result: 100 + 50 + 25 and the check-in's 10, not 10,086.
test "$((approved - base))" -lt 300; check $? "… as weight 1, whatever weight it has alone in its objective ($((approved - base)))"
k4=$(as lena kr add "$bobs_o" "Set by the lead" --target 100 --owner bob)
as bob checkin "$k4" 20 -m "a fifth" >/dev/null
run as lena list --unapproved
grep -q "^  $k .*Trivial" "$OUT" && ! grep -q "$k2 \|$k4 " "$OUT"
check $? "a lead's list of key results waiting for approval: $k, not the approved $k2 nor $k4 she set" "$(cat "$OUT")"
before=$(xp_of bob)
run as bob kr edit "$k4" --target 20
check $? "bob may still edit his key result's target" "exit $rc"
as bob checkin "$k4" 20 -m "retargeted" >/dev/null
test "$(xp_of bob)" = "$before"; check $? "editing one's own target down to the value pays nothing more"
run as bob show "$k4"
grep -q "value      20 / 20" "$OUT"; check $? "… while the new target is what is shown" "$(cat "$OUT")"
as bob kr archive "$k4" >/dev/null
k5=$(as bob kr add "$bobs_o" "Set by the lead" --target 20)
as bob checkin "$k5" 20 -m "again" >/dev/null
test "$(xp_of bob)" = "$before"; check $? "archiving and re-adding it pays nothing again"

finish
