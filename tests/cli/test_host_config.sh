#!/bin/sh
# test_host_config.sh — an admin names the team database once in the
# host-wide okr.conf; every person then reaches it without a file of their
# own, and a personal okr.conf still wins where it says something.
. "$(dirname "$0")/lib.sh"

mkdir -p "$T/etc/okr" "$T/etc/xdg/okr" "$XDG_CONFIG_HOME/okr"
TEAM="$T/team.db"
"$OKR_BIN" --db "$TEAM" init >/dev/null
"$OKR_BIN" --db "$TEAM" cycle add Q4 --start 2026-10-01 --end 2026-12-31 >/dev/null
"$OKR_BIN" --db "$TEAM" objective add "The team's objective" >/dev/null

printf 'database = "%s";\n' "$TEAM" >"$T/etc/okr/okr.conf"
expect_out_contains "The team's objective" "$OKR_BIN" list
OKR_USER=bob expect_out_contains "The team's objective" "$OKR_BIN" list

# An XDG_CONFIG_DIRS file is read after the host file, the personal one last.
printf 'theme = "light";\n' >"$T/etc/xdg/okr/okr.conf"
printf 'theme = "no-such-theme";\n' >"$T/etc/okr/okr.conf.theme"
cat "$T/etc/okr/okr.conf.theme" >>"$T/etc/okr/okr.conf"
run "$OKR_BIN" list
[ "$rc" = 0 ] && [ ! -s "$ERR" ]; check $? "an \$XDG_CONFIG_DIRS file wins over the host file (its theme is used)"
printf 'theme = "also-missing";\n' >"$XDG_CONFIG_HOME/okr/okr.conf"
run "$OKR_BIN" list
grep -q "also-missing" "$ERR"; check $? "the personal file wins over both"

# A personal database wins too; --db over everything.
printf 'database = "%s";\n' "$DB" >"$XDG_CONFIG_HOME/okr/okr.conf"
fresh_db
run "$OKR_BIN" list
! grep -q "The team's objective" "$OUT" && grep -q "Grow the user base" "$OUT"
check $? "a personal database setting wins over the admin's"

# An error in the host file names that file and line.
printf 'database = "%s";\nrefresh_ms = 1;\n' "$TEAM" >"$T/etc/okr/okr.conf"
expect_err_contains 2 "$T/etc/okr/okr.conf:2" "$OKR_BIN" list

# OKR_SYSTEM_CONFIG empty: no host file at all.
OKR_SYSTEM_CONFIG= expect_exit 0 "$OKR_BIN" list

finish
