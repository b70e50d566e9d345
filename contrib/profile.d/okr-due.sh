# okr-due.sh — opt-in reminder at login: one line when you owe okr a
# check-in, a KPI value or a grade this week; nothing otherwise.
#
# Install for everyone: copy to /etc/profile.d/okr-due.sh.  For yourself
# only: add `. /path/to/okr-due.sh` to ~/.profile.  Set OKR_DUE_QUIET=1 to
# silence it for a session.  Only interactive shells are reminded, and a
# missing okr or database is never an error at login.
case $- in
*i*)
	if [ -z "${OKR_DUE_QUIET:-}" ] && command -v okr >/dev/null 2>&1; then
		okr due --brief 2>/dev/null || :
	fi
	;;
esac
