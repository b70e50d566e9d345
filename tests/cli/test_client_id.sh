#!/bin/sh
# test_client_id.sh — `--id` names one write of one person on one key result
# or KPI.  A retry is recognised ("already recorded", exit 0) and counts once;
# the same id on another key result, another KPI or by another person is a
# write of its own and is stored; the same id with another value or note is
# refused with exit 7, saying why, and nothing is written.  Rows written
# before ids were scoped (their uid is the id itself) still recognise a retry.
. "$(dirname "$0")/lib.sh"

fresh_db
okr kr add O1 "Signups" --target 10 >/dev/null
okr kr add O1 "Bugs" --target 10 >/dev/null
okr kpi add Leads --target 20 --at-least --source CRM --every weekly >/dev/null
okr kpi add Churn --target 5 --at-most --source CRM --every weekly >/dev/null

count() { okr show "$1" --json >"$T/c.json" && python3 -c "import json,sys
d=json.load(open(sys.argv[1])); print(len(d.get('checkins', d.get('samples', []))))" "$T/c.json"; }

expect_out "K2 3 / 10  30%" okr checkin K2 3 --id JOB42
expect_out "K3 4 / 10  40%" okr checkin K3 4 --id JOB42
if [ -n "$HAVE_PYTHON3" ]; then
	check "$([ "$(count K2)" = 1 ] && [ "$(count K3)" = 1 ]; echo $?)" \
		"one job id on two key results stores both check-ins"
fi

expect_out "already recorded (--id JOB42): nothing added" okr checkin K2 3 --id JOB42
[ -n "$HAVE_PYTHON3" ] && check "$([ "$(count K2)" = 1 ]; echo $?)" "the retry added nothing"

refused 7 "--id JOB42 was already used by you for another check-in of K2 (value 3)" \
	okr checkin K2 5 --id JOB42
refused 7 "a retry must repeat the same value, confidence and note" okr checkin K2 3 -m other --id JOB42
refused 7 "another check-in of K2" okr checkin K2 3 -c 4 --id JOB42

# Another person's job with the same id is theirs, not a retry of alice's.
okr person add bob >/dev/null
okr person role bob lead >/dev/null
run env OKR_USER=bob "$OKR_BIN" --db "$DB" checkin K2 3 --id JOB42
check "$([ "$rc" = 0 ] && grep -q '^K2 3 / 10' "$OUT"; echo $?)" "the same id from another person is stored as theirs"
[ -n "$HAVE_PYTHON3" ] && check "$([ "$(count K2)" = 2 ]; echo $?)" "K2 has alice's and bob's check-in"

# KPIs: one CI job pushes several KPIs with its job id.
run okr kpi push Leads 12 --id "$OKR_NOW"
check "$([ "$rc" = 0 ] && [ ! -s "$OUT" ]; echo $?)" "a first push with an id is quiet"
run okr kpi push Churn 3 --id "$OKR_NOW"
check "$([ "$rc" = 0 ] && [ ! -s "$OUT" ]; echo $?)" "the same job id on another KPI is stored, quietly"
expect_out "already recorded (--id $OKR_NOW): nothing added" okr kpi push Churn 3 --id "$OKR_NOW"
refused 7 "--id $OKR_NOW was already used by you for another value of KPI2 (3)" \
	okr kpi push Churn 4 --id "$OKR_NOW"
if [ -n "$HAVE_PYTHON3" ]; then
	check "$([ "$(count KPI1)" = 1 ] && [ "$(count KPI2)" = 1 ]; echo $?)" "each KPI holds its one value"
fi

# An id longer than 64 characters or empty is bad input, said as such.
refused 2 "--id must be 1 to 64 characters" okr checkin K2 3 --id ""
refused 2 "--id must be 1 to 64 characters" okr kpi push Leads 1 \
	--id "$(printf '%070d' 0)"

# The id is echoed safely: an escape sequence in it reaches nobody's terminal.
okr checkin K3 7 --id "$(printf 'x\033]52;c;aGk=\007')" >/dev/null
run okr checkin K3 7 --id "$(printf 'x\033]52;c;aGk=\007')"
check "$([ "$rc" = 0 ] && ! grep -q "$(printf '\033')" "$OUT" && grep -q 'already recorded' "$OUT"; echo $?)" \
	"an id with an escape sequence is shown sanitised"

# A check-in stored before ids were scoped (the id is its uid) is recognised.
if [ -n "$HAVE_SQLITE3" ]; then
	okr kr add O1 "Docs" --target 10 >/dev/null
	sqlite3 "$DB" "INSERT INTO checkin(uid, kr_id, author_id, value, note, at)
		SELECT 'OLD-7', 4, id, 2, '', $OKR_NOW FROM person WHERE login = 'alice'"
	expect_out "already recorded (--id OLD-7): nothing added" okr checkin K4 2 --id OLD-7
	refused 7 "another check-in of K4" okr checkin K4 9 --id OLD-7
else
	skip "a pre-scoping retry is recognised" "no sqlite3"
fi
finish
