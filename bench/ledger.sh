#!/bin/sh
# bench/ledger.sh — what the score ledger buys (issue 10), on the large data
# set and, when asked, on the 4M set: whole-process times of the commands
# that show scores, next to the sqlite3 shell's indexed lookup on the same
# file as the floor, and the cost of a check-in and of a full rebuild.
#
#   make bench                                  (makes build/rel/bench/gen)
#   OKR_BIN=$PWD/okr BUILD=build/rel sh bench/ledger.sh
#   BENCH_4M=1 OKR_BIN=$PWD/okr BUILD=build/rel sh bench/ledger.sh
#
# Knobs: BENCH_LARGE (the large set, kept between runs, as bench/run.sh),
# BENCH_4M_DB (the 4M set, made with `gen --checkins-per-kr 800` when
# missing, a few minutes), BENCH_RUNS (default 30), BENCH_DIR.  Times are
# means over the runs, wall clock; on a shared machine they move with the
# load, so the script prints the load average with them.  Misses are
# reported, not fatal.
set -eu

BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$(pwd)/okr}
B=$BUILD/bench
RUNS=${BENCH_RUNS:-30}
LARGE=${BENCH_LARGE:-$B/large.db}
BIG=${BENCH_4M_DB:-$B/large4m.db}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/okr-ledger.XXXXXX")}
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT INT TERM
unset OKR_NOW OKR_DB OKR_CONFIG

