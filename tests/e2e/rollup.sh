#!/bin/sh
# The detail pane shows how an objective's progress is made (issue 9): the
# demo's O1 "47 % at risk" is traced to its children and key results with
# their weights; an objective without key results says so.
. "$(dirname "$0")/lib.sh"
e2e_start 170 40

check "the detail explains the rollup" wait_for 'Progress is the weighted mean of'
check "… with each aligned child, its progress and weight" wait_for 'O2 +33% × weight 1 +Mở rộng'
check "… and each key result" wait_for 'K2 +61% × weight 1 +Đạt được'
okr_as lan objective add "Chưa có gì" --parent O1 >/dev/null
check "a new empty objective says no key results yet" wait_for 'O5 +Chưa có gì +no key results yet'
check "… and O1 keeps its 47 %" wait_for 'O1 .* 47% at risk'
e2e_done
