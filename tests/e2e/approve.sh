#!/bin/sh
# Fair points in the TUI (issue 9): a member's own key result says it earns
# nothing until approved; a lead approves it with :approve, the store
# refuses the member's own approval with the CLI's words.
. "$(dirname "$0")/lib.sh"
e2e_start 170 40

okr_as tuan objective add "Tuấn tự đặt" >/dev/null
okr_as tuan kr add O5 "Gọi 50 khách hàng" --target 50 >/dev/null
check "the member's new objective appears live" wait_for 'O5 +Tuấn tự đặt'
keys j j j j
check "O5 is selected" wait_for 'Key results of O5'
keys Tab
check "the detail says K11 earns nothing yet" wait_for 'set by its owner alone: earns no points until a lead approves it'
keys : approve Enter
check "a lead approves it" wait_for 'K11 approved: its progress now earns points'
check "… and the note is gone" wait_gone 'set by its owner alone'
okr_as tuan kr add O5 "Thêm một" --target 5 >/dev/null
OKR_USER=tuan "$OKR_BIN" --db "$E2E_DB" kr approve K12 >/dev/null 2>"$E2E_DIR/err"
check "the member cannot approve their own" grep -q 'only a lead or an admin approves key results' "$E2E_DIR/err"
e2e_done
