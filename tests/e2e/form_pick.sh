#!/bin/sh
# The list a form's person, team, KPI or objective field picks from: a
# screen over the form (form-pick, C-o), listing what begins as typed;
# Enter puts the selected one in, Esc closes just the list, ? lists its
# keys, a resize keeps it, and a rebound key opens it and is named.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
cat >"$OKR_CONFIG" <<'CONF'
keys = { form-pick = "F2"; pick-cancel = "C-g"; };
CONF
e2e_start 100 30

keys e
check "e opens the objective's form" wait_for 'Weight +1' 5
keys Tab Tab Tab Tab
check "on the owner its footer names the list's key as bound" wait_for 'Enter save · Esc cancel · Tab next field · F2 list'
keys C-u l
check "two people begin so" wait_for '2 match: @hoa, @lan' 5
keys F2
check "F2 lists them over the form" wait_for 'Owner — pick one'
check "… both" wait_for '@hoa +'
check "… with their names" wait_for '@lan +Nguyễn Thị Lan'
check "… and its keys, as bound" wait_for 'Enter picks · C-g closes'
keys '?'
check "? lists the list's keys" wait_for 'C-g +Close the list: the field stays as typed'
keys x
check "any key closes the help, the list stays" wait_gone 'Close the list: the field'
check "… still open" wait_for 'Owner — pick one'
tmux_cmd resize-window -t e2e -x 120 -y 34
check "a resize keeps the list open" wait_for 'Owner — pick one'
tmux_cmd resize-window -t e2e -x 100 -y 30
keys C-g
check "its cancel key closes just the list" wait_gone 'Owner — pick one'
check "… the form stays, as typed" wait_for '2 match: @hoa, @lan'
keys F2 j Enter
check "j, Enter picks the second: it goes into the field" wait_for '→ @lan Nguyễn Thị Lan'
check "… and the list is gone" wait_gone 'pick one'
keys C-u zz F2
check "nothing begins so: everyone is listed" wait_for 'nothing begins so, all shown'
keys Escape
check "Esc closes the list too" wait_gone 'pick one'
keys BTab F2
check "on the team field it lists the teams" wait_for 'Team — pick one'
check "… by name" wait_for 'Công ty'
keys Escape BTab F2
check "on the alignment field, the objectives by ID and title" wait_for 'O1 +Trở thành công ty hàng đầu'
keys Escape Tab Tab
keys Tab
check "the weight is no field to pick for" wait_gone 'F2 list'
keys F2
check "… its key does nothing there" wait_gone 'pick one'
keys Escape
check "Esc cancels the form" wait_for 'cancelled — nothing was saved'
e2e_done
