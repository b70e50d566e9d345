#!/bin/sh
# Grading at cycle end in the TUI at 80×24: r opens the review of what is
# shown; :close-cycle walks every key result with its grade prefilled (its
# progress), takes overrides with a note, then closes the cycle through the
# store; the closed cycle is read-only in the TUI.
. "$(dirname "$0")/lib.sh"
e2e_start 80 24

keys r
check "r opens the review of what the TUI shows" wait_for 'Review · 2026-Q4 · all · @sarah' 5
check "at the first key result" wait_for '1 / 10'
keys g
check "g opens the grade input, prefilled with the progress" wait_for 'Grade K1 +1.00'
check "its keys, as bound" wait_for 'Enter save · Tab score/note · Esc cancel'
tmux_cmd resize-window -t e2e -x 100 -y 30
check "a resize keeps the input, at the new foot" wait_for 'Grade K1 +1.00'
tmux_cmd resize-window -t e2e -x 80 -y 24
keys Escape
check "Esc closes just the input" wait_gone 'Grade K1'
check "... the review stays" wait_for 'Review · 2026-Q4 · all · @sarah'
keys g
check "g opens it again" wait_for 'Grade K1 +1.00'
keys C-u 0.9 Tab 'shipped two weeks late' Enter
check "the grade is saved and shown" wait_for 'graded 0.90 by @sarah: shipped two weeks late'
check "in the database" sh -c "'$OKR_BIN' --db '$E2E_DB' export --format json | grep -q 'shipped two weeks late'"
keys q q
check "leaving the review returns to the panes" wait_for 'Key results of O1' 5
check "with a line about it" wait_for 'review done'

keys : close-cycle Enter
check ":close-cycle opens grading mode" wait_for 'Grading 2026-Q4 for close' 5
check "… and says at once that the cycle has not ended" wait_for '2026-Q4 ends 2026-12-24, 31 days left: grade now; closing early asks again' 5
check "K1 keeps its earlier grade" wait_for 'Grade K1 +0.90'
keys Enter
check "Enter accepts it and moves on; K2 defaults to its progress" wait_for 'Grade K2 +0.61'
keys C-u 1.5
check "a bad grade is refused as typed" wait_for 'a grade is 0.0 to 1.0'
keys C-u 0.55 Tab 'partner channel slow' Enter
check "an override with a note moves on to K3" wait_for 'Grade K3 +0.67'
keys Escape q
check "q shows the summary with the close question" wait_for 'Close 2026-Q4 now\? y closes it: 8 key results without a grade'
check "two grades were given" wait_for '0 check-ins · 2 grades'
check "the cycle is still open" sh -c "'$OKR_BIN' --db '$E2E_DB' cycle list | grep 2026-Q4 | grep -q active"
check "the summary warns that closing now is early" wait_for '⚠ 2026-Q4 ends 2026-12-24, 31 days left: closing now is early \(y asks again\)'
keys y
check "before the cycle's last day, y asks for confirmation" \
	wait_for '2026-Q4 ends 2026-12-24, 31 days left: y again closes it early'
check "… and has not closed it yet" sh -c "'$OKR_BIN' --db '$E2E_DB' cycle list | grep 2026-Q4 | grep -q active"
keys y
check "y closes the cycle" wait_for 'closed 2026-Q4: every key result is graded' 5
check "the database says closed" sh -c "'$OKR_BIN' --db '$E2E_DB' cycle list | grep 2026-Q4 | grep -q closed"
check "every key result has a grade" test "$("$OKR_BIN" --db "$E2E_DB" export --format json | grep -c '"score"')" = 10
check "the override and its note" sh -c "'$OKR_BIN' --db '$E2E_DB' export --format json | grep -A1 '\"score\": 0.55' | grep -q 'partner channel slow'"
check "defaults from progress (K3 0.67)" sh -c "'$OKR_BIN' --db '$E2E_DB' export --format json | grep -q '\"score\": 0.67'"
keys q
check "back in the panes" wait_for 'Key results of O1' 5
keys c
check "a closed cycle refuses the check-in form" wait_for 'cycle 2026-Q4 is closed and read-only'
keys : close-cycle Enter
check ":close-cycle on a closed cycle says so" wait_for 'already closed'
check "okr is still running" sh -c "! tmux -L '$E2E_SOCK' list-panes -F '#{pane_dead}' | grep -q 1"
e2e_done
