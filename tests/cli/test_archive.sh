#!/bin/sh
# test_archive.sh — okr objective|kr archive say what goes with the item and
# are refused from a script without --yes (nothing written); --yes, -y and
# --force archive; unarchive brings the item back; the trail records both.
. "$(dirname "$0")/lib.sh"

fresh_db
okr kr add O1 "Revenue" --target 10 >/dev/null                       # K2
okr objective add "Grow in Asia" --parent O1 >/dev/null               # O2, aligned to O1
okr checkin K1 5 >/dev/null
okr checkin K1 7 >/dev/null
okr comment K1 "on track" >/dev/null

refused 2 "Archive O1? Its 2 key results go with it; 2 check-ins and 1 comment are kept" \
	okr objective archive O1 </dev/null
expect_err_contains 2 "1 objective aligned to it moves to the top level" okr objective archive O1 </dev/null
expect_err_contains 2 "add --yes to archive from a script" okr objective archive O1 </dev/null
refused 2 "Archive K1? It leaves O1, whose progress is then computed without it; its 2 check-ins and 1 comment" \
	okr kr archive K1 </dev/null

expect_exit 0 okr kr archive K2 --yes
run okr show O1
check "$(! grep -q 'Revenue' "$OUT" && echo 0)" "an archived key result is not shown with its objective"
expect_exit 0 okr kr unarchive K2
expect_out_contains "Revenue" okr show O1
expect_err_contains 3 "K2 is not archived" okr kr unarchive K2

expect_exit 0 okr objective archive O1 -y
run okr list
check "$(! grep -q 'Grow the user base' "$OUT" && echo 0)" "an archived objective is not listed"
expect_out_contains "Grow in Asia" okr list
expect_exit 0 okr objective unarchive O1
expect_out_contains "Grow the user base" okr list
expect_out_contains "7 / 100" okr show K1
expect_exit 0 okr objective archive O2 --force
expect_err_contains 3 "O1 is not archived" okr objective unarchive O1

run okr log O1 --limit 2
check "$(head -1 "$OUT" | grep -q 'brought back from the archive' && sed -n 2p "$OUT" | grep -q 'archived' && echo 0)" \
	"the trail says who archived and who brought it back"

okr person add bob >/dev/null
OKR_USER=bob run okr objective archive O1 --yes
check "$([ "$rc" = 6 ] && echo 0)" "a member cannot archive someone else's objective (exit 6)"
okr objective archive O1 --yes >/dev/null
OKR_USER=bob run okr objective unarchive O1
check "$([ "$rc" = 6 ] && grep -q 'bring it back' "$ERR" && echo 0)" "… nor bring it back"
finish
