#!/bin/sh
# test_close.sh — okr grade and okr cycle close: strict grades, defaults from
# progress, overrides with notes, one transaction, lead/admin only, late
# check-ins until close, a closed cycle is read-only.
set -u
. "$(dirname "$0")/lib.sh"
export OKR_USER=root
# Files of their own, whatever the engine: several databases, compared byte for byte.
DB=$T/demo.db
grades() { okr export --format json | grep -c '"score"'; }

demo_db

check_that "a member may not close a cycle (exit 6)" test "$(code as tuan cycle close 2026-Q4)" = 6
check_that "… and nothing was graded" test "$(grades)" = 0
for bad in 1.5 0.755 abc -0.1 NaN ""; do
	check_that "grade '$bad' is refused (exit 2)" test "$(code as lan grade K5 "$bad")" = 2
done
check_that "a bad --grade at close is refused (exit 2)" test "$(code as lan cycle close 2026-Q4 --grade K2=1.2)" = 2
check_that "--grade for a key result outside the cycle: exit 3" \
	test "$(code as lan cycle close 2026-Q4 --grade K8=0.3 --grade K99=0.5)" = 3
check_that "… names it" err_has "K99"
check_that "… and writes nothing (one transaction)" test "$(grades)" = 0
check_that "the cycle is still active" sh -c "'$OKR_BIN' --db '$T/demo.db' cycle list | grep 2026-Q4 | grep -q active"

# After the end date, before close: late check-ins are allowed and grades are due.
late=1798848000   # 2027-01-02, after the cycle's end on 2026-12-24
check_that "a late check-in after the end date is allowed until close" \
	test "$(OKR_NOW=$late code as tuan checkin K10 15 -m late)" = 0
check_that "okr due lists the grades owed after the end" \
	sh -c "OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'Grades to give'"
check_that "the owner grades a key result with a note" test "$(code as jing grade K5 0.7 -m 'close enough')" = 0

check_that "a lead closes the cycle with an override" \
	test "$(OKR_NOW=$late code as lan cycle close 2026-Q4 --grade 'K8=0.3:vendor slipped')" = 0
check_that "the summary names the cycle" has "Closed 2026-Q4"
check_that "the override is marked given" sh -c "grep K8 '$OUT' | grep -q '0.30  given'"
check_that "the earlier grade is kept" sh -c "grep K5 '$OUT' | grep -q '0.70  earlier'"
check_that "defaults come from progress (K2 at 61 %)" sh -c "grep K2 '$OUT' | grep -q '0.61  default'"
check_that "the late check-in counted (K10 15/40 = 0.38)" sh -c "grep K10 '$OUT' | grep -q '0.38  default'"
check_that "an aspirational objective at 0.80 meets the 0.7 bar" sh -c "grep '^O1' '$OUT' | grep -q '0.80.*met'"
check_that "a committed objective below 1.0 does not" sh -c "grep '^O2' '$OUT' | grep -q 'below'"
check_that "O4 is the weighted mean of its grades (0.30, 0.29, 0.38 → 0.32)" sh -c "grep '^O4' '$OUT' | grep -q '0.32'"
check_that "every key result has a grade" test "$(grades)" = 10
check_that "the note of an override is stored" sh -c "'$OKR_BIN' --db '$T/demo.db' export --format json | grep -q 'vendor slipped'"
check_that "the cycle is closed" sh -c "'$OKR_BIN' --db '$T/demo.db' cycle list | grep 2026-Q4 | grep -q closed"
check_that "no check-in in a closed cycle (exit 8)" test "$(code as tuan checkin K10 16)" = 8
check_that "no grade change in a closed cycle (exit 8)" test "$(code as lan grade K1 0.5)" = 8
check_that "no key result edit in a closed cycle (exit 8)" test "$(code as lan kr edit K1 --title x)" = 8
check_that "no objective edit in a closed cycle (exit 8)" test "$(code as lan objective edit O1 --title x)" = 8
check_that "closing twice is refused (exit 2)" test "$(code as lan cycle close 2026-Q4)" = 2
check_that "nothing is due once the cycle is closed" \
	sh -c "! OKR_NOW=$late OKR_USER=tuan '$OKR_BIN' --db '$T/demo.db' due | grep -q 'Grades to give'"
check_that "the report shows the grades against the bar" \
	sh -c "'$OKR_BIN' --db '$T/demo.db' export --format md | grep -q 'O1 .* 0.80 against 0.7 (aspirational): success ✓'"

finish
