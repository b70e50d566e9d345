#!/bin/sh
# bench/pg_restart.sh — the server restarted while 4 full-screen views watch
# (issue 11): each view must come back by itself ("● live" again) and show a
# commit made after the restart, and every check-in a writer had
# acknowledged (exit 0) before, during or after the restart must be there.
#
#   sh bench/pg_restart.sh OKR_BIN DB LOGIN KR SERVER_DIR [VIEWS]
#
# DB is a conninfo on the server of tests/pg/server.sh SERVER_DIR (paused and
# resumed here).  Prints one line: views=4 reconnected=4 shown_after=4
# acked=N missing=0 refused_while_down=N down_ms=N back_ms=N.  Exit 1 on a
# miss.
set -u
BIN=$1 DB=$2 LOGIN=$3 KR=$4 SDIR=$5 VIEWS=${6:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/okr-restart.XXXXXX")
SOCK=okr-restart-$$
trap 'tmux -L $SOCK kill-server 2>/dev/null; rm -rf "$W"' EXIT INT TERM
ms() { date +%s%3N; }
# wait_all TEXT SECONDS: every view shows TEXT within the time; prints how many do.
wait_all() {
	end=$(( $(ms) + $2 * 1000 ))
	while :; do
		n=0 v=1
		while [ $v -le "$VIEWS" ]; do
			tmux -L $SOCK capture-pane -p -t v$v 2>/dev/null | grep -qF -- "$1" && n=$((n + 1))
			v=$((v + 1))
		done
		[ $n = "$VIEWS" ] || [ "$(ms)" -ge $end ] && { echo $n; return; }
		sleep 0.05
	done
}

tmux -L $SOCK -f /dev/null new-session -d -s keep -x 80 -y 24
v=1
while [ $v -le "$VIEWS" ]; do
	tmux -L $SOCK new-session -d -s v$v -x 120 -y 40 \
		env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color OKR_USER="$LOGIN" "$BIN" --db "$DB"
	v=$((v + 1))
done
[ "$(wait_all '● live' 30)" = "$VIEWS" ] || { echo "pg_restart: the views did not start" >&2; exit 1; }

# A writer that checks in all along, with an id each, and notes what was acknowledged.
(
	i=0
	while [ ! -f "$W/stop" ]; do
		i=$((i + 1))
		if OKR_USER="$LOGIN" "$BIN" --db "$DB" checkin "$KR" $((i % 97 + 1)) --id "restart-$$-$i" -q \
			-m "restart bench $i" >/dev/null 2>&1; then echo "$i" >>"$W/acked"; else echo "$i" >>"$W/refused"; fi
	done
) &
writer=$!
sleep 1
t0=$(ms)
sh "$ROOT/tests/pg/server.sh" pause "$SDIR"
down=$(wait_all 'reconnecting…' 10)
sleep 1
sh "$ROOT/tests/pg/server.sh" resume "$SDIR"
t1=$(ms)
back=$(wait_all '● live' 30)
t2=$(ms)
sleep 1
: >"$W/stop"
wait $writer
# a commit after the restart, a value no one wrote before (the writer stopped, so it stays)
OKR_USER="$LOGIN" "$BIN" --db "$DB" checkin "$KR" 4321 -q -m "after the restart" >/dev/null 2>&1
shown=$(wait_all '4321' 10)
acked=$(wc -l <"$W/acked" 2>/dev/null || echo 0)
refused=$(wc -l <"$W/refused" 2>/dev/null || echo 0)
psql -X -A -t -q -d "$DB" -c "SELECT note FROM checkin WHERE note LIKE 'restart bench %'" >"$W/stored" </dev/null
missing=0
while read -r i; do grep -qx "restart bench $i" "$W/stored" || missing=$((missing + 1)); done <"$W/acked"
echo "views=$VIEWS saw_reconnecting=$down reconnected=$back shown_after=$shown acked=$acked missing=$missing" \
	"refused_while_down=$refused down_ms=$((t1 - t0)) back_ms=$((t2 - t1))"
[ "$back" = "$VIEWS" ] && [ "$shown" = "$VIEWS" ] && [ "$missing" = 0 ] && [ "$acked" -gt 0 ]
