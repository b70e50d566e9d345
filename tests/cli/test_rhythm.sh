#!/bin/sh
# test_rhythm.sh — the nudges and the lead's view (SPEC §12): okr due
# --brief for a login shell, "N due" in okr status, okr due --team T, and
# the opt-in profile.d snippet.
set -u
. "$(dirname "$0")/lib.sh"
SNIPPET="$CLI_DIR/../../contrib/profile.d/okr-due.sh"

demo_db

# --brief: one line, or nothing.
expect_out 'okr: you owe 1 check-in, 1 KPI value this week — `okr due` lists them' as tuan due --brief
run as jing due --brief
[ "$rc" = 0 ] && [ ! -s "$OUT" ] && [ ! -s "$ERR" ]; check $? "nothing due: --brief prints nothing and exits 0"
expect_err_contains 2 "--brief is one line" as tuan due --brief --json

# --brief is a nudge in a login file: no database, or one it cannot read, is
# silence and exit 0, never an error at every login; a bad option is still 2.
nodb=$T/none/okr.db
run "$OKR_BIN" --db "$nodb" due --brief
[ "$rc" = 0 ] && [ ! -s "$OUT" ] && [ ! -s "$ERR" ]; check $? "no database: --brief prints nothing and exits 0"
run env -u OKR_DB XDG_DATA_HOME="$T/nowhere" "$OKR_BIN" due --brief
[ "$rc" = 0 ] && [ ! -s "$OUT" ] && [ ! -s "$ERR" ]; check $? "  … nor at the default path of an account that never ran okr init"
printf 'not a database, not at all\n' >"$T/junk.db"
run "$OKR_BIN" --db "$T/junk.db" due --brief
[ "$rc" = 0 ] && [ ! -s "$OUT" ] && [ ! -s "$ERR" ]; check $? "an unreadable file: --brief prints nothing and exits 0"
expect_err_contains 2 "unknown option '--bogus'" "$OKR_BIN" --db "$nodb" due --brief --bogus
expect_err_contains 2 "--brief is one line" "$OKR_BIN" --db "$nodb" due --brief --json
expect_err_contains 5 "no okr database" "$OKR_BIN" --db "$nodb" due

# okr status counts what is owed, like okr due.
run as tuan status
grep -q ' · 2 due$' "$OUT"; check $? "okr status ends with '2 due' for someone who owes two things"
run as jing status
[ "$rc" = 0 ] && ! grep -q 'due' "$OUT"; check $? "  … and says nothing of it when nothing is due"

# The lead's view of a team.
run as sarah due --team Sales
[ "$rc" = 0 ]; check $? "okr due --team Sales exits 0"
grep -q '^Team Sales, week of 2026-11-23: 2 of 2 have not checked in$' "$OUT"; check $? "  … heads with the week and who is behind"
sed -n '/^Not checked in/,/^$/p' "$OUT" | grep -q '@tuan'; check $? "  … lists tuan as not checked in"
grep -q '^  K10    quiet     @tuan ' "$OUT"; check $? "  … K10 is quiet"
grep -q '^  K9     off track @sarah ' "$OUT"; check $? "  … K9 is off track"
! grep -q '@jing' "$OUT"; check $? "  … and nobody from another team"
as sarah checkin K9 3.0 -m "landing page test" >/dev/null
run as sarah due --team Sales
grep -q '1 of 2 has not checked in' "$OUT" && sed -n '/^Checked in/,/^$/p' "$OUT" | grep -q '@sarah'
check $? "after sarah checks in she is listed as checked in, one of two behind"
run as sarah due --team Sales --json
expect_json "okr due --team --json"
if [ -n "$HAVE_PYTHON3" ]; then
	[ "$(json_get 'd["behind"]')" = 1 ] && [ "$(json_get '[p["login"] for p in d["people"] if not p["checked_in"]]')" = "['tuan']" ] &&
	[ "$(json_get 'd["krs"][0]["id"], d["krs"][0]["status"]')" = "K10 quiet" ]
	check $? "  … with behind, people and key results"
fi
expect_err_contains 3 "no team 'Nope'" as sarah due --team Nope

# The login snippet: the one line, or nothing when okr is missing.  The
# suite's binary is okr-test: the snippet finds it under the name okr.
mkdir -p "$T/bin" && ln -sf "$OKR_BIN" "$T/bin/okr"
run env PATH="$T/bin:/usr/bin:/bin" OKR_DB="$DB" OKR_USER=tuan sh -ic ". '$SNIPPET'" </dev/null
grep -qF 'okr: you owe 1 check-in' "$OUT"; check $? "the profile.d snippet prints the reminder in an interactive shell"
run env PATH="/usr/bin:/bin" OKR_DB="$DB" sh -ic ". '$SNIPPET'; echo rest" </dev/null
[ "$(cat "$OUT")" = rest ]; check $? "  … and nothing, without failing the login, when okr is not installed"
run env PATH="$T/bin:/usr/bin:/bin" OKR_DB="$DB" OKR_USER=tuan OKR_DUE_QUIET=1 sh -ic ". '$SNIPPET'" </dev/null
[ ! -s "$OUT" ]; check $? "  … and nothing with OKR_DUE_QUIET=1"

finish
