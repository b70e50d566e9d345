#!/bin/sh
# Install the system packages okr needs to build and test, if any are missing.
# Debian/Ubuntu (apt-get); Fedora (dnf) and Alpine (apk) on a best-effort basis.
set -eu

missing=""
need_pc() { pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"; }
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }

need_cmd pkg-config pkg-config
need_cmd cc gcc
need_cmd make make
if command -v pkg-config >/dev/null 2>&1; then
	need_pc ncursesw libncurses-dev
	need_pc libconfig libconfig-dev
	need_pc sqlite3 libsqlite3-dev
	need_pc cmocka libcmocka-dev
	need_pc libutf8proc libutf8proc-dev
	need_pc libpq libpq-dev
else
	missing="$missing libncurses-dev libconfig-dev libsqlite3-dev libcmocka-dev libutf8proc-dev libpq-dev"
fi
# The PostgreSQL server the tests start privately (tests/pg/server.sh):
# Debian keeps its programs out of PATH, under /usr/lib/postgresql/N/bin.
have_pg_server() {
	for d in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin /usr/pgsql-*/bin; do
		[ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && return 0
	done
	command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}
have_pg_server || missing="$missing postgresql"
# psql, with which the tests look into a PostgreSQL database
need_cmd psql postgresql-client
need_cmd tmux tmux
need_cmd sqlite3 sqlite3
# gettext: msgfmt builds the catalogues (make all), xgettext/msgmerge keep
# them in step with the sources (make pot, po-update, po-check).
need_cmd msgfmt gettext
need_cmd xgettext gettext
# locale sources, from which the tests build vi_VN.UTF-8 and zh_CN.UTF-8
# privately (localedef into a directory given by LOCPATH)
need_cmd localedef locales
[ -e /usr/share/i18n/locales/vi_VN ] && [ -e /usr/share/i18n/locales/zh_CN ] || missing="$missing locales"
# terminfo entries for tmux and screen, used by the end-to-end tests
[ -e /usr/share/terminfo/t/tmux-256color ] || [ -e /lib/terminfo/t/tmux-256color ] || missing="$missing ncurses-term"

# `make bench` also wants hyperfine (whole-command timings).
if [ "${1:-}" = bench ]; then
	need_cmd hyperfine hyperfine
fi

# `make fuzz` also wants clang with libFuzzer (tests/fuzz).
if [ "${1:-}" = fuzz ]; then
	need_cmd clang clang
	if command -v clang >/dev/null 2>&1; then
		[ -f "$(clang -print-file-name="libclang_rt.fuzzer-$(uname -m).a" 2>/dev/null)" ] ||
			missing="$missing libclang-rt-dev"
	else
		missing="$missing libclang-rt-dev"
	fi
fi

# `make deb` (CI) builds the Debian package and runs lintian.
if [ "${1:-}" = deb ]; then
	need_cmd dpkg-buildpackage dpkg-dev
	need_cmd dh debhelper
	need_cmd lintian lintian
	need_cmd fakeroot fakeroot
fi

# The install test renders the man pages and tries each shell's completion.
need_cmd man man-db
need_cmd groff groff-base
need_cmd zsh zsh
need_cmd fish fish
need_cmd python3 python3
# tests/cli/test_json_schema.sh validates every --json output.
python3 -c 'import jsonschema' 2>/dev/null || /usr/bin/python3 -c 'import jsonschema' 2>/dev/null ||
	missing="$missing python3-jsonschema"

[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
		echo "okr: missing packages:$missing" >&2
		echo "okr: run this as root, or install them yourself" >&2
		exit 1
	fi
fi

echo "okr: installing:$missing"
if command -v apt-get >/dev/null 2>&1; then
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq </dev/null
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing </dev/null
elif command -v dnf >/dev/null 2>&1; then
	pkgs=$(echo "$missing" | sed 's/libncurses-dev/ncurses-devel/; s/libconfig-dev/libconfig-devel/;
	  s/libsqlite3-dev/sqlite-devel/; s/libcmocka-dev/libcmocka-devel/; s/libutf8proc-dev/utf8proc-devel/; s/ncurses-term//;
	  s/libpq-dev/libpq-devel/; s/ postgresql / postgresql-server /; s/ postgresql$/ postgresql-server/;
	  s/postgresql-client/postgresql/;
	  s/libclang-rt-dev/compiler-rt/;
	  s/locales/glibc-locale-source/g')
	# shellcheck disable=SC2086
	$SUDO dnf install -y $pkgs </dev/null
elif command -v apk >/dev/null 2>&1; then
	pkgs=$(echo "$missing" | sed 's/libncurses-dev/ncurses-dev/; s/libconfig-dev/libconfig-dev/;
	  s/libsqlite3-dev/sqlite-dev/; s/libcmocka-dev/cmocka-dev/; s/libutf8proc-dev/utf8proc-dev/; s/ncurses-term/ncurses-terminfo/;
	  s/libclang-rt-dev/compiler-rt/;
	  s/locales/musl-locales/g')
	# shellcheck disable=SC2086
	$SUDO apk add $pkgs </dev/null
else
	echo "okr: no known package manager; please install:$missing" >&2
	exit 1
fi
