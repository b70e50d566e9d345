#!/bin/sh
# The people view (p) and its forms: an admin adds a person with a Chinese
# name, a role and a team, and changes a role; each person hides themselves
# from the leaderboard (and only themselves); a member is told what they may
# not change before a form opens; prefilled forms saved unchanged write nothing.
. "$(dirname "$0")/lib.sh"
E2E_USER=root         # the demo's admin
e2e_start 100 30

trail() { okr_as root log --limit 1; }
keys p
check "p lists the people" wait_for 'People · 8' 5
check "… with their names, roles and teams" wait_for '@lan +Nguyễn Thị Lan +lead +shown +Công ty'
keys a
check "a opens the add form" wait_for 'Add a person' 5
keys Tab '王芳'
check "the login is required" wait_for 'required'
keys BTab fang Tab Tab ' ' Tab Prod
check "the team is picked as typed" wait_for '→ Product'
keys Escape
check "Esc leaves nothing" sh -c "! OKR_USER=root '$OKR_BIN' --db '$E2E_DB' list --people | grep -q fang"
keys a fang Tab '王芳' Tab ' ' Tab Prod Enter
check "the person is added" wait_for 'added @fang as lead' 5
check "… with the name as typed, the role and the team" sh -c "OKR_USER=root '$OKR_BIN' --db '$E2E_DB' list --people | grep -Eq '^fang +王芳 +lead +Product'"
check "… and shown in the list" wait_for '@fang +王芳 +lead'
keys e
check "e on someone else: an admin gets name and role" wait_for 'Role +◂ lead ▸' 5
check "… but not their leaderboard choice" wait_gone 'Leaderboard +◂'
before=$(trail)
keys Enter
check "saved unchanged, it writes nothing" wait_for 'nothing changed — nothing was saved' 5
check "… nothing" test "$(trail)" = "$before"
keys e Tab h Enter
check "a role is changed" wait_for 'saved @fang' 5
check "… as the CLI shows" sh -c "OKR_USER=root '$OKR_BIN' --db '$E2E_DB' list --people | grep -Eq '^fang +王芳 +member'"

e2e_as tuan 100 30
wait_for 'Objectives' 5
keys p a
check "a member is told who adds people" wait_for 'only an admin adds people' 5
keys e
check "the view opens on the viewer: their own form has their name and the leaderboard, no role" wait_for 'Leaderboard +◂ shown ▸' 5
check "… no role" wait_gone 'Role +◂'
keys Tab ' '
check "… hidden says what it means" wait_for 'the public ranking leaves you out'
keys Enter
check "they leave the leaderboard" wait_for '@tuan +Phạm Anh Tuấn +member +hidden' 5
check "… as the history says" sh -c "OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' log --limit 1 | grep -q 'left the public leaderboard'"
keys g e
check "someone else: what they may not change, with kudos offered" wait_for 'only @fang, leads and admins change @fang — K gives them kudos' 5
check "… no form" wait_gone 'Change @fang'
keys K
check "… and K opens kudos for them" wait_for 'Kudos for @fang' 5
keys Escape
keys G k e Tab Tab Mark
check "a member joins a team themselves, picked as typed" wait_for '→ Marketing' 5
keys Enter
check "… saved" wait_for '@tuan +Phạm Anh Tuấn +member +hidden +Marketing, Sales|@tuan +Phạm Anh Tuấn +member +hidden +Sales, Marketing' 5

e2e_as lan 100 30      # a lead
keys p
wait_for 'People · 9' 5
keys g e
check "a lead on someone else gets only the team to join" wait_for 'Change @fang' 5
check "… no name" wait_gone 'Name +王芳'
keys Nobody
check "… a new team is an admin's to make" wait_for "no team's name begins so"
keys C-u Sales Enter
check "… and adds them to one" wait_for '@fang +王芳 +member +shown +Product, Sales' 5
e2e_done
