#!/bin/sh
# test_cycle_edit.sh — okr cycle edit changes a cycle's name and dates
# (what is not given stays), under the rules of adding one: leads and
# admins, no overlap, no taken name, a closed cycle keeps both; okr person
# opt-out hides only oneself from the leaderboard.
. "$(dirname "$0")/lib.sh"       # today: 2026-11-23

fresh_cycle                     # alice: the first person, an admin
okr cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31 >/dev/null
expect_exit 0 okr cycle edit 2027-Q1 --name "Quý 1 năm 2027" --start 2027-01-04
expect_out "* 2026-Q4      2026-10-01 → 2026-12-31  active
  Quý 1 năm 2… 2027-01-04 → 2027-03-31  planning" okr cycle list
expect_out_contains "edited: Quý 1 năm 2027 2027-01-04 → 2027-03-31" okr log --limit 1
refused 2 "there is already a cycle named '2026-Q4'" okr cycle edit "Quý 1 năm 2027" --name 2026-Q4
refused 2 "overlaps cycle Quý 1 năm 2027" okr cycle edit 2026-Q4 --end 2027-01-10
refused 2 "the cycle ends before it starts" okr cycle edit 2026-Q4 --end 2026-09-01
refused 3 "" okr cycle edit 2031-Q9 --name x

okr person add bob >/dev/null     # bob: a member
refused 6 "only a lead or admin can change cycles" env OKR_USER=bob "$OKR_BIN" --db "$DB" cycle edit 2026-Q4 --name Q4

okr cycle add 2026-Q3 --start 2026-07-01 --end 2026-09-30 >/dev/null
okr cycle close 2026-Q3 >/dev/null
refused 8 "that cycle is closed: its name and dates stay as they were graded" okr cycle edit 2026-Q3 --name Q3

expect_exit 0 okr person opt-out yes
expect_out_contains "left the public leaderboard" okr log --limit 1
expect_out_contains "alice,alice,admin,true" okr export --format csv --table person
refused 2 "opt-out takes yes" okr person opt-out maybe
expect_exit 0 env OKR_USER=bob "$OKR_BIN" --db "$DB" person opt-out yes
expect_out_contains "left the public leaderboard" okr log --limit 1 --person bob
finish
