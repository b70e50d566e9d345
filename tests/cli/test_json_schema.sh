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
store = {n: load(n) for n in ("defs.schema.json", name)}
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

okr demo >/dev/null
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
