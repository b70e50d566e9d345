#!/bin/sh
# A form whose height changes (a key result's type hides fields, an error
# line comes and goes) leaves no trace of its old border on screen.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
e2e_start 100 30

corners() { screen | grep -c '└'; }
keys a
check "a opens the add-key-result form" wait_for 'Add a key result to O1' 5
check "… with Target, Start and Unit for a metric" wait_for 'Unit'
tall=$(screen | grep -n '└' | cut -d: -f1)
keys Tab ' ' ' '
check "a milestone has no target: the fields go" wait_gone 'Target' 5
check "… and the form's old bottom border goes with them" test "$(corners)" = 1
check "… the new border is higher up" test "$(screen | grep -n '└' | cut -d: -f1)" -lt "$tall"
check "… and below it no side of the old box is left" sh -c "! { $(command -v tmux) -L '$E2E_SOCK' capture-pane -p -t e2e | sed -n '$(( $(screen | grep -n '└' | cut -d: -f1) + 1 )),\$p' | grep -q '│'; }"
keys ' '
check "back to a metric, the fields return" wait_for 'Target' 5
check "… one border" test "$(corners)" = 1
keys Escape
check "Esc leaves nothing behind" wait_gone '└' 5
e2e_done
