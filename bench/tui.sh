#!/bin/sh
# bench/tui.sh — the SPEC §9 figures of the full-screen view, on the demo and
# large data sets, measured through a pseudo-terminal by bench/tuipty (see its
# header for the exact definitions: first complete frame, commit to screen,
# bytes per check-in and per change of one value only, idle and refresh CPU,
# peak memory).
#
#   make bench                          (bench/run.sh calls this at the end)
#   OKR_BIN=$PWD/build/rel/okr-test BUILD=build/rel sh bench/tui.sh [--quick]
#
# Knobs: BENCH_LARGE (the large set, as in run.sh), BENCH_TUI_STARTS (first
# frame starts per set, default 20), BENCH_TUI_SAMPLES (commit-to-screen
# samples per writer, default 60), BENCH_TUI_IDLE (seconds, default 30),
# BENCH_TUI_CHANGES (check-ins, and then changes of one value only, whose
# bytes are counted, default 10 each).
# --quick: 3 starts, 5 samples, 3 s idle, 2 changes — a smoke run.
# Misses against the targets are reported, not fatal; a change that never
# reaches the screen makes the script exit 1.
set -eu

BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$(pwd)/build/rel/okr-test}    # the test build: honours OKR_USER, OKR_NOW
B=$BUILD/bench
LARGE=${BENCH_LARGE:-$B/large.db}
STARTS=${BENCH_TUI_STARTS:-20}
SAMPLES=${BENCH_TUI_SAMPLES:-60}
IDLE=${BENCH_TUI_IDLE:-30}
CHANGES=${BENCH_TUI_CHANGES:-10}
if [ "${1:-}" = --quick ]; then STARTS=3; SAMPLES=5; IDLE=3; CHANGES=2; fi
SIZE=120x40
WORK=$(mktemp -d "${TMPDIR:-/tmp}/okr-tui-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

[ -x "$B/tuipty" ] || { echo "tui.sh: $B/tuipty is missing — run \`make bench\`" >&2; exit 1; }
[ -x "$OKR_BIN" ] || { echo "tui.sh: no okr binary at $OKR_BIN — run \`make\`" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || { echo "tui.sh: needs the sqlite3 shell (make deps)" >&2; exit 1; }
[ -s "$LARGE" ] || { echo "tui.sh: no large data set at $LARGE — run \`make bench\` (bench/run.sh makes it)" >&2; exit 1; }

# The view as a person starts it: the terminal and locale fixed, no personal
# configuration, the real clock (the header shows when data changed).
unset OKR_NOW OKR_DB
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 OKR_CONFIG="$WORK/okr.conf"
: >"$OKR_CONFIG"

say() { printf '%s\n' "$*" >&2; }
field() { sed -n "s/^$2=//p" "$1" | head -n 1; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() { if le "$1" "$2"; then echo ok; else echo MISS; fi; }
metric_kr() { sqlite3 "$1" "SELECT 'K' || id FROM key_result WHERE type = 'metric' AND kpi_id IS NULL
	AND archived = 0 ORDER BY objective_id, id LIMIT 1"; }

# median and max of the numbers on stdin
stats() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f %.1f", a[int((NR + 1) / 2)], a[NR] }'; }

# measure NAME DB LOGIN: every figure for one data set, into $WORK/NAME.*
measure() {
	name=$1 db=$2 login=$3
	kr=$(metric_kr "$db")
	[ -n "$kr" ] || { say "tui.sh: $db has no metric key result to check in"; exit 1; }
	say "bench: tui $name: first complete frame, $STARTS starts of the view and of okr board ($SIZE)"
	OKR_USER=$login "$B/tuipty" -s $SIZE -u "$login" "$OKR_BIN" "$db" >/dev/null   # warm the page cache
	i=0
	: >"$WORK/$name.first"
	: >"$WORK/$name.board"
	while [ $i -lt "$STARTS" ]; do
		"$B/tuipty" -s $SIZE -u "$login" "$OKR_BIN" "$db" >"$WORK/$name.one"
		field "$WORK/$name.one" first_frame_ms >>"$WORK/$name.first"
		"$B/tuipty" -s $SIZE -u "$login" -c board "$OKR_BIN" "$db" >"$WORK/$name.one"
		field "$WORK/$name.one" first_frame_ms >>"$WORK/$name.board"
		i=$((i + 1))
	done
	say "bench: tui $name: ${IDLE} s idle, $CHANGES check-ins, $CHANGES one-value changes," \
		"$SAMPLES okr and $SAMPLES sqlite3 writes on $kr"
	"$B/tuipty" -s $SIZE -u "$login" -k "$kr" -i "$IDLE" -b "$CHANGES" -v "$CHANGES" -l "$SAMPLES" -L "$SAMPLES" \
		"$OKR_BIN" "$db" >"$WORK/$name.live"
}

# ---- data sets: private copies, brought to the current schema first ------------
OKR_NOW=1795435200 "$OKR_BIN" --db "$WORK/demo.db" demo >/dev/null
cp "$LARGE" "$WORK/large.db"
OKR_USER=u000 "$OKR_BIN" --db "$WORK/large.db" cycle list >/dev/null

measure demo "$WORK/demo.db" lan
measure large "$WORK/large.db" u000

# ---- the table ------------------------------------------------------------------
set -- $(stats <"$WORK/demo.first"); fd_med=$1 fd_max=$2
set -- $(stats <"$WORK/large.first"); fl_med=$1 fl_max=$2
set -- $(stats <"$WORK/demo.board"); bd_med=$1 bd_max=$2
set -- $(stats <"$WORK/large.board"); bl_med=$1 bl_max=$2
d=$WORK/demo.live l=$WORK/large.live
row() { printf '%-44s  %-22s  %-30s  %-30s  %s\n' "$@"; }
lat() { printf '%s / %s ms (max %s)' "$(field "$1" "latency_$2_p50_ms")" "$(field "$1" "latency_$2_p95_ms")" \
	"$(field "$1" "latency_$2_max_ms")"; }
worst() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }

echo
echo "okr TUI benchmarks — $(uname -n), $(nproc 2>/dev/null || echo ?) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)," \
	"$SIZE xterm-256color pty, $STARTS starts, $SAMPLES samples per writer"
echo
row "what" "target" "demo" "large" ""
row "----" "------" "----" "-----" ""
row "start to first complete frame (median, max)" "<= 30 / <= 150 ms" "$fd_med ms (max $fd_max)" \
	"$fl_med ms (max $fl_max)" "$(le "$fd_med" 30 && le "$fl_med" 150 && echo ok || echo MISS)"
row "okr board: first complete frame (median, max)" "<= 50 ms (large)" "$bd_med ms (max $bd_max)" \
	"$bl_med ms (max $bl_max)" "$(verdict "$bl_med" 50)"
row "commit by another okr -> screen (p50 / p95)" "<= 50 ms p95" "$(lat "$d" okr)" "$(lat "$l" okr)" \
	"$(verdict "$(worst "$(field "$d" latency_okr_p95_ms)" "$(field "$l" latency_okr_p95_ms)")" 50)"
row "commit by sqlite3 shell -> screen (p50 / p95)" "<= 250 ms p95" "$(lat "$d" sql)" "$(lat "$l" sql)" \
	"$(verdict "$(worst "$(field "$d" latency_sql_p95_ms)" "$(field "$l" latency_sql_p95_ms)")" 250)"
row "idle CPU while watching, ${IDLE} s" "<= 0.5 % of a core" \
	"$(field "$d" idle_cpu_pct) % ($(field "$d" idle_bytes) bytes)" \
	"$(field "$l" idle_cpu_pct) % ($(field "$l" idle_bytes) bytes)" \
	"$(verdict "$(worst "$(field "$d" idle_cpu_pct)" "$(field "$l" idle_cpu_pct)")" 0.5)"
row "refresh after one new check-in, CPU (p50, max)" "<= 20 ms (large)" \
	"$(field "$d" refresh_cpu_ms_p50) ms (max $(field "$d" refresh_cpu_ms_max))" \
	"$(field "$l" refresh_cpu_ms_p50) ms (max $(field "$l" refresh_cpu_ms_max))" \
	"$(verdict "$(field "$l" refresh_cpu_ms_p50)" 20)"
row "bytes to the terminal, one value (p50, max)" "<= 512" \
	"$(field "$d" value_bytes_p50) (max $(field "$d" value_bytes_max))" \
	"$(field "$l" value_bytes_p50) (max $(field "$l" value_bytes_max))" \
	"$(verdict "$(worst "$(field "$d" value_bytes_p50)" "$(field "$l" value_bytes_p50)")" 512)"
row "bytes to the terminal, a check-in (p50, max)" "<= 512" \
	"$(field "$d" change_bytes_p50) (max $(field "$d" change_bytes_max))" \
	"$(field "$l" change_bytes_p50) (max $(field "$l" change_bytes_max))" \
	"$(verdict "$(worst "$(field "$d" change_bytes_p50)" "$(field "$l" change_bytes_p50)")" 512)"
row "peak memory of the TUI (VmHWM)" "<= 64 MB (large)" \
	"$(awk -v k="$(field "$d" rss_peak_kb)" 'BEGIN { printf "%.1f MB", k / 1024 }')" \
	"$(awk -v k="$(field "$l" rss_peak_kb)" 'BEGIN { printf "%.1f MB", k / 1024 }')" \
	"$(verdict "$(field "$l" rss_peak_kb)" 65536)"
echo
echo "bytes include the flash of the changed rows and its end; the first check-in sent" \
	"$(field "$d" change_first_bytes) bytes on demo (it crosses 100 %: rollup, scores, ranks, a banner)," \
	"$(field "$l" change_first_bytes) on large"
echo "the first frame is $(field "$d" first_frame_bytes) bytes on demo, $(field "$l" first_frame_bytes) on large;" \
	"the view went quiet $(field "$d" settle_ms) / $(field "$l" settle_ms) ms after it (the scores)," \
	"and the idle window starts there"
