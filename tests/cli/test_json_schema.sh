#!/bin/sh
# test_json_schema.sh — one JSON vocabulary: the export and every --json
# output validate against the JSON Schema files in docs/schema (which forbid
# any field they do not name), times are ISO 8601, lists are arrays, and the
# export's schema names exactly the fields of the CSV export's header rows.
. "$(dirname "$0")/lib.sh"

SCHEMAS=$(cd "$CLI_DIR/../../docs/schema" && pwd)
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import jsonschema' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then skip "JSON Schema validation" "no python3 with jsonschema (python3-jsonschema)"; finish; exit; fi

# is_valid SCHEMA: $OUT is valid against docs/schema/SCHEMA (errors in $T/v.err).
is_valid() {
	"$PY" - "$SCHEMAS" "$1" "$OUT" >"$T/v.err" 2>&1 <<'PY'
import json, sys, warnings
warnings.simplefilter("ignore")
import jsonschema
base, name, path = sys.argv[1:]
def load(n):
    with open(f"{base}/{n}", encoding="utf-8") as f:
        return json.load(f)
store = {n: load(n) for n in ("defs.schema.json", "show.schema.json", name)}
schema = store[name]
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
resolver = jsonschema.RefResolver(base_uri=f"{name}", referrer=schema, store=store)
with open(path, encoding="utf-8") as f:
    data = json.load(f)
errors = sorted(cls(schema, resolver=resolver).iter_errors(data), key=lambda e: list(e.path))
for e in errors[:5]:
    print(f"{'/'.join(map(str, e.path))}: {e.message[:300]}")
sys.exit(1 if errors else 0)
PY
}

# validate SCHEMA DESC: the last command exited 0 and $OUT is valid.
validate() {
	if [ "$rc" != 0 ]; then not_ok "$2 (exit $rc)"; return; fi
	if is_valid "$1"; then ok "$2 follows $1"
	else not_ok "$2 follows $1" "$(cat "$T/v.err")"; fi
}

demo_db
okr comment O1 "A comment that is long enough to count" >/dev/null

run okr export --format json;          validate export.schema.json "export --format json"
run okr list --json;                   validate list.schema.json "list --json"
run okr list --json --archived;        validate list.schema.json "list --json --archived"
run okr list --people --json;          validate list.schema.json "list --people --json"
run okr list --kpis --json;            validate list.schema.json "list --kpis --json"
run okr kpi list --json;               validate list.schema.json "kpi list --json"
for id in O1 O3 K1 K2 K5 KPI1 lan; do
	run okr show "$id" --json;     validate show.schema.json "show $id --json"
done
run okr show lan --points --json;      validate show.schema.json "show lan --points --json"
for who in lan minh sarah wei; do
	OKR_USER=$who run okr due --json; validate due.schema.json "due --json ($who)"
done
run okr board --json;                  validate board.schema.json "board --json"
run okr board --json --teams --window all; validate board.schema.json "board --json --teams"

# Every write command with --json prints the item it made or changed.
fresh=$T/w.db
w() { "$OKR_BIN" --db "$fresh" "$@"; }
run w init --json
validate write.schema.json "init --json"
[ "$(json_get 'd["database"]' 2>&1)" = "$fresh" ] && [ "$(json_get 'd["shared"]' 2>&1)" = False ] &&
	[ "$(json_get '"cycle" in d' 2>&1)" = False ]
check $? "init --json names the database it made, not shared, no cycle yet"
run w init --json
validate write.schema.json "init --json again (an upgrade in place)"
run "$OKR_BIN" --db "$T/g/team.db" init --shared --json
[ "$(json_get 'd["shared"]' 2>&1)" = True ]; check $? "init --shared --json says it is shared"
run "$OKR_BIN" --db "$T/demo2.db" demo --json
validate write.schema.json "demo --json"
[ "$(json_get 'd["database"] + " " + d["cycle"]["name"]' 2>&1)" = "$T/demo2.db 2026-Q4" ]
check $? "demo --json names the database and the cycle it is in"
! grep -q 'Demo database ready' "$OUT"; check $? "… and only the JSON"
while IFS='|' read -r what args; do
	eval "set -- $args"
	run w "$@" --json
	validate write.schema.json "$what --json"
