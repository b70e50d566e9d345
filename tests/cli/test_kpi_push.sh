#!/bin/sh
# test_kpi_push.sh — `okr kpi push NAME VALUE` as cron and CI use it: quiet
# on success, safe from many jobs at once (every value kept, every exit 0),
# a retried job counted once, bad values and unknown KPIs refused with the
# documented exit code and nothing written; a key result that tracks the
# KPI takes the pushed value in `okr show` and `okr list`.
. "$(dirname "$0")/lib.sh"

fresh_db
okr kpi add "Khách hàng mới" --target 20 --at-least --source CRM --every weekly --unit leads >/dev/null ||
	{ echo "Bail out! cannot add a KPI"; exit 1; }

run okr kpi push "Khách hàng mới" 7
check "$([ "$rc" = 0 ] && [ ! -s "$OUT" ] && [ ! -s "$ERR" ]; echo $?)" \
	"a push on success prints nothing and exits 0"
run okr kpi push KPI1 8 -m "by ID, with a note"
check "$([ "$rc" = 0 ] && [ ! -s "$OUT" ] && [ ! -s "$ERR" ]; echo $?)" "a push by ID is quiet too"

# Eight jobs at once, each as its own person (a cron job per host).
i=1
while [ "$i" -le 8 ]; do
	( OKR_USER=job$i "$OKR_BIN" --db "$DB" kpi push "Khách hàng mới" "$((100 + i))" -m "job $i" \
		>"$T/job$i.out" 2>"$T/job$i.err"; echo $? >"$T/job$i.rc" ) &
	i=$((i + 1))
done
wait
bad=
for i in 1 2 3 4 5 6 7 8; do
	[ "$(cat "$T/job$i.rc")" = 0 ] || bad="$bad job$i:exit=$(cat "$T/job$i.rc")"
	[ -s "$T/job$i.out" ] && bad="$bad job$i:stdout"
	[ -s "$T/job$i.err" ] && bad="$bad job$i:stderr($(head -c 200 "$T/job$i.err"))"
done
check "$([ -z "$bad" ]; echo $?)" "8 concurrent pushes all exit 0 and print nothing" "$bad"
run okr show KPI1 --json
if [ -n "$HAVE_PYTHON3" ]; then
	got=$(json_get 'sorted(int(s["value"]) for s in d["samples"] if s["note"].startswith("job"))')
	check "$([ "$got" = "[101, 102, 103, 104, 105, 106, 107, 108]" ]; echo $?)" \
		"all 8 concurrent values are stored, once each" "got: $got"
	got=$(json_get 'len(d["samples"])')
	check "$([ "$got" = 10 ]; echo $?)" "10 samples in all" "got: $got"
else
	skip "all 8 concurrent values are stored, once each" "no python3"
	skip "10 samples in all" "no python3"
fi
if [ -n "$HAVE_SQLITE3" ] && [ -z "$PG_DB" ]; then
	got=$(sqlite3 "$DB" "PRAGMA integrity_check")
	check "$([ "$got" = ok ]; echo $?)" "the database is intact after the concurrent pushes" "got: $got"
fi

# Eight jobs pushing five values each: processes opening and closing the
# database while others write (a reader that met the WAL being recovered or
# checkpointed used to fail at once with "busy while opening").
i=1
while [ "$i" -le 8 ]; do
	( fails=0; for j in 1 2 3 4 5; do
		OKR_USER=job$i "$OKR_BIN" --db "$DB" kpi push KPI1 "$j" -m "round $i" >/dev/null 2>>"$T/round.err" ||
			fails=$((fails + 1))
	done; echo "$fails" >"$T/round$i.rc" ) &
	i=$((i + 1))
done
wait
fails=$(cat "$T"/round*.rc | awk '{ s += $1 } END { print s }')
check "$([ "$fails" = 0 ] && [ ! -s "$T/round.err" ]; echo $?)" "8 jobs × 5 pushes at once: every exit 0" \
	"failed: $fails" "$(head -c 300 "$T/round.err")"

# A retried job (same --id) counts once.
okr kpi push KPI1 50 --id ci-run-4711 >/dev/null
okr kpi push KPI1 50 --id ci-run-4711 >/dev/null
run okr show KPI1 --json
if [ -n "$HAVE_PYTHON3" ]; then
	got=$(json_get 'len(d["samples"])')
	check "$([ "$got" = 51 ]; echo $?)" "a retried push with the same --id is stored once (and all 40 more)" \
		"got: $got"
fi

# Bad values: exit 2, say what to write, write nothing.
for v in 12abc NaN nan inf -inf 1e999 '' ' ' 0x10 '1,5' '12 leads'; do
	refused 2 "is not a usable number" okr kpi push KPI1 "$v"
done
refused 2 "missing arguments" okr kpi push KPI1
refused 2 "usage: okr kpi push NAME VALUE" okr kpi push

# Unknown KPI: exit 3 and a hint to see the names.
refused 3 "no KPI 'Leads'" okr kpi push Leads 5
run okr kpi push Leads 5
check "$(grep -qF 'okr kpi list' "$ERR"; echo $?)" "… with how to see the KPI names"
refused 3 "no KPI 'KPI9' — \`okr kpi list\` shows" okr kpi push KPI9 5
expect_out_contains "okr kpi push NAME VALUE\` (cron, CI) prints nothing on success: exit 0 stored" okr help
expect_out_contains "3 no such KPI" okr help

# A key result that tracks the KPI takes its latest value everywhere.
okr kpi link K1 KPI1 >/dev/null || { echo "Bail out! kpi link failed"; exit 1; }
okr kpi push KPI1 61.5 -m "from the nightly job" >/dev/null
run okr show K1 --json
if [ -n "$HAVE_PYTHON3" ]; then
	got=$(json_get 'd["key_result"]["current"]')
	check "$([ "$got" = 61.5 ]; echo $?)" "okr show K1 --json: the current value is the KPI's latest" "got: $got"
	got=$(json_get 'd["checkins"][0]["note"]')
	check "$([ "$got" = "from the nightly job" ]; echo $?)" "… and its history is the KPI's values" "got: $got"
fi
expect_out_contains "61.5 / 100" okr list
expect_out_contains "value      61.5 / 100" okr show K1
expect_out_contains "KPI values" okr show K1
refused 2 "takes its value from KPI1" okr checkin K1 70
finish
