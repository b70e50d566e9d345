#!/bin/sh
# Run every end-to-end test; exit non-zero if any failed.
# OKR_BIN=build/san/okr sh tests/e2e/run.sh runs them under the sanitizers.
dir=$(dirname "$0")
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
fail=0
for t in "$dir"/*.sh; do
	case $t in */lib.sh|*/run.sh) continue ;; esac
	echo "# $(basename "$t")"
	sh "$t" || fail=1
done
exit $fail
