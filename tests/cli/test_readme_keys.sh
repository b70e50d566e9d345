#!/bin/sh
# test_readme_keys.sh — the README's table of keys is the action table's:
# what tools/readme-keys.sh makes from include/okr/actions.h, so an action
# added without its line in the README fails here.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$CLI_DIR/../.." && pwd)
sh "$SRC/tools/readme-keys.sh" "$SRC/include/okr/actions.h" >"$T/want"
sed -n '/^<!-- keys -->$/,/^<!-- \/keys -->$/p' "$SRC/README.md" | sed '1d;$d' >"$T/have"
check "$(test -s "$T/want"; echo $?)" "the action table gives a table of keys"
diff "$T/want" "$T/have" >"$T/diff" 2>&1
check $? "the README lists every key of the action table, as tools/readme-keys.sh writes it" "$(cat "$T/diff")"
check "$(grep -c '`:people`' "$T/have" | grep -qx 1; echo $?)" "… the people view among them"
finish
