#!/bin/sh
# engine-convert.sh — convert the store's files (not the engines' own
# folders) from sqlite3_* calls to src/store/engine.h; see engine-convert.pl.
# Run from the top of the checkout, again after merging store code written
# against sqlite3:  sh tools/engine-convert.sh
set -e
cd "$(dirname "$0")/.."
exec perl tools/engine-convert.pl src/store/*.c src/store/*.h "$@"
