#!/bin/sh
# Navigation: j/k move the selection, Tab moves between panes, Enter opens
# the detail of the selected key result; n/N and / search titles.
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

check "starts on O1 with its key results" wait_for 'Key results of O1'
keys j
check "j selects the next objective" wait_for 'Key results of O2'
keys k
check "k goes back" wait_for 'Key results of O1'
keys Tab j
check "Tab focuses the key results (▶ marks the focused pane)" wait_for '▶ Key results of O1'
keys Enter
check "Enter shows the detail of the selected key result" wait_for 'K2  Đạt được 1\.000 khách hàng'
check "the detail lists check-ins with authors" wait_for '@sarah'
check "the detail shows a forecast and projected grade" wait_for 'projected grade'
keys Enter
check "Enter in the detail goes back to the key results" wait_for '▶ Key results of O1'
keys / 'loyalty'
check "/ finds a key result by title as you type" wait_for 'Key results of O4'
keys Enter G g
check "g goes to the first key result" wait_for 'Key results of O4'
keys BTab
check "BTab goes back to the objectives" wait_for '▶ Objectives'
keys / 'ZZZNOPE' Enter
check "a search without match says so" wait_for "no match for 'ZZZNOPE'"
keys Escape f
check "f filters (mine)" wait_for 'showing: mine'
keys q
check "q quits" wait_dead
e2e_done
