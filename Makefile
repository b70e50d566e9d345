# okr — build, test, run.  `make run` and `make check` are all a person needs on
# a fresh Debian/Ubuntu machine: both install missing packages first (make deps).
#
# For packagers: CFLAGS, CPPFLAGS, LDFLAGS, PKG_CONFIG and the directories
# below may be set on the command line or in the environment; the flags okr
# itself needs (OKR_*FLAGS) are appended to them, so CFLAGS=-O0 never drops
# them.
# The install directories are compiled in (themes, translations, the host-wide
# okr.conf), so `make install PREFIX=/opt/okr` gives a binary that finds its
# files there; changing one rebuilds what depends on it.

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
LOCALEDIR  ?= $(DATADIR)/locale
DOCDIR     ?= $(DATADIR)/doc/okr
# /usr installs configure under /etc (the FHS); any other prefix keeps its own.
SYSCONFDIR ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/vendor-completions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
DESTDIR    ?=
CC         ?= cc
PKG_CONFIG ?= pkg-config
INSTALL    ?= install
PKGS       := ncursesw libconfig sqlite3 libutf8proc libpq

# BUILDDIR puts the objects elsewhere (the install test builds with its own
# PREFIX without touching build/rel).
ifeq ($(SAN),1)
BUILD   := $(or $(BUILDDIR),build/san)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD   := $(or $(BUILDDIR),build/rel)
SANFLAGS :=
endif

# make fuzz: the library again with clang's fuzzer instrumentation and
# ASan+UBSan, and a libFuzzer binary per tests/fuzz/fuzz_*.c.
ifeq ($(FUZZ),1)
BUILD   := build/fuzz
CC      := clang
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif
FUZZ_TIME ?= 10

WERROR  := $(if $(CI),-Werror,)
ifeq ($(FUZZ),1)
# gcc's -Werror guards the code; clang's extra warnings must not stop a fuzz run.
WERROR  :=
endif
CFLAGS  ?= -O2 -g
OKR_CFLAGS := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers \
           $(WERROR) $(SANFLAGS) -MMD -MP
OKR_CPPFLAGS := -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED \
           -DOKR_VERSION='"$(VERSION)"' \
           -DOKR_THEME_DIRS='"themes:$(DATADIR)/okr/themes"' \
           -DOKR_SYSCONFDIR='"$(SYSCONFDIR)"' -DOKR_LOCALEDIR='"$(LOCALEDIR)"'
# okr's own flags are appended even to a CFLAGS or LDFLAGS given on the
# command line (override), so `make CFLAGS=-O0` keeps them, and so does any
# rule that says $(CFLAGS).
override CFLAGS  += $(OKR_CPPFLAGS) $(OKR_CFLAGS)
override LDFLAGS += $(SANFLAGS)
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libpq is loaded when a PostgreSQL database is opened (src/store/pg/pq_load.h),
# not linked: only the store tests, which talk to the test server themselves, link it.
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(filter-out libpq,$(PKGS)) 2>/dev/null)
PQ_LIBS    = $(shell $(PKG_CONFIG) --libs libpq 2>/dev/null)
ALL_CFLAGS  = $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS)
ALL_LDFLAGS = $(LDFLAGS)
LDLIBS  += $(PKG_LIBS) -ldl -lm -pthread
# Everything that changes what the compiler makes; a change rebuilds all.
FLAGS_STAMP := $(BUILD)/flags.stamp

