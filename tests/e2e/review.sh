#!/bin/sh
# okr review: a whole review of the demo data, one key result at a time —
# check in, comment, skip, go back, jump by ID, a teammate's live write,
# quit midway with everything saved, run again (each run starts at the first
# key result), and the summary on screen and on stdout.
. "$(dirname "$0")/lib.sh"

# review_start COLS ROWS [ARGS...]: okr review in the pane, followed by a
# line with its exit status; the pane then stays open (cat), so that what
# okr printed last is on screen for certain.  Had the pane ended with okr,
# tmux could see the exit before those lines reached it (Linux hands a pty's
# output to the other side a moment later) and drop them: the summary on
# stdout was missing once in a loaded run.
review_start() {
	c=$1 r=$2
	shift 2
	e2e_replace "$c" "$r" sh -c '"$@"; echo "[okr exited $?]"; exec cat' sh \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_NOW=$E2E_NOW OKR_USER=sarah \
		OKR_CONFIG="$OKR_CONFIG" "$OKR_BIN" --db "$E2E_DB" review "$@"
}
okr_as root demo >/dev/null || { echo "Bail out! okr demo failed"; exit 1; }
review_start 80 24
check "the review opens at the first key result" wait_for 'K1  Phiên bản 2.0' 10
check "with the progress line 1 / 10" wait_for '● 1 / 10'
check "with its objective" wait_for '^ O1 Trở thành công ty'
check "and the keys in the footer" wait_for 'c check-in  g grade'
keys '?'
check "? lists the review's own keys first" wait_for 'In the review'
check "including the jump by ID" wait_for 'J .*Jump to a key result by its ID'
keys q
check "q closes the help, not the review" wait_gone 'In the review'
check "and the review is still there" wait_for '● 1 / 10'
keys n
check "n goes to the next key result" wait_for 'K2  Đạt được 1.000'
check "2 / 10" wait_for '2 / 10'
check "value / target with unit" wait_for '610 / 1000 khách hàng   61%'
check "status and confidence" wait_for 'on track · confidence 7/10'
check "the history sparkline" wait_for 'history  ▁▂▃▄▅▆▇█  8 check-ins'
check "the forecast and projected grade" wait_for 'projected grade 0.98'
check "the last notes" wait_for 'Kênh đối tác chậm hơn dự kiến'

keys c
check "c opens the check-in form, prefilled" wait_for 'Value +610'
keys C-u 725 Tab C-u 8 Tab 'after the webinar' Enter
check "the new value shows in the review" wait_for '725 / 1000 khách hàng'
check "the check-in is in the database at once" sh -c "'$OKR_BIN' --db '$E2E_DB' show K2 | grep -q 'value      725 / 1000'"
check "okr show has the note" sh -c "'$OKR_BIN' --db '$E2E_DB' show K2 | grep -q 'after the webinar'"
keys m
check "m opens the comment form on the key result" wait_for 'Comment on K2'
keys 'Great push, thanks' Enter
check "the comment shows" wait_for 'Great push, thanks'
keys n
check "on to K3" wait_for 'K3  Thiết lập'
keys s
check "s skips to K4" wait_for 'K4  Tạo nội dung SEO'
keys p
check "p goes back to K3" wait_for 'K3  Thiết lập'
check "3 / 10" wait_for '3 / 10'
keys J K9 Enter
check "J K9 jumps to K9" wait_for 'K9  Raise website conversion'
keys J 99 Enter
check "a jump to an unknown ID says so" wait_for 'no key result K99 here'
keys Escape
check "Esc closes just the jump input" wait_gone 'Jump to'
check "... the review stays on K9" wait_for 'K9  Raise website conversion'
keys J
check "J opens it again, its keys named as bound" wait_for 'a key result ID such as K12 · Enter go · Esc cancel'
tmux_cmd resize-window -t e2e -x 100 -y 30
check "a resize keeps it open at the new foot" wait_for 'Jump to'
tmux_cmd resize-window -t e2e -x 80 -y 24
keys K9 Enter
check "and it still jumps" wait_gone 'Jump to'

# A teammate's check-ins on the key result on screen: shown without a key
# press, and while a form is open, without disturbing it.
okr_as sarah checkin K9 3.1 -m 'from another shell' >/dev/null
check "a teammate's check-in shows on the key result under review" wait_for '3.1 / 3.5 %' 5
keys c
wait_for 'Check in K9' 5
keys C-u 2.9
okr_as sarah checkin K9 3.2 >/dev/null
check "the open form keeps what was typed" wait_for 'Value +2.9'
check "and its unit hint" wait_for '│ +% +│'
keys Escape
check "Esc cancels the form" wait_for 'nothing was saved'
check "the second check-in arrived meanwhile" wait_for '3.2 / 3.5 %'

keys q
check "q midway shows the summary" wait_for 'Review summary · 2026-Q4 · all'
check "what changed: K2's check-in" wait_for 'K2 Đạt được 1.000 khách hàng mới trong quý: 610 → 725'
check "and K9's from the teammate" wait_for 'K9 Raise website conversion to 3.5 %: 2.5 → 3.2'
check "who checked in" wait_for '@sarah \(3\)'
check "counts: K4 and K9 were on screen, so only 5 were not reached" wait_for '4 of 10 key results reviewed · 1 skipped · 5 not reached'
check "entries counted" wait_for '3 check-ins · 0 grades · 1 comment · 0 kudos'
check "what is at risk" wait_for 'K7 Tỷ lệ sử dụng công suất ≥ 85 %: off track'
keys q
check "q again ends okr review" wait_for '^\[okr exited 0\]' 5
check "the summary is printed on stdout" wait_for '^What changed \(2\)'
check "what was entered is saved" sh -c "'$OKR_BIN' --db '$E2E_DB' show K2 | grep -q 'Great push, thanks'"

# Run again: a new session starts at the first key result.
review_start 80 24
check "a second run starts at the first key result" wait_for 'K1  Phiên bản 2.0' 10
keys n
check "K2 shows 725 from the first run" wait_for '725 / 1000 khách hàng'
keys s n n n n n n n n
check "stepping past the last key result shows the summary" wait_for 'Review summary' 5
check "the skip is listed" wait_for 'Skipped: K2'
check "9 reviewed, 1 skipped" wait_for '9 of 10 key results reviewed · 1 skipped · 0 not reached'
keys p
check "p from the summary goes back to the last key result" wait_for 'K10  Win 40 qualified leads'
keys q Enter
check "Enter on the summary ends the review" wait_for '^\[okr exited 0\]' 5

# --team and --mine narrow the review.
review_start 80 24 --team Sales
check "--team Sales: O4 and its 3 key results" wait_for '● 1 / 3' 10
check "starting at K8" wait_for 'K8  Launch the loyalty'
keys q q
review_start 80 24 --mine
check "--mine: sarah's key results and objectives" wait_for '● 1 / 4' 10
e2e_done
