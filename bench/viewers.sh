#!/bin/sh
# bench/viewers.sh — a team watching (issue 10): 30 live `okr board` viewers
# in tmux panes and one writer checking in once a second.  Each viewer must
# show the change (the writer's row as `okr board --once` prints it after the
# last check-in), and the viewers' CPU time per check-in, summed over all of
# them, should stay under 30 ms.  CPU time is read from /proc (utime + stime,
# in clock ticks), before and after; the same span with no writer is
# measured first, so the idle cost can be told from the cost of a change.
#
#   OKR_BIN=$PWD/build/rel/okr-test BUILD=build/rel sh bench/viewers.sh
#
# Knobs: BENCH_LARGE (the data set, as bench/run.sh), BENCH_VIEWERS (30),
# BENCH_CHECKINS (20), BENCH_DIR.
set -eu

BUILD=${BUILD:-build/rel}
OKR_BIN=${OKR_BIN:-$(pwd)/build/rel/okr-test}
LARGE=${BENCH_LARGE:-$BUILD/bench/large.db}
VIEWERS=${BENCH_VIEWERS:-30}
N=${BENCH_CHECKINS:-20}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/okr-viewers.XXXXXX")}
SOCK=okr-viewers-$$
mkdir -p "$WORK"
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
unset OKR_NOW OKR_DB OKR_CONFIG

[ -s "$LARGE" ] || { echo "bench: no data set at $LARGE — run \`make bench\` or set BENCH_LARGE" >&2; exit 1; }
command -v tmux >/dev/null 2>&1 || { echo "bench: needs tmux" >&2; exit 1; }
db=$WORK/v.db
cp "$LARGE" "$db"
OKR_USER=u000 "$OKR_BIN" --db "$db" cycle list >/dev/null    # the schema up to date first
# The writer is the leader of all time, so that every board shows their row.
owner=$(OKR_USER=u000 "$OKR_BIN" --db "$db" board --once --window all | sed -n 's/.*(@\([a-z0-9]*\)).*/\1/p' | head -1)
kr=$(sqlite3 "$db" "SELECT k.id FROM key_result k JOIN person p ON p.id = k.owner_id WHERE p.login = '$owner'
	AND k.type = 'metric' AND k.kpi_id IS NULL AND k.archived = 0 AND k.target_value > k.start_value
	ORDER BY k.id LIMIT 1")
start=$(sqlite3 "$db" "SELECT COALESCE((SELECT value FROM checkin_latest WHERE kr_id = $kr), start_value)
	FROM key_result WHERE id = $kr")
OKR_USER=$owner "$OKR_BIN" --db "$db" status >/dev/null       # and the ledger

ticks() {   # the summed utime + stime of the viewers, in clock ticks
	t=0
	for p in $(tmux -L "$SOCK" list-panes -a -F '#{pane_pid}'); do
		v=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)
		t=$((t + v))
	done
	echo "$t"
}

i=0
while [ $i -lt "$VIEWERS" ]; do
	login=$(printf 'u%03d' $((i * 6 % 200)))
	cmd="env OKR_USER=$login '$OKR_BIN' --db '$db' board --window all"
	if [ $i -eq 0 ]; then
		tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 40 -s v "$cmd"
	else
		tmux -L "$SOCK" new-window -d -t v "$cmd"
	fi
	i=$((i + 1))
done
# Every board has drawn its first frame.
tries=0
until [ "$(for w in $(tmux -L "$SOCK" list-windows -t v -F '#{window_index}'); do
	tmux -L "$SOCK" capture-pane -p -t "v:$w" | grep -c 'Leaderboard'; done | grep -c '^1$')" -eq "$VIEWERS" ]; do
	tries=$((tries + 1))
	[ $tries -lt 600 ] || { echo "bench: the boards did not all start" >&2; exit 1; }
	sleep 0.1
done
hz=$(getconf CLK_TCK)

sleep 2
t0=$(ticks); sleep "$N"; t1=$(ticks)
idle=$(awk -v d=$((t1 - t0)) -v hz="$hz" -v n="$N" 'BEGIN { printf "%.1f", d * 1000 / hz / n }')

t0=$(ticks)
i=1
while [ $i -le "$N" ]; do
	OKR_USER=$owner "$OKR_BIN" --db "$db" checkin "K$kr" "$(awk -v s="$start" -v i="$i" 'BEGIN { print s + i }')" \
		-m "bench $i" -q
	sleep 1
	i=$((i + 1))
done
t1=$(ticks)
per=$(awk -v d=$((t1 - t0)) -v hz="$hz" -v n="$N" 'BEGIN { printf "%.1f", d * 1000 / hz / n }')

# The writer's points after the last check-in, as okr board --once says.
pts=$(OKR_USER=$owner "$OKR_BIN" --db "$db" board --once --window all | grep "(@$owner)" |
	sed 's/.*(@[a-z0-9]*) *\([0-9][0-9]*\) .*/\1/')
shown=0
for w in $(tmux -L "$SOCK" list-windows -t v -F '#{window_index}'); do
	tmux -L "$SOCK" capture-pane -p -t "v:$w" | grep -Eq "\(@$owner\) +$pts " && shown=$((shown + 1))
done

echo "viewers: $VIEWERS, check-ins: $N (one a second), data set: $LARGE"
echo "viewers showing the writer's points after the last check-in ($pts): $shown / $VIEWERS"
echo "viewers' CPU per second with no writer: $idle ms (all of them)"
echo "viewers' CPU per check-in (one second each): $per ms (all of them; target < 30 ms)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$shown" -eq "$VIEWERS" ]
