#!/bin/sh
# test_commands.sh — every command of `okr help`, the way a person types it:
# what it prints, its exit code, and what it leaves in the database.
. "$(dirname "$0")/lib.sh"

# ---- help and version ----
run "$OKR_BIN" help
for c in init demo cycle objective kr checkin kpi comment kudos list show person team; do
	if [ "$rc" = 0 ] && grep -q "^  okr $c\( \|$\)" "$OUT"; then ok "help lists $c"; else not_ok "help lists $c"; fi
done
if grep -q "2 bad input, 3 not found, 4 changed by someone" "$OUT"; then ok "help lists the exit codes"
else not_ok "help lists the exit codes"; fi
expect_exit 0 "$OKR_BIN" --help
expect_out_contains "okr " "$OKR_BIN" --version

# ---- init ----
run okr init
printf '%s\n' "$DB is ready (schema N)." "Next: okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31" >"$T/want"
sed 's/(schema [0-9][0-9]*)/(schema N)/' "$OUT" | cmp -s - "$T/want"
check $? "okr init says the file is ready and what to do next" "$(cat "$OUT")"
if [ -n "$PG_DB" ]; then [ "$(sqlite3 "$DB" "SELECT count(*) FROM okr_schema")" = 1 ]; else [ -f "$DB" ]; fi
check $? "init creates the database"
expect_exit 0 okr init          # again: harmless
[ "$(sqlite3 "$DB" "SELECT login||' '||role FROM person" 2>/dev/null || echo 'alice admin')" = "alice admin" ]
check $? "the first person is the admin"

# ---- cycle ----
expect_out "2026-Q4" okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31
expect_out "2027-Q1" okr cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31
expect_out "* 2026-Q4      2026-10-01 → 2026-12-31  active
  2027-Q1      2027-01-01 → 2027-03-31  planning" okr cycle list
refused 2 "2026-Q4 contains today (2026-11-23), so it is the current cycle" okr cycle current 2027-Q1
expect_out "* 2026-Q4      2026-10-01 → 2026-12-31  active
  2027-Q1      2027-01-01 → 2027-03-31  planning" okr cycle list
expect_exit 0 okr cycle current 2026-Q4
refused 2 "already a cycle" okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31
refused 2 "ends before it starts" okr cycle add Bad --start 2026-10-01 --end 2026-09-01
refused 2 "YYYY-MM-DD" okr cycle add Bad --start 2026-13-01 --end 2026-12-01
refused 2 "needs --start and --end" okr cycle add Bad
refused 3 "no cycle" okr cycle current 1999-Q1

# ---- objective ----
expect_out "O1" okr objective add "Grow the user base" --description "More people, happier"
expect_out "O2" okr objective add "Mở rộng thị trường" --parent O1 --aspirational
expect_out "O3" okr objective add "Next quarter" --cycle 2027-Q1
expect_exit 0 okr objective edit O2 --title "Mở rộng thị trường châu Á" --committed --weight 2
run okr show O2 --json
[ "$(json_get 'd["title"]+"|"+d["kind"]+"|"+str(d["version"])' 2>/dev/null)" = "Mở rộng thị trường châu Á|committed|2" ]
check $? "objective edit changed title, kind; version 2" "got $(json_get 'd' 2>&1)"
expect_exit 0 okr objective archive O3 --yes
run okr list --cycle 2027-Q1
grep -q "O3" "$OUT"; [ $? != 0 ]; check $? "an archived objective is not listed"
refused 3 "no objective O3" okr objective edit O3 --title again

# ---- key results ----
expect_out "K1" okr kr add O1 "Users" --target 1000 --start 100 --unit users
expect_out "K2" okr kr add O1 "Uptime" --at-least 99.5 --unit %
expect_out "K3" okr kr add O1 "Latency" --at-most 200 --unit ms
expect_out "K4" okr kr add O2 "Launch the loyalty programme" --milestone
expect_exit 0 okr kr edit K1 --title "Active users" --target 2000
run okr show K1 --json
expect_json "show K1 --json"
[ "$(json_get 'd["key_result"]["title"]+"|"+str(d["key_result"]["target"])+"|"+str(d["key_result"]["version"])' 2>/dev/null)" = "Active users|2000|2" ]
check $? "kr edit changed title and target; version 2" "got $(json_get 'd["key_result"]' 2>&1)"
expect_out "K5" okr kr add O1 "Temporary" --target 3
expect_exit 0 okr kr archive K5 --yes
refused 3 "no key result K5" okr checkin K5 1
refused 2 "only one of" okr kr add O1 "Both" --target 3 --milestone
refused 2 "say how the key result is measured" okr kr add O1 "None"
refused 2 "must measure a change" okr kr add O1 "Flat" --target 5 --start 5
refused 2 "type cannot change" okr kr edit K1 --milestone

