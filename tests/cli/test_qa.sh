#!/bin/sh
# test_qa.sh — what the QA walk through the merged program found: each case
# failed before its fix.
. "$(dirname "$0")/lib.sh"
. "$CLI_DIR/lib_locale.sh"
need_locales

demo_db

# okr due --team in Chinese and Vietnamese: the translated status words
# ("落后", 4 columns in 6 bytes; "chậm tiến độ", 12 columns) are padded in
# display columns to the widest, so the owners stay in one column.
# Display columns of what precedes the "@": a CJK ideograph (3 bytes from
# E4-E9) counts two, any other (precomposed) character one.
wide=$(printf '[\344-\351][\200-\277][\200-\277]')
for l in zh_CN vi_VN; do
	run in_lang $l.UTF-8 as sarah due --team Product
	cols=$(sed -n '/^  K[0-9]/s/@.*//p' "$OUT" | LC_ALL=C sed "s/$wide/ww/g" |
		while IFS= read -r line; do printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m; done | sort -u | wc -l)
	[ "$rc" = 0 ] && [ "$(grep -c '^  K[0-9]' "$OUT")" -ge 2 ] && [ "$cols" = 1 ]
	check $? "due --team in $l: every key result's owner starts in the same column"
done

# A teammate who has only read the database is not registered yet: naming
# them as an owner says how to add them, for key results and KPIs as it
# already did for objectives.
for cmd in "kr add O1 Users --target 100 --owner nobody" "kr edit K1 --owner nobody" \
	"kpi add M9 --target 5 --at-least --source CRM --every weekly --owner nobody" \
	"person role nobody lead" "person name nobody Nobody" "team join Sales nobody"; do
	# shellcheck disable=SC2086
	expect_err_contains 3 'an admin runs `okr person add nobody`' okr $cmd
done

# --json given twice on a write is still --json, not an unknown option.
run okr objective add "Twice" --json --json
[ "$rc" = 0 ] && grep -q '"title": "Twice"' "$OUT" && [ ! -s "$ERR" ]
check $? "objective add --json --json prints the objective as JSON" "exit $rc"

# An unknown cycle points to the command that lists cycles (`okr list`
# shows one cycle's objectives, not the names).
for cmd in "cycle plan Nope --from 2026-Q4" "cycle current Nope" "list --cycle Nope"; do
	# shellcheck disable=SC2086
	expect_err_contains 3 'no cycle Nope — `okr cycle list` shows every cycle' okr $cmd
done

# A member planning the next cycle is told which objective is someone
# else's, so they know what to leave out.
state=$(db_state)
expect_err_contains 6 "O1 is @lan's: only a lead or admin copies someone else's objective — leave it out of the plan" \
	as tuan cycle plan 2026-next --from 2026-Q4
[ "$(db_state)" = "$state" ]; check $? "  … and nothing was made"

finish
