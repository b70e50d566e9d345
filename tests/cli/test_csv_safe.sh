#!/bin/sh
# test_csv_safe.sh — a CSV export is safe to open: a cell a spreadsheet would
# run as a formula is written as text and okr's own import restores it
# exactly; control and bidi characters never reach the file raw; --bom for
# spreadsheets on Windows; --table for one record type with one header row.
. "$(dirname "$0")/lib.sh"

fresh_db
ESC=$(printf '\033')
okr objective add '=HYPERLINK("http://evil","x")' >/dev/null
okr objective add '@SUM(A1:A9)' >/dev/null
okr objective add "'already quoted" >/dev/null
okr objective add '-2+3' >/dev/null
okr objective add '+44 20 7946 0000' >/dev/null
okr objective add "+1 and a bell $(printf '\007') and ${ESC}[31mred" >/dev/null
okr objective add "$(printf '\342\200\256')reversed" >/dev/null     # U+202E RIGHT-TO-LEFT OVERRIDE
okr checkin K1 -5 -m "=1+1" >/dev/null

run okr export --format csv
cp "$OUT" "$T/a.csv"
grep -qF "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"" "$T/a.csv"
check $? "a cell starting with = is written with a leading quote"
grep -qF ",'@SUM(A1:A9)," "$T/a.csv" && grep -qF ",'-2+3," "$T/a.csv" && grep -qF ",'+44 20 7946 0000," "$T/a.csv"
check $? "… and so are @, - and + cells"
grep -qF ",''already quoted," "$T/a.csv"
check $? "a cell that starts with a quote gets one more, so the import can tell"
grep -q ',-5,' "$T/a.csv" && grep -qF ",'=1+1" "$T/a.csv"
check $? "a negative number stays a number; a note that is a formula does not"
if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$T/a.csv"; then
	not_ok "no raw control characters in the file"
else ok "no raw control characters in the file"; fi
if grep -q "$(printf '\342\200\256')" "$T/a.csv"; then not_ok "no raw bidi override in the file"
else ok "no raw bidi override in the file"; fi
grep -qF ",'\\+1 and a bell \\u{7} and \\u{1b}[31mred," "$T/a.csv" && grep -qF ",'\\\\u{202e}reversed," "$T/a.csv"
check $? "control and bidi characters are written escaped, behind a leading '\\"
okr objective add "'\\not escaped in C:\\path" >/dev/null
okr export --format csv >"$T/a.csv"
grep -qF ",'\\'\\\\not escaped in C:\\\\path," "$T/a.csv"
check $? "a text that begins with '\\ itself is escaped too, so the import can tell"

rm -f "$T/b.db"
"$OKR_BIN" --db "$T/b.db" import "$T/a.csv" >/dev/null 2>"$ERR"
check $? "the export imports" "$(cat "$ERR")"
"$OKR_BIN" --db "$T/b.db" list --json >"$OUT"
if [ -n "$HAVE_PYTHON3" ]; then
	got=$(json_get '"|".join(o["title"] for o in d["objectives"])')
	want="Grow the user base|=HYPERLINK(\"http://evil\",\"x\")|@SUM(A1:A9)|'already quoted|-2+3|+44 20 7946 0000|+1 and a bell $(printf '\007') and ${ESC}[31mred|$(printf '\342\200\256')reversed|'\\not escaped in C:\\path"
	case $got in "$want") ok "the import restores every neutralised cell exactly" ;;
		*) not_ok "the import restores every neutralised cell exactly" "got: $got" ;; esac
else skip "import restores the cells" "no python3"; fi
"$OKR_BIN" --db "$T/b.db" export --format csv >"$T/b.csv"
cmp -s "$T/a.csv" "$T/b.csv"; check $? "export → import → export gives the same file"

run okr export --format csv --bom
head -c 3 "$OUT" | od -An -tx1 | grep -q 'ef bb bf'; check $? "--bom starts the file with a UTF-8 byte-order mark"
tail -c +4 "$OUT" | cmp -s - "$T/a.csv"; check $? "… followed by the same export"
rm -f "$T/c.db"
"$OKR_BIN" --db "$T/c.db" import "$OUT" >/dev/null 2>&1; check $? "… which okr imports"

run okr export --format csv --table key_results --bom
cp "$OUT" "$T/krs.csv"
if [ -n "$HAVE_PYTHON3" ]; then
	python3 - "$T/krs.csv" >"$T/py" 2>&1 <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == 1, rows
assert rows[0]["id"] == "K1" and rows[0]["title"] == "Users" and rows[0]["target"] == "100", rows[0]
assert "record" not in rows[0]
print("ok")
PY
	check $? "--table key_results: one header row, read by Python's csv module" "$(cat "$T/py")"
	okr export --format csv --table objectives | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0][0] == "id" and len(rows) == 10, rows
assert all(len(r) == len(rows[0]) for r in rows)' 2>"$T/py"
	check $? "--table objectives: every row has the header's columns" "$(cat "$T/py")"
else skip "--table read by python" "no python3"; fi
expect_out_contains "uid,kr,author,at,value" okr export --format csv --table checkin
expect_err_contains 2 "use one of cycles, teams" okr export --format csv --table nope
expect_err_contains 2 "--table is for CSV" okr export --format json --table key_results
expect_err_contains 2 "--bom is for CSV" okr export --format md --bom

finish
