# okr — build, test, run.  `make run` and `make check` are all a person needs on
# a fresh Debian/Ubuntu machine: both install missing packages first (make deps).

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS    := ncursesw libconfig sqlite3
DATADIR ?= $(PREFIX)/share
LOCALEDIR ?= $(DATADIR)/locale

ifeq ($(SAN),1)
BUILD   := build/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD   := build/rel
SANFLAGS :=
endif

WERROR  := $(if $(CI),-Werror,)
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -D_XOPEN_SOURCE_EXTENDED \
           -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers \
           $(WERROR) $(SANFLAGS) -Iinclude -MMD -MP
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDFLAGS += $(SANFLAGS)
LDLIBS  += $(PKG_LIBS) -lm

LIB_SRC := $(wildcard src/core/*.c src/store/*.c src/config/*.c src/ui/*.c src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
LIB     := $(BUILD)/libokr.a
BIN     := $(if $(filter 1,$(SAN)),$(BUILD)/okr,okr)

UNIT_SRC := $(wildcard tests/unit/test_*.c tests/store/test_*.c)
UNIT_BIN := $(UNIT_SRC:%.c=$(BUILD)/%)
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:%.c=$(BUILD)/%)

# Translations (docs/translation.md): po/LANG.po → build/locale/LANG/LC_MESSAGES/okr.mo,
# which the binary uses when it runs from the checkout.
LINGUAS  := $(basename $(notdir $(wildcard po/*.po)))
MO_FILES := $(LINGUAS:%=build/locale/%/LC_MESSAGES/okr.mo)
$(BUILD)/src/cli/i18n.o: CFLAGS += -DOKR_LOCALEDIR='"$(LOCALEDIR)"'

.PHONY: all check run deps install clean unit shell-tests bench demo pot po-update po-todo po-check

all: $(BIN) $(MO_FILES)


# Rebuilt when LOCALEDIR (or PREFIX, DATADIR) changes, not only the source.
$(BUILD)/src/cli/i18n.o: $(BUILD)/localedir
$(BUILD)/localedir: FORCE
	@mkdir -p $(BUILD); echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@
.PHONY: FORCE

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

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)
ifeq ($(SAN),1)
	@ln -sf $(BUILD)/okr okr-san
endif

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka 2>/dev/null) -o $@ $< $(LIB) \
	  $(LDFLAGS) $(LDLIBS) $(shell pkg-config --libs cmocka 2>/dev/null)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

# Install what pkg-config or PATH cannot find, with the platform's package
# manager, non-interactively.  Quiet when everything is there.
deps:
	@sh tools/deps.sh

check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN)
	@OKR_BIN=$(abspath $(BIN)) BUILD=$(BUILD) sh tests/run.sh

run: deps
	@$(MAKE) --no-print-directory all
	@db=$${OKR_DEMO_DB:-$(CURDIR)/build/demo.db}; \
	  [ -f "$$db" ] || ./$(BIN) --db "$$db" demo >/dev/null; \
	  ./$(BIN) --db "$$db"

bench: all $(BENCH_BIN)
	@sh tools/deps.sh bench
	@OKR_BIN=$(abspath $(BIN)) BUILD=$(BUILD) sh bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/okr/themes \
	  $(DESTDIR)$(PREFIX)/share/doc/okr
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/okr
	install -m 0644 themes/*.theme $(DESTDIR)$(PREFIX)/share/okr/themes/
	install -m 0644 okr.conf.example README.md $(DESTDIR)$(PREFIX)/share/doc/okr/
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 0644 build/locale/$$l/LC_MESSAGES/okr.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/okr.mo; \
	done

clean:
	rm -rf build okr okr-san

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
