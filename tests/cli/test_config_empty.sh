#!/bin/sh
# test_config_empty.sh — a configuration holding just "" (a syntax error
# that libconfig meets inside its lexer) exits 2 with the file and line, in
# the plain build and under SAN=1 alike: the leak libconfig leaves behind is
# suppressed (tests/lsan.supp), so LeakSanitizer cannot turn it into exit 1.
. "$(dirname "$0")/lib.sh"
once "an empty configuration"
fresh_db
C="$T/empty.conf"
printf '""\n' >"$C"
expect_err_contains 2 "$C:1: syntax error" okr --config "$C" list
check "$(! grep -q 'LeakSanitizer' "$ERR"; echo $?)" "no leak report from libconfig's parser"
printf 'theme = "default"; ""\n' >"$C"
expect_err_contains 2 "$C:1:" okr --config "$C" list
finish
