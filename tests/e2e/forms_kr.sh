#!/bin/sh
# The key-result forms with the fields the command line offers: edit is
# prefilled with owner, target, weight, due date and KPI; saved unchanged it
# writes nothing; the owner and the KPI are picked as typed; the due date is
# checked as typed; add takes an owner, a weight and a due date.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
e2e_start 100 30

trail() { okr_as lan log --limit 1; }
shows() { OKR_USER=lan "$OKR_BIN" --db "$E2E_DB" show "$1" --json | grep -q -- "$2"; }
before=$(trail)
keys Tab j e
check "e on a key result opens its fields" wait_for 'Edit K2' 5
check "… prefilled: the owner, with the name" wait_for '→ @sarah Sarah Miller'
check "… the target" wait_for 'Target +1000'
check "… the weight and the KPI it takes its value from (none)" wait_for 'KPI +│|KPI +its value comes'
keys Enter
check "saved unchanged, it writes nothing" wait_for 'nothing changed — nothing was saved' 5
check "… nothing" test "$(trail)" = "$before"

keys e
wait_for 'Edit K2' 5
keys Tab C-u tu
check "the owner is picked as typed" wait_for '→ @tuan Phạm Anh Tuấn' 5
keys Tab Tab Tab Tab Tab C-u 2026-13-01
check "a due date that is no date is refused as typed" wait_for 'a date as YYYY-MM-DD' 5
keys C-u 2026-12-15 Tab C-u Capa
check "the KPI is picked by the start of its name" wait_for '→ KPI5 Capacity utilisation' 5
keys Enter
check "the edit is saved" wait_for 'saved K2' 5
check "… the new owner" shows K2 '"owner": "tuan"'
check "… the due date" shows K2 '"due": "2026-12-15"'
check "… and the KPI link, in the same transaction" shows K2 '"kpi": "KPI5"'

keys a
check "a opens the add form with owner, weight and due date" wait_for 'Due +' 5
check "… the owner defaults to the viewer" wait_for '→ @lan Nguyễn Thị Lan'
keys 'Sign 20 partners' Tab Tab 20 Tab Tab Tab C-u 'Lê' Tab C-u 2 Tab 2026-12-20 Enter
check "the key result is added" wait_for 'added K11' 5
check "… owned by the person picked by name" shows K11 '"owner": "hoa"'
check "… with its weight and due date" shows K11 '"due": "2026-12-20"'
plain() { OKR_USER=lan "$OKR_BIN" --db "$E2E_DB" show "$1" | grep -q -- "$2"; }
check "… checked in weekly unless told" plain K11 'check-ins weekly'
keys a 'Đếm hàng ngày · 每日' Tab Tab 5 Tab Tab Tab Tab Tab Tab ' '
check "the check-in frequency is a choice of the add form, as --every" wait_for 'Check-ins +◂ monthly ▸' 5
keys Enter
check "… saved" wait_for 'added K12' 5
check "… with it" plain K12 'check-ins monthly'
e2e_done