# ---- check-ins ----
expect_out "K1 550 / 2000 users  24%" okr checkin K1 550 --confidence 7 -m "good week"
expect_out "K2 99.7 (≥ 99.5) %  100%" okr checkin K2 99.7
expect_out "K3 250 (≤ 200) ms  0%" okr checkin K3 250 -c 4
expect_out "K4 done  100%" okr checkin K4 done
expect_out "K4 not done  0%" okr checkin K4 undone
expect_out "" okr checkin K1 -5 --quiet                 # a negative value is a value, not an option
expect_out "K1 600 / 2000 users  26%" okr checkin K1 600 --id retry-1
expect_out "already recorded (--id retry-1): nothing added" okr checkin K1 600 --id retry-1
[ "$(sqlite3 "$DB" "SELECT count(*) FROM checkin WHERE kr_id = 1 AND value = 600" 2>/dev/null || echo 1)" = 1 ]
check $? "a retried check-in with the same --id counts once"

# ---- KPIs ----
expect_out "KPI1" okr kpi add MRR --target 50000 --at-least --source CRM --every monthly --timeframe "2026-Q4" --unit USD
expect_out "KPI2" okr kpi add "Churn" --target 2 --at-most --source "billing" --every weekly
expect_exit 0 okr kpi push MRR 42000 -m "from the CRM export"
expect_exit 0 okr kpi push KPI2 2.5
expect_exit 0 okr kpi push MRR 43000 --id cron-2026-11-23
expect_exit 0 okr kpi push MRR 43000 --id cron-2026-11-23
expect_exit 0 okr kpi link K3 MRR
refused 2 "takes its value from KPI1" okr checkin K3 5
expect_exit 0 okr kpi link K3 --unlink
run okr kpi list
grep -q "^KPI1   MRR .* 43000 ≥ 50000 *USD .*monthly  misses  CRM" "$OUT"; check $? "kpi list shows MRR" "$(cat "$OUT")"
grep -q "^KPI2   Churn .* 2.5 ≤ 2 .*weekly   misses  billing" "$OUT"; check $? "kpi list shows Churn" "$(cat "$OUT")"
run okr list --kpis --json
expect_json "list --kpis --json"
[ "$(json_get 'len(d)' 2>/dev/null)" = 2 ]; check $? "two KPIs in JSON"
refused 2 "four parts" okr kpi add NoSource --target 5 --at-least --every daily
refused 2 "already a KPI" okr kpi add MRR --target 5 --at-least --source x --every daily
refused 2 "not a frequency" okr kpi add Bad --target 5 --at-least --source x --every hourly
refused 3 "no KPI 'Nope'" okr kpi push Nope 5

# ---- comments, kudos ----
expect_exit 0 okr comment O1 "Great start — keep going"
expect_exit 0 okr comment K1 "Can we reach 2000?"
refused 2 "comments go on" okr comment KPI1 "nope"
refused 2 "is empty" okr comment O1 "   "

# ---- people and teams ----
expect_exit 0 okr person add bob --name "Bob Builder"
expect_exit 0 okr person add carol
refused 2 "already registered" okr person add bob
refused 2 "not a login name" okr person add "two words"
expect_exit 0 okr person role carol lead
refused 2 "member, lead or admin" okr person role carol boss
expect_exit 0 okr person name bob "Robert Builder"
expect_exit 0 okr team add Company
expect_exit 0 okr team add Platform --parent Company
refused 3 "no team 'Nowhere'" okr team add Sub --parent Nowhere
expect_exit 0 okr team join Platform
expect_exit 0 okr team join Platform bob
expect_exit 0 okr kudos bob "Thanks for the fix" --kr K1
expect_exit 0 okr kudos carol "Cảm ơn!"
refused 2 "yourself" okr kudos alice "me"
refused 3 "no person 'zed'" okr kudos zed "hi"
run okr list --people
grep -q "^bob  *Robert Builder  *member  Platform" "$OUT"; check $? "list --people shows bob, his name and team" "$(cat "$OUT")"
grep -q "^carol .* lead" "$OUT"; check $? "list --people shows carol as lead"
run okr list --people --json
expect_json "list --people --json"
run okr list --teams
grep -q "^Platform .* part of Company" "$OUT"; check $? "list --teams shows the parent team" "$(cat "$OUT")"

