#!/bin/sh
# The cycle forms of the cycle list (C, then a or e): a new cycle is
# suggested after the last one, its dates are checked as typed, Esc leaves
# nothing, an edit is prefilled and saved unchanged writes nothing, and a
# member is told who may before any form opens.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan          # a lead
e2e_start 100 30

trail() { okr_as lan log --limit 1; }
keys C
check "the cycle list says how to add and edit" wait_for 'a add · e edit' 5
check "… and shows each cycle's dates" wait_for '2026-next +2026-12-25 → 2027-03-25 +planning'
keys a
check "a in the cycle list opens the add form" wait_for 'Add a cycle' 5
check "… the start suggested after the last cycle" wait_for 'Start +2027-03-26'
keys 'Quý 2 năm 2027 · 第二季度' Tab C-u 2027-13-01
check "a date that does not parse is an error as typed" wait_for 'a date as YYYY-MM-DD'
keys C-u 2027-06-30 Tab C-u 2027-04-01
check "an end before the start is refused as typed" wait_for 'the cycle ends before it starts'
check "… and the form cannot be saved" wait_for 'fix the errors to save'
keys Escape
check "Esc leaves nothing" sh -c "! OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' cycle list | grep -q 'Quý 2'"
keys C a 'Quý 2 năm 2027 · 第二季度' Tab C-u 2027-04-01 Tab C-u 2027-06-30 Enter
check "the cycle is added, as typed" wait_for 'added the cycle Quý 2 năm 2027 · 第二季度 \(2027-04-01 → 2027-06-30\)' 5
check "… the CLI lists it" sh -c "OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' cycle list | grep -q '2027-04-01 → 2027-06-30  planning'"
keys C
check "… and so does the cycle list" wait_for 'Quý 2 năm 2027 · 第… 2027-04-01 → 2027-06-30' 5
keys j j e
check "e edits the selected cycle, prefilled" wait_for 'Name +Quý 2 năm 2027 · 第二季度' 5
check "… with its dates" wait_for 'End +2027-06-30'
before=$(trail)
keys Enter
check "saved unchanged, it says so" wait_for 'nothing changed — nothing was saved' 5
check "… and writes nothing" test "$(trail)" = "$before"
keys C j j e Tab C-u 2027-03-01 Enter
check "an overlap is the store's refusal, shown in the form" wait_for 'overlaps cycle' 5
check "… with what was typed kept" wait_for 'Start +2027-03-01'
keys C-u 2027-04-05 Enter
check "a changed date is saved" wait_for 'saved the cycle Quý 2' 5
check "… as the CLI shows" sh -c "OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' cycle list | grep -q '2027-04-05 → 2027-06-30'"

e2e_as hoa 100 30
wait_for 'Objectives' 5
keys C a
check "a member is told who adds cycles, and no form opens" wait_for 'only a lead or admin adds and changes cycles' 5
check "… no form" wait_gone 'Add a cycle'
e2e_done
