#!/bin/sh
# The `:` line: a cycle that does not exist lists the cycles there are to
# pick from (no pointer to the command line).
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

keys : 'cycle 2027' Enter
check ":cycle 2027 says there is no such cycle and how many there are" wait_for "no cycle '2027' — there (is|are) [0-9]+" 5
check "… and lists them to pick from" wait_for 'Cycle — Enter picks, Esc closes'
check "… the cycles by name" wait_for '2026-Q4 +active'
check "… no pointer to the CLI" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q 'okr list'"
keys Escape
check "Esc closes the list" wait_gone 'Enter picks' 5
e2e_done
