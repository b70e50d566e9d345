#!/bin/sh
# rebind.sh — every screen's keys come from the action table, so okr.conf can
# rebind the review's, the forms' and the live board's keys like any other,
# and ? lists them as bound.
. "$(dirname "$0")/lib.sh"
T=20
cat >"$OKR_CONFIG" <<'CONF'
keys = {
	review-next = "x";
	form-save = "F5";
	form-cancel = "C-g";
	board-window = "v";
	board-teams = "y";
	confirm-yes = "z";
	undo = "U";
	add-kr = "A";
	person-back = "F7 h";
};
CONF
e2e_start 120 40

keys ?
check "? lists the board's key as bound" wait_for 'v +:board-window +Leaderboard'
keys G
check "and, further down, the review's" wait_for 'x +Next key result'
check "and the form's" wait_for 'F5 +Save the form'
keys Escape
check "Esc closes the help" wait_gone 'Save the form'

# The hints name the keys bound, not the defaults.
keys X
check "the archive confirmation names the rebound keys" wait_for 'z: archive +n or Esc: keep it +\(U undoes it afterwards\)'
keys n
check "n keeps the item" wait_for 'kept O1 — nothing was archived'
keys C
check "the cycle list's title names the rebound add key" wait_for 'Cycle — Enter picks · A add · e edit · Esc closes'
keys Escape BTab Enter
check "a person's page names its rebound back keys" wait_for '@sarah · F7 or h: back to the board'
keys F7
check "the rebound key goes back" wait_for 'Leaderboard · people'
keys Tab

keys Tab j c
check "c opens the check-in form" wait_for 'Check in K2'
check "its footer names the keys bound" wait_for 'F5 save · C-g cancel'
keys C-u 700 F5
check "the rebound key saves" wait_for 'checked in K2: 700 / 1000' $T
keys c C-g
check "the rebound key cancels" wait_for 'cancelled — nothing was saved'

keys r
check "r opens the review" wait_for '● 1 / ' $T
check "its footer names the key bound" wait_for 'x next'
keys x
check "the rebound key goes to the next key result" wait_for '● 2 / '
keys n
check "n no longer does" wait_for 'n does nothing in the review'
keys q q
check "q, q leaves the review" wait_for 'review done' $T

E2E_USER=tuan e2e_run 40 12 board --window cycle
check "okr board starts" wait_for 'Leaderboard' $T
check "its footer names the keys bound" wait_for 'v window · y teams' $T
keys v
check "the rebound key moves to the next window" wait_for 'Leaderboard · people · all' $T
keys y
check "the rebound key shows the teams" wait_for 'Leaderboard · teams · all' $T
keys '?'
check "? on the board lists them" wait_for 'v +Leaderboard: this week' $T
keys x
check "any key closes it" wait_gone 'Leaderboard: this week' $T
e2e_done
