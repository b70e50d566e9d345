#!/bin/sh
# bench/pg.sh — the figures of issue 11 on PostgreSQL, next to SQLite's in the
# same run, with the floor each engine's own client sets on the same machine.
#
#   make bench-pg                        (or:)
#   OKR_BIN=$PWD/build/rel/okr-test OKR_SHIPPED=$PWD/okr BUILD=build/rel sh bench/pg.sh
#
# A private server as the tests have (tests/pg/server.sh, under build/pg-bench),
# but with fsync, synchronous_commit and full_page_writes on, as a real one.
# The same drivers as bench/run.sh and bench/tui.sh, given a conninfo instead
# of a path: the data sets are copied there with `okr migrate`.  Knobs:
# BENCH_LARGE (a SQLite large set from bench/gen, made if missing: ~3 min),
# BENCH_RUNS (timed runs, default 30), BENCH_KILLS (default 100), BENCH_PG_LARGE=0
# (skip the large set on the server), OKR_SHIPPED (the okr people run: its
# check-in is timed as the key result's owner's own database role too).  Timing misses are reported, not fatal;
# a wrong result (rows missing, an acknowledged check-in lost, a view that did
# not come back) makes the script exit 1.
set -u

BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$(pwd)/build/rel/okr-test}
B=$BUILD/bench
RUNS=${BENCH_RUNS:-30}
KILLS=${BENCH_KILLS:-100}
LARGE=${BENCH_LARGE:-$B/large.db}
SDIR=${BENCH_PG_DIR:-build/pg-bench}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/okr-pgbench.XXXXXX")
trap 'sh tests/pg/server.sh stop "$SDIR"; rm -rf "$WORK"' EXIT INT TERM
unset OKR_NOW OKR_DB OKR_CONFIG
for t in gen concur crash tuipty pqfloor; do
	[ -x "$B/$t" ] || { echo "bench: $B/$t is missing — run \`make bench\`" >&2; exit 1; }
done
say() { printf '%s\n' "$*" >&2; }
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -1; }
kv() { sed -n "s/^$2=//p" "$1" | head -1; }
# mean_ms CMD...: the mean wall time of RUNS runs, in ms
mean_ms() {
	s=$(date +%s%N); i=0
	while [ $i -lt "$RUNS" ]; do "$@" >/dev/null 2>&1 || { say "bench: failed: $*"; return 1; }; i=$((i + 1)); done
	e=$(date +%s%N)
	awk -v n=$((e - s)) -v r="$RUNS" 'BEGIN { printf "%.1f", n / r / 1e6 }'
}
fail=0

# ---- the server and the data sets --------------------------------------------
sh tests/pg/server.sh start "$SDIR" || exit 1
eval "$(sh tests/pg/server.sh env "$SDIR")"
export PGHOST PGPORT PGUSER PGDATABASE
psql -X -q -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
	-c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" >/dev/null
OKR_NOW=1795435200 OKR_USER=lan "$OKR_BIN" --db "$WORK/demo.db" demo >/dev/null
psql -X -q -c "CREATE DATABASE demo" && OKR_USER=lan "$OKR_BIN" --db "$WORK/demo.db" migrate --to dbname=demo >&2
if [ ! -s "$LARGE" ]; then
	say "bench: generating the large data set (bench/gen)"
	"$B/gen" "$LARGE" >&2 || exit 1
