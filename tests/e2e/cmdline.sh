#!/bin/sh
# The `:` line: a cycle that does not exist lists the cycles there are to
# pick from (no pointer to the command line); Tab completes command names
# and their arguments; an unknown command suggests the nearest.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

keys : 'cycle 2027' Enter
check ":cycle 2027 says there is no such cycle and how many there are" wait_for "no cycle '2027' — there (is|are) [0-9]+" 5
check "… and lists them to pick from" wait_for 'Cycle — Enter picks · a add · e edit · Esc closes'
check "… the cycles by name" wait_for '2026-Q4 +2026-09-25 → 2026-12-24  active'
check "… no pointer to the CLI" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q 'okr list'"
keys Escape
check "Esc closes the list" wait_gone 'Enter picks' 5

keys : ch Tab
check "Tab completes a unique command name" wait_for '^:checkin *$' 5
keys C-u c Tab
check "several matches are listed beside the prompt" wait_for '^:c .*checkin +comment +cycle' 5
keys C-u 'cy' Tab 2026
check "a command that takes an argument gets a space after it" wait_for '^:cycle 2026$' 5
keys Tab
check "Tab on the argument fills in what the cycle names share, and lists them" \
	wait_for '^:cycle 2026- .*2026-Q4 +2026-next' 5
keys Q Tab
check "… and completes a unique one" wait_for '^:cycle 2026-Q4$' 5
keys Enter
check "… and the completed line runs" wait_gone '^:cycle' 5
keys : 'log K1' Tab
check "IDs complete after :log, listing the choices" wait_for '^:log K1 +K1 +K10' 5
keys Escape : 'theme hig' Tab
check "theme names complete" wait_for '^:theme high-contrast' 5
keys Escape : 'quit x' Tab
check "a command that takes nothing says so" wait_for ':quit takes nothing after it' 5
keys Escape : 'chekin' Enter
check "an unknown command suggests the nearest" wait_for "unknown command ':chekin' — did you mean :checkin\?" 5
keys : 'frobnicate' Enter
check "… and without a near one says how to find them" wait_for "unknown command ':frobnicate' — Tab completes a name" 5
e2e_done
