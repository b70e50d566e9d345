#!/bin/sh
# test_cycles.sh — the current cycle is the one that contains today, cycles
# never overlap, closing early needs --force, and a write into a closed cycle
# exits 8 (its own code, not the role's 6).
. "$(dirname "$0")/lib.sh"       # today: 2026-11-23

okr init >/dev/null
expect_out "2027-Q1" okr cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31
expect_out "  2027-Q1      2027-01-01 → 2027-03-31  planning" okr cycle list
refused 3 "no cycle has started yet: today is 2026-11-23 and 2027-Q1 starts on 2027-01-01" \
	okr objective add "Too early"
expect_out "O1" okr objective add "Planned ahead" --cycle 2027-Q1

expect_out "2026-Q4" okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31
expect_out "* 2026-Q4      2026-10-01 → 2026-12-31  active
  2027-Q1      2027-01-01 → 2027-03-31  planning" okr cycle list
expect_out "O2" okr objective add "Now"
expect_out_contains "2026-Q4" okr list
expect_out_contains "Planned ahead" okr list --cycle "2027-q1"     # cycle names are matched folded too

refused 2 "cycle 2026-Q4b (2026-12-15 → 2027-01-15) overlaps cycle 2026-Q4 (2026-10-01 → 2026-12-31)" \
	okr cycle add 2026-Q4b --start 2026-12-15 --end 2027-01-15
refused 2 "start it after 2026-12-31 or end it before 2026-10-01" \
	okr cycle add Inside --start 2026-11-01 --end 2026-11-02
refused 2 "overlaps cycle 2027-Q1" okr cycle add Last-day --start 2027-03-31 --end 2027-04-30
expect_out "2026-Q3" okr cycle add 2026-Q3 --start 2026-07-01 --end 2026-09-30
expect_out "2027-Q2" okr cycle add 2027-Q2 --start 2027-04-10 --end 2027-06-30

# Between two cycles the one that began last stays current.
run env OKR_NOW=1807099200 "$OKR_BIN" --db "$DB" cycle list     # 2027-04-07
check "$(grep -q '^\* 2027-Q1' "$OUT"; echo $?)" "between 2027-Q1 and 2027-Q2 the current cycle is 2027-Q1"
run env OKR_NOW=1807704000 "$OKR_BIN" --db "$DB" cycle list     # 2027-04-14
check "$(grep -q '^\* 2027-Q2' "$OUT"; echo $?)" "once 2027-Q2 has begun it is current by itself"

refused 2 "2026-Q4 contains today (2026-11-23), so it is the current cycle" okr cycle current 2027-Q1

# Closing before the end needs --force; then the cycle is read-only (exit 8).
okr kr add O2 "Users" --target 100 >/dev/null
refused 2 "cycle 2026-Q4 runs until 2026-12-31, 38 days from today" okr cycle close 2026-Q4
refused 2 "add --force to close it anyway" okr cycle close 2026-Q4
expect_exit 0 okr cycle close 2026-Q4 --force
expect_out_contains "closed" okr cycle list
refused 8 "cycle is closed" okr checkin K1 10
refused 8 "closed and read-only" okr objective add "Into a closed cycle" --cycle 2026-Q4
refused 8 "closed" okr kr add O2 "More" --target 3
refused 8 "grades are final" okr grade K1 0.5
finish
