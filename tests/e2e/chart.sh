#!/bin/sh
# The history charts: a key result's values over its cycle with the target
# on the axis, the expected line and the cycle's dates along the bottom, in
# the detail pane when it is tall enough and in the review where it fits;
# an objective's progress over time the same way, in percent; and a
# decreasing key result (120 → 0 bugs) with its scale the right way up.
. "$(dirname "$0")/lib.sh"
E2E_USER=lan
e2e_start 120 50

keys Tab j
check "the detail pane of K2 (Vietnamese title) has a chart" wait_for 'K2  Đạt được 1.000 khách hàng mới trong quý' 5
check "… the target on its axis" wait_for '│ +1000 ┤┈┈┈'
check "… the start at the bottom" wait_for '│ +0 ┤'
check "… the expected line" wait_for '│ +│ .*···'
check "… bars of the values" wait_for '│ +0 ┤·*[▁▂▃▄▅▆▇]+.*█'
check "… the cycle's first and last days along the bottom" wait_for '│ +09-25 .* 12-24 *$'
check "… today marked on the axis" wait_for '│ +└┬─.*▲'
keys BTab j j
check "an objective (Chinese title): its progress over time" wait_for 'O3  打造高性能网站' 5
check "… in percent, to 100%" wait_for '│ +100% ┤'
check "… from 0%" wait_for '│ +0% ┤'
keys Tab
check "a decreasing key result: its start (120 bugs) at the top" wait_for '│ +120 ┤' 5
check "… its target (0) at the bottom" wait_for '│ +0 ┤'
okr_as jing checkin K5 20 -m "Sửa xong 25 lỗi · 修复了25个缺陷" >/dev/null
check "a check-in from another process appears in the detail" wait_for '20 / 0 bugs' 5

e2e_as lan 80 24
wait_for 'Objectives' 5
keys Tab j d
check "80×24: the detail slot is too low for a chart, its numbers come first" wait_for 'forecast 981' 5
check "… no chart" wait_gone '1000 ┤'

e2e_as lan 80 34 review
wait_for '1 / 10' 5
keys n
check "the review at 80×34 charts K2" wait_for '^ 1000 ┤┈┈┈' 5
check "… with its dates" wait_for '^ +09-25 .* 12-24$'
check "… and keeps its latest check-ins below" wait_for 'Latest check-ins'
e2e_done
