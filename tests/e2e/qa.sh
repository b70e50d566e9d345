#!/bin/sh
# qa.sh — what the QA walk through the merged full-screen view found: each
# case failed before its fix.
. "$(dirname "$0")/lib.sh"

# At 80×24 the leaderboard takes the key results' place: a search typed
# there that finds a key result brings the key result pane back with it
# selected, instead of moving an unseen selection.
e2e_start 80 24
keys b
wait_for '^▶ Leaderboard' || { screen; echo "Bail out! no board pane"; exit 1; }
keys / 'loyalty' Enter
check "a search from the board shows the key result it found" wait_for '^▶ Key results of O4'
check "  … and the board gave way to it" wait_gone 'Leaderboard · people'

e2e_done
