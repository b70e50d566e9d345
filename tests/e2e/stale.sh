#!/bin/sh
# Optimistic locking: an edit of something another person changed meanwhile
# is refused with a message naming them, and the typed text is kept.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
e2e_start 100 30

keys e
check "e opens the edit form with the title" wait_for 'Edit O1'
keys C-u 'My new title'
okr_as minh objective edit O1 --title 'Changed by Minh' >/dev/null 2>&1 || okr_as lan objective edit O1 --title 'Changed by Minh' >/dev/null
check "the change underneath shows in the pane, the form stays" wait_for 'Changed by Minh'
check "the form still has the typed text" wait_for 'My new title'
keys Enter
check "saving is refused, naming who changed it" wait_for 'changed by (minh|lan)'
check "the typed text is kept" wait_for 'My new title'
check "nothing was saved" sh -c "'$OKR_BIN' --db '$E2E_DB' show O1 --json | grep -q 'Changed by Minh'"
keys Escape
check "Esc closes the form" wait_gone 'Edit O1'
e2e_done
