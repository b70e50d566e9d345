#!/bin/sh
# test_config.sh — okr.conf problems are reported with the file and line
# (SPEC §7), never ignored; where the configuration is looked for.
. "$(dirname "$0")/lib.sh"

fresh_db
C="$T/okr.conf"

# A syntax error names the file and line, quotes the line, and says what to
# look for — not libconfig's bare "syntax error (syntax error)".
printf 'theme = "default";\nrefresh_ms = = 5;\n' >"$C"
expect_err_contains 2 "$C:2: syntax error near 'refresh_ms = = 5;' — check this line and the end of the one before for a missing ';', '=' or quote" okr --config "$C" list
grep -q "syntax error (syntax error)" "$ERR"; [ $? = 1 ]; check $? "… and never 'syntax error (syntax error)'"
printf '# a group never closed\nkeys = {\n  quit = "q";\n' >"$C"
expect_err_contains 2 "$C:2: the group opened here with '{' is never closed — add '};'" okr --config "$C" list
printf 'theme = "light;\nmouse = true;\n' >"$C"
expect_err_contains 2 "$C:1: the text in double quotes that starts here is never closed" okr --config "$C" checkin K1 5
printf 'theme = "default";\nfrobnicate = 3;\n' >"$C"
expect_err_contains 2 "$C:2: unknown setting 'frobnicate' (see okr.conf.example)" okr --config "$C" list
printf 'theme = "default";\nrefresh = 300;\n' >"$C"
expect_err_contains 2 "$C:2: unknown setting 'refresh' — did you mean 'refresh_ms'?" okr --config "$C" list
printf 'streak_cap = 4;\n' >"$C"
expect_err_contains 2 "did you mean 'gamification.streak_cap'? Put it inside gamification = { ... };" okr --config "$C" list
printf 'leaderboard = {\n  windw = "week";\n};\n' >"$C"
expect_err_contains 2 "$C:2: unknown setting 'leaderboard.windw' — did you mean 'leaderboard.window'?" okr --config "$C" list
printf 'refresh_ms = 5;\n' >"$C"
expect_err_contains 2 "$C:1: 'refresh_ms' must be an integer from 20 to 10000, not 5" okr --config "$C" list
printf 'refresh_ms = "fast";\n' >"$C"
expect_err_contains 2 "$C:1: 'refresh_ms' must be an integer from 20 to 10000, not \"fast\"" okr --config "$C" list
printf 'status = { at_risk = 1.5; };\n' >"$C"
expect_err_contains 2 "$C:1: 'status.at_risk' must be a number from 0 to 1, not 1.5" okr --config "$C" list
printf 'mouse = "yes";\n' >"$C"
expect_err_contains 2 "$C:1: 'mouse' must be true or false (no quotes), not \"yes\"" okr --config "$C" list
# A config error stops a write before anything is written.
printf 'refresh_ms = = 5;\n' >"$C"
refused 2 "$C:1: syntax error" okr --config "$C" checkin K1 42
# Text from the file is quoted without its control bytes.
printf 'mouse = \033]0;pwned\007;\n' >"$C"
run okr --config "$C" list
[ "$rc" = 2 ] && [ "$(tr -cd '\033\007' <"$ERR" | wc -c)" -eq 0 ]; check $? "a config line with escapes is quoted without them" "exit $rc"

# An unknown theme (SPEC §9): only the full-screen view draws, so the other
# commands do their work and warn, with the same message the TUI stops with.
printf 'theme = "nosuch";\n' >"$C"
run okr --config "$C" list
[ "$rc" = 0 ] && grep -q "Grow the user base" "$OUT" &&
	grep -qF "okr: warning: $C: no theme 'nosuch': set 'theme' in okr.conf to one of: " "$ERR" &&
	grep -qF "(only the full-screen view uses the theme, so this command went on)" "$ERR"
check $? "okr list with an unknown theme lists, and warns on stderr naming the file" "exit $rc"
run okr --config "$C" checkin K1 7
[ "$rc" = 0 ] && grep -q "no theme 'nosuch'" "$ERR"; check $? "okr checkin with an unknown theme records, and warns" "exit $rc"
run okr --config "$C" show K1 --json
expect_json "show --json with an unknown theme (the warning is on stderr only)"
run okr --config "$C"
[ "$rc" = 2 ] && grep -q "needs a terminal" "$ERR"; check $? "okr (TUI) without a terminal says it needs one" "exit $rc"
printf 'theme = "light";\n' >"$C"
run env OKR_THEME_DIR="$CLI_DIR/../../themes" "$OKR_BIN" --db "$DB" --config "$C" list
[ "$rc" = 0 ] && [ ! -s "$ERR" ]; check $? "a theme that exists: no warning" "exit $rc"
mkdir -p "$T/themes"
printf 'name = "Broken";\nslots = {\n  status.nope = "red";\n};\n' >"$T/themes/broken.theme"
printf 'theme = "broken";\n' >"$C"
run env OKR_THEME_DIR="$T/themes" "$OKR_BIN" --db "$DB" --config "$C" list
[ "$rc" = 0 ] && grep -qF "okr: warning: $C: $T/themes/broken.theme:" "$ERR"
check $? "a theme file with an error: its file and line, as a warning" "exit $rc"
expect_err_contains 2 "cannot read $T/nothere.conf" okr --config "$T/nothere.conf" list
expect_err_contains 2 "--config needs a path" "$OKR_BIN" --config

# $OKR_CONFIG is read, and its errors are reported the same way.
printf 'bogus = 1;\n' >"$C"
OKR_CONFIG="$C"; export OKR_CONFIG
expect_err_contains 2 "unknown setting 'bogus'" okr list
unset OKR_CONFIG

# The example file documents the defaults: loading it changes nothing.
EX="$CLI_DIR/../../okr.conf.example"
if [ -f "$EX" ]; then
	okr list >"$T/plain"
	run okr --config "$EX" list
	[ "$rc" = 0 ] && cmp -s "$T/plain" "$OUT"; check $? "okr.conf.example loads and changes nothing" "exit $rc"
else
	skip "okr.conf.example loads" "not found"
fi

# $XDG_CONFIG_HOME/okr/okr.conf is found, and its database setting used.
mkdir -p "$XDG_CONFIG_HOME/okr"
printf 'database = "%s";\n' "$DB" >"$XDG_CONFIG_HOME/okr/okr.conf"
run "$OKR_BIN" list
grep -q "Grow the user base" "$OUT"; check $? "the database named in \$XDG_CONFIG_HOME/okr/okr.conf is used" "exit $rc"
printf 'nope = 1;\n' >"$XDG_CONFIG_HOME/okr/okr.conf"
expect_err_contains 2 "okr/okr.conf:1: unknown setting 'nope'" "$OKR_BIN" list
rm "$XDG_CONFIG_HOME/okr/okr.conf"

# No configuration at all and no --db: the XDG data directory.
run "$OKR_BIN" init
[ "$rc" = 0 ] && [ -f "$XDG_DATA_HOME/okr/okr.db" ]; check $? "okr init without --db uses \$XDG_DATA_HOME/okr/okr.db" "exit $rc"

finish
