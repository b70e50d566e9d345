#!/bin/sh
# test_bad_input.sh — bad values, IDs, options and text (SPEC §6, §9): each
# gets its documented exit code, a message on stderr that says how to fix it,
# and nothing is written.
. "$(dirname "$0")/lib.sh"

fresh_db
okr kr add O1 "Launch" --milestone >/dev/null          # K2
okr kpi add MRR --target 100 --at-least --source CRM --every weekly >/dev/null
okr checkin K1 10 >/dev/null

# ---- values ----
for v in 12abc -12abc NaN nan -nan inf -inf 1e999 -1e999 "" 0x10 -0x10 "1,5" 1e16; do
	refused 2 "write a plain decimal number" okr checkin K1 "$v"
done
for v in 12abc NaN inf 1e999 ""; do
	refused 2 "not a usable number" okr kpi push MRR "$v"
	refused 2 "not a usable number" okr kr add O1 "Bad" --target "$v"
done
for c in 11 -1 abc 5.5 ""; do
	refused 2 "whole number from 0" okr checkin K1 5 --confidence "$c"
done
refused 2 "measured by a number, not done/undone" okr checkin K1 done
refused 2 "measured by a number" okr checkin K1 undone
refused 2 "check it in as \`done\` or \`undone\`" okr checkin K2 42
refused 2 "milestone" okr checkin K2 0.5
refused 2 "not a date" okr kr add O1 "Late" --target 5 --due 2026-02-30
refused 2 "weight must be" okr objective edit O1 --weight -1
refused 2 "a number from 0 to 1000" okr kr edit K1 --weight 5000

# ---- IDs ----
refused 3 "no key result K999 — \`okr list\` shows" okr checkin K999 1
refused 3 "no objective O999" okr show O999
refused 3 "no objective O999" okr kr add O999 "Orphan" --target 5
refused 3 "no KPI KPI999" okr show KPI999
refused 3 "no key result K999" okr show K999
refused 3 "no key result K999" okr comment K999 "hello?"
refused 3 "no objective O999" okr objective edit O999 --title x
refused 3 "no KPI" okr kpi link K1 KPI999
refused 2 "is not a key result ID such as K34" okr checkin X1 5
refused 2 "is not a key result ID such as K34" okr checkin O1 5
refused 2 "is not an ID such as O12, K34 or KPI3" okr comment X1 "hello"
refused 2 "not an objective ID" okr objective archive K1
refused 2 "not a key result ID" okr kudos bob "hi" --kr O1

# ---- stale edits (optimistic locking) ----
okr person add bob >/dev/null
okr person role bob lead >/dev/null
expect_exit 0 okr objective edit O1 --title "Version two" --if-version 1
OKR_USER=bob
refused 4 "was changed by alice" okr objective edit O1 --title "Bob's title" --if-version 1
refused 4 "okr show O1" okr objective archive O1 --if-version 1 --yes
refused 2 "--if-version takes" okr kr edit K1 --target 500 --if-version 0
expect_exit 0 okr kr edit K1 --title "Users, renamed" --if-version 1
OKR_USER=alice
refused 4 "was changed by bob" okr kr edit K1 --target 500 --if-version 1
refused 2 "--if-version takes the version number" okr objective edit O1 --title x --if-version abc
run okr show O1 --json
[ "$(json_get 'd["title"]+" "+str(d["version"])')" = "Version two 2" ]; check $? "the stale edits left O1 at version two"

# ---- commands and options ----
refused 2 "is not an okr command — see \`okr --help\`" okr frobnicate
refused 2 "unknown option '--frob' — see \`okr --help\`" "$OKR_BIN" --frob list
refused 2 "unknown option '--frob'" okr list --frob
refused 2 "unknown option '-x'" okr checkin K1 5 -x
refused 2 "usage: okr checkin" okr checkin K1
refused 2 "unexpected argument" okr checkin K1 5 6
refused 2 "needs a value" okr checkin K1 5 --confidence
refused 2 "usage: okr cycle" okr cycle frob
refused 2 "usage: okr kr" okr kr
refused 2 "usage: okr objective" okr objective
refused 2 "usage: okr kpi" okr kpi remove MRR
refused 2 "--db needs a path" "$OKR_BIN" --db

# ---- text ----
# One argument can hold at most 128 KiB on Linux (MAX_ARG_STRLEN), so the
# command line gets 100 KB; the store tests give the API a whole megabyte.
huge=$(head -c 100000 /dev/zero | tr '\0' x)
refused 2 "too long" okr objective add "$huge"
refused 2 "too long" okr comment O1 "$huge"
refused 2 "too long" okr checkin K1 5 -m "$huge"
unset huge
bad=$(printf 'caf\351 \377')
refused 2 "not valid UTF-8" okr objective add "$bad"
refused 2 "not valid UTF-8" okr kr add O1 "$bad" --target 5
refused 2 "not valid UTF-8" okr checkin K1 5 -m "$bad"
refused 2 "not valid UTF-8" okr comment O1 "$bad"
refused 2 "not valid UTF-8" okr kudos bob "$bad"
refused 2 "is empty" okr objective add ""
refused 2 "is empty" okr kr add O1 "  " --target 5

# Escape sequences are data: accepted, stored, and never sent to the terminal.
esc=$(printf 'Evil \033[2J\033]0;pwned\007 title \033[31mred\033[0m\rback\tTab')
expect_out "O2" okr objective add "$esc"
expect_out "K3" okr kr add O2 "$esc" --target 5 --unit "$(printf '\033[5m%%')"
expect_exit 0 okr checkin K3 2 -m "$esc"
expect_exit 0 okr comment O2 "$esc"
expect_exit 0 okr kudos bob "$esc"
expect_exit 0 okr person name bob "$esc"
for cmd in "list" "show O2" "show K3" "list --people" "kpi list" "cycle list"; do
	# shellcheck disable=SC2086
	run okr $cmd
	n=$(tr -cd '\033\007\r' <"$OUT" | wc -c)
	if [ "$rc" = 0 ] && [ "$n" -eq 0 ]; then ok "okr $cmd shows no ESC, BEL or CR from the data"
	else not_ok "okr $cmd shows no ESC, BEL or CR from the data" "exit $rc, $n control bytes"; fi
done
run okr list
grep -q "Evil" "$OUT" && grep -q "title" "$OUT"; check $? "the escape-laden title is still shown, made visible" "$(cat "$OUT")"
run okr show O2 --json
expect_json "show O2 --json with escape-laden text"
[ "$(json_get 'd["title"]' | od -An -c | tr -d ' \n' | grep -c '033')" = 1 ]
check $? "--json keeps the exact text (escaped as \\u001b)"
n=$(tr -cd '\033' <"$OUT" | wc -c)
[ "$n" -eq 0 ]; check $? "--json output holds no raw ESC byte"
# CJK and Vietnamese are ordinary text.
expect_out "O3" okr objective add "Tăng trưởng 增长 🚀"

finish
