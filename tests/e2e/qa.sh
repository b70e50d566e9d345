#!/bin/sh
# qa.sh — what the QA walk through the merged full-screen view found: each
# case failed before its fix.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../cli/lib_locale.sh"
need_locales

# At 80×24 the leaderboard takes the key results' place: a search typed
# there that finds a key result brings the key result pane back with it
# selected, instead of moving an unseen selection.
e2e_start 80 24
keys b
wait_for '^▶ Leaderboard' || { screen; echo "Bail out! no board pane"; exit 1; }
keys / 'loyalty' Enter
check "a search from the board shows the key result it found" wait_for '^▶ Key results of O4'
check "  … and the board gave way to it" wait_gone 'Leaderboard · people'

# K on a key result: the recipient is its owner, and what one types next
# is the message, not more letters of the login.
keys K
wait_for 'Kudos for the work on K8' || { screen; echo "Bail out! no kudos form"; exit 1; }
keys 'Great launch plan' Enter
check "K then typing sends kudos to the owner, with that message" wait_for 'kudos sent to @tuan' 5
check "  … and the kudos is recorded" sh -c "'$OKR_BIN' --db '$E2E_DB' export --format json | grep -q 'Great launch plan'"

# K on a person in the team rhythm who owns no key result (lan, the CEO)
# opens kudos for her instead of pointing to the command line.
keys W
wait_for 'Team rhythm · Sales' 5 || { screen; echo "Bail out! no rhythm view"; exit 1; }
keys t
wait_for 'Team rhythm · everyone' 5 || { screen; echo "Bail out! no everyone view"; exit 1; }
# Everyone, in order: hoa jing minh sarah tuan wei (behind), lan root (no key results).
keys g j j j j j j K
check "K on lan, who owns no key result, opens kudos for her" wait_for 'Kudos for @lan' 5
keys 'Thanks for the all-hands' Enter
check "  … and sends it" wait_for 'kudos sent to @lan' 5
check "  … recorded without a key result" sh -c "'$OKR_BIN' --db '$E2E_DB' export --format json | grep -q 'Thanks for the all-hands'"
keys Escape

# The team rhythm at the narrowest size okr draws (40 columns): each key
# result row keeps its owner whole, the date after it, not on top of it.
tmux_cmd kill-session -t e2e
tmux_cmd new-session -d -x 40 -y 14 -s e2e env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color \
	OKR_NOW=$E2E_NOW OKR_USER=sarah OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB"
wait_for 'Objectives' 5 || { screen; echo "Bail out! okr did not start at 40 columns"; exit 1; }
check "at 40 columns the cut header keeps a space before '1 due'" wait_for '… 1 due · ● live'
keys '?'
check "help at 40 columns says what a key does (the :name column gives way)" wait_for '│ q +Quit okr'
keys Escape
wait_gone 'Keys — Esc' || { screen; echo "Bail out! help did not close"; exit 1; }
keys W
wait_for 'Team rhythm' || { screen; echo "Bail out! no rhythm view"; exit 1; }
check "rhythm at 40 columns: K10's owner is whole, then its date" wait_for '^   K10 +quiet +@tuan +last 2'
keys Escape P
wait_for 'Plan the next cycle' || { screen; echo "Bail out! no plan view"; exit 1; }
check "plan at 40 columns: a key result keeps the start of its title" wait_for '\[x\] K1 +Phiên'

# The team rhythm in Vietnamese: "chậm tiến độ" (off track, 12 columns) is
# whole, and the owner column moves over for it.
tmux_cmd kill-session -t e2e
tmux_cmd new-session -d -x 100 -y 30 -s e2e env LOCPATH="$LOCPATH" LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 LANGUAGE= \
	TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=wei OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB"
wait_for 'Mục tiêu' 5 || { screen; echo "Bail out! okr did not start in Vietnamese"; exit 1; }
keys W
check "vi rhythm: the status word is whole, the owner after it" wait_for '^   K7 +chậm tiến độ +@jing '

e2e_done
