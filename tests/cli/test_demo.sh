#!/bin/sh
# test_demo.sh — `okr demo` with a fixed clock makes the same database every
# time; its `okr list` is compared with a reviewed copy in expected/.
. "$(dirname "$0")/lib.sh"

D="$T/demo.db"
run "$OKR_BIN" --db "$D" demo
[ "$rc" = 0 ] && grep -q "Demo database ready: $D" "$OUT"; check $? "okr demo makes a database" "exit $rc"
expect_err_contains 2 "already exists" "$OKR_BIN" --db "$D" demo

run "$OKR_BIN" --db "$D" list
if [ "$rc" = 0 ] && diff -u "$CLI_DIR/expected/demo-list.txt" "$OUT" >"$T/diff"; then
	ok "okr list on the demo matches expected/demo-list.txt"
else
	not_ok "okr list on the demo matches expected/demo-list.txt" "exit $rc" "$(cat "$T/diff")"
fi
n=$(tr -cd '\033' <"$OUT" | wc -c)
[ "$n" -eq 0 ]; check $? "no escape bytes in the list"

# A key result counted in whole campaigns or bugs (0 decimals) gets whole
# values in the demo's history: no "1.7 → 2 chiến dịch" in a digest.
run "$OKR_BIN" --db "$D" export --format json
python3 - "$OUT" >"$T/frac" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
dec = {k["id"]: k["decimals"] for k in d["key_results"]}
for c in d["checkins"]:
    v = c["value"] * 10 ** dec[c["kr"]]
    if abs(v - round(v)) > 1e-9:
        print(c["kr"], c["value"], "with", dec[c["kr"]], "decimals")
PY
[ "$rc" = 0 ] && [ ! -s "$T/frac" ]; check $? "every demo check-in has its key result's decimals" "$(cat "$T/frac")"

run "$OKR_BIN" --db "$D" list --json
expect_json "demo list --json"
if [ -n "$HAVE_PYTHON3" ]; then
	[ "$(json_get 'len(d["objectives"])')" -ge 4 ]; check $? "the demo has at least 4 objectives"
	[ "$(json_get 'sum(len(o["key_results"]) for o in d["objectives"])')" -ge 8 ]; check $? "… and 8 key results"
fi
run "$OKR_BIN" --db "$D" list --people
[ "$(wc -l <"$OUT")" -ge 7 ]; check $? "the demo has 7 people" "$(cat "$OUT")"
grep -q "王伟" "$OUT" && grep -q "Nguyễn Thị Lan" "$OUT"; check $? "people's names in Chinese and Vietnamese"
run "$OKR_BIN" --db "$D" list --kpis
[ "$rc" = 0 ] && [ -s "$OUT" ]; check $? "the demo has KPIs"
run "$OKR_BIN" --db "$D" list --teams
grep -q "Marketing" "$OUT"; check $? "the demo has teams"
for id in O1 K2 KPI1; do
	run "$OKR_BIN" --db "$D" show "$id"
	[ "$rc" = 0 ] && [ -s "$OUT" ]; check $? "show $id on the demo" "exit $rc"
	run "$OKR_BIN" --db "$D" show "$id" --json
	expect_json "show $id --json on the demo"
done
run "$OKR_BIN" --db "$D" show K2
grep -q "^Check-ins" "$OUT"; check $? "the demo's K2 has a check-in history"

# The same clock gives the same demo.
run "$OKR_BIN" --db "$T/demo2.db" demo
"$OKR_BIN" --db "$T/demo2.db" list >"$T/list2"
diff -q "$CLI_DIR/expected/demo-list.txt" "$T/list2" >/dev/null; check $? "a second demo lists the same"

# The person running the demo may be one of its people (OKR_USER=lan, or a
# login that happens to be "tuan"): they become that person, and the demo is
# the same one everybody else gets.
for who in lan tuan; do
	rm -f "$T/as-$who.db"
	run env OKR_USER=$who "$OKR_BIN" --db "$T/as-$who.db" demo
	[ "$rc" = 0 ] && grep -q "Demo database ready" "$OUT"; check $? "okr demo as demo person '$who' succeeds" "exit $rc"
	"$OKR_BIN" --db "$T/as-$who.db" list >"$T/list-$who" 2>&1
	diff -u "$CLI_DIR/expected/demo-list.txt" "$T/list-$who" >"$T/diff"; check $? "… and lists the same demo" "$(cat "$T/diff")"
	run env OKR_USER=$who "$OKR_BIN" --db "$T/as-$who.db" list --people
	[ "$(wc -l <"$OUT")" -eq 7 ] && grep -q "^$who .*admin" "$OUT"
	check $? "… with seven people, '$who' among them and still its admin" "$(cat "$OUT")"
done

finish
