#!/bin/sh
# bench/run.sh — the SPEC §9 figures that need no terminal, on the demo and
# large data sets, printed as a table of target against measured.
#
#   make bench                         (builds everything, then runs this)
#   OKR_BIN=/path/okr-test BUILD=build/rel sh bench/run.sh
#
# Knobs: BENCH_DIR (scratch space, default a new directory under /tmp),
# BENCH_LARGE (where the generated large set is kept between runs; made again
# when bench/gen is newer), BENCH_RUNS (hyperfine runs, default 50),
# BENCH_KILLS (default 100).  Timing misses are reported, not fatal; a wrong
# result in the concurrency or kill -9 test makes the script exit 1.
set -eu

BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$(pwd)/build/rel/okr-test}    # the test build: honours OKR_USER, OKR_NOW
B=$BUILD/bench
RUNS=${BENCH_RUNS:-50}
KILLS=${BENCH_KILLS:-100}
LARGE=${BENCH_LARGE:-$B/large.db}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/okr-bench.XXXXXX")}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT INT TERM
unset OKR_NOW OKR_DB OKR_CONFIG

for t in gen concur crash rss scores; do
	[ -x "$B/$t" ] || { echo "bench: $B/$t is missing — run \`make bench\`" >&2; exit 1; }
done
[ -x "$OKR_BIN" ] || { echo "bench: no okr binary at $OKR_BIN — run \`make\`" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || { echo "bench: needs the sqlite3 shell (make deps)" >&2; exit 1; }

say() { printf '%s\n' "$*" >&2; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
# le A B: is A <= B (numbers)?
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# fresh DIR NAME SRC: a private copy of a database (never its old -wal/-shm).
fresh() { rm -f "$1/$2" "$1/$2-wal" "$1/$2-shm" "$1/$2-bell"; cp "$3" "$1/$2"; }
metric_kr() { sqlite3 "$1" "SELECT 'K' || id FROM key_result WHERE type = 'metric' AND kpi_id IS NULL
	AND archived = 0 ORDER BY id LIMIT 1"; }

# time_cmd NAME CMD...: mean and median in ms of CMD, into $mean and $median.
time_cmd() {
	name=$1; shift
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N --style none --warmup 3 --runs "$RUNS" --export-csv "$WORK/$name.csv" "$*" \
			>/dev/null 2>"$WORK/$name.err" || { cat "$WORK/$name.err" >&2; exit 1; }
		mean=$(ms "$(sed -n '2p' "$WORK/$name.csv" | cut -d, -f2)")
		median=$(ms "$(sed -n '2p' "$WORK/$name.csv" | cut -d, -f4)")
	else
		i=0; : >"$WORK/$name.t"
		while [ $i -lt "$RUNS" ]; do
			t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
			echo $(( (t1 - t0) )) >>"$WORK/$name.t"; i=$((i + 1))
		done
		mean=$(awk '{ s += $1 } END { printf "%.1f", s / NR / 1e6 }' "$WORK/$name.t")
		median=$(sort -n "$WORK/$name.t" | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1e6 }')
	fi
}

ROWS=""
row() { ROWS="$ROWS$(printf '%-46s|%-24s|%-34s|%s' "$1" "$2" "$3" "$4")
"; }
verdict() { if [ "$1" = 1 ]; then echo ok; else echo MISS; fi; }

# ---- data sets ---------------------------------------------------------------
say "bench: demo data set"
OKR_NOW=1795435200 "$OKR_BIN" --db "$WORK/demo.db" demo >/dev/null
DEMO="$WORK/demo.db"

if [ ! -s "$LARGE" ] || [ "$B/gen" -nt "$LARGE" ]; then
	say "bench: generating the large data set (bench/gen, about 15-50 s)"
	rm -f "$LARGE" "$LARGE-wal" "$LARGE-shm" "$LARGE-bell"
	t0=$(date +%s%N)
	"$B/gen" "$LARGE.tmp" >&2 || { rm -f "$LARGE.tmp"*; exit 1; }
	t1=$(date +%s%N)
	rm -f "$LARGE.tmp-wal" "$LARGE.tmp-shm" "$LARGE.tmp-bell"
	mv "$LARGE.tmp" "$LARGE"
	GEN_S=$(awk -v n=$((t1 - t0)) 'BEGIN { printf "%.1f", n / 1e9 }')
else
	GEN_S="(cached)"
fi
counts=$(sqlite3 "$LARGE" "SELECT (SELECT count(*) FROM objective) || ' objectives, ' ||
	(SELECT count(*) FROM key_result) || ' KRs, ' || (SELECT count(*) FROM person) || ' people, ' ||
	(SELECT count(*) FROM checkin) || ' check-ins, ' || (SELECT count(*) FROM kudos) || ' kudos'")
say "bench: large: $counts; generated in $GEN_S s"

# ---- okr checkin, whole process ------------------------------------------------
fresh "$WORK" large.db "$LARGE"
LG="$WORK/large.db"
kr_demo=$(metric_kr "$DEMO"); kr_large=$(metric_kr "$LG")

say "bench: okr checkin (demo $kr_demo, large $kr_large), $RUNS runs each"
export OKR_USER=lan; time_cmd checkin_demo "$OKR_BIN" --db "$DEMO" checkin "$kr_demo" 42 -q
ci_demo="$mean ms (median $median)"
export OKR_USER=u000; time_cmd checkin_large "$OKR_BIN" --db "$LG" checkin "$kr_large" 42 -q
ci_large="$mean ms (median $median)"
ci_ok=$(le "$mean" 20 && echo 1 || echo 0)

# ---- okr list --json -------------------------------------------------------------
say "bench: okr list --json"
export OKR_USER=lan; time_cmd list_demo "$OKR_BIN" --db "$DEMO" list --json
ls_demo="$mean ms (median $median)"
export OKR_USER=u000; time_cmd list_large "$OKR_BIN" --db "$LG" list --json
ls_large="$mean ms (median $median)"

# ---- resident memory -----------------------------------------------------------
rss_of() { OKR_USER=u000 "$B/rss" "$@" 2>&1 >/dev/null | sed -n 's/^max_rss_kb=\([0-9]*\).*/\1/p'; }
rss_list=$(rss_of "$OKR_BIN" --db "$LG" list --json)
rss_ci=$(rss_of "$OKR_BIN" --db "$LG" checkin "$kr_large" 42 -q)
rss_mb=$(awk -v k="$rss_list" 'BEGIN { printf "%.1f", k / 1024 }')
rss_ci_mb=$(awk -v k="$rss_ci" 'BEGIN { printf "%.1f", k / 1024 }')
rss_ok=$(le "$rss_mb" 64 && echo 1 || echo 0)

# ---- the leaderboard: from scratch, and a refresh after one check-in --------------
say "bench: leaderboard scores on large (bench/scores)"
fresh "$WORK" scores.db "$LARGE"
sc_out=$("$B/scores" "$WORK/scores.db" u000 "$kr_large" 30) || fail_scores=1
say "  $sc_out"
sc_ok=$(le "$(field "$sc_out" refresh_cpu_p95_ms)" 20 && echo 1 || echo 0)
rss_board=$(rss_of "$OKR_BIN" --db "$LG" board --once --window cycle)
rss_board_mb=$(awk -v k="$rss_board" 'BEGIN { printf "%.1f", k / 1024 }')
rss_board_ok=$(le "$rss_board_mb" 64 && echo 1 || echo 0)

# ---- 8 writers × 2,000 check-ins, 4 live readers -----------------------------------
fail=0
say "bench: concurrency, demo (8 writers × 2000 check-ins, 4 readers)"
fresh "$WORK" conc-demo.db "$DEMO"
cd_out=$("$B/concur" "$WORK/conc-demo.db" lan 8 2000 4) || fail=1
say "  $cd_out"
say "bench: concurrency, large"
fresh "$WORK" conc-large.db "$LARGE"
cl_out=$("$B/concur" "$WORK/conc-large.db" u000 8 2000 4) || fail=1
say "  $cl_out"
conc() {
	printf '%s rows, %s errors, %s; %.1f s, p99 %s ms' "$(field "$1" rows)" "$(field "$1" errors)" \
		"$(field "$1" integrity)" "$(field "$1" wall_s)" "$(field "$1" p99_ms)"
}
conc_ok() { [ "$(field "$1" rows)" = 16000 ] && [ "$(field "$1" errors)" = 0 ] && [ "$(field "$1" integrity)" = ok ]; }

# ---- kill -9 during writes -------------------------------------------------------------
say "bench: kill -9 of \`okr checkin\` on large, $KILLS times"
fresh "$WORK" crash.db "$LARGE"
cr_out=$("$B/crash" "$OKR_BIN" "$WORK/crash.db" u000 "$kr_large" "$KILLS") || fail=1
say "  $cr_out"

# ---- the table ---------------------------------------------------------------------------
row "what" "target" "measured" ""
row "----" "------" "--------" ""
row "start to first complete frame, demo / large" "<= 30 ms / <= 150 ms" "see bench/tui.sh" ""
row "commit by another okr -> on screen" "<= 50 ms p95" "see bench/tui.sh" ""
row "idle CPU while watching" "<= 0.5 % of a core" "see bench/tui.sh" ""
row "refresh after one new check-in, large" "<= 20 ms CPU" "see bench/tui.sh" ""
row "bytes to the terminal, one value changes" "<= 512" "see bench/tui.sh" ""
row "okr checkin, whole process, large" "<= 20 ms" "$ci_large" "$(verdict "$ci_ok")"
row "board refresh after one check-in, large" "<= 20 ms CPU" \
	"p50 $(field "$sc_out" refresh_cpu_p50_ms) / p95 $(field "$sc_out" refresh_cpu_p95_ms) ms" "$(verdict "$sc_ok")"
row "scores from scratch, 3 windows, large" "-" \
	"$(field "$sc_out" rebuild_ms) ms ($(field "$sc_out" rebuild_cpu_ms) ms CPU)" ""
row "resident memory, large (okr board --once)" "<= 64 MB" "$rss_board_mb MB" "$(verdict "$rss_board_ok")"
row "okr checkin, whole process, demo" "(<= 20 ms)" "$ci_demo" ""
row "okr list --json, demo / large" "-" "$ls_demo / $ls_large" ""
row "resident memory, large (okr list --json)" "<= 64 MB" "$rss_mb MB (checkin: $rss_ci_mb MB)" "$(verdict "$rss_ok")"
row "8 writers x 2,000 + 4 readers, demo" "16000 rows, 0 err, ok" "$(conc "$cd_out")" "$(conc_ok "$cd_out" && echo ok || echo FAIL)"
row "8 writers x 2,000 + 4 readers, large" "16000 rows, 0 err, ok" "$(conc "$cl_out")" "$(conc_ok "$cl_out" && echo ok || echo FAIL)"
row "kill -9 during writes, $KILLS times, large" "all acked present, ok" \
	"$(field "$cr_out" acked_missing) of $(field "$cr_out" acked) acked missing, $(field "$cr_out" integrity)" \
	"$( [ "$(field "$cr_out" acked_missing)" = 0 ] && [ "$(field "$cr_out" integrity)" = ok ] && echo ok || echo FAIL)"

echo
echo "okr benchmarks — $(uname -n), $(nproc 2>/dev/null || echo ?) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "large: $counts (generated in $GEN_S s)"
echo
printf '%s' "$ROWS" | sed 's/|/  /g'
[ -z "${fail_scores:-}" ] || fail=1

# The full-screen view's figures (first frame, commit to screen, idle CPU,
# bytes per change, memory): through a pty, in a table of their own.
OKR_BIN=$OKR_BIN BUILD=$BUILD BENCH_LARGE=$LARGE sh "$(dirname "$0")/tui.sh" || fail=1
exit $fail
