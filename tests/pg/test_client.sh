#!/bin/sh
# What okr leaves on a server and asks of the client machine: a write puts
# nothing in the server's log (it once logged "there is no transaction in
# progress" at every check-in), and a machine without libpq gets a message
# that says what to install, with exit code 5, instead of a loader error.
. "$(dirname "$0")/../cli/lib.sh"

if [ -z "$PG_DB" ]; then
	skip "okr as a server's client" "OKR_ENGINES does not include pg"
	finish
	exit
fi

okr init >/dev/null 2>&1
okr cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
okr objective add "Quiet" >/dev/null
okr kr add O1 "Writes" --target 10 >/dev/null

# ---- the server's log ---------------------------------------------------------
LOG=$PGHOST/../server.log
if [ -r "$LOG" ]; then
	before=$(wc -l <"$LOG")
	expect_exit 0 okr checkin K1 3 -m "a note"
	expect_exit 0 okr kr edit K1 --target 12
	expect_exit 0 okr comment K1 "well done"
	expect_exit 0 okr status
	new=$(tail -n +"$((before + 1))" "$LOG" | grep -E 'WARNING|ERROR' | head -3)
	check "$([ -z "$new" ]; echo $?)" "the writes left no warning or error in the server's log" "$new"
else
	skip "the server's log" "$LOG is not readable here"
fi

# ---- an upgrade waits for someone who may make it ------------------------------
# A newer okr on an older schema: a command that only reads says who upgrades
# it, and the first command that writes does.
psql -X -q -d "$PG_DB" -c "UPDATE okr_schema SET version = version - 1" </dev/null >/dev/null
expect_err_contains 5 "needs an upgrade" okr status
check "$(err_has "the database's owner"; echo $?)" "… saying who on a server may make it"
expect_exit 0 okr cycle list
expect_exit 0 okr status
run okr status
check "$([ ! -s "$ERR" ]; echo $?)" "… after which okr status says nothing of it"

# ---- no libpq --------------------------------------------------------------------
# A mount namespace of its own hides the library (an empty file over it), so
# the loader finds nothing usable; root only, as CI runs.
lib=$(for d in /lib/*-linux-gnu /usr/lib/*-linux-gnu /usr/lib64 /usr/lib; do
	[ -e "$d/libpq.so.5" ] && { echo "$d/libpq.so.5"; break; }
done)
if [ "$(id -u)" != 0 ] || [ -z "$lib" ] || ! command -v unshare >/dev/null 2>&1 ||
	! unshare -m true 2>/dev/null; then
	skip "okr without libpq" "needs root and unshare -m to hide $lib"
else
	: >"$T/empty"
	unshare -m sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh "$T/empty" "$lib" \
		"$OKR_BIN" --db "$DB" status >"$T/out" 2>"$T/err"
	rc=$?
	check "$([ $rc = 5 ]; echo $?)" "without libpq, okr status exits 5" "exit $rc; stderr: $(cat "$T/err")"
	check "$(grep -q 'needs libpq5' "$T/err"; echo $?)" "… saying which package to install" "stderr: $(cat "$T/err")"
	check "$([ "$(wc -l <"$T/err")" -le 2 ]; echo $?)" "… in a line or two" "stderr: $(cat "$T/err")"
	check "$(! grep -q 'connection string' "$T/err"; echo $?)" "… without blaming the connection string" \
		"stderr: $(cat "$T/err")"
	# A SQLite database needs no libpq at all.
	unshare -m sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh "$T/empty" "$lib" \
		"$OKR_BIN" --db "$T/local.db" init >"$T/out" 2>"$T/err"
	rc=$?
	check "$([ $rc = 0 ]; echo $?)" "… while a SQLite database works without it" "exit $rc; stderr: $(cat "$T/err")"
fi

finish
