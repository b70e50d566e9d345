#!/bin/sh
# test_plan.sh — okr cycle plan NEXT --from CURRENT: a dry run that shows
# what would be made and makes nothing; the copy keeps titles, owners,
# alignment, weights and KPI links, starts metric key results from their last
# value and carries no history; a refusal half way makes nothing.
set -u
. "$(dirname "$0")/lib.sh"

fresh_db
okr person add bob >/dev/null
okr objective add "Onboard people faster" --parent O1 --weight 2 >/dev/null
okr kr add O2 "Guided tour shipped" --milestone --owner bob >/dev/null
okr kr add O2 "Capacity" --at-least 85 --unit % --weight 3 >/dev/null
okr kpi add "Capacity utilisation" --target 85 --at-least --source CRM --every weekly >/dev/null
okr kpi link K3 KPI1 >/dev/null
okr kpi push "Capacity utilisation" 80 >/dev/null
okr checkin K1 40 -c 7 -m "webinar" >/dev/null
okr comment K1 "Nice progress on sign-ups" >/dev/null
okr objective add "Side project" >/dev/null
okr kr add O3 "Try it" --target 5 >/dev/null
okr cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31 >/dev/null

before=$(db_state)
run okr cycle plan 2027-Q1 --from 2026-Q4 --only O1,O2 --dry-run
[ "$rc" = 0 ]; check $? "a dry run exits 0"
grep -q '^Dry run: 2027-Q1 would get, from 2026-Q4: 2 objectives, 3 key results$' "$OUT"; check $? "  … heads with what would be made"
grep -q '^  O2    → new   Onboard people faster.* under the copy of O1$' "$OUT"; check $? "  … keeps the alignment to the copy of the parent"
grep -q '^      K1    → new   Users .* 40 → 100 users$' "$OUT"; check $? "  … a metric key result starts from its last value"
grep -q '^      K3    → new   Capacity .* ≥ 85 %$' "$OUT"; check $? "  … a threshold keeps its target"
! grep -q 'Side project' "$OUT"; check $? "  … and leaves out what --only does not name"
[ "$before" = "$(db_state)" ]; check $? "  … and writes nothing"

run okr cycle plan 2027-Q1 --from 2026-Q4 --only O1,O2 --json
[ "$rc" = 0 ]; check $? "the plan exits 0"
expect_json "okr cycle plan --json"
if [ -n "$HAVE_PYTHON3" ]; then
	[ "$(json_get '[(o["from"], o["id"]) for o in d["objectives"]]')" = "[('O1', 'O4'), ('O2', 'O5')]" ]
	check $? "  … says which new objective copies which"
	[ "$(json_get '[(k["from"], k["id"]) for o in d["objectives"] for k in o["key_results"]]')" = \
		"[('K1', 'K5'), ('K2', 'K6'), ('K3', 'K7')]" ]
	check $? "  … and which new key result"
fi
run okr list --cycle 2027-Q1
grep -q '^O4 ' "$OUT" && grep -q '^  O5 ' "$OUT"; check $? "O5 is aligned under O4 in the new cycle"
run okr show O5 --json
[ "$(json_get 'd["owner"], d["kind"], [k["weight"] for k in d["key_results"]], [k["owner"] for k in d["key_results"]]')" = \
	"alice committed [1, 3] ['bob', 'alice']" ]
check $? "owners, kinds and weights are copied"
run okr show K5 --json
[ "$(json_get 'd["key_result"]["start"], d["key_result"]["target"], d["key_result"]["current"], len(d["checkins"]), len(d["comments"])')" = "40 100 None 0 0" ]
check $? "K5 starts at 40 with no check-ins and no comments of K1"
[ "$(json_get 'd["key_result"]["due"]')" = 2027-03-31 ]; check $? "  … and is due at the new cycle's end"
run okr show K7 --json
[ "$(json_get 'd["key_result"]["current"]')" = 80 ]; check $? "K7 still takes its value from the KPI"
run okr show K1 --json
[ "$(json_get 'd["key_result"]["current"], len(d["checkins"])')" = "40 1" ]; check $? "the old cycle is untouched"

# Refusals.
expect_err_contains 2 "say which cycle to copy from" okr cycle plan 2027-Q1
expect_err_contains 2 "NEXT and --from are both 2026-Q4" okr cycle plan 2026-Q4 --from 2026-Q4
expect_err_contains 2 "'KPI1' is neither" okr cycle plan 2027-Q1 --from 2026-Q4 --only KPI1
expect_err_contains 3 "K99 is not an open objective or key result of 2026-Q4" okr cycle plan 2027-Q1 --from 2026-Q4 --only K99
expect_err_contains 3 "no cycle 2028" okr cycle plan 2028 --from 2026-Q4
# bob (a member) may not copy alice's objectives: all or nothing.
okr cycle add 2027-Q2 --start 2027-04-01 --end 2027-06-30 >/dev/null
before=$(db_state)
OKR_USER=bob expect_err_contains 6 "only a lead or admin" "$OKR_BIN" --db "$DB" cycle plan 2027-Q2 --from 2026-Q4
[ "$before" = "$(db_state)" ]; check $? "  … and nothing of the plan was made"

finish
