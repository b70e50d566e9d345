#!/bin/sh
# Archive from the full-screen view (X): a confirmation that says what goes
# with the item; n or Esc keeps it and writes nothing; y archives; u brings
# back the last item archived since okr was opened; :unarchive ID anything.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
e2e_start 100 30

trail() { okr_as lan log --limit 1; }
before=$(trail)
keys X
check "X asks first, naming the objective" wait_for 'Archive O1\? Its 2 key results go with it; 9 check-ins'
check "… says what happens to the objectives aligned to it" wait_for '3 objectives aligned'
check "… and which keys do what" wait_for 'y: archive +n or Esc: keep it'
keys n
check "n keeps it, and says so" wait_for 'kept O1 — nothing was archived'
check "… nothing was written" test "$(trail)" = "$before"
keys X
wait_for 'Archive O1\?'
keys Escape
check "Esc keeps it too" wait_for 'kept O1'
check "… still nothing written" test "$(trail)" = "$before"

keys X
wait_for 'Archive O1\?'
keys y
check "y archives it" wait_for 'archived O1 — u brings it back' 5
check "… it leaves the list" wait_gone 'O1 +Trở thành' 5
check "… its aligned objectives move to the top level" wait_for '^  O2 +Mở rộng'
check "… and the trail says so" sh -c "OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' log O1 --limit 1 | grep -q '@lan .*archived'"
keys u
check "u brings it back" wait_for 'O1 is back from the archive' 5
check "… in the list again" wait_for 'O1 +Trở thành công ty'
keys u
check "u with nothing left to undo says so" wait_for 'nothing to undo'

keys Tab j X
check "X on a key result says its objective's progress changes" \
	wait_for 'Archive K2\? It leaves O1, whose progress is then computed' 5
keys y
check "the key result is archived" wait_gone 'K2 +Đạt được' 5
keys : 'unarchive ' Tab
check "Tab after :unarchive offers what was archived here" wait_for '^:unarchive K2$' 5
keys Enter
check ":unarchive K2 brings it back" wait_for 'K2 is back from the archive' 5
check "… in its objective again" wait_for 'K2 +Đạt được'
keys : unarchive ' K2' Enter
check ":unarchive of something not archived says so" wait_for 'K2 is not archived' 5
keys : unarchive ' soup' Enter
check ":unarchive with no ID says what to give" wait_for "':unarchive soup' — give an objective or key result ID"
e2e_done