done <<'CMDS'
cycle add|cycle add Q4 --start 2026-10-01 --end 2026-12-31
cycle current|cycle current Q4
objective add|objective add "Grow the user base"
objective edit|objective edit O1 --title "Grow faster"
kr add|kr add O1 Users --target 100 --unit users
kr edit|kr edit K1 --target 120
checkin|checkin K1 30 -m "first week"
kpi add|kpi add Signups --target 50 --at-least --source CRM --every weekly
kpi push|kpi push Signups 12
kpi link|kpi link K1 Signups
comment|comment K1 "A comment long enough to count"
person add|person add bob --name "Bob B"
person role|person role bob lead
person name|person name bob "Bob Builder"
team add|team add Sales
team join|team join Sales bob
kudos|kudos bob "Thanks for the launch"
grade|grade K1 0.6 -m "fair"
kr archive|kr archive K1 --yes
objective archive|objective archive O1 --yes
cycle close|cycle close Q4 --force
CMDS
# Q4 was closed early; today is still in it, so the next cycle is named.
w cycle add Q1 --start 2027-01-01 --end 2027-03-31 >/dev/null
run w objective add "Second" --cycle Q1 --json
[ "$(json_get 'd["id"]' 2>&1)" = O2 ] && [ "$(json_get 'd["title"]' 2>&1)" = Second ]
check $? "objective add --json prints the objective it made"
run w checkin K1 31 --json
[ "$rc" != 0 ] && [ ! -s "$OUT" ]; check $? "a refused write with --json prints nothing on stdout"
run w kpi list --json
json_get 'd[0]["name"]' 2>&1 | grep -q Signups; check $? "kpi list --json keeps its own output"

# okr import writes too: its --json is the summary.
okr export --format json >"$T/all.json"
run "$OKR_BIN" --db "$T/imp.db" import "$T/all.json" --json
validate import.schema.json "import --json"
[ "$(json_get 'd["added"]["key_results"]' 2>&1)" = "$(json_get 'len(json.load(open(sys.argv[1].replace("stdout","all.json")))["key_results"])' 2>&1)" ]
check $? "import --json counts what it added"
# A database whose O1 is taken, in a cycle that overlaps none of the export's.
other=$T/other.db
"$OKR_BIN" --db "$other" init >/dev/null
"$OKR_BIN" --db "$other" cycle add Q2 --start 2027-04-01 --end 2027-06-30 >/dev/null
"$OKR_BIN" --db "$other" objective add "Taken" --cycle Q2 >/dev/null
run "$OKR_BIN" --db "$other" import "$T/all.json" --json --dry-run
validate import.schema.json "import --json --dry-run into a database with other IDs"
json_get 'd["dry_run"] and any(r["from"] == "O1" for r in d["renumbered"])' 2>&1 | grep -q True
check $? "… says it is a dry run and which IDs would be renumbered"

# The schema's words are the export's: a field it forbids is caught.
run okr show K2 --json
sed 's/"progress_raw"/"progress_rawx"/' "$OUT" >"$T/bad.json" && cp "$T/bad.json" "$OUT"
! is_valid show.schema.json && grep -q progress_rawx "$T/v.err"
check $? "a field the vocabulary does not have is refused (the check can fail)"

run okr show K2 --json
grep -q '"at": "20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z"' "$OUT"; check $? "times are ISO 8601 UTC"
run okr list --people --json
json_get 'all(isinstance(p["teams"], list) for p in d)' | grep -q True; check $? "a person's teams are an array"

# The export schema names the same fields as the CSV header rows.
okr export --format csv | tr -d '\r' | sed -n 's/^#\([a-z_]*\),/\1 /p' | grep -v '^okr ' | tr ',' ' ' >"$T/csv"
"$PY" - "$SCHEMAS/export.schema.json" >"$T/schema" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
for k, v in s["properties"].items():
    if v.get("type") == "array":
        print(v["items"]["title"], " ".join(v["items"]["properties"]))
PY
diff "$T/csv" "$T/schema" >"$T/diff"; check $? "export.schema.json has exactly the CSV export's records and fields" "$(cat "$T/diff")"

finish
