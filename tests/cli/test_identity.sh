#!/bin/sh
# test_identity.sh — the okr people run takes the person from the
# operating-system account and the time from the system clock: $OKR_USER and
# $OKR_NOW, which the test build (okr-test) honours, change nothing.  Run as
# the current user and, when that is root, again as an unprivileged account
# (runuser -u nobody), since roles matter most for a member.
. "$(dirname "$0")/lib.sh"

SHIPPED=${OKR_SHIPPED_BIN:-$(cd "$CLI_DIR/../.." && pwd)/okr}
if [ ! -x "$SHIPPED" ]; then
	skip "the shipped okr ignores OKR_USER and OKR_NOW" "no shipped binary at $SHIPPED (set OKR_SHIPPED_BIN)"
	finish
	exit
fi
ME=$(id -un)
PAST=1000000000      # 2001-09-09: a date the shipped binary must never write

# A database whose admin is alice; $1 (the real account) is a member with a
# key result K1 of its own.  Made with the test build.
setup() {
	dir=$1 who=$2
	OKR_DB_FILE=$dir/x.db
	"$OKR_BIN" --db "$OKR_DB_FILE" init >/dev/null &&
	"$OKR_BIN" --db "$OKR_DB_FILE" cycle add 2026-Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null &&
	"$OKR_BIN" --db "$OKR_DB_FILE" objective add "Grow" >/dev/null &&
	"$OKR_BIN" --db "$OKR_DB_FILE" person add "$who" >/dev/null &&
	"$OKR_BIN" --db "$OKR_DB_FILE" kr add O1 "Users" --target 100 --owner "$who" >/dev/null ||
	{ echo "Bail out! cannot make the test database"; exit 1; }
}

# as_shipped WHO DIR ARGS...: the shipped okr, claiming to be alice in 2001.
as_shipped() {
	who=$1 dir=$2
	shift 2
	if [ "$who" = "$ME" ]; then
		OKR_USER=alice OKR_NOW=$PAST "$SHIPPED" --db "$dir/x.db" "$@"
	else
		runuser -u "$who" -- env HOME="$dir" XDG_CONFIG_HOME="$dir" XDG_DATA_HOME="$dir" \
			OKR_SYSTEM_CONFIG="$dir/no-host.conf" XDG_CONFIG_DIRS="$dir" \
			OKR_USER=alice OKR_NOW=$PAST "$dir/okr" --db "$dir/x.db" "$@"
	fi
}

prove() {
	who=$1 dir=$2
	run as_shipped "$who" "$dir" cycle add 2027-Q1 --start 2027-01-01 --end 2027-03-31
	check "$([ "$rc" = 6 ] && grep -q 'only a lead or admin' "$ERR"; echo $?)" \
		"as $who, OKR_USER=alice does not make okr act as the admin (exit 6)" "exit $rc"
	run as_shipped "$who" "$dir" checkin K1 5 -m "from the shipped binary"
	check "$rc" "as $who, a check-in of one's own key result works" "exit $rc"
	run as_shipped "$who" "$dir" show K1
	check "$(grep 'from the shipped binary' "$OUT" | grep -q " $who "; echo $?)" \
		"… it is recorded as $who, not alice"
	check "$(grep 'from the shipped binary' "$OUT" | grep -qv '2001-09-0'; echo $?)" \
		"… and dated by the system clock, not OKR_NOW (2001-09-09)"
}

setup "$T" "$ME"
prove "$ME" "$T"

if [ -z "$IS_ROOT" ]; then
	skip "as a second, unprivileged account" "already running as $ME, who is not root"
elif ! command -v runuser >/dev/null 2>&1 || ! id nobody >/dev/null 2>&1; then
	skip "as nobody, the shipped okr ignores OKR_USER and OKR_NOW" "no runuser or no user nobody"
else
	U=$(mktemp -d /tmp/okr-identity.XXXXXX) || exit 1
	trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T" "$U"' EXIT
	setup "$U" nobody
	cp "$SHIPPED" "$U/okr"
	chmod 0777 "$U" && chmod 0666 "$U"/x.db* && chmod 0755 "$U/okr"
	prove nobody "$U"
fi
finish
