#!/bin/sh
# The weekly rhythm in the full-screen view: the banner of what you owe on
# opening (gone at the first key, which still does its work), the team
# rhythm view (W, :rhythm) with kudos and a comment from it, and planning the
# next cycle (P, :plan-cycle).
. "$(dirname "$0")/lib.sh"
E2E_USER=tuan
e2e_start 100 30

check "the banner says what tuan owes this week" wait_for 'You owe 1 check-in, 1 KPI value this week — D lists them'
keys D
check "the first key is not swallowed: D opens what needs me" wait_for 'What needs me · @tuan' 5
check "… and the banner is gone" wait_gone 'You owe 1 check-in'
keys Escape
wait_for 'Objectives' 5

keys W
check "W opens the team rhythm of tuan's team" wait_for 'Team rhythm · Sales · week of 2026-11-23 · 2 of 2 behind' 5
check "it lists who has not checked in" wait_for '^ Not checked in this week'
check "… sarah with her last check-in" wait_for '@sarah +Sarah Miller +last check-in 2026-11-20 · 2 key results, 1 flagged'
check "and the key results quiet or at risk" wait_for 'K10 +quiet +@tuan +Win 40 qualified leads a month +last 2026-10-23'
check "… off track ones too" wait_for 'K9 +off track +@sarah'
# The first item is sarah (not checked in, sorted by login): kudos to her.
keys K
check "K on a person opens kudos prefilled with her login" wait_for 'To +sarah' 5
keys 'Thanks for chasing the conversion numbers' Enter   # the form starts on the message
check "the kudos is saved, to sarah" wait_for 'kudos sent to @sarah' 5
check "… and recorded for sarah" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' export --format json | grep -q 'Thanks for chasing the conversion numbers'"
check "the view stays open after the form" wait_for 'Team rhythm · Sales' 5
keys G m
check "m on the last key result opens a comment on it" wait_for 'Comment on K9' 5
keys 'Mobile flow: can design help this week?' Enter
wait_gone 'Comment on K9' 5
check "the comment is on K9" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' show K9 | grep -q 'can design help'"
keys g Enter
check "Enter on a person goes to one of their key results in the panes" wait_for 'Key results of O' 5
keys W
wait_for 'Team rhythm · Sales' 5
keys t
check "t steps to everyone" wait_for 'Team rhythm · everyone · week of 2026-11-23 · 6 of 8 behind' 5
keys t
check "… then to the first team" wait_for 'Team rhythm · Công ty' 5
keys : rhythm Enter
check ":rhythm closes it (a view's own command toggles)" wait_for 'Objectives' 5
keys : rhythm Enter
check ":rhythm opens it again, on the team chosen" wait_for 'Team rhythm · Công ty' 5
keys Escape
wait_for 'Objectives' 5

# Planning the next cycle: the demo has 2026-next in planning.  Only a lead
# copies objectives of other people: sarah is one.
tmux_cmd kill-session -t e2e
E2E_USER=sarah e2e_run 100 30
wait_for 'Objectives' 5
keys P
check "P opens the plan: from 2026-Q4 into 2026-next, everything picked" \
	wait_for 'Plan the next cycle · 2026-Q4 → 2026-next · 4 objectives, 10 key results' 5
check "a metric key result starts from its last value" wait_for 'K2 .* from 610 to 1000'
keys Space
check "Space drops the selected objective with its key results" wait_for '3 objectives, 8 key results' 5
keys Enter
check "Enter makes the plan" wait_for 'planned 2026-next: 3 objectives, 8 key results' 5
check "… and the cycle has them" sh -c "OKR_USER=sarah '$OKR_BIN' --db '$E2E_DB' list --cycle 2026-next | grep -q '^O5 '"
check "… nothing of O1 was copied" sh -c "! OKR_USER=sarah '$OKR_BIN' --db '$E2E_DB' list --cycle 2026-next | grep -q 'Trở thành công ty'"
check "okr is still running" pane_alive

# Someone who owes nothing gets no banner: the footer shows the key hints.
tmux_cmd kill-session -t e2e
E2E_USER=jing e2e_run 100 30
wait_for 'Objectives' 5
check "no banner for jing, who owes nothing" sh -c "screen_last=\$(tmux -L '$E2E_SOCK' capture-pane -p -t e2e | tail -1); echo \"\$screen_last\" | grep -q '? help' && ! echo \"\$screen_last\" | grep -q 'You owe'"
e2e_done
