#!/bin/sh
# test_sweep.sh — SPEC §9 "bad input of every kind", against every command:
# each bad value for each number, date or word a command takes; blank names;
# every command on a missing, damaged or newer database; escape-laden text in
# every command that prints; no terminal; a 1 MB title.  Every case: the
# documented exit code, a message that says what is wrong and how to fix it,
# and nothing written.  (test_bad_input.sh has the first, narrower pass.)
. "$(dirname "$0")/lib.sh"

fresh_db
okr kpi add MRR --target 100 --at-least --source CRM --every weekly >/dev/null
okr person add bob >/dev/null
okr checkin K1 10 >/dev/null

NUM="write a plain decimal number such as 42, -3 or 0.75 (at most 1e15; no units, NaN or inf)"
TAB=$(printf '\t')
# Each template: the command with @ where the value goes, then the message.
# (Whether anything was written is checked once, after all of them.)
state=$(db_state)
# A date or a word is not parsed as a number: fewer values say as much.
while IFS='|' read -r tmpl text kind; do
	if [ "$kind" = word ]; then set -- 12abc 1e999 "" " "
	else set -- 12abc NaN inf -inf 1e999 0x10 "" " " "$TAB"; fi
	for v in "$@"; do
		set --
		for w in $tmpl; do
			if [ "$w" = @ ]; then set -- "$@" "$v"
			elif [ "$w" = K1=@ ]; then set -- "$@" "K1=$v"
			else set -- "$@" "$w"; fi
		done
		expect_err_contains 2 "$text" okr "$@"
	done
