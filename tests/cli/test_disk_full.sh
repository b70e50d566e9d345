#!/bin/sh
# test_disk_full.sh — a database on a full disk (a small tmpfs filled up):
# writes exit 5 saying the disk is full — not "input/output error" — and
# that nothing was saved; once space is freed writing works again and every
# acknowledged check-in is there.  Needs root to mount the tmpfs; skipped
# otherwise.
. "$(dirname "$0")/lib.sh"
sqlite_only "a full disk under the database file"

MNT="$T/small"
mkdir -p "$MNT"
if [ -z "$IS_ROOT" ] || ! mount -t tmpfs -o size=2m,nr_inodes=64 tmpfs "$MNT" 2>/dev/null; then
	skip "a full disk" "needs root and tmpfs"
	finish
	exit
fi
trap 'umount "$MNT" 2>/dev/null; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
DB="$MNT/team.db"
fresh_db
okr checkin K1 10 >/dev/null
acked=1
# Fill the disk with check-ins' worth of notes, then with a file.
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null
i=0
while [ "$i" -lt 40 ]; do
	run okr checkin K1 $((20 + i)) -m "$(head -c 3000 /dev/zero | tr '\0' x)"
	[ "$rc" = 0 ] && acked=$((acked + 1))
	[ "$rc" = 0 ] || break
	i=$((i + 1))
done
check "$([ "$rc" = 5 ]; echo $?)" "a check-in on a full disk exits 5" "exit $rc"
check "$(grep -qF "the disk holding $DB is full — nothing was saved" "$ERR" && ! grep -qi 'input/output' "$ERR"; echo $?)" \
	"the message names the full disk, not an input/output error"
rm -f "$MNT/filler"
run okr checkin K1 99
check "$([ "$rc" = 0 ]; echo $?)" "after freeing space the next check-in is saved" "exit $rc"
acked=$((acked + 1))
run okr show K1 --json
if [ -n "$HAVE_SQLITE3" ]; then
	got=$(sqlite3 "$DB" "SELECT count(*) FROM checkin")
	check "$([ "$got" = "$acked" ]; echo $?)" "every acknowledged check-in is present ($acked)" "got $got"
	check "$([ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]; echo $?)" "the database is intact"
fi
finish
