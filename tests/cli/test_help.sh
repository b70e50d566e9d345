#!/bin/sh
# test_help.sh — `okr help`, `okr help CMD` and `okr CMD --help` say the same
# thing, need no database, and every usage line matches what the command
# accepts: each option it names is known to the command, and the usage a
# command prints on a mistake is one of the lines `okr help` shows.
. "$(dirname "$0")/lib.sh"
once "the help texts"

H="$T/help"
run "$OKR_BIN" help
cp "$OUT" "$H"
[ "$rc" = 0 ]; check $? "okr help exits 0"
grep -qx "  okr show ID|PERSON \[--points\] \[--json\]" "$H"; check $? "show: ID|PERSON [--points] [--json]" "$(grep 'okr show' "$H")"
grep -qx "  okr cycle close CYCLE \[--grade KR=SCORE\[:NOTE\]\]\.\.\. \[--force\]" "$H"; check $? "cycle lists close" "$(grep 'okr cycle' "$H")"
grep -qx "  okr list \[--cycle C\] \[--team T\] \[--mine\] \[--unapproved\] \[--archived\] \[--people|--teams|--kpis\] \[--json\]" "$H"
check $? "list names --archived"
run "$OKR_BIN" --help
cmp -s "$OUT" "$H"; check $? "okr --help is okr help"

fresh_db
M="$T/missing.db"
# The forms of one command, as `okr help` lists them.
forms() { sed -n "s/^  okr $1\( \(.*\)\)\{0,1\}\$/\2/p" "$H"; }
cmds=$(sed -n 's/^  okr \([a-z]*\).*/\1/p' "$H" | uniq)
[ "$(echo "$cmds" | wc -l)" -ge 20 ]; check $? "okr help lists every command" "$cmds"
for c in $cmds; do
	forms "$c" >"$T/want"
	# --help and -h need no database, and print the same forms.
	for h in --help -h; do
		run "$OKR_BIN" --db "$M" "$c" $h
		sed -n 's/^\(usage:\|      \) okr '"$c"'\( \(.*\)\)\{0,1\}$/\3/p' "$OUT" >"$T/got"
		if [ "$rc" = 0 ] && [ ! -e "$M" ] && cmp -s "$T/want" "$T/got" && [ ! -s "$ERR" ]; then
			ok "okr $c $h matches okr help"
		else
			not_ok "okr $c $h matches okr help" "exit $rc" "want: $(cat "$T/want")" "got:  $(cat "$T/got")"
		fi
	done
	run "$OKR_BIN" help "$c"
	sed -n 's/^\(usage:\|      \) okr '"$c"'\( \(.*\)\)\{0,1\}$/\3/p' "$OUT" >"$T/got"
	cmp -s "$T/want" "$T/got"; check $? "okr help $c matches okr help"
	[ "$c" = tui ] || [ "$c" = help ] || [ "$c" = demo ] || [ "$c" = init ] && continue
	while IFS= read -r form; do
		# A form that starts with a lower-case word names a subcommand.
		sub=$(printf '%s' "$form" | sed -n 's/^\([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p')
		# Each option the form names is one the command knows.
		for o in $(printf '%s' "$form" | grep -o -- '-\{1,2\}[a-z][a-z-]*' | sort -u); do
			# shellcheck disable=SC2086
			run timeout 30 "$OKR_BIN" --db "$DB" "$c" $sub "$o"
			if grep -q "unknown option" "$ERR"; then
				not_ok "okr $c $sub accepts $o, as its usage says" "exit $rc"
			else
				ok "okr $c $sub accepts $o, as its usage says"
			fi
		done
		# A mistake prints the command's own usage: it must be a line of okr help.
		# shellcheck disable=SC2086
		run "$OKR_BIN" --db "$DB" "$c" $sub --no-such-option
		u=$(sed -n "s/^\(.* — \)\{0,1\}usage: okr $c\( \(.*\)\)\{0,1\}\$/\3/p" "$ERR" | sed 's/   (.*//')
		bad=
		echo "$u" | sed 's/ | \([a-z]\)/\n\1/g' >"$T/usage"
		while IFS= read -r line; do
			grep -qxF -- "$line" "$T/want" || bad="$bad [$line]"
		done <"$T/usage"
		[ "$rc" = 2 ] && [ -n "$u" ] && [ -z "$bad" ]
		check $? "okr $c $sub: the usage shown on a mistake is in okr help" "exit $rc" "not in okr help:$bad"
	done <"$T/want"
done

# A subcommand missing or unknown: every form of the command, on stderr.
expect_err_contains 2 "okr kr: say what to do" okr kr
grep -q "^       okr kr archive KR \[--if-version N\]" "$ERR"; check $? "… with each form of okr kr"
expect_err_contains 2 "okr cycle: 'frob' is not one of its subcommands" okr cycle frob
grep -q "okr cycle close CYCLE" "$ERR"; check $? "… with okr cycle close"
expect_err_contains 2 "'nope' is not an okr command — \`okr help\` lists them" okr help nope

finish
