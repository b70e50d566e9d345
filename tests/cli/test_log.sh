#!/bin/sh
# test_log.sh — okr log: the audit trail read back, newest first, for one
# item or everything, filtered by person and date, as text and --json.
. "$(dirname "$0")/lib.sh"

fresh_db
okr person add bob --name "Bob Tran" >/dev/null
OKR_NOW=1795521600 okr checkin K1 0.1 -m "first" >/dev/null          # 2026-11-24 12:00
OKR_NOW=1795608000 OKR_USER=bob okr comment K1 "nice" >/dev/null     # 2026-11-25 12:00
OKR_NOW=1795611600 okr objective add "Ship the app" >/dev/null       # 2026-11-25 13:00, O2

expect_out_contains "2026-11-24 12:00  @alice        K1        checked in 0.1  · Users" okr log
expect_out_contains "2026-11-25 12:00  @bob          K1        commented  · Users" okr log K1
run okr log K1
check "$([ "$(head -1 "$OUT" | grep -c commented)" = 1 ] && echo 0)" "the newest change comes first"
check "$(! grep -q 'Ship the app' "$OUT" && echo 0)" "okr log K1 shows only K1"
expect_out_contains "K1        checked in 0.1" okr log O1
run okr log O1
check "$(! grep -q 'O2' "$OUT" && echo 0)" "an objective's log takes its key results, not other objectives"
run okr log --person bob
check "$([ "$(wc -l <"$OUT")" -ge 1 ] && ! grep -q '@alice' "$OUT" && echo 0)" "--person shows only that person's changes"
expect_out_contains "@bob" okr log --person @bob
run okr log --since 2026-11-25
check "$(grep -q 'Ship the app' "$OUT" && ! grep -q 'checked in' "$OUT" && echo 0)" "--since leaves out what came before the day"
expect_out "No changes recorded for this." okr log --since 2027-01-01
run okr log --limit 1
check "$([ "$(wc -l <"$OUT")" = 1 ] && grep -q 'Ship the app' "$OUT" && echo 0)" "--limit 1 shows the newest change only"

run okr log K1 --json
expect_json "okr log --json"
if [ -n "$HAVE_PYTHON3" ]; then
	check "$([ "$(json_get 'd[0]["person"]+" "+d[0]["action"]+" "+d[0]["ref"]')" = "bob comment K1" ] && echo 0)" \
		"--json names person, action and item"
	check "$([ "$(json_get 'd[1]["what"]')" = "checked in 0.1" ] && echo 0)" "--json says what in words, the value as entered"
fi

expect_err_contains 3 "no key result K9" okr log K9
expect_err_contains 3 "no person" okr log --person nobody
expect_err_contains 2 "YYYY-MM-DD" okr log --since tomorrow
expect_err_contains 2 "is not an ID" okr log cheese
expect_err_contains 2 "--limit takes a whole number" okr log --limit 0
finish
