#!/bin/sh
# ? shows every action with its keys from the key map, and : runs actions by
# name; a rebinding in okr.conf shows in the help.
. "$(dirname "$0")/lib.sh"
printf 'keys = { checkin = "i"; };\n' >"$OKR_CONFIG"
e2e_start 120 40

keys ?
check "? opens the help" wait_for 'Keys — Esc'
check "with the key names from the table" wait_for 'j, Down +:down'
check "and rebinding from okr.conf" wait_for 'i +:checkin'
keys Escape
check "Esc closes it" wait_gone 'Keys — Esc'
keys : 'theme nosuch' Enter
check ":theme with an unknown name lists the themes" wait_for "no theme 'nosuch' — themes: .*default"
keys : 'theme light' Enter
check ":theme NAME switches" wait_for 'theme light'
keys : 'help' Enter
check ":help runs the action by name" wait_for 'Keys — Esc'
e2e_done
