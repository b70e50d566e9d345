#!/bin/sh
# test_import.sh — okr import: JSON and CSV round trips (export → import into
# an empty database → export gives the same file), the dry run, importing
# twice, bad rows reported by line or path with nothing written (exit 2).
set -u
. "$(dirname "$0")/lib.sh"
export OKR_USER=root
# Files of their own, whatever the engine: several databases, compared byte for byte.
DB=$T/demo.db
db() { f=$1; shift; "$OKR_BIN" --db "$T/$f" "$@"; }
same() { cmp -s "$1" "$2"; }

demo_db
# Make the source richer than the demo: a closed cycle with grades and a
# text with control characters, quotes, commas and a newline.
OKR_USER=jing db demo.db grade K5 0.7 -m 'close enough' >/dev/null
OKR_USER=lan db demo.db cycle close 2026-Q4 --force --grade 'K8=0.3:vendor "slipped", again' >/dev/null
db demo.db objective add "$(printf 'Tab\there, ESC \033[1m, newline\nend')" --cycle 2026-next >/dev/null
db demo.db export --format json >"$T/a.json"
db demo.db export --format csv >"$T/a.csv"

check_that "JSON: import into an empty database succeeds" test "$(code db j.db import "$T/a.json")" = 0
db j.db export --format json >"$T/b.json"
check_that "JSON: export → import → export gives the same file" same "$T/a.json" "$T/b.json"
check_that "CSV: import into an empty database succeeds" test "$(code db c.db import "$T/a.csv")" = 0
db c.db export --format csv >"$T/b.csv"
check_that "CSV: export → import → export gives the same file" same "$T/a.csv" "$T/b.csv"
db c.db export --format json >"$T/c.json"
check_that "CSV and JSON carry the same data" same "$T/a.json" "$T/c.json"
check_that "the imported cycle is still closed" sh -c "'$OKR_BIN' --db '$T/j.db' cycle list | grep 2026-Q4 | grep -q closed"
check_that "IDs of an empty database are kept (K10 is K10)" sh -c "'$OKR_BIN' --db '$T/j.db' show K10 | grep -q 'Win 40 qualified leads'"

check_that "importing the same file twice succeeds" test "$(code db j.db import "$T/a.json")" = 0
check_that "… adds nothing (check-ins matched by uid)" grep -q '0 check-ins (40 already there)' "$OUT"
db j.db export --format json >"$T/b2.json"
check_that "… and the data is unchanged" same "$T/a.json" "$T/b2.json"

# Dry run: on an existing empty database and on a missing one.
db empty.db init >/dev/null
db empty.db export --format json >"$T/e1.json"
check_that "a dry run succeeds" test "$(code db empty.db import --dry-run "$T/a.csv")" = 0
check_that "… says it wrote nothing" grep -q 'nothing was written' "$OUT"
check_that "… lists what it would create" sh -c "grep -q 'add   objective  O1 ' '$OUT' && grep -q 'Would add 2 cycles' '$OUT'"
db empty.db export --format json >"$T/e2.json"
check_that "… and the database is unchanged" same "$T/e1.json" "$T/e2.json"
mkdir "$T/tmp"
check_that "a dry run into a missing database succeeds" test "$(TMPDIR="$T/tmp" code db none.db import -n "$T/a.json")" = 0
check_that "… lists what it would create" grep -q 'Would add 2 cycles' "$OUT"
check_that "… and leaves no file, not even a scratch one" sh -c "test ! -e '$T/none.db' && test -z \"\$(ls -A '$T/tmp')\""

# Bad rows: reported with where and why, exit 2, nothing written.
awk 'BEGIN{FS=OFS=","} $1=="key_result" && $2=="K5" {$10="12abc"} {print}' "$T/a.csv" >"$T/bad.csv"
line=$(grep -n '^key_result,K5,' "$T/bad.csv" | cut -d: -f1)
check_that "a bad CSV value: exit 2" test "$(code db bad1.db import "$T/bad.csv")" = 2
check_that "… names the line and the field" err_has "line $line: key_result \`target\`: must be a plain number"
check_that "… and nothing is written (no database left)" test ! -e "$T/bad1.db"
check_that "into an existing database too: exit 2" test "$(code db empty.db import "$T/bad.csv")" = 2
db empty.db export --format json >"$T/e3.json"
check_that "… which is unchanged" same "$T/e1.json" "$T/e3.json"
sed 's/^checkin,\([^,]*\),K5,jing,/checkin,\1,K5,ghost,/' "$T/a.csv" >"$T/ghost.csv"
line=$(grep -n ',ghost,' "$T/ghost.csv" | head -1 | cut -d: -f1)
check_that "an unknown person in a check-in: exit 2" test "$(code db bad2.db import "$T/ghost.csv")" = 2
check_that "… names the line and the person" err_has "line $line: no person 'ghost'"
sed 's/^key_result,K3,O9,/key_result,K3,O99,/; s/^key_result,K3,O2,/key_result,K3,O99,/' "$T/a.csv" >"$T/ref.csv"
check_that "a key result of a missing objective: exit 2" test "$(code db bad3.db import "$T/ref.csv")" = 2
check_that "… says which reference is wrong" err_has "key_result \`objective\`: no objective with that ID in the file"
printf '#okr,version\r\nokr,1\r\n#cycle,name,start,end,state,current\r\ncycle,"Q1,2027-01-01,2027-03-31,active,true\r\n' >"$T/quote.csv"
check_that "an unclosed quote: exit 2 with its line" \
	sh -c "'$OKR_BIN' --db '$T/bad4.db' import '$T/quote.csv' 2>&1 >/dev/null | grep -q 'line 4: a quoted field is not closed'"
sed 's/"confidence": 10,/"confidence": 11,/' "$T/a.json" >"$T/bad.json"
check_that "a bad JSON value: exit 2" test "$(code db bad5.db import "$T/bad.json")" = 2
check_that "… names the JSON path and the reason" err_has '\$\.checkins\[[0-9]*\] (line [0-9]*): checkin `confidence`: must be a whole number from 0 to 10'
sed 's/"value": 1,/"value": "1",/' "$T/a.json" >"$T/type.json"
check_that "a JSON value of the wrong type: exit 2 with its path" \
	sh -c "'$OKR_BIN' --db '$T/bad6.db' import '$T/type.json' 2>&1 | grep -q 'must be a number, not a string'"
printf '{"format": "okr", "version": 1, "cycles": [\n  {"name": "Q1",}\n]}\n' >"$T/syntax.json"
check_that "malformed JSON: exit 2 with the line" \
	sh -c "'$OKR_BIN' --db '$T/bad7.db' import '$T/syntax.json' 2>&1 | grep -q 'line 2: a comma before }'"
printf 'name,start\nQ1,2027-01-01\n' >"$T/other.csv"
check_that "a CSV that is not an okr export: exit 2" test "$(code db bad8.db import "$T/other.csv")" = 2
check_that "a missing file: exit 2" test "$(code db bad9.db import "$T/nothing.json")" = 2
check_that "a member may not import into a shared database (exit 6)" \
	test "$(OKR_USER=tuan code db demo.db import "$T/a.json")" = 6

finish
