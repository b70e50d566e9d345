#!/bin/sh
# test_manpages.sh — the man pages and the completions can never drift from
# the program: okr(1) and the completions list exactly the commands of the
# table in src/cli/commands.c and, for each, exactly the options of its usage
# (read here straight from `okr CMD --help`, not through the code that writes
# the page); okr.conf(5) lists exactly the settings of the compiled-in
# defaults, each with the default value.
. "$(dirname "$0")/lib.sh"
once "the man pages"

SRC=$(cd "$CLI_DIR/../.." && pwd)
PAGE1="$SRC/${BUILD:-build/rel}/man/okr.1"
PAGE5="$SRC/${BUILD:-build/rel}/man/okr.conf.5"
if [ ! -f "$PAGE1" ] || [ ! -f "$PAGE5" ]; then
	echo "Bail out! no man pages in ${BUILD:-build/rel}/man (run make)"; exit 1
fi
okr init >/dev/null

# The table itself, from the source.
sed -n 's/^[[:space:]]*{ "\([a-z][a-z-]*\)",.*/\1/p' "$SRC/src/cli/commands.c" >"$T/table"
# The commands of okr(1): its .SS headings between COMMANDS and EXIT STATUS.
sed -n '/^\.SH COMMANDS/,/^\.SH EXIT/s/^\.SS //p' "$PAGE1" >"$T/man"
okr __complete "" | cut -f1 >"$T/completed"
okr help | sed -n 's/^  okr \([a-z-]*\).*/\1/p' | uniq >"$T/help"
for f in man completed help; do
	diff "$T/table" "$T/$f" >"$T/diff" 2>&1
	check $? "the commands of $f are exactly the table's" "$(cat "$T/diff")"
done

# Each command's options: from its --help, from its man section, completed.
opts_of_help() {
	okr "$1" --help | grep -oE -- '(^|[ [(|])--?[a-z][a-z-]*' | sed 's/^[ [(|]//' | sort -u
}
opts_of_man() {
	awk -v c="$1" '/^\.SH / { on = 0 } /^\.SS / { on = ($2 == c) } on' "$PAGE1" | sed -n 's/.*Options://p; /^\\fB/p' |
		grep -oE '\\fB(\\-)+[a-z]([a-z]|\\-)*' | sed 's/\\fB//; s/\\-/-/g' | sort -u
}
bad=""
while read -r c; do
	opts_of_help "$c" >"$T/h"
	opts_of_man "$c" >"$T/m"
	# Options complete after any subcommand; take the union over them.
	{ okr __complete "$c" -; for s in $(okr __complete "$c" "" | cut -f1 | grep -E '^[a-z]+$'); do
		okr __complete "$c" "$s" -; done; } | grep -v '^--help$' | sort -u >"$T/k"
	# Every write command also takes --json (said once in okr(1), not per command).
	grep -qx -- --json "$T/h" || sed -i '/^--json$/d' "$T/k"
	grep -q . "$T/h" || : >"$T/k"
	cmp -s "$T/h" "$T/m" || bad="$bad man:$c($(comm -3 "$T/h" "$T/m" | tr '\n\t' '  '))"
	cmp -s "$T/h" "$T/k" || bad="$bad completion:$c($(comm -3 "$T/h" "$T/k" | tr '\n\t' '  '))"
done <"$T/table"
[ -z "$bad" ]; check $? "okr(1) and the completions list each command's options exactly" "$bad"

# Every option of the table is explained once in OPTIONS OF THE COMMANDS.
okr __describe options | cut -f2 | sort -u >"$T/all"
sed -n '/^\.SH OPTIONS OF THE COMMANDS/,/^\.SH EXIT/p' "$PAGE1" | sed -n 's/^\.BI* \([^ ]*\).*/\1/p' |
	sed 's/\\-/-/g' | sort -u >"$T/explained"
diff "$T/all" "$T/explained" >"$T/diff"
check $? "okr(1) explains exactly the options of the table" "$(cat "$T/diff")"

# okr.conf(5) against the compiled-in defaults.
okr __describe config | awk '
	/= \{/ { g = $1 "."; next } /^\};/ { g = ""; next }
	/ = / { k = $1; v = $0; sub(/^[^=]*= /, "", v); sub(/;$/, "", v); print g k " " v }' >"$T/defaults"
awk '/^\.B / && prev == ".TP" { k = $2 } /^Default: / && k { sub(/^Default: /, ""); print k " " $0; k = "" }
	{ prev = $0 }' "$PAGE5" | sed 's/\\-/-/g; s/\\e/\\/g' >"$T/page5"
diff "$T/defaults" "$T/page5" >"$T/diff"
check $? "okr.conf(5) has every compiled-in setting with its default, and no other" "$(cat "$T/diff")"
grep -q '^\.SS keys' "$PAGE5"; check $? "okr.conf(5) explains key bindings"

finish
