#!/bin/sh
# Writers take turns on a server through okr's advisory lock (txn_pg.c): a
# check-in that finds the lock held waits in the server's queue (not trying
# again and again) and is saved as soon as the holder lets go.
. "$(dirname "$0")/../cli/lib.sh"

if [ -z "$PG_DB" ]; then
	skip "writers' turn on a server" "OKR_ENGINES does not include pg"
	finish
	exit
fi
LOCK=1869312545   # PG_WRITE_LOCK in src/store/pg/pg_int.h

okr init >/dev/null 2>&1
okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
okr objective add "Hold the lock" >/dev/null
okr kr add O1 "Turns" --target 10 >/dev/null

# poll CMD: up to 10 s for CMD to succeed
poll() {
	i=0
	while ! "$@"; do
		i=$((i + 1))
		[ $i -lt 100 ] || return 1
		sleep 0.1
	done
}
holders() { psql -X -A -t -q -d "$PG_DB" -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
	AND objid = $LOCK AND granted
	AND database = (SELECT oid FROM pg_database WHERE datname = current_database())" </dev/null; }
held() { [ "$(holders)" = 1 ]; }
queued() { [ "$(psql -X -A -t -q -d "$PG_DB" -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
	AND objid = $LOCK AND NOT granted
	AND database = (SELECT oid FROM pg_database WHERE datname = current_database())" </dev/null)" = 1 ]; }
free() { [ "$(holders)" = 0 ]; }

# Another session holds the writers' lock until told to let go.
mkfifo "$T/hold"
psql -X -q -d "$PG_DB" <"$T/hold" >/dev/null 2>&1 &
holder=$!
exec 9>"$T/hold"
echo "SELECT pg_advisory_lock($LOCK);" >&9
check "$(poll held; echo $?)" "a session of its own holds okr's write lock"

okr checkin K1 4 >"$T/ci.out" 2>"$T/ci.err" &
writer=$!
check "$(poll queued; echo $?)" "okr checkin waits for it in the server's queue" "stderr: $(cat "$T/ci.err")"
check "$(kill -0 $writer 2>/dev/null; echo $?)" "… and is still waiting"
got=$(psql -X -A -t -q -d "$PG_DB" -c "SELECT count(*) FROM checkin" </dev/null)
check "$([ "$got" = 0 ]; echo $?)" "… with nothing written yet" "check-ins: $got"

echo "SELECT pg_advisory_unlock($LOCK);" >&9
exec 9>&-
wait $holder
wait $writer
rc=$?
check "$([ $rc = 0 ]; echo $?)" "once the lock is let go the check-in is saved (exit 0)" "exit $rc: $(cat "$T/ci.err")"
got=$(psql -X -A -t -q -d "$PG_DB" -c "SELECT value FROM checkin" </dev/null)
check "$([ "$got" = 4 ]; echo $?)" "… and it is there" "check-ins: $got"
check "$(poll free; echo $?)" "… and nobody holds the lock afterwards"

finish