fi
cp "$LARGE" "$WORK/large.db"
OKR_USER=u000 "$OKR_BIN" --db "$WORK/large.db" cycle list >/dev/null   # the current schema
mig_large="skipped"
if [ "${BENCH_PG_LARGE:-1}" != 0 ]; then
	psql -X -q -c "CREATE DATABASE large"
	t0=$(date +%s%N)
	OKR_USER=u000 "$OKR_BIN" --db "$WORK/large.db" migrate --to dbname=large >&2 || fail=1
	t1=$(date +%s%N)
	mig_large=$(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.0f s", n / 1e9 }')
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
say "bench: load average $(load)"

# ---- okr checkin, whole process, and the floor -------------------------------
kr=$(psql -X -A -t -q -d demo -c "SELECT 'K' || id FROM key_result WHERE type = 'metric' AND kpi_id IS NULL
	AND archived = 0 ORDER BY id LIMIT 1")
owner=$(psql -X -A -t -q -d demo -c "SELECT p.login FROM key_result k JOIN person p ON p.id = k.owner_id
	WHERE 'K' || k.id = '$kr'")
say "bench: okr checkin $kr as $owner, $RUNS runs on each engine"
ci_pg=$(OKR_USER=$owner mean_ms "$OKR_BIN" --db dbname=demo checkin "$kr" 42 -q)
ci_sq=$(OKR_USER=$owner mean_ms "$OKR_BIN" --db "$WORK/demo.db" checkin "$kr" 42 -q)
ci_role=skipped
if [ -x "${OKR_SHIPPED:-}" ]; then
	say "bench: the same with the shipped okr, connected as the role $owner"
	ci_role="$(PGUSER=$owner mean_ms "$OKR_SHIPPED" --db dbname=demo checkin "$kr" 42 -q) ms"
fi
floor_pq=$(mean_ms "$B/pqfloor" dbname=demo)
floor_pg=$(mean_ms psql -X -A -t -q -d demo -c "SELECT 1")
floor_sq=$(mean_ms sqlite3 "$WORK/demo.db" "SELECT 1")
floor_okr=$(mean_ms "$OKR_BIN" --version)

# ---- commit to screen and first frame (bench/tuipty) -------------------------
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 OKR_CONFIG="$WORK/okr.conf"
: >"$OKR_CONFIG"
tui() { "$B/tuipty" -s 120x40 -u "$1" -k "$2" -i 0 -b 0 -v 0 -l "$3" -L 0 "$OKR_BIN" "$4" >"$WORK/tui.out" 2>&1 ||
	{ cat "$WORK/tui.out" >&2; fail=1; }; }
say "bench: commit by another okr → screen, 40 samples each"
tui lan "$kr" 40 dbname=demo
lat_pg="$(kv "$WORK/tui.out" latency_okr_p50_ms) / $(kv "$WORK/tui.out" latency_okr_p95_ms) ms"
ff_demo_pg=$(kv "$WORK/tui.out" first_frame_ms)
tui lan "$kr" 40 "$WORK/demo.db"
lat_sq="$(kv "$WORK/tui.out" latency_okr_p50_ms) / $(kv "$WORK/tui.out" latency_okr_p95_ms) ms"
ff_demo_sq=$(kv "$WORK/tui.out" first_frame_ms)
# first frame on large: median of 5 starts
# first DB [COMMAND]: the main view, or `okr COMMAND` (board)
first() {
	i=0; : >"$WORK/ff"
	while [ $i -lt 5 ]; do
		"$B/tuipty" -s 120x40 -u u000 ${2:+-c "$2"} "$OKR_BIN" "$1" >"$WORK/one" 2>&1 &&
			kv "$WORK/one" first_frame_ms >>"$WORK/ff"
		i=$((i + 1))
	done
	sort -n "$WORK/ff" | awk '{ a[NR] = $1 } END { printf "%s ms (max %s)", a[int((NR + 1) / 2)], a[NR] }'
}
say "bench: first frame on large, 5 starts each"
ff_large_sq=$(first "$WORK/large.db")
fb_large_sq=$(first "$WORK/large.db" board)
ff_large_pg=skipped fb_large_pg=skipped
[ "$mig_large" = skipped ] || { first dbname=large >/dev/null; ff_large_pg=$(first dbname=large); }
[ "$mig_large" = skipped ] || fb_large_pg=$(first dbname=large board)

# ---- 8 writers × 2,000 check-ins, 4 live readers -----------------------------
say "bench: 8 writers × 2000 check-ins, 4 readers, on each engine"
psql -X -q -c "CREATE DATABASE conc TEMPLATE demo"
cp "$WORK/demo.db" "$WORK/conc.db"
c_pg=$("$B/concur" dbname=conc lan 8 2000 4) || fail=1
c_sq=$("$B/concur" "$WORK/conc.db" lan 8 2000 4) || fail=1
conc() { printf '%s rows, %s errors; %s s, p50 %s ms, p99 %s ms' "$(field "$1" rows)" "$(field "$1" errors)" \
	"$(field "$1" wall_s)" "$(field "$1" p50_ms)" "$(field "$1" p99_ms)"; }

# ---- 100 clients killed with SIGKILL mid-write -------------------------------
say "bench: $KILLS okr checkin killed with SIGKILL, on each engine"
k_pg=$("$B/crash" "$OKR_BIN" dbname=demo lan "$kr" "$KILLS") || fail=1
k_sq=$("$B/crash" "$OKR_BIN" "$WORK/demo.db" lan "$kr" "$KILLS") || fail=1
kills() { printf '%s of %s acknowledged missing (%s kills)' "$(field "$1" acked_missing)" "$(field "$1" acked)" \
	"$(field "$1" kills)"; }

# ---- the server restarted under 4 live views ---------------------------------
say "bench: the server restarted while 4 views watch"
r_out=$(sh bench/pg_restart.sh "$OKR_BIN" dbname=demo lan "$kr" "$SDIR" 4) || fail=1

printf '\n%-52s | %-26s | %-40s | %s\n' "issue 11 target" "goal" "PostgreSQL (same host)" "SQLite, same run"
printf '%s\n' "-----------------------------------------------------+----------------------------+------------------------------------------+-----------------"
row() { printf '%-52s | %-26s | %-40s | %s\n' "$1" "$2" "$3" "$4"; }
row "okr checkin, whole process (mean of $RUNS)" "<= 20 ms" "$ci_pg ms" "$ci_sq ms"
row "... the shipped okr as the owner's own role" "<= 20 ms" "$ci_role" "-"
row "floor: libpq client connect + SELECT 1" "-" "$floor_pq ms" "-"
row "floor: psql / sqlite3 SELECT 1; okr --version" "-" "$floor_pg ms; okr $floor_okr ms" "$floor_sq ms"
row "commit by another okr -> screen, p50 / p95" "<= 50 ms p95" "$lat_pg" "$lat_sq"
row "TUI first frame, demo (one start)" "-" "$ff_demo_pg ms" "$ff_demo_sq ms"
row "TUI first frame, large (median of 5)" "<= 150 ms" "$ff_large_pg" "$ff_large_sq"
row "okr board first frame, large (median of 5)" "-" "$fb_large_pg" "$fb_large_sq"
row "8 writers x 2,000 check-ins, 4 live readers" "16,000 rows, 0 errors" "$(conc "$c_pg")" "$(conc "$c_sq")"
row "okr checkin killed with SIGKILL" "every acknowledged present" "$(kills "$k_pg")" "$(kills "$k_sq")"
row "server restarted under 4 views" "each back, nothing lost" "$r_out" "-"
row "okr migrate of the large set" "-" "$mig_large" "-"
echo "load average at the end: $(load)"
exit $fail
