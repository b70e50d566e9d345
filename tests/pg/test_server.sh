#!/bin/sh
# The private PostgreSQL server of OKR_ENGINES=pg (tests/pg/server.sh): the
# runner started it; it must be reachable on its socket and nowhere else, and
# must not run as root.
. "$(dirname "$0")/../cli/lib.sh"

if [ -z "${PGHOST:-}" ]; then
	skip "the private server" "OKR_ENGINES does not include pg"
	finish
	exit
fi

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -c "$1" </dev/null 2>&1; }

got=$(q "SELECT 1")
check "$([ "$got" = 1 ]; echo $?)" "psql reaches the server on $PGHOST" "got: $got"

got=$(q "SHOW listen_addresses")
check "$([ -z "$got" ]; echo $?)" "it listens on no TCP address" "listen_addresses: $got"

got=$(q "SHOW unix_socket_directories")
check "$([ "$got" = "$PGHOST" ]; echo $?)" "its socket is in its own directory" "unix_socket_directories: $got"

case $PGHOST in
"$OKR_SOURCE_DIR"/build/*) ok "its directory is under the build tree" ;;
*) if [ -L "$OKR_SOURCE_DIR/build/pg" ]; then ok "its directory is under the build tree (a link to a short path)"
   else not_ok "its directory is under the build tree" "PGHOST=$PGHOST"; fi ;;
esac

pid=$(head -1 "$PGHOST/../data/postmaster.pid" 2>/dev/null)
owner=$(ps -o user= -p "$pid" 2>/dev/null | tr -d ' ')
check "$([ -n "$owner" ] && [ "$owner" != root ]; echo $?)" "the server does not run as root" "pid $pid runs as '$owner'"

finish
