#!/bin/sh
# Team settings are announced live: a lead's `okr settings set` in another
# shell changes an open okr board (points and bands) without a key press,
# and the TUI's leaderboard pane shows the new scores the same way.
#
# Demo standings in the cycle window at the start: sarah 260, wei 202,
# hoa 156, jing 154, tuan 85, minh 20, lan 5, root 0 (root made the demo).
. "$(dirname "$0")/lib.sh"
T=20   # generous: the machine is shared

E2E_USER=tuan e2e_run 40 12 board --window cycle
check "the cycle board starts with Sarah first at 260" wait_for '^ +1 +– +Sarah Miller \(@sarah\) +260$' $T
check "  the viewer fifth at 85" wait_for '^▶ +5 .*\(@tuan\) +85$' $T

okr_as root settings set gamification.progress_xp 0 >/dev/null
check "a lead's change of the rules rescores the open board without a key press" \
	wait_gone 'Sarah Miller \(@sarah\) +260$' $T
check "  the viewer's points are those of the new rules" \
	sh -c "okr_pts=\$(OKR_USER=tuan '$OKR_BIN' --db '$E2E_DB' board --once --window cycle | sed -n 's/^▶.*(@tuan) *\\([0-9]*\\).*/\\1/p');
	       tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -Eq \"^▶ .*\\(@tuan\\) +\$okr_pts\$\" && [ \"\$okr_pts\" != 85 ]"

okr_as root settings set leaderboard.top 2 >/dev/null
okr_as root settings set leaderboard.bands true >/dev/null
check "bands switched on by the lead show on the open board: the viewer in a band" wait_for '^▶ +· +.*\(@tuan\)' $T
check "  and only the top 2 ranked" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -Eq '^ +3 '"
check "okr board is still running" pane_alive

# The full-screen view: its leaderboard pane follows the rules the same way.
okr_as root settings set gamification.progress_xp 100 >/dev/null
E2E_USER=sarah e2e_run 120 40
check "the TUI starts with its leaderboard" wait_for 'Leaderboard · people · this week' $T
keys w
check "  in the cycle window: Sarah at 260" wait_for ' 1 .* Sarah Miller +L2 +260' $T
okr_as root settings set gamification.progress_xp 0 >/dev/null
check "a lead's change rescores the TUI's pane without a key press" wait_for ' 1 .* Sarah Miller +L2 +170' $T
e2e_done
