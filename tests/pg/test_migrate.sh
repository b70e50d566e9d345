#!/bin/sh
# okr migrate --to: a team's SQLite database copied to an empty database on
# the server — the demo data and a set made here with every kind of record —
# after which `okr export` of both is the same, byte for byte; and the
# targets it refuses, each with its message and exit code.
. "$(dirname "$0")/../cli/lib.sh"

if [ -z "${PGHOST:-}" ]; then
	skip "okr migrate" "OKR_ENGINES does not include pg"
	finish
	exit
fi

N=0
targets=
trap 'for d in $targets; do pg_admin "DROP DATABASE IF EXISTS $d WITH (FORCE)" 2>/dev/null; done
	chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
pg_admin() { psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "$1" </dev/null >/dev/null; }
# An empty database on the server, its name in $target.
new_target() {
	N=$((N + 1))
	target=okr_mig_$$_$N
	targets="$targets $target"
	pg_admin "CREATE DATABASE $target"
}
sq() { "$OKR_BIN" --db "$SRC" "$@"; }

# same_exports NAME [every-kind]: every export format of $SRC and of $target agrees.
same_exports() {
	for f in json csv; do
		sq export --format $f >"$T/a.$f" 2>&1
		"$OKR_BIN" --db "dbname=$target" export --format $f >"$T/b.$f" 2>&1
		if cmp -s "$T/a.$f" "$T/b.$f" && [ -s "$T/a.$f" ]; then ok "$1: okr export --format $f of both is the same"
		else not_ok "$1: okr export --format $f of both is the same" "$(diff "$T/a.$f" "$T/b.$f" | head -10)"; fi
	done
	for t in audit team_setting checkin kpi_sample comment kudos grade team_member; do
		a=$(command sqlite3 "$SRC" "SELECT count(*) FROM $t" 2>&1)
		b=$(psql -X -A -t -q -d "$target" -c "SELECT count(*) FROM $t" </dev/null 2>&1)
		[ "$a" = "$b" ] && { [ -z "${2:-}" ] || [ "$a" -gt 0 ]; } || { not_ok "$1: the $t rows are all there" "sqlite $a, postgresql $b"; return; }
	done
	ok "$1: the audit trail, team settings and the rest have as many rows on both"
}

# 1. The demo data.
SRC="$T/demo.db"
"$OKR_BIN" --db "$SRC" demo >/dev/null 2>&1
new_target
expect_out_contains "rows to dbname=$target" sq migrate --to "dbname=$target"
same_exports "the demo data"

# 2. A set with every kind of record, made by several people.
SRC="$T/made.db"
sq init >/dev/null
for p in binh chi dung; do sq person add $p --name "Người $p" >/dev/null; done
sq person role chi lead >/dev/null
sq team add "Công ty" >/dev/null
sq team add Web --parent "Công ty" >/dev/null
for p in alice binh chi; do sq team join Web $p >/dev/null; done
sq cycle add 2026-Q3 --start 2026-07-01 --end 2026-09-30 >/dev/null
sq cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
sq cycle current 2026-Q4 >/dev/null
sq settings set status.at_risk 0.2 >/dev/null
i=1
for p in alice binh chi dung; do
	OKR_USER=$p sq objective add "Mục tiêu $i — ship ‘it’" --team Web >/dev/null
	OKR_USER=$p sq kr add O$i "Users $i" --target $((i * 100)) --unit users >/dev/null
	OKR_USER=$p sq kr add O$i "Launch $i" --milestone >/dev/null 2>&1
	i=$((i + 1))
done
sq objective add "Company goal" >/dev/null
for o in 1 2 3 4; do sq objective edit O$o --parent O5 >/dev/null; done
sq kpi add MRR --target 5000 --at-least --source CRM --every weekly --unit € >/dev/null
for v in 1200 1350.5 1500.25; do sq kpi push MRR $v -m "tuần $v" >/dev/null; done
k=1
for p in alice binh chi dung; do
	for v in 10 25 40; do OKR_USER=$p sq checkin K$k $((v * k)) -c 7 -m "note $v ✓" >/dev/null; done
	k=$((k + 2))
done
sq comment O2 "Good start, Bình" >/dev/null
OKR_USER=binh sq kudos alice "thanks for the review" --kr K1 >/dev/null
OKR_USER=chi sq kudos binh "great launch" >/dev/null
sq grade K1 0.7 -m "solid" >/dev/null
new_target
expect_out_contains "rows to dbname=$target" sq migrate --to "dbname=$target"
same_exports "a made set" every-kind
got=$(psql -X -A -t -q -d "$target" -c "SELECT title FROM objective WHERE id = 1" </dev/null)
check "$([ "$got" = "Mục tiêu 1 — ship ‘it’" ]; echo $?)" "text is copied as typed" "got: $got"
# What the triggers keep is made once at the end (ledger_bulk.c): the same
# latest check-ins as the source's; the copied events are not numbered one
# by one in the score journal (the first reader rebuilds from the check-ins)
pq() { psql -X -A -t -q -d "$target" -c "$1" </dev/null 2>&1; }
latest="SELECT kr_id, checkin_id, CAST(round(value * 1000) AS BIGINT), confidence, at FROM checkin_latest ORDER BY kr_id"
a=$(command sqlite3 "$SRC" "$latest" 2>&1) b=$(pq "$latest")
check "$([ -n "$a" ] && [ "$a" = "$b" ]; echo $?)" "the latest check-in of each key result is the source's" "sqlite: $a
postgresql: $b"
got=$(pq "SELECT count(*) FROM score_journal")
check "$([ "$got" = 0 ]; echo $?)" "the copied events are not in the score journal one by one" "got: $got"
# okr carries on there: new rows get new ids, after the copied ones, and the
# triggers are on again
"$OKR_BIN" --db "dbname=$target" checkin K1 99 >/dev/null
got=$(pq "SELECT l.checkin_id = c.id, j.kind, j.seq = (SELECT seq FROM score_clock) FROM checkin_latest l
	JOIN checkin c ON c.kr_id = l.kr_id AND c.value = 99 JOIN score_journal j ON j.event_id = c.id AND j.kind = 0
	WHERE l.kr_id = 1")
check "$([ "$got" = "t|0|t" ]; echo $?)" "a check-in after the move is the latest and the next event" "got: $got"
expect_out_contains "99" "$OKR_BIN" --db "dbname=$target" show K1
"$OKR_BIN" --db "dbname=$target" objective add "After the move" >"$OUT" 2>&1
check "$(grep -qx O6 "$OUT"; echo $?)" "a new objective on the server is O6, after the five copied" "got: $(cat "$OUT")"

# 3. Targets it refuses.
expect_err_contains 2 "already holds an okr database" sq migrate --to "dbname=$target"
expect_err_contains 2 "is not a PostgreSQL database" sq migrate --to "$T/other.db"
check "$([ ! -e "$T/other.db" ]; echo $?)" "  … and makes no SQLite file there"
expect_err_contains 5 "cannot connect to the PostgreSQL server" sq migrate --to "host=$T/nowhere dbname=x"
expect_err_contains 2 "say where to copy" sq migrate
expect_err_contains 5 "no okr database" "$OKR_BIN" --db "$T/missing.db" migrate --to "dbname=$target"

finish
