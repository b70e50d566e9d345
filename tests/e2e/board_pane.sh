#!/bin/sh
# The leaderboard pane: the score core's board with ranks, levels and
# scores at 120×40 and (via b) at 80×24; w and t switch window and kind;
# Enter opens a person's page with level, badges and what earned it; and
# movement "since you last looked" across two sessions.
. "$(dirname "$0")/lib.sh"

# Run okr again in a fresh pane of the same server, same database.
restart() {
	e2e_replace "$1" "$2" \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=sarah \
		OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB"
	wait_for 'Objectives' 10 || { screen; echo "Bail out! okr did not start again"; exit 1; }
}

e2e_start 120 40
check "the wide layout shows the leaderboard" wait_for 'Leaderboard · people · this week' 5
check "its columns" wait_for '# move seen Person +lvl +score'
check "people are ranked, ties sharing rank 1 with nothing yet this week" wait_for ' 1 .* Sarah Miller +L2 +0'
keys w
check "w switches to this cycle" wait_for 'Leaderboard · people · this cycle'
check "ranked by points with their level" wait_for ' 1 .* Sarah Miller +L2 +260'
check "the second place" wait_for ' 2 .* 王伟 +L2 +202'
check "the viewer's row is on screen" wait_for 'root +L1 +0'
keys t
check "t switches to teams" wait_for 'Leaderboard · teams · this cycle'
check "a team's average and size" wait_for ' 1 .* Product +2 +178\.0'
keys t
check "t again: people" wait_for 'Leaderboard · people · this cycle'
keys Enter
check "Enter opens the selected person (the viewer)" wait_for '@sarah · Enter or h: back'
check "their level and XP" wait_for '[0-9]+ / [0-9]+ XP to level 3'
check "their badges with dates" wait_for '★ First check-in +20[0-9-]+'
check "what earned it, event by event" wait_for 'What earned it \([0-9]+, newest first\)'
check "an explanation line as okr show --points words it" wait_for 'progress on K[0-9]+: best'
# The page is a screen of its own, living in the leaderboard pane.
keys '?'
check "? on the page lists its keys first" wait_for "On a person's page"
check "its back key, as bound" wait_for "Enter, h, Left +Back from a person's page"
keys Escape
check "Esc closes the help, the page stays" wait_for '@sarah · Enter or h: back'
keys G
check "G scrolls the page to its last line" wait_gone 'level [0-9]+ '
tmux_cmd resize-window -t e2e -x 160 -y 40
check "a resize keeps the page open" wait_for '@sarah · Enter or h: back'
tmux_cmd resize-window -t e2e -x 120 -y 40
keys Tab
check "Tab leaves the page for another pane; it stays" wait_for '@sarah · Enter or h: back'
keys '?'
check "? there explains the main screen first" wait_for "q +:quit +Quit okr"
check "... not the page" wait_gone "On a person's page"
keys Escape BTab
check "Esc closes just the page" wait_for '@sarah · Enter or h: back'
keys Escape
check "... and the board is back" wait_for 'Leaderboard · people · this cycle'
keys Enter
check "Enter opens the page again" wait_for '@sarah · Enter or h: back'
keys h
check "h goes back to the board" wait_for 'Leaderboard · people · this cycle'
keys q
check "q quits (and records what Sarah saw)" wait_gone 'Objectives' 5

# Someone overtakes everyone while Sarah is away.
okr_as tuan checkin K8 done -m 'launched' >/dev/null
printf 'leaderboard = { window = "cycle"; };\n' >"$OKR_CONFIG"
restart 80 24
check "80×24: the board is one key away" wait_gone 'Leaderboard'
keys b
check "b shows the board in the lower slot" wait_for 'Leaderboard · people · this cycle'
check "the new leader moved up since Monday and since Sarah last looked" wait_for ' 1 ▲4 +▲4 +Phạm Anh Tuấn'
check "Sarah sees she dropped one since she last looked" wait_for ' 2 ▼1 +▼1 +Sarah Miller'
keys j Enter
check "Enter on someone else opens their page" wait_for '@wei · Enter or h: back'
e2e_done
