#!/bin/sh
# Movement compares like with like (issue 9): on the demo's new week nobody
# has points, so no row shows an arrow; a first entry reads "new" only when
# the last window had a ranking; and the "seen" column follows ranks that
# change while the board is watched.
. "$(dirname "$0")/lib.sh"
e2e_start 120 40

board() { screen | sed -n '/Leaderboard/,$p' | cut -c1-54; }
check "the week's board is up" wait_for 'Leaderboard · people · this week'
board >"$E2E_DIR/week"
check "… not one ▲ or ▼" sh -c "! grep -q '[▲▼]' '$E2E_DIR/week'"
check "okr status for someone who did nothing has no arrow" \
	sh -c "OKR_USER=root '$OKR_BIN' --db '$E2E_DB' status | grep -Eq '^#1 · 0 pts'"

# All time: distinct places to compare with.  Jing (154) passes Hoa (156).
keys w w
check "w w shows all time" wait_for 'Leaderboard · people · all time'
check "Hoa is third" wait_for '^ +3 .* Lê Thu Hoa .* 156'
okr_as jing checkin K5 40 -m "five more bugs fixed" >/dev/null
check "Jing's check-in takes her to third: up one this week, and since seen" wait_for '^ +3 +▲1 +▲1 +李静'
check "… and Hoa fourth, down one on both" wait_for '^ +4 +▼1 +▼1 +Lê Thu Hoa'
e2e_done