[ -x "$B/gen" ] || { echo "bench: $B/gen is missing — run \`make bench\` or \`make $B/gen\`" >&2; exit 1; }
[ -x "$OKR_BIN" ] || { echo "bench: no okr binary at $OKR_BIN — run \`make\`" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || { echo "bench: needs the sqlite3 shell (make deps)" >&2; exit 1; }

say() { printf '%s\n' "$*" >&2; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
verdict() { if le "$1" "$2"; then echo ok; else echo MISS; fi; }
now_ns() { date +%s%N; }

# The children's CPU time (user + system) in ms from the output of `times`
# in FILE ('times' must run in the measuring shell, not in a subshell).
cpu_of() {
	sed -n 2p "$1" | awk '{ split($1, u, "m"); split($2, s, "m");
		printf "%.3f", (u[1] * 60 + u[2]) * 1000 + (s[1] * 60 + s[2]) * 1000 }'
}

# mean_ms N CMD...: "WALL CPU", the mean wall and CPU times of N runs of CMD
# in ms (stdout and stderr discarded; a failing run stops the script).  CPU
# time moves less with the load of a shared machine.
mean_ms() {
	n=$1; shift
	"$@" >/dev/null 2>&1 || { say "bench: failed: $*"; "$@"; exit 1; }
	times >"$WORK/times0"; t0=$(now_ns); i=0
	while [ $i -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
	t1=$(now_ns); times >"$WORK/times1"
	c0=$(cpu_of "$WORK/times0"); c1=$(cpu_of "$WORK/times1")
	awk -v d=$((t1 - t0)) -v n="$n" -v a="$c0" -v b="$c1" 'BEGIN { printf "%.1f %.1f", d / n / 1e6, (b - a) / n }'
}

# make_set PATH [GEN ARGS]: generate the data set once.
make_set() {
	path=$1; shift
	[ -s "$path" ] && [ "$path" -nt "$B/gen" ] && return 0
	say "bench: generating $path (bench/gen $*)"
	rm -f "$path" "$path.tmp" "$path.tmp-wal" "$path.tmp-shm" "$path.tmp-bell"
	"$B/gen" "$path.tmp" "$@" >&2
	rm -f "$path.tmp-wal" "$path.tmp-shm" "$path.tmp-bell"
	mv "$path.tmp" "$path"
}

ROWS=""
row() { ROWS="$ROWS$(printf '%-44s|%-12s|%-26s|%s' "$1" "$2" "$3" "$4")
"; }

# bench_set NAME SRC: every figure on a private copy of SRC.
bench_set() {
	name=$1 src=$2
	db="$WORK/$name.db"
	rm -f "$db" "$db-wal" "$db-shm" "$db-bell"
	cp "$src" "$db"
	n=$(sqlite3 "$db" "SELECT count(*) FROM checkin")
	kr=$(sqlite3 "$db" "SELECT id FROM key_result WHERE type = 'metric' AND kpi_id IS NULL AND archived = 0
		ORDER BY id LIMIT 1")
	owner=$(sqlite3 "$db" "SELECT p.login FROM key_result k JOIN person p ON p.id = k.owner_id WHERE k.id = $kr")
	say "bench: $name: $n check-ins"
	export OKR_USER=u005
	# Bring the file to this okr's schema, then time the rebuild: status on
	# a database without a ledger folds everything and saves it.
	"$OKR_BIN" --db "$db" cycle list >/dev/null
	t0=$(now_ns); "$OKR_BIN" --db "$db" status >/dev/null; t1=$(now_ns)
	rebuild=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.0f", d / 1e6 }')
	set -- $(mean_ms "$RUNS" "$OKR_BIN" --db "$db" status); status=$1 status_cpu=$2
	# A member of a leaf team (most people): their team's tree is small.
	leaf=$(sqlite3 "$db" "SELECT p.login FROM person p JOIN team_member m ON m.person_id = p.id
		JOIN team t ON t.id = m.team_id WHERE t.id NOT IN (SELECT parent_id FROM team
		WHERE parent_id IS NOT NULL) ORDER BY p.id DESC LIMIT 1")
	export OKR_USER=$leaf
	set -- $(mean_ms "$RUNS" "$OKR_BIN" --db "$db" status); leaf_ms=$1 leaf_cpu=$2
	export OKR_USER=u005
	set -- $(mean_ms "$RUNS" sqlite3 "$db" "SELECT value FROM checkin_latest WHERE kr_id = $kr"); floor=$1 floor_cpu=$2
	set -- $(mean_ms "$RUNS" "$OKR_BIN" --db "$db" board --once); board=$1 board_cpu=$2
	ratio=$(awk -v a="$status" -v b="$floor" 'BEGIN { printf "%.1f", a / b }')
	leaf_ratio=$(awk -v a="$leaf_ms" -v b="$floor" 'BEGIN { printf "%.1f", a / b }')
	export OKR_USER=$owner
	set -- $(mean_ms "$RUNS" "$OKR_BIN" --db "$db" checkin "K$kr" 42 -q); checkin=$1 checkin_cpu=$2
	# The ledger now lags the check-ins just made: the next status folds
	# them (and saves the ledger when it lags by 32 or more).
	export OKR_USER=u005
	t0=$(now_ns); "$OKR_BIN" --db "$db" status >/dev/null; t1=$(now_ns)
	catchup=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1e6 }')
	ledger_kb=$(sqlite3 "$db" "SELECT length(state) / 1024 FROM score_ledger")
	row "okr status, the company team's member, $name" "<= 10 ms" "$status ms (CPU $status_cpu)" "$(verdict "$status" 10)"
	row "okr status, a leaf team's member, $name" "<= 10 ms" "$leaf_ms ms (CPU $leaf_cpu)" "$(verdict "$leaf_ms" 10)"
	row "  sqlite3 indexed lookup (floor), $name" "-" "$floor ms (CPU $floor_cpu)" "-"
	row "  okr status / floor, $name" "<= 4x" "${ratio}x, leaf ${leaf_ratio}x" "$(verdict "$leaf_ratio" 4)"
	row "okr board --once, $name" "-" "$board ms (CPU $board_cpu)" "-"
	row "okr checkin, $name" "<= 15 ms" "$checkin ms (CPU $checkin_cpu)" "$(verdict "$checkin" 15)"
	row "okr status after $RUNS check-ins, $name" "-" "$catchup ms" "-"
	row "full ledger rebuild (okr status), $name" "<= 1000 ms" "$rebuild ms" "$(verdict "$rebuild" 1000)"
	row "ledger size, $name" "-" "$ledger_kb KiB" "-"
}

make_set "$LARGE"
bench_set large "$LARGE"
if [ -n "${BENCH_4M:-}" ]; then
	make_set "$BIG" --checkins-per-kr 800
	bench_set 4M "$BIG"
fi

printf '%-44s|%-12s|%-26s|%s\n' "what (wall mean, CPU mean in ms)" "target" "measured" ""
printf '%s' "$ROWS"
printf 'machine: %s, %s cores, load average %s\n' "$(uname -m)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
