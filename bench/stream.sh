#!/bin/sh
# bench/stream.sh — whole-history export and import (issue 10, item 4): peak
# resident memory and wall time of `okr export --format json` and of
# `okr import` of that file into a new database, next to the sqlite3
# shell's floor (`-json` of the check-ins, and loading `.dump`), and whether
# export → import → export gives the same bytes; then the same for the CSV
# export, read back as it comes too.
#
#   make -j2 all build/rel/bench/gen
#   OKR_BIN=$PWD/build/rel/okr-test BUILD=build/rel sh bench/stream.sh
#
# Knobs: BENCH_LARGE (the large set, kept between runs, made with bench/gen
# when missing, as bench/run.sh), BENCH_DIR (scratch: the export is about
# 230 MB, the databases about 200 MB each, the dump 150 MB).  One run each:
# on a shared machine wall times move with the load, so the load average
# is printed with them.
set -eu

BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$(pwd)/build/rel/okr-test}
B=$BUILD/bench
LARGE=${BENCH_LARGE:-$B/large.db}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/okr-stream.XXXXXX")}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT INT TERM
unset OKR_NOW OKR_DB OKR_CONFIG

[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time -v)" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || { echo "bench: needs the sqlite3 shell" >&2; exit 1; }
if [ ! -s "$LARGE" ]; then
	[ -x "$B/gen" ] || { echo "bench: $B/gen is missing — run \`make $B/gen\`" >&2; exit 1; }
	echo "bench: generating the large data set (a minute or two)" >&2
	"$B/gen" "$LARGE.tmp" >&2 && rm -f "$LARGE.tmp-wal" "$LARGE.tmp-shm" "$LARGE.tmp-bell" && mv "$LARGE.tmp" "$LARGE"
fi

# measure NAME CMD...: peak RSS (MB) and wall time (s) of CMD into $rss, $wall.
measure() {
	name=$1; shift
	/usr/bin/time -f '%M %e' -o "$WORK/$name.time" "$@" || { echo "bench: $name failed" >&2; exit 1; }
	rss=$(awk '{ printf "%.1f", $1 / 1024 }' "$WORK/$name.time")
	wall=$(awk '{ print $2 }' "$WORK/$name.time")
}
row() { printf '| %s | %s MB | %s s |\n' "$1" "$rss" "$wall"; }

admin=$(sqlite3 "$LARGE" "SELECT login FROM person WHERE role = 'admin' ORDER BY id LIMIT 1")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| what | peak RSS | wall |"
echo "|---|---|---|"
measure floor_json sh -c "sqlite3 '$LARGE' -json 'SELECT * FROM checkin' >/dev/null"
row "sqlite3 -json of the check-ins (floor)"
measure export sh -c "'$OKR_BIN' --db '$LARGE' export --format json >'$WORK/a.json'"
row "okr export --format json ($(du -m "$WORK/a.json" | cut -f1) MB)"
measure export_csv sh -c "'$OKR_BIN' --db '$LARGE' export --format csv >'$WORK/a.csv'"
row "okr export --format csv"
sqlite3 "$LARGE" .dump >"$WORK/large.sql"
measure floor_load sh -c "sqlite3 '$WORK/floor.db' <'$WORK/large.sql' >/dev/null"
row "sqlite3 loading .dump into a new file (floor)"
measure import env OKR_USER="$admin" "$OKR_BIN" --db "$WORK/b.db" import "$WORK/a.json"
row "okr import of that export into a new database"
"$OKR_BIN" --db "$WORK/b.db" export --format json | cmp -s - "$WORK/a.json" && same=yes || same=NO
rm -f "$WORK/b.db" "$WORK/b.db-wal" "$WORK/b.db-shm" "$WORK/b.db-bell" "$WORK/a.json"
measure import_csv env OKR_USER="$admin" "$OKR_BIN" --db "$WORK/c.db" import "$WORK/a.csv"
row "okr import of the CSV export into a new database"
OKR_USER="$admin" "$OKR_BIN" --db "$WORK/c.db" export --format csv | cmp -s - "$WORK/a.csv" && same_csv=yes || same_csv=NO
echo "export → import → export byte-identical: JSON $same, CSV $same_csv"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$same" = yes ] && [ "$same_csv" = yes ]
