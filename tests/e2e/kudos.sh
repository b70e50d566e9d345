#!/bin/sh
# Kudos in the full view: the giver is told what a kudos earned and when it
# earns nothing (a second one to the same person in a week); the texts are
# shown with the key result in the detail pane and on the person's page.
. "$(dirname "$0")/lib.sh"
e2e_start 160 50   # side by side, with room in the detail pane for the kudos

okr_as lan kudos sarah 'Cảm ơn chị Sarah vì báo cáo tuần' >/dev/null
keys Tab K
check "K opens the kudos form for the selected key result" wait_for 'Kudos for the work on K1' 5
check "… addressed to its owner" wait_for 'To +wei' 5
keys 'Tuyệt vời, trang web mới 🎉' Enter   # the form starts on the message
check "the first kudos to wei this week earns points, and says so" wait_for 'kudos sent to @wei \(\+2 XP for you\)' 5
keys K 'lần nữa' Enter
check "a second one in the same week is saved but the giver is told it earns nothing" \
	wait_for 'kudos sent to @wei — it earns no points: you already gave @wei kudos this week' 5
keys Enter
check "the detail pane lists the key result's kudos" wait_for 'Kudos \([0-9]+\)' 5
check "… with giver, receiver and text" wait_for '@sarah → @wei' 5
keys G   # the chart stands above the history: the kudos come at the end
check "… the text itself" wait_for 'Tuyệt vời, trang web mới' 5
keys Escape w Enter
check "Enter on the board opens the viewer's page" wait_for '@sarah · Enter or h: back' 5
check "the page lists the kudos received" wait_for 'Kudos received \(latest [0-9]+\)' 5
check "… with their words and who gave them" wait_for '@lan: Cảm ơn chị Sarah' 5
e2e_done