LIB_SRC := $(wildcard src/core/*.c src/store/*.c src/store/sqlite/*.c src/store/pg/*.c src/config/*.c src/term/*.c src/ui/*.c src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
LIB     := $(BUILD)/libokr.a
BIN     := $(if $(filter 1,$(SAN))$(BUILDDIR),$(BUILD)/okr,okr)
# The tests and benchmarks run okr-test: main.c with -DOKR_TEST_HOOKS, which
# honours $OKR_USER and $OKR_NOW (see find_login in src/main.c); okr does not.
TEST_MAIN_OBJ := $(BUILD)/src/main-test.o
TEST_BIN := $(BUILD)/okr-test

UNIT_SRC := $(wildcard tests/unit/test_*.c tests/store/test_*.c)
UNIT_BIN := $(UNIT_SRC:%.c=$(BUILD)/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:%.c=$(BUILD)/%)
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:%.c=$(BUILD)/%)
MAN_PAGES := $(BUILD)/man/okr.1 $(BUILD)/man/okr.conf.5

# Translations (docs/translation.md): po/LANG.po → build/locale/LANG/LC_MESSAGES/okr.mo,
# which the binary uses when it runs from the checkout (OKR_LOCALEDIR once installed).
LINGUAS  := $(basename $(notdir $(wildcard po/*.po)))
MO_FILES := $(LINGUAS:%=build/locale/%/LC_MESSAGES/okr.mo)

.PHONY: all man check run deps install uninstall clean unit shell-tests bench bench-pg demo dist deb fuzz fuzz-build FORCE \
	pot po-update po-todo po-check

all: $(BIN) $(TEST_BIN) $(MAN_PAGES) $(MO_FILES)

build/locale/%/LC_MESSAGES/okr.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

pot:
	@sh tools/po.sh pot
po-update:
	@sh tools/po.sh update
po-todo:
	@sh tools/po.sh todo
po-check:
	@sh tools/po.sh check


# The man pages take their commands and options from the built program's
# command table, so a command someone adds is documented without a step.
man: $(MAN_PAGES)
$(BUILD)/man/%: docs/man/%.in tools/man.sh okr.conf.example CHANGELOG.md $(BIN)
	@mkdir -p $(dir $@)
	sh tools/man.sh $(abspath $(BIN)) $< $(VERSION) $(SYSCONFDIR) $(DATADIR) >$@.tmp && mv $@.tmp $@

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)
ifeq ($(SAN),1)
	@ln -sf $(BUILD)/okr okr-san
endif

$(TEST_BIN): $(TEST_MAIN_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(TEST_MAIN_OBJ): src/main.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DOKR_TEST_HOOKS -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null) -o $@ $< $(LIB) \
	  $(ALL_LDFLAGS) $(LDLIBS) $(PQ_LIBS) $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

$(BUILD)/tests/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(ALL_LDFLAGS) $(LDLIBS)

# The server client's floor links libpq itself, as an ordinary client does.
$(BUILD)/bench/pqfloor: bench/pqfloor.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(PQ_LIBS)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(LDLIBS)

# Rewritten only when the flags differ from the last build (the way git's
# GIT-CFLAGS works), so a changed CFLAGS or PREFIX rebuilds and nothing else
# does.  Also the place that names a missing library before any compiling.
$(FLAGS_STAMP): FORCE
	@missing=; for p in $(PKGS); do $(PKG_CONFIG) --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "okr: $(PKG_CONFIG) cannot find:$$missing — run \`make deps\`, install their development" \
	      "packages, or point PKG_CONFIG_PATH at their .pc files" >&2; exit 1; fi
	@mkdir -p $(dir $@)
	@flags='$(subst ','\'',$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LDLIBS))'; \
	  if [ "$$flags" != "$$(cat $@ 2>/dev/null)" ]; then printf '%s\n' "$$flags" >$@; fi

# Install what pkg-config or PATH cannot find, with the platform's package
# manager, non-interactively.  Quiet when everything is there.
deps:
	@sh tools/deps.sh

check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@OKR_BIN=$(abspath $(TEST_BIN)) OKR_SHIPPED_BIN=$(abspath $(BIN)) BUILD=$(BUILD) sh tests/run.sh

# Each harness for FUZZ_TIME seconds from its seed corpus (tests/fuzz/run.sh).
fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-build
	@FUZZ_TIME=$(FUZZ_TIME) sh tests/fuzz/run.sh

fuzz-build: $(FUZZ_BIN)

run: deps
	@$(MAKE) --no-print-directory all
	@db=$${OKR_DEMO_DB:-$(CURDIR)/build/demo.db}; \
	  [ -f "$$db" ] || ./$(BIN) --db "$$db" demo >/dev/null; \
	  ./$(BIN) --db "$$db"

bench: all $(BENCH_BIN)
	@sh tools/deps.sh bench
	@OKR_BIN=$(abspath $(TEST_BIN)) BUILD=$(BUILD) sh bench/run.sh

# The figures of issue 11 on a private PostgreSQL server, next to SQLite's (bench/pg.sh).
bench-pg: all $(BENCH_BIN)
	@OKR_BIN=$(abspath $(TEST_BIN)) OKR_SHIPPED=$(abspath $(BIN)) BUILD=$(BUILD) sh bench/pg.sh

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/okr/themes $(DESTDIR)$(DOCDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR) \
	  $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	$(INSTALL) -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/okr
	$(INSTALL) -m 0644 themes/*.theme $(DESTDIR)$(DATADIR)/okr/themes/
	$(INSTALL) -m 0644 okr.conf.example README.md $(DESTDIR)$(DOCDIR)/
	$(INSTALL) -d $(DESTDIR)$(DOCDIR)/schema
	$(INSTALL) -m 0644 docs/schema/*.schema.json $(DESTDIR)$(DOCDIR)/schema/
	$(INSTALL) -m 0644 $(BUILD)/man/okr.1 $(DESTDIR)$(MANDIR)/man1/okr.1
	$(INSTALL) -m 0644 $(BUILD)/man/okr.conf.5 $(DESTDIR)$(MANDIR)/man5/okr.conf.5
	$(INSTALL) -m 0644 completions/okr.bash $(DESTDIR)$(BASHCOMPDIR)/okr
	$(INSTALL) -m 0644 completions/_okr $(DESTDIR)$(ZSHCOMPDIR)/_okr
	$(INSTALL) -m 0644 completions/okr.fish $(DESTDIR)$(FISHCOMPDIR)/okr.fish
	for l in $(LINGUAS); do \
	  $(INSTALL) -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  $(INSTALL) -m 0644 build/locale/$$l/LC_MESSAGES/okr.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/okr.mo; \
	done

# Removes exactly what install put there, and the directories that only okr
# owns; shared ones (bin, man1, completions) stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/okr
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/okr/themes/,$(notdir $(wildcard themes/*.theme)))
	rm -f $(DESTDIR)$(DOCDIR)/okr.conf.example $(DESTDIR)$(DOCDIR)/README.md
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/schema/,$(notdir $(wildcard docs/schema/*.schema.json)))
	-rmdir $(DESTDIR)$(DOCDIR)/schema 2>/dev/null
	rm -f $(DESTDIR)$(MANDIR)/man1/okr.1 $(DESTDIR)$(MANDIR)/man5/okr.conf.5
	rm -f $(DESTDIR)$(BASHCOMPDIR)/okr $(DESTDIR)$(ZSHCOMPDIR)/_okr $(DESTDIR)$(FISHCOMPDIR)/okr.fish
	rm -f $(foreach l,$(LINGUAS),$(DESTDIR)$(LOCALEDIR)/$(l)/LC_MESSAGES/okr.mo)
	-rmdir $(DESTDIR)$(DATADIR)/okr/themes $(DESTDIR)$(DATADIR)/okr $(DESTDIR)$(DOCDIR) 2>/dev/null

# A release tarball of the committed tree, which builds on its own
# (`tar xf; cd okr-VERSION; make`).
DIST := okr-$(VERSION)
dist:
	@git rev-parse --git-dir >/dev/null 2>&1 || \
	  { echo "okr: make dist packs the committed tree and needs its git repository" >&2; exit 1; }
	@mkdir -p build
	git archive --format=tar --prefix=$(DIST)/ HEAD | gzip -n >build/$(DIST).tar.gz
	@echo "build/$(DIST).tar.gz"

# The Debian package, built from that tarball under build/deb so that nothing
# is written beside the tree, then checked by lintian (errors fail).
deb: dist
	@sh tools/deps.sh deb
	rm -rf build/deb && mkdir -p build/deb
	tar -C build/deb -xzf build/$(DIST).tar.gz
	cd build/deb/$(DIST) && dpkg-buildpackage -us -uc -b
	lintian --fail-on error --info build/deb/okr_$(VERSION)_*.deb

clean:
	rm -rf build okr okr-san

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_MAIN_OBJ:.o=.d)
