#!/bin/sh
# server.sh — a private PostgreSQL server for the test suite.
#
#   sh tests/pg/server.sh start [DIR]   initdb a fresh cluster in DIR and start it
#   sh tests/pg/server.sh stop  [DIR]   stop it (if running) and remove DIR
#   sh tests/pg/server.sh env   [DIR]   print PGHOST=… PGPORT=… PGUSER=… to eval
#   sh tests/pg/server.sh pause [DIR]   stop the server, keeping its data (a restart test)
#   sh tests/pg/server.sh resume [DIR]  start it again on the same data
#
# DIR defaults to build/pg under the checkout.  The server listens on no TCP
# address at all, only on a Unix socket in DIR/run whose name carries a port
# number derived from DIR, so any number of checkouts (and a system server)
# run side by side.  Run as root (CI), the server runs as an unprivileged
# account (postgres if the package made one, else nobody) that owns DIR; the
# data directory is never root's.  Never reads standard input and never waits
# without a limit: every wait is bounded, and `start` arranges for the server
# to be stopped when the process that asked for it (OKR_PG_OWNER, a pid) is
# gone, so a runner killed without its traps cannot leave a server behind.
set -eu

cd "$(dirname "$0")/../.." || exit 1
ROOT=$PWD
cmd=${1:-}
DIR=${2:-${OKR_PG_DIR:-$ROOT/build/pg}}
case $DIR in /*) ;; *) DIR=$ROOT/$DIR ;; esac
SUPER=okr_super

die() {
	echo "tests/pg/server.sh: $*" >&2
	exit 1
}

# The server's programs: pg_config's bindir (Debian, where they are not on
# PATH), the versioned directories, or PATH (Fedora, Alpine).
find_bin() {
	for d in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin /usr/pgsql-*/bin; do
		[ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
	done
	d=$(command -v initdb 2>/dev/null) && [ -n "$d" ] && { dirname "$d"; return 0; }
	return 1
}

# The account the server runs as, and how to run a command as it.
if [ "$(id -u)" = 0 ]; then
	if id postgres >/dev/null 2>&1; then RUNAS=postgres; else RUNAS=nobody; fi
else
	RUNAS=
fi
as_server() {
	if [ -z "$RUNAS" ]; then
		"$@"
	elif command -v runuser >/dev/null 2>&1; then
		runuser -u "$RUNAS" -- "$@"
	elif command -v setpriv >/dev/null 2>&1; then
		setpriv --reuid="$RUNAS" --regid="$(id -g "$RUNAS")" --clear-groups -- "$@"
	else
		# su needs a shell for the account; nobody's is nologin
		su -s /bin/sh "$RUNAS" -c "$(printf '%s ' "$@")"
	fi
}

# A port number of its own for the socket's name, from the directory's path.
port() {
	n=$(printf '%s' "$DIR" | cksum | cut -d' ' -f1)
	echo $((20000 + n % 20000))
}

# Unix socket paths are limited to about 107 bytes; a deep checkout puts the
# cluster in a private directory under /tmp, which DIR then links to.  The
# same happens when the server's account cannot reach the checkout (a clone
# under /root).
place() {
	sock_path="$DIR/run/.s.PGSQL.$(port)"
	parent=$(dirname "$DIR")
	mkdir -p "$parent"
	reach=yes
	if [ -n "$RUNAS" ] && ! as_server test -x "$parent" </dev/null 2>/dev/null; then reach=no; fi
	if [ ${#sock_path} -gt 100 ] || [ $reach = no ]; then
		real=$(mktemp -d "${TMPDIR:-/tmp}/okr-pg.XXXXXX")
		chmod 0755 "$real"
		ln -s "$real" "$DIR"
	else
		mkdir -p "$DIR"
	fi
}

# The socket's directory: through the link's target when DIR is one.
sock_dir() {
	if [ -L "$DIR" ]; then echo "$(readlink "$DIR")/run"; else echo "$DIR/run"; fi
}

env_lines() {
	echo "PGHOST=$(sock_dir)"
	echo "PGPORT=$(port)"
	echo "PGUSER=$SUPER"
	echo "PGDATABASE=postgres"
}

stop() {
	[ -e "$DIR" ] || return 0
	if [ -f "$DIR/data/postmaster.pid" ] && BIN=$(find_bin); then
		as_server "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 20 stop </dev/null >/dev/null 2>&1 ||
			as_server "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w -t 10 stop </dev/null >/dev/null 2>&1 || true
	fi
	# the postmaster's pid, if it is still there after both
	if [ -f "$DIR/data/postmaster.pid" ]; then
		pid=$(head -1 "$DIR/data/postmaster.pid" 2>/dev/null || true)
		[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
	fi
	if [ -L "$DIR" ]; then
		rm -rf "$(readlink "$DIR")"
		rm -f "$DIR"
	else
		rm -rf "$DIR"
	fi
}

start() {
	BIN=$(find_bin) || die "no PostgreSQL server programs (initdb, pg_ctl) found — run \`make deps\` (Debian: apt-get install postgresql)"
	stop
	place
	mkdir -p "$DIR/run"
	chmod 0755 "$DIR/run"
	[ -z "$RUNAS" ] || chown -R "$RUNAS" "$DIR/" "$DIR/run"
	# Trust on the socket only: nothing else can reach it, and the tests
	# connect as the roles they stand in for (okr-test's $OKR_USER).
	as_server "$BIN/initdb" -D "$DIR/data" -U "$SUPER" -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
		</dev/null >"$DIR/initdb.log" 2>&1 || {
		cat "$DIR/initdb.log" >&2
		die "initdb failed"
	}
	cat >>"$DIR/data/postgresql.conf" <<EOF
# tests/pg/server.sh: a private, throw-away server
listen_addresses = ''
port = $(port)
unix_socket_directories = '$(sock_dir)'
unix_socket_permissions = 0777
max_connections = 200
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
max_locks_per_transaction = 128
log_min_messages = warning
logging_collector = off
EOF
	as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start </dev/null >/dev/null 2>&1 || {
		cat "$DIR/server.log" >&2 2>/dev/null || true
		die "the server did not start (log above)"
	}
	if [ -n "${OKR_PG_OWNER:-}" ]; then
		# Stop this server once the runner that wanted it is gone — this
		# postmaster only, by its pid (a fast shutdown), and never the
		# directory: a later run may already have made a new server there,
		# and its own start clears what this one leaves.
		pm=$(head -1 "$DIR/data/postmaster.pid")
		(
			trap '' HUP INT
			while kill -0 "$OKR_PG_OWNER" 2>/dev/null; do sleep 2; done
			tr '\0' ' ' <"/proc/$pm/cmdline" 2>/dev/null | grep -q "postgres.*$DIR/data" && kill -INT "$pm"
		) </dev/null >/dev/null 2>&1 &
	fi
}

# The server down and up again on the same data, as an administrator's
# restart looks to the clients.
pause() {
	BIN=$(find_bin) || die "no PostgreSQL server programs found"
	as_server "$BIN/pg_ctl" -D "$DIR/data" -m fast -w -t 20 stop </dev/null >/dev/null 2>&1
}

resume() {
	BIN=$(find_bin) || die "no PostgreSQL server programs found"
	as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start </dev/null >/dev/null 2>&1
}

case $cmd in
start) start ;;
pause) pause ;;
resume) resume ;;
stop) stop ;;
env) env_lines ;;
*) die "usage: server.sh start|stop|env|pause|resume [DIR]" ;;
esac