done <<EOT
checkin K1 @|is not a usable number for the value — $NUM
checkin K1 5 --confidence @|is not a confidence — give a whole number from 0 (no chance) to 10 (certain)
kpi push MRR @|is not a usable number for the value — $NUM
kr add O1 X --target @|is not a usable number for --target — $NUM
kr add O1 X --target 5 --start @|is not a usable number for --start
kr add O1 X --at-least @|is not a usable number for --at-least
kr add O1 X --at-most @|is not a usable number for --at-most
kr add O1 X --target 5 --weight @|is not a usable number for --weight
kr add O1 X --target 5 --due @|is not a date for --due — write it as YYYY-MM-DD, e.g. 2026-10-01|word
kr edit K1 --target @|is not a usable number for --target
kr edit K1 --start @|is not a usable number for --start
kr edit K1 --weight @|is not a usable number for --weight
kr edit K1 --title x --if-version @|--if-version takes the version number that \`okr show\` printed|word
objective add Y --weight @|is not a usable number for --weight
objective edit O1 --weight @|is not a usable number for --weight
objective edit O1 --title x --if-version @|--if-version takes the version number|word
grade K1 @|is not a grade — give a number from 0.0 to 1.0 with at most two decimals
cycle close 2026-Q4 --grade K1=@|is not a grade — give a number from 0.0 to 1.0
cycle add Q --start @ --end 2026-12-31|is not a date for --start — write it as YYYY-MM-DD|word
kpi add M2 --target @ --at-least --source CRM --every weekly|is not a usable number for --target
kpi add M3 --target 5 --at-least --source CRM --every @|is not a frequency — use daily, weekly or monthly|word
board --window @|is not a leaderboard window — use week, cycle or all|word
status --window @|is not a leaderboard window — use week, cycle or all|word
EOT
[ "$(db_state)" = "$state" ]; check $? "none of those bad values wrote anything" "before: $state" "after: $(db_state)"

# ---- blank or unusable names ----
for v in "" " " "$TAB"; do
	refused 2 "" okr team add "$v"
	refused 2 "the name is empty — type some text" okr person name bob "$v"
	refused 2 "" okr kpi add M4 --target 5 --at-least --source "$v" --every weekly
	refused 2 "is empty — type some text" okr cycle add "$v" --start 2027-01-01 --end 2027-03-31
done
refused 2 "a team name cannot hold a comma" okr team add "Sales, EU"
refused 2 "not valid UTF-8" okr team add "$(printf 'caf\351')"
refused 2 "not valid UTF-8" okr person name bob "$(printf '\377')"

# ---- a 1 MB title: more than a command line holds, so through import ----
if [ -n "$HAVE_PYTHON3" ]; then
	okr export --format json >"$T/x.json"
	python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
d['objectives'][0]['title'] = 'x' * (1 << 20)
json.dump(d, open(sys.argv[1], 'w'))" "$T/x.json"
	rm -f "$T/n.db"
	okr_n() { "$OKR_BIN" --db "$T/n.db" "$@"; }
	"$OKR_BIN" --db "$T/n.db" init >/dev/null
	before=$(db_state "$T/n.db")
	expect_err_contains 2 "objective \`title\`: too long, 1048576 bytes (at most 1000)" okr_n import "$T/x.json"
	grep -q "nothing was imported — fix the file" "$ERR"; check $? "… and says nothing was imported"
	[ "$(db_state "$T/n.db")" = "$before" ]; check $? "… and nothing was written"
else
	skip "a 1 MB title through import" "no python3"
fi

# ---- every command on a missing, damaged or newer database ----
printf '{"format": "okr", "version": 1}' >"$T/empty.json"
CMDS="list|show O1|show alice|checkin K1 5|kpi push MRR 5|kpi list|cycle list|cycle close 2026-Q4|board|status|due|grade K1 0.5|export --format md|export --format json|comment O1 hi|kudos bob hi|person add zed|team add Z|objective add X|kr add O1 X --target 4|kpi add Z --target 1 --at-least --source s --every daily|kpi link K1 MRR|objective edit O1 --title x|kr archive K1|person role bob lead"
sum() { if [ -e "$1" ]; then cksum <"$1"; else echo none; fi; }
each_db_cmd() {
	file=$1 code=$2 text=$3
	IFS='|'
	for c in $CMDS; do
		IFS=' '
		before=$(sum "$file")
		# shellcheck disable=SC2086
		expect_err_contains "$code" "$text" "$OKR_BIN" --db "$file" $c
		[ "$(sum "$file")" = "$before" ] && [ ! -e "$file-wal" ]
		check $? "  … and $(basename "$file") is untouched"
		IFS='|'
	done
	IFS=' '
}
each_db_cmd "$T/missing.db" 5 "no okr database at $T/missing.db — create one with \`okr init\`"
awk 'BEGIN { srand(7); for (i = 0; i < 8192; i++) printf "%c", int(rand() * 255) + 1 }' >"$T/junk.db"
each_db_cmd "$T/junk.db" 5 "is damaged or not an okr database"
if [ -n "$HAVE_SQLITE3" ]; then
	cp "$DB" "$T/newer.db"
	sqlite3 "$T/newer.db" 'PRAGMA journal_mode=DELETE; PRAGMA user_version=99' >/dev/null
	each_db_cmd "$T/newer.db" 5 "was made by a newer okr (schema 99"
else
	skip "every command on a newer database" "no sqlite3 shell"
fi
expect_err_contains 2 "the full-screen view needs a terminal — in scripts use \`okr list\`" okr </dev/null
expect_err_contains 2 "needs a terminal" "$OKR_BIN" --db "$T/missing.db" </dev/null

# ---- escape-laden text: stored, never printed raw, by any command ----
E=$(printf 'Evil\033[2J\033]0;pwned\007\rX\302\233c')
okr team add "T$E" >/dev/null && okr team join "T$E" >/dev/null &&
okr person name bob "B$E" >/dev/null && okr team join "T$E" bob >/dev/null &&
okr objective add "O$E" --team "T$E" >/dev/null && okr kr add O2 "K$E" --target 10 --unit "$E" >/dev/null &&
okr checkin K2 3 -m "n$E" >/dev/null && okr comment K2 "c$E" >/dev/null && okr kudos bob "k$E" --kr K2 >/dev/null &&
okr kpi add "P$E" --target 5 --at-least --source "S$E" --every weekly --timeframe "$E" >/dev/null &&
okr kpi push KPI2 3 -m "$E" >/dev/null && okr grade K2 0.5 -m "g$E" >/dev/null
check $? "escape-laden text is accepted and stored"
# Control bytes: C0 but newline, DEL, and C1 as UTF-8 (C2 80–9F).
raw() { LC_ALL=C tr -d '\n' <"$1" | LC_ALL=C grep -c "$(printf '[\001-\037\177]\|\302[\200-\237]')"; }
IFS='|'
for c in "list" "list --people" "list --teams" "list --kpis" "list --mine" "list --archived" "show O2" "show K2" \
	"show KPI2" "show bob" "show bob --points" "show alice --points" "board" "board --teams" "board --all" \
	"status" "due" "cycle list" "kpi list" "export --format md" "list --json" "show O2 --json" "show K2 --json" \
	"board --json" "due --json" "export --format json"; do
	IFS=' '
	# shellcheck disable=SC2086
	run okr $c
	[ "$rc" = 0 ] && [ "$(raw "$OUT")" = 0 ] && [ "$(raw "$ERR")" = 0 ]
	check $? "okr $c sends no control byte from the data" "exit $rc"
	IFS='|'
done
IFS=' '
# Error messages quote what was typed or stored: made visible too.
while IFS='|' read -r c1 c2 c3; do
	run okr $c1 "$c2$E" $c3
	[ "$rc" != 0 ] && [ -s "$ERR" ] && [ "$(raw "$ERR")" = 0 ] && grep -q '␛\[2J' "$ERR"
	check $? "okr $c1 $c2… with escapes: the message shows them visibly, sends none" "exit $rc"
done <<EOT
team add|T|
show|nobody|
list --team|no|
list --cycle|no|
kudos|no|hi
checkin K2|x|
kpi push|no|5
objective add x --team|no|
EOT
run okr "--x$E"
[ "$rc" = 2 ] && [ "$(raw "$ERR")" = 0 ]; check $? "an unknown option with escapes is quoted safely"
run okr show O2 --json
grep -qF 'X\u009bc' "$OUT"; check $? "JSON writes a C1 control as \\u009b (the same text, inert)"

finish
