#!/bin/sh
# Optimistic locking: an edit of something another person changed meanwhile
# is refused with a message naming them and showing their version; the typed
# text is kept; Esc drops ours, Enter then saves ours over theirs knowingly.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
e2e_start 100 30

keys e
check "e opens the edit form with the title" wait_for 'Edit O1'
keys C-u 'My new title'
okr_as lan objective edit O1 --title 'Changed by Minh' >/dev/null
check "the change underneath shows in the pane, the form stays" wait_for 'Changed by Minh'
check "the form still has the typed text" wait_for 'My new title'
keys Enter
check "saving is refused, naming who changed it" wait_for '@lan changed O1 at .* while you were'
check "… showing their version" wait_for 'is “Changed by Minh”'
check "… and what each key does now" wait_for 'Esc drops yours'
check "the typed text is kept" wait_for 'My new title'
check "nothing was saved" sh -c "'$OKR_BIN' --db '$E2E_DB' show O1 --json | grep -q 'Changed by Minh'"
keys Escape
check "Esc drops ours and closes the form" wait_gone 'Edit O1'
check "… theirs stays" sh -c "'$OKR_BIN' --db '$E2E_DB' show O1 --json | grep -q 'Changed by Minh'"

keys e
wait_for 'Edit O1' 5
keys C-u 'Mine after all'
okr_as lan objective edit O1 --title 'Minh again' >/dev/null
wait_for 'Minh again' 5
keys Enter
check "a second stale edit is refused the same way" wait_for 'is “Minh again”' 5
keys Enter
check "Enter then saves ours over theirs" wait_for 'saved O1' 5
check "… and ours is stored" sh -c "'$OKR_BIN' --db '$E2E_DB' show O1 --json | grep -q 'Mine after all'"
e2e_done
