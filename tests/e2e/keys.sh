#!/bin/sh
# keys.sh — an action bound to several keys in okr.conf keeps all of them
# (`quit = "q F10";` used to leave only F10), and help lists them in order.
. "$(dirname "$0")/lib.sh"
printf 'keys = { quit = "q F10"; down = "J C-n"; };\n' >"$OKR_CONFIG"

e2e_start 120 40
keys ?
check "help lists both quit keys" wait_for 'q, F10 +:quit'
check "and both down keys" wait_for 'J, C-n +:down'
keys Escape
check "help closes" wait_gone 'Keys — Esc'
keys F10
check "F10 quits" wait_dead

e2e_run 120 40
check "okr starts again" wait_for 'Objectives' 5
keys q
check "q quits too" wait_dead
e2e_done
