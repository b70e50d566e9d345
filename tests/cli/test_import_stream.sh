#!/bin/sh
# test_import_stream.sh — an import (JSON, then CSV) larger than one part (import.h:
# IMPORT_SLICE history records) is read as it comes: it round-trips byte for
# byte, and a syntax error deep inside is reported with its line, exit 2,
# with nothing imported — never "success" with part of the file.
set -u
. "$(dirname "$0")/lib.sh"
export OKR_USER=root
# Files of their own, whatever the engine: several databases, compared byte for byte.
DB=$T/demo.db
db() { f=$1; shift; "$OKR_BIN" --db "$T/$f" "$@"; }
count() { sqlite3 "$T/$1" "SELECT count(*) FROM checkin"; }

demo_db
db demo.db export --format json >"$T/demo.json"
# 12,000 more check-ins (three parts and a bit), written right after the
# array opens; notes with brackets and braces that must not end anything.
awk -v n=12000 '{ print } /"checkins": \[/ { for (i = 1; i <= n; i++)
	printf "    {\n      \"uid\": \"s%031d\",\n      \"kr\": \"K%d\",\n      \"author\": \"wei\",\n" \
	       "      \"at\": \"2026-11-%02dT10:%02d:%02dZ\",\n      \"value\": %d,\n      \"confidence\": null,\n" \
	       "      \"note\": \"n%d ] } [ {\\\" ,\"\n    },\n", i, i % 10 + 1, i % 20 + 1, i / 60 % 60, i % 60, i, i }' \
	"$T/demo.json" >"$T/big.json"

check_that "a file of several parts imports" test "$(code db a.db import "$T/big.json")" = 0
check_that "… every check-in of every part" grep -q 'Added .*12,\{0,1\}040 check-ins' "$OUT"
db a.db export --format json >"$T/a.json"
check_that "… and export → import → export gives the same file" sh -c \
	"'$OKR_BIN' --db '$T/b.db' import '$T/a.json' >/dev/null && '$OKR_BIN' --db '$T/b.db' export --format json | cmp -s - '$T/a.json'"
check_that "… its export holds what was imported" test "$(grep -c '"uid": "s0' "$T/a.json")" = 12000

# A missing comma between two check-ins in the third part.
at=$(grep -n '"uid": "s0000000000000000000000000009000"' "$T/big.json" | cut -d: -f1)
sed "$((at + 7))s/},/}/" "$T/big.json" >"$T/bad.json"
check_that "a syntax error deep inside exits 2" test "$(code db a.db import "$T/bad.json")" = 2
check_that "… names its line" grep -q "bad.json: line $((at + 8)): expected , or \] in an array" "$ERR"
check_that "… says nothing was imported" grep -q 'nothing was imported' "$ERR"
check_that "… and nothing was: the earlier parts were rolled back" test "$(count a.db)" = 12040
check_that "into a new database: exit 2" test "$(code db new.db import "$T/bad.json")" = 2
check_that "… and no file is left (nor its -wal, -shm or doorbell)" \
	sh -c "test ! -e '$T/new.db' && test -z \"\$(ls '$T' | grep '^new\.db')\""
check_that "a dry run reports the error too" test "$(code db c.db import --dry-run "$T/bad.json")" = 2

# The file cut short in the middle of a part.
head -c 1500000 "$T/big.json" >"$T/cut.json"
check_that "a file cut short exits 2" test "$(code db new.db import "$T/cut.json")" = 2
check_that "… with a line" grep -q 'cut.json: line [0-9]*:' "$ERR"

# A duplicate uid in a later part is the file's own mistake.
sed "s/s0000000000000000000000000011000/s0000000000000000000000000000007/" "$T/big.json" >"$T/dup.json"
check_that "a uid twice across parts exits 2" test "$(code db new.db import "$T/dup.json")" = 2
check_that "… saying so" grep -q 'a second check-in with this uid' "$ERR"

# CSV streams too: read a buffer of whole records at a time (1 MiB), so a
# file of several parts whose quoted notes hold newlines, commas and quotes
# across the buffer's edges round-trips byte for byte.
db demo.db export --format csv >"$T/demo.csv"
awk -v n=12000 '{ print } /^#checkin,/ { for (i = 1; i <= n; i++)
	printf "checkin,c%031d,K%d,wei,2026-11-%02dT10:%02d:%02dZ,%d,,\"line one %d, \"\"quoted\"\"\r\nline two\"\r\n",
	       i, i % 10 + 1, i % 20 + 1, i / 60 % 60, i % 60, i, i }' "$T/demo.csv" >"$T/big.csv"
check_that "a CSV file larger than the reader's buffer, of several parts, imports" \
	test "$(code db csv.db import "$T/big.csv")" = 0
check_that "… every check-in" grep -q 'Added .*12,\{0,1\}040 check-ins' "$OUT"
db csv.db export --format csv >"$T/csv1.csv"
check_that "… its notes' newlines and quotes kept" test "$(grep -c '^line two"' "$T/csv1.csv")" = 12000
check_that "… and export → import → export gives the same CSV" sh -c \
	"'$OKR_BIN' --db '$T/csv2.db' import '$T/csv1.csv' >/dev/null && '$OKR_BIN' --db '$T/csv2.db' export --format csv | cmp -s - '$T/csv1.csv'"
# A quote doubled at the start of a field deep inside: its line, exit 2, nothing kept.
at=$(grep -n '^checkin,c0000000000000000000000000011000,' "$T/big.csv" | cut -d: -f1)
sed "${at}s/,\"line one/,\"\"line one/" "$T/big.csv" >"$T/bad.csv"
check_that "a broken CSV record deep inside exits 2" test "$(code db csv3.db import "$T/bad.csv")" = 2
check_that "… names its line" grep -q "bad.csv: line $at: text after a closing quote" "$ERR"
check_that "… and no database is left" test ! -e "$T/csv3.db"

finish
