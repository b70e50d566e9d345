#!/bin/sh
# A check-in through the form: prefilled, validated as typed, saved to the
# database and shown; Esc writes nothing.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

keys Tab j c
check "c opens the check-in form for the selected key result" wait_for 'Check in K2'
check "the value is prefilled with the last one" wait_for 'Value +610'
check "the confidence is prefilled" wait_for 'Confidence +7'
keys C-u '12abc'
check "a bad number is refused as typed" wait_for 'not a number'
check "save is disabled while a field is wrong" wait_for 'fix the errors to save'
keys Escape
check "Esc cancels and says nothing was saved" wait_for 'nothing was saved'
check "nothing was written" sh -c "okr_out=\$(OKR_USER=sarah '$OKR_BIN' --db '$E2E_DB' show K2 --json); echo \"\$okr_out\" | grep -q '\"current\": 610'"
keys c C-u 725 Tab Tab 'on track after the webinar' Enter
check "the new value shows on screen" wait_for '725 / 1000'
check "the confirmation reads like okr checkin's" wait_for 'checked in K2: 725 / 1000 khách hàng  72%'
check "the database has it" sh -c "'$OKR_BIN' --db '$E2E_DB' show K2 --json | grep -q '\"current\": 725'"
check "with the note" sh -c "'$OKR_BIN' --db '$E2E_DB' show K2 --json | grep -q 'after the webinar'"
e2e_done
