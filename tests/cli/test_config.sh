#!/bin/sh
# test_config.sh — okr.conf problems are reported with the file and line
# (SPEC §7), never ignored; where the configuration is looked for.
. "$(dirname "$0")/lib.sh"

fresh_db
C="$T/okr.conf"

printf 'theme = "default";\nrefresh_ms = = 5;\n' >"$C"
expect_err_contains 2 "$C:2: syntax error" okr --config "$C" list
printf '# a group never closed\nkeys = {\n  quit = "q";\n' >"$C"
expect_err_contains 2 "$C:" okr --config "$C" list
printf 'theme = "default";\nfrobnicate = 3;\n' >"$C"
expect_err_contains 2 "$C:2: unknown setting 'frobnicate'" okr --config "$C" list
printf 'refresh_ms = 5;\n' >"$C"
expect_err_contains 2 "$C:1: 'refresh_ms' must be an integer from 20 to 10000" okr --config "$C" list
printf 'refresh_ms = "fast";\n' >"$C"
expect_err_contains 2 "$C:1:" okr --config "$C" list
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
