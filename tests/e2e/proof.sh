#!/bin/sh
# The proof of issue 15: a team goes from an empty database (`okr init`, the
# one command outside the TUI) to a closed, graded cycle using only keys in
# the TUI — the cycle, the people with their roles and teams, objectives and
# key results, a first week of check-ins, a review, grading and closing.
# Vietnamese and Chinese titles throughout; the CLI only looks afterwards.
. "$(dirname "$0")/lib.sh"
okr_as boss init >/dev/null || { echo "Bail out! okr init failed"; exit 1; }
look() { okr_as boss "$@"; }
start() {   # start LOGIN: the TUI as that person, at 120×40
	e2e_as "$1" 120 40
	wait_for 'Objectives' 5
}
start boss
check "an empty database says how to begin from the keyboard" wait_for 'No cycle yet — press C, then a' 5

# The cycle (today is 2026-11-23).
keys C a
wait_for 'Add a cycle' 5
keys 'Quý 4 · 第四季度' Tab C-u 2026-10-01 Tab C-u 2026-12-31 Enter
check "the cycle is added and current" wait_for 'okr · @boss · .* · Quý 4 · 第四季度' 5

# The people: a lead and a member, with their teams (made as they are named).
keys p a
wait_for 'Add a person' 5
keys lan Tab 'Nguyễn Thị Lan' Tab ' ' Tab 'Công ty'
check "a team that does not exist yet is offered as a new one" wait_for 'a new team: it is made when you save'
keys Enter
check "the lead is added" wait_for 'added @lan as lead' 5
keys a wei Tab '王伟' Tab Tab 'Sản phẩm · 产品' Enter
check "the member is added" wait_for 'added @wei as member' 5
check "… both with their teams" wait_for '@wei +王伟 +member +shown +Sản phẩm · 产品'
keys Escape

# An objective with two key results.
keys O
wait_for 'Add an objective' 5
keys 'Trở thành công ty hàng đầu · 成为市场领导者' Tab Tab Tab 'Công' Tab C-u lan Enter
check "the objective is added" wait_for 'added O1' 5
keys a
wait_for 'Add a key result to O1' 5
keys 'Đạt 1.000 khách hàng mới · 1000个新客户' Tab Tab 1000 Tab Tab 'khách hàng' Tab C-u wei Enter
check "a metric key result is added" wait_for 'added K1' 5
keys a
wait_for 'Add a key result to O1' 5
keys 'Phiên bản 2.0 của trang web · 网站2.0版' Tab ' ' ' ' Tab C-u lan Enter
check "a milestone key result is added" wait_for 'added K2' 5

# The first week of check-ins: each person checks in their own.
start wei
keys Tab
wait_for '^▶ Key results of O1' 5
keys c
wait_for 'Check in K1' 5
keys 140 Tab 7 Tab 'Tuần đầu tiên · 第一周' Enter
check "wei checks in K1" wait_for 'checked in K1: 140 / 1000 khách hàng' 5
start lan
keys Tab j c
wait_for 'Check in K2' 5
keys Tab 6 Tab 'Bản thiết kế đã xong · 设计稿完成' Enter
check "lan checks in K2" wait_for 'checked in K2' 5
keys m 'Tốt lắm · 很好' Enter
check "… and comments" wait_for 'comment added' 5

# The review of the week, then grading and closing the cycle.
keys r
check "the review opens at the first key result" wait_for '1 / 2' 5
check "… with the check-in's note" wait_for 'Tuần đầu tiên · 第一周'
keys n
check "the next key result" wait_for '2 / 2' 5
keys n
check "the review's summary" wait_for 'Review summary · Quý 4 · 第四季度' 5
keys q
start boss
keys : close-cycle Enter
check ":close-cycle grades each key result" wait_for 'Grade K1 +0.14' 5
keys C-u 0.2 Tab 'chậm hơn dự kiến · 比预期慢' Enter
check "a grade with a note, then the next" wait_for 'Grade K2 +0.00' 5
keys Enter
keys y
check "closing early asks once more" wait_for 'y again closes it early' 5
keys y
check "the cycle is closed, every key result graded" wait_for 'closed Quý 4 · 第四季度' 5

# What the CLI sees afterwards.
check "the cycle is closed" sh -c "OKR_USER=boss '$OKR_BIN' --db '$E2E_DB' cycle list | grep -q '2026-10-01 → 2026-12-31  closed'"
check "K1 has the grade and note given" sh -c "OKR_USER=boss '$OKR_BIN' --db '$E2E_DB' export --format json | grep -A1 '\"score\": 0.2' | grep -q 'chậm hơn dự kiến'"
check "two grades in all" test "$(look export --format json | grep -c '"score"')" = 2
check "the people and teams as typed" sh -c "OKR_USER=boss '$OKR_BIN' --db '$E2E_DB' list --people | grep -Eq '^lan +Nguyễn Thị Lan +lead +Công ty'"
check "two check-ins and a comment by their authors" test "$(look log | grep -cE '@(wei|lan) +K[12] +(checked in|commented)')" = 3
e2e_done
