#!/bin/sh
# Values as entered (issue 9): a check-in with more decimals than the key
# result's own is shown and prefilled exactly; the prefilled form saved
# unchanged writes nothing; the confirmation reads like `okr checkin`'s.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

checkins() {
	okr_as sarah show K2 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["checkins"]))'
}

okr_as sarah checkin K2 610.25 >/dev/null
check "another session's 610.25 shows unrounded" wait_for '610\.25 / 1000'
before=$(checkins)
keys Tab j c
check "the form prefills the value as entered" wait_for 'Value +610\.25 '
keys Enter
check "saving it unchanged says nothing changed" wait_for 'nothing changed — nothing was saved'
check "and writes no check-in" test "$(checkins)" = "$before"
keys c C-u 725 Enter
check "the confirmation reads like the CLI's" wait_for 'checked in K2: 725 / 1000 khách hàng  72%'
check "the new check-in is stored" test "$(checkins)" = "$((before + 1))"
e2e_done
