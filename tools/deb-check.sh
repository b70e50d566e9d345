#!/bin/sh
# deb-check.sh — the Debian package installs, works and goes away cleanly:
# install it, run the installed okr with a shipped theme, find both man pages,
# then purge it and check that none of its files is left.  Needs root (CI).
#
#   sh tools/deb-check.sh build/deb/okr_VERSION_ARCH.deb
set -eu
deb=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg -i "$deb"
dpkg -L okr >"$tmp/files"
cd "$tmp"
printf 'theme = "solarized-dark";\n' >okr.conf
okr --config okr.conf --db "$tmp/t.db" init >/dev/null
okr --config okr.conf --db "$tmp/t.db" list 2>"$tmp/err" >/dev/null
[ ! -s "$tmp/err" ] || { echo "deb-check: the installed okr cannot load its theme:" >&2; cat "$tmp/err" >&2; exit 1; }
man -w okr >/dev/null && man -w 5 okr.conf >/dev/null
dpkg --purge okr
left=$(while read -r f; do if [ -f "$f" ]; then echo "$f"; fi; done <"$tmp/files")
[ -z "$left" ] || { echo "deb-check: left behind after purge: $left" >&2; exit 1; }
echo "deb-check: $(basename "$deb") installs, runs and purges cleanly"
