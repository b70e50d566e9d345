#!/bin/sh
# The objective forms with every field the command line offers: prefilled
# when editing, saved unchanged they write nothing, people and teams picked
# by login or name as typed (several matches are named, none is an error),
# the weight checked as typed; what is saved is what the CLI shows.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
e2e_start 100 30

trail() { okr_as lan log --limit 1; }
json() { okr_as lan show "$1" --json; }
before=$(trail)
keys e
check "e on an objective opens every field" wait_for 'Weight +1' 5
check "… prefilled: its title" wait_for 'Title +Trở thành công ty hàng đầu'
check "… its team" wait_for 'Team +Công ty'
check "… its owner, shown with the name" wait_for '→ @lan Nguyễn Thị Lan'
keys Enter
check "saved unchanged, it says so" wait_for 'nothing changed — nothing was saved' 5
check "… and writes nothing" test "$(trail)" = "$before"

keys e
wait_for 'Weight' 5
keys Tab Tab Tab Tab C-u l
check "a picker names several matches" wait_for '2 match: @hoa, @lan' 5
check "… and the form cannot be saved" wait_for 'fix the errors to save'
keys C-u zz
check "no match is an error that says what to type" wait_for "nobody's login or name begins so"
keys C-u 'tran van'
check "a display name typed without its accents picks the person" wait_for '→ @minh Trần Văn Minh' 5
keys C-u 'Trần'
check "a display name picks the person" wait_for '→ @minh Trần Văn Minh' 5
keys Tab ' ' Tab C-u 2.5 Enter
check "the edit is saved" wait_for 'saved O1' 5
check "… with the owner picked by name" sh -c "OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' show O1 --json | grep -q '\"owner\": \"minh\"'"
check "… the kind (it was aspirational)" sh -c "OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' show O1 --json | grep -q '\"kind\": \"committed\"'"
keys e
check "… and the weight, as typed: the form shows it again" wait_for 'Weight +2.5' 5
keys Escape

keys O
check "O opens the add form with every field" wait_for 'Add an objective' 5
check "… the owner defaults to the viewer" wait_for '→ @lan Nguyễn Thị Lan'
keys 'Grow in Vietnam' Tab 'Mở rộng thị trường' Tab C-u '打造'
check "the objective it aligns to is picked by the start of its title" wait_for '→ O3 打造高性能网站' 5
keys C-u Tab Mark
check "a team is picked as typed" wait_for '→ Marketing' 5
keys Tab Tab Tab C-u 0
check "a weight of 0 is refused as typed" wait_for 'a weight above 0'
keys C-u 3 Enter
check "the objective is added" wait_for 'added O5' 5
check "… with its team and description" sh -c "OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' show O5 --json | grep -q '\"team\": \"Marketing\"'"
check "… at the top level" sh -c "! OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' show O5 --json | grep -q '\"parent\": \"O'"
keys O 'Nothing' Escape
check "Esc on a filled form leaves nothing behind" sh -c "! OKR_USER=lan '$OKR_BIN' --db '$E2E_DB' list | grep -q Nothing"
e2e_done