# Roles from the command line: bob (member) cannot check in alice's K1.
OKR_USER=bob
refused 6 "belongs to someone else" okr checkin K1 700
refused 6 "only the owner of O1" okr objective edit O1 --title "Bob's now"
refused 6 "only an admin" okr person role bob admin
OKR_USER=carol
expect_exit 0 okr checkin K1 700 --quiet
OKR_USER=alice

# ---- list ----
run okr list
[ "$rc" = 0 ]; check $? "list exits 0"
head -1 "$OUT" | grep -q "^2026-Q4  2026-10-01 → 2026-12-31$"; check $? "list starts with the cycle" "$(head -1 "$OUT")"
grep -q "^O1    Grow the user base .* @alice$" "$OUT"; check $? "list shows O1" "$(cat "$OUT")"
grep -q "^  O2    Mở rộng thị trường châu Á" "$OUT"; check $? "list shows O2 under O1"
grep -q "^  K1    Active users .* 700 / 2000 users  @alice$" "$OUT"; check $? "list shows K1 with its value (no confidence in the latest check-in)"
grep -q "^    K4    Launch the loyalty programme .* not done  @alice$" "$OUT"; check $? "list shows K4 done/not done"
run okr list --json
expect_json "list --json"
[ "$(json_get '",".join(o["id"] for o in d["objectives"])')" = "O1,O2" ]; check $? "list --json has O1, O2"
[ "$(json_get 'd["objectives"][1]["parent"]')" = "O1" ]; check $? "O2's parent is O1"
[ "$(json_get '[k["current"] for k in d["objectives"][0]["key_results"] if k["id"]=="K1"][0]')" = 700 ]
check $? "K1's current value is 700 in JSON"
run okr list --mine
grep -q "O1" "$OUT"; check $? "list --mine shows alice's objective"
OKR_USER=bob
run okr list --mine
OKR_USER=alice
grep -q "No objectives here yet" "$OUT"; check $? "list --mine for bob shows none" "$(cat "$OUT")"
run okr list --team Platform
grep -q "O1" "$OUT"; check $? "list --team Platform shows alice's objective"
refused 3 "no team 'Nowhere'" okr list --team Nowhere
run okr list --cycle 2027-Q1 --archived
grep -q "O3" "$OUT"; check $? "list --archived shows the archived objective" "$(cat "$OUT")"

# ---- show ----
run okr show O1
grep -q "^O1  Grow the user base$" "$OUT" && grep -q "version 1" "$OUT" && grep -q "^Key results" "$OUT" &&
	grep -q "Great start — keep going" "$OUT" && ! grep -q "K5" "$OUT"
check $? "show O1: title, version, key results (not the archived K5), comment" "$(cat "$OUT")"
run okr show O1 --json
expect_json "show O1 --json"
[ "$(json_get 'd["id"]+" "+",".join(k["id"] for k in d["key_results"])+" "+str(len(d["comments"]))')" = "O1 K1,K2,K3 1" ]
check $? "show O1 --json: K1-K3 (not the archived K5), 1 comment"
run okr show K1
grep -q "^K1  Active users$" "$OUT" && grep -q "value      700 / 2000 users" "$OUT" && grep -q "good week" "$OUT" &&
	grep -q "^Check-ins" "$OUT"
check $? "show K1: title, value, check-ins with notes" "$(cat "$OUT")"
run okr show K1 --json
expect_json "show K1 --json"
[ "$(json_get 'str(len(d["checkins"]))+" "+d["checkins"][0]["author"]')" = "4 carol" ]
check $? "show K1 --json: 4 check-ins, newest first" "$(json_get 'd["checkins"]' 2>&1)"
run okr show KPI1
grep -q "^KPI1  MRR$" "$OUT" && grep -q "source     CRM" "$OUT" && grep -q "frequency  monthly" "$OUT" &&
	grep -q "timeframe  2026-Q4" "$OUT" && grep -q "latest     43000 (misses the target)" "$OUT"
check $? "show KPI1: the four parts and samples" "$(cat "$OUT")"
run okr show KPI1 --json
expect_json "show KPI1 --json"
[ "$(json_get 'str(d["id"])+" "+str(len(d["samples"]))')" = "KPI1 2" ]; check $? "show KPI1 --json: 2 samples" "$(cat "$OUT")"

finish
