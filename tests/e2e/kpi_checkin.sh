#!/bin/sh
# A key result that takes its value from a KPI refuses a check-in in the
# store itself, so the TUI form shows the same message as `okr checkin`.
. "$(dirname "$0")/lib.sh"
E2E_USER=jing
e2e_start 100 30

keys j j
check "O3 is selected" wait_for 'Key results of O3'
keys Tab j j c
check "c opens the form for K7, which tracks a KPI" wait_for 'Check in K7'
keys C-u 90 Enter
check "the save is refused with the CLI's words" wait_for 'K7 takes its value from KPI5'
check "the form stays open with what was typed" wait_for 'Value +90 '
keys Escape
check "nothing was written" sh -c "'$OKR_BIN' --db '$E2E_DB' show K7 --json | grep -q '\"current\": 83'"
OKR_USER=jing "$OKR_BIN" --db "$E2E_DB" checkin K7 90 >/dev/null 2>"$E2E_DIR/err"
check "okr checkin says the same" grep -q 'K7 takes its value from KPI5' "$E2E_DIR/err"
e2e_done
