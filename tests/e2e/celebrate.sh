#!/bin/sh
# Celebrations: another person's check-in that takes a key result over 0.7
# shows a banner on the open screen without a key press; banners queue one
# after another and go by themselves; a rank change is visible at once; an
# open form is left alone; with reduced_motion the news is a plain message.
. "$(dirname "$0")/lib.sh"
e2e_start 120 40
check "the board is on screen" wait_for 'Leaderboard · people · this week' 5

okr_as sarah checkin K2 700 -m 'big webinar week' >/dev/null
check "crossing 0.7 shows a banner without a key press" wait_for "🎉 Sarah Miller's K2 reached 70 % — Đạt được" 3
check "Sarah leads this week's board at once" wait_for ' 1 –  +.* Sarah Miller +L[0-9]+ +70'
check "the banner goes by itself" wait_gone 'reached 70 %' 10

okr_as tuan checkin K8 done -m 'launched' >/dev/null
check "a milestone done: reached 100 %" wait_for "Phạm Anh Tuấn's K8 reached 100 %" 3
check "the rank change is visible: a new leader" wait_for ' 1 .* Phạm Anh Tuấn +L2 +[0-9]+'
check "and Sarah second" wait_for ' 2 .* Sarah Miller'
check "the rows whose rank moved are lit (rank.up / rank.down)" sh -c \
	"tmux -L '$E2E_SOCK' capture-pane -p -e -t e2e | grep 'Phạm Anh Tuấn' | grep -q '\\[3[0-9]m\\|\\[9[0-9]m'"
check "the badges it earned follow in the queue" wait_for 'Phạm Anh Tuấn earned the badge “' 12

# A form being typed in is not disturbed by news.
keys Tab j c
check "the check-in form is open" wait_for 'Check in K2'
keys C-u 777
okr_as wei kudos tuan 'great launch, the whole team felt it' >/dev/null
okr_as jing checkin K5 50 -m 'bug bash' >/dev/null
check "news arrives while the form is open" wait_for '(reached|earned)' 10
check "the form still shows what was typed" wait_for 'Value +777'
keys Escape
check "and cancels as usual" wait_for 'nothing was saved'

# reduced_motion: a plain message line instead of a banner.
printf 'reduced_motion = true;\n' >"$OKR_CONFIG"
tmux_cmd kill-session -t e2e
tmux_cmd new-session -d -x 120 -y 40 -s e2e env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color \
	OKR_NOW=$E2E_NOW OKR_USER=sarah OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB"
check "okr starts with reduced_motion" wait_for 'Objectives' 10
okr_as hoa checkin K3 3 -m 'third campaign live' >/dev/null
check "reduced_motion: the news is a plain message in the footer" sh -c \
	"end=\$((\$(date +%s) + 5)); while [ \$(date +%s) -le \$end ]; do
	   tmux -L '$E2E_SOCK' capture-pane -p -t e2e | tail -1 | grep -q \"Lê Thu Hoa's K3 reached 100 %\" && exit 0
	   sleep 0.05; done; exit 1"
check "without the party emoji" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q '🎉'"
check "and the header stays the header" wait_for '^ okr · @sarah'
e2e_done
