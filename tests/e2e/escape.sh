#!/bin/sh
# Hostile text: escape sequences in a title are shown as visible symbols and
# never reach the terminal (no retitled pane, no cleared screen).
. "$(dirname "$0")/lib.sh"
title_before=$(printf 'e2e-title')
e2e_start 100 30
tmux_cmd select-pane -t e2e -T "$title_before"
okr_as lan objective add "$(printf '\033]0;pwned\007\033[2J evil')" >/dev/null
check "the new objective appears live" wait_for 'evil'
check "its escape characters are shown as visible replacements" wait_for '␛\]0;pwned␇␛\[2J evil'
check "the pane title is unchanged" sh -c "[ \"\$(tmux -L '$E2E_SOCK' display -p -t e2e '#{pane_title}')\" = '$title_before' ]"
check "the screen was not cleared" wait_for 'O4 +Improve customer retention'
e2e_done
