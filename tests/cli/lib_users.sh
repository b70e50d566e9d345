# lib_users.sh — two real Unix accounts in one group, for the tests whose
# scenario needs a teammate (permissions, umasks, files left in the shared
# directory).  Sourced after lib.sh.  CI runs as root: the accounts
# okrtest1 and okrtest2 and the group okrteam are made if absent (and left,
# so parallel runs do not race to remove them).  Without root, or without
# useradd and runuser, HAVE_USERS stays empty and the tests skip.

HAVE_USERS=
if [ -n "$IS_ROOT" ] && command -v useradd >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; then
	getent group okrteam >/dev/null 2>&1 || groupadd okrteam 2>/dev/null
	for u in okrtest1 okrtest2; do
		id "$u" >/dev/null 2>&1 || useradd -M -N -g okrteam -d /nonexistent -s /bin/sh "$u" 2>/dev/null
	done
	id okrtest1 >/dev/null 2>&1 && id okrtest2 >/dev/null 2>&1 && HAVE_USERS=1
	# The accounts must reach the temporary directory.
	chmod 755 "$T"
fi

# as_account USER [UMASK] cmd...: run a command as that account (its own umask),
# output in $OUT/$ERR and the exit status in $rc, like run.
as_account() {
	who=$1; shift
	mask=022
	case $1 in 0[0-7][0-7]) mask=$1; shift ;; esac
	runuser -u "$who" -- sh -c 'umask "$1"; shift; exec "$@"' sh "$mask" \
		env OKR_USER="$who" HOME=/nonexistent "$@" >"$OUT" 2>"$ERR"
	rc=$?
}

# mode_of FILE: its permission bits in octal, e.g. 2770.
mode_of() { stat -c %a "$1"; }
