#!/bin/sh
# test_settings.sh — okr settings: the team's settings live in the database,
# the same for everyone whatever their okr.conf says; leads and admins change
# them, every change is audited, and a bad value changes nothing.
. "$(dirname "$0")/lib.sh"

demo_db admin

# ---- show ----
# One row per setting: the key, the value, where it comes from.
row() { printf '  %-32s %-10s %s' "$1" "$2" "$3"; }
expect_out_contains "$(row gamification.checkin_xp 10 default)" as tuan settings
expect_out_contains "$(row timezone '"+00:00"' default)" as tuan settings show
run as tuan settings --json
expect_json "settings --json"
if [ -n "$HAVE_PYTHON3" ]; then
	v=$(json_get '[s["value"] for s in d["settings"] if s["key"] == "gamification.checkin_xp"][0]')
	check "$([ "$v" = 10 ]; echo $?)" "--json gives the value as a number" "got $v"
	v=$(json_get '[s["value"] for s in d["settings"] if s["key"] == "rollup"][0]')
	check "$([ "$v" = both ]; echo $?)" "--json gives a string without its quotes" "got $v"
fi

# ---- two people, two okr.conf files, one board ----
printf 'gamification = { checkin_xp = 500; progress_xp = 9000; };\nrollup = "krs";\n' >"$T/greedy.conf"
printf 'status = { at_risk = 0.01; off_track = 0.02; };\n' >"$T/strict.conf"
as tuan --config "$T/greedy.conf" board --once --all >"$T/a" 2>"$T/a.err"
as tuan --config "$T/strict.conf" board --once --all >"$T/b" 2>/dev/null
as tuan board --once --all >"$T/c" 2>/dev/null
cmp -s "$T/a" "$T/c" && cmp -s "$T/b" "$T/c"
check $? "different okr.conf files show the same board"
as tuan --config "$T/greedy.conf" status >"$T/a" 2>/dev/null
as tuan --config "$T/strict.conf" status >"$T/b" 2>/dev/null
cmp -s "$T/a" "$T/b"
check $? "and the same okr status"
as tuan --config "$T/greedy.conf" list >"$T/a" 2>/dev/null
as tuan --config "$T/strict.conf" list >"$T/b" 2>/dev/null
cmp -s "$T/a" "$T/b"
check $? "and the same statuses and progress in okr list"
grep -qF "greedy.conf:1: 'gamification.checkin_xp' is a team setting now" "$T/a.err" &&
	grep -qF 'okr settings set gamification.checkin_xp VALUE' "$T/a.err"
check $? "a team setting in okr.conf is named with where it lives now" "$(cat "$T/a.err")"
as tuan --config "$T/greedy.conf" board --once >/dev/null 2>&1
check $? "  … as a warning: the command still works"

# ---- set ----
as tuan board --once --window all >"$T/before"
refused 6 "only a lead or an admin can change the team's settings" as tuan settings set gamification.checkin_xp 50
expect_out "gamification.checkin_xp = 50" as sarah settings set gamification.checkin_xp 50
expect_out_contains "$(row gamification.checkin_xp 50 "set by @sarah on 2026-11-23")" as tuan settings
as tuan board --once --window all >"$T/after"
cmp -s "$T/before" "$T/after"
check "$([ $? != 0 ]; echo $?)" "the new rule changes everyone's board at once"
if [ -n "$HAVE_SQLITE3" ]; then
	v=$(sqlite3 "$DB" "SELECT detail FROM audit WHERE action = 'setting' ORDER BY id DESC LIMIT 1")
	check "$([ "$v" = "gamification.checkin_xp: (default) → 50" ]; echo $?)" "the change is audited" "got $v"
	r1=$(sqlite3 "$DB" "SELECT rules FROM score_ledger")
	as tuan status >/dev/null
	r2=$(sqlite3 "$DB" "SELECT rules FROM score_ledger")
	check "$([ -n "$r1" ] && [ "$r1" = "$r2" ]; echo $?)" "the lead's change rebuilt the ledger once: readers use it" "$r1 / $r2"
fi
expect_out 'timezone = "+07:00"' as admin settings set timezone +07:00

# The first day of the week: every week begins on it, and the ledger is
# rebuilt once, by the lead.  2026-11-23 is a Monday.
expect_out_contains "$(row week_start '"monday"' default)" as tuan settings
expect_out_contains "this week, 2026-11-23 → 2026-11-29" as tuan board --once
r1=$(sqlite3 "$DB" "SELECT rules FROM score_ledger" 2>/dev/null)
expect_out 'week_start = "sunday"' as admin settings set week_start sunday
expect_out_contains "$(row week_start '"sunday"' "set by @admin")" as tuan settings
expect_out_contains "this week, 2026-11-22 → 2026-11-28" as tuan board --once
expect_out_contains "week of 2026-11-22" as tuan due --team Marketing
if [ -n "$HAVE_SQLITE3" ]; then
	r2=$(sqlite3 "$DB" "SELECT rules FROM score_ledger")
	check "$([ "$r1" != "$r2" ]; echo $?)" "a new first day of the week rebuilt the ledger under the new rules" "$r1 / $r2"
fi
refused 2 "'week_start' must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday" \
	as admin settings set week_start Sun
expect_out 'week_start = "monday"' as admin settings set week_start monday
expect_out "leaderboard.bands = true" as admin settings set leaderboard.bands true
expect_out "status.at_risk = 0.2" as admin settings set status.at_risk 0.2

# ---- bad input changes nothing ----
refused 2 "'gamification.checkin_xp' must be an integer from 0 to 100000, not \"12abc\"" \
	as admin settings set gamification.checkin_xp 12abc
refused 2 "must be an integer from 0 to 100000, not \"1e999\"" as admin settings set gamification.checkin_xp 1e999
refused 2 "'timezone' must be a UTC offset such as \"+07:00\"" as admin settings set timezone Asia/Hanoi
refused 2 "must not be greater than 'status.off_track' (0.1) — nothing was changed" as admin settings set status.off_track 0.1
refused 2 "'theme' is not a team setting — \`okr settings show\` lists them" as admin settings set theme dark
refused 2 "'rollup' must be one of: krs, children, both" as admin settings set rollup ""
expect_exit 2 as admin settings set gamification.checkin_xp
expect_exit 2 as admin settings frobnicate

# ---- import ----
cat >"$T/team.conf" <<'CONF'
# The team's rules for Q4.
gamification = {
	checkin_xp = 15;
	kudos_allowance = 3;
};
rollup = "krs";
CONF
expect_out 'rollup = "krs"
gamification.checkin_xp = 15
gamification.kudos_allowance = 3' as admin settings import "$T/team.conf"
expect_out_contains "$(row gamification.kudos_allowance 3 "set by @admin")" as tuan settings
printf 'theme = "dark";\ngamification = { checkin_xp = 1; };\n' >"$T/personal.conf"
refused 2 "personal.conf:1: 'theme' is not a team setting" as admin settings import "$T/personal.conf"
printf 'gamification = { checkin_xp = -1; };\n' >"$T/bad.conf"
refused 2 "bad.conf:1: 'gamification.checkin_xp' must be an integer" as admin settings import "$T/bad.conf"
printf 'gamification = { checkin_xp = 1 \n' >"$T/broken.conf"
refused 2 "broken.conf:" as admin settings import "$T/broken.conf"
refused 2 "cannot read $T/missing.conf" as admin settings import "$T/missing.conf"

finish
