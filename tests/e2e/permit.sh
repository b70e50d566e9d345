#!/bin/sh
# Permissions known before a form opens: a member checking in someone else's
# key result gets no form that would fail on save, but a message offering
# what they may do (m to comment, K for kudos), and m works; their own key
# result opens the form as before.
. "$(dirname "$0")/lib.sh"
E2E_USER=tuan
e2e_start 100 30

keys Tab j c
check "c on sarah's key result says who may check it in" \
	wait_for "K2 is @sarah's: only they or a lead can check it in — press m to comment" 5
check "… and no form opened" sh -c "! tmux -L '$E2E_SOCK' capture-pane -p -t e2e | grep -q 'Check in K2'"
keys m
check "m opens the comment form right away" wait_for 'Comment on K2' 5
keys 'Great progress' Enter
check "… and the comment is saved" wait_for 'comment added' 5
keys Escape BTab G Tab c
check "c on tuan's own key result opens the check-in form" wait_for 'Check in K8 Launch the loyalty' 5
keys Escape
e2e_done
