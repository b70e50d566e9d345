#!/bin/sh
# test_dist.sh — `make dist` makes a release tarball that builds on its own:
# unpacked elsewhere, with no git and no build directory, it compiles, its
# okr runs and its man pages are made.
. "$(dirname "$0")/lib.sh"
once "the source tarball"

SRC=$(cd "$CLI_DIR/../.." && pwd)
if ! git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; then
	skip "make dist" "not a git checkout, or no make"; finish; exit
fi
unset MAKEFLAGS MFLAGS MAKELEVEL SAN BUILDDIR   # make check SAN=1 exports SAN
version=$(sed -n 's/^VERSION *:= *//p' "$SRC/Makefile")
# dist packs the committed tree; pack it from a clone so the test never
# writes into the tree it tests.
git clone -q "$SRC" "$T/clone" 2>"$ERR"
run make -s -C "$T/clone" dist
check $? "make dist" "$(cat "$ERR")"
tarball="$T/clone/build/okr-$version.tar.gz"
[ -f "$tarball" ]; check $? "it makes build/okr-$version.tar.gz"
mkdir "$T/unpacked"
tar -C "$T/unpacked" -xzf "$tarball"
[ -f "$T/unpacked/okr-$version/Makefile" ] && [ ! -e "$T/unpacked/okr-$version/.git" ]
check $? "the tarball unpacks into okr-$version/, without git"
for f in LICENSE CHANGELOG.md CONTRIBUTING.md README.md debian/control docs/man/okr.1.in completions/okr.bash; do
	[ -f "$T/unpacked/okr-$version/$f" ]; check $? "the tarball has $f"
done
run make -s -C "$T/unpacked/okr-$version" -j2 CFLAGS=-O0
check $? "the unpacked release builds on its own" "$(tail -5 "$ERR")"
run "$T/unpacked/okr-$version/okr" --version
[ "$(cat "$OUT")" = "okr $version" ]; check $? "its okr says version $version"
[ -s "$T/unpacked/okr-$version/build/rel/man/okr.1" ]; check $? "… and its man pages are made"

finish
