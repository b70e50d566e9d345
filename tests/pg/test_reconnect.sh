#!/bin/sh
# The server restarted under a running screen (PostgreSQL only): the screen
# says "reconnecting…" instead of "● live", comes back by itself when the
# server does, keeps what was selected, and shows commits made after the
# restart the moment they are made.
. "$(dirname "$0")/../e2e/lib.sh"

if [ -z "$E2E_PGDB" ]; then
	echo "ok 1 - skip (pg only: a server restart) # SKIP"
	echo "1..1"
	exit 0
fi
# The server of this run (tests/run.sh says which in OKR_PG_DIR).
[ -n "${OKR_PG_DIR:-}" ] || { echo "Bail out! OKR_PG_DIR does not say which server to restart"; exit 1; }
SERVER="sh $(dirname "$0")/server.sh"

e2e_start 100 30
keys j
check "O2 is selected" wait_for 'Key results of O2' 3

$SERVER pause "$OKR_PG_DIR"
check "the header says it is reconnecting" wait_for 'reconnecting…' 10
check "… and no longer live" wait_gone '● live' 1
check "… and why, at the bottom" wait_for 'connection to the server was lost' 1

$SERVER resume "$OKR_PG_DIR"
check "it comes back by itself" wait_for '● live' 20
check "… and says so" wait_for 'reconnected to the server; live again' 2
check "… with the same objective selected" wait_for 'Key results of O2' 1

okr_as root checkin K3 3 -m "after the restart" >/dev/null 2>"$E2E_DIR/err" || cat "$E2E_DIR/err" | sed 's/^/# /'
check "a commit after the restart is on screen" wait_for '3 / 3 ' 5

e2e_done
