#!/bin/sh
# The review summary counts what the meeting did: a key result skipped with s
# is skipped, one that was on screen (reached by n, p or J) is reviewed, and
# only those that never came up are "not reached".
. "$(dirname "$0")/lib.sh"
e2e_start 100 30

keys r
check "r opens the review at the first key result" wait_for '● 1 / 10' 5
keys s
check "s skips K1 and shows K2" wait_for '● 2 / 10' 5
keys n
check "n moves on to K3" wait_for '● 3 / 10' 5
keys J K5 Enter
check "J K5 jumps to K5" wait_for 'K5  ' 5
keys q
check "the summary: K2 moved past, K3 and K5 on screen — 3 reviewed, K1 skipped, 6 not reached" \
	wait_for '3 of 10 key results reviewed · 1 skipped · 6 not reached' 5
check "the skip is listed by ID" wait_for 'Skipped: K1'
keys q
check "leaving says the same counts" wait_for 'review done: 3 of 10 reviewed, 1 skipped, 0 check-ins' 5
e2e_done
