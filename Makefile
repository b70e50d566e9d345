# okr — build, test, run.  `make run` and `make check` are all a person needs on
# a fresh Debian/Ubuntu machine: both install missing packages first (make deps).

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS    := ncursesw libconfig sqlite3 libutf8proc

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
# The tests and benchmarks run okr-test: main.c with -DOKR_TEST_HOOKS, which
# honours $OKR_USER and $OKR_NOW (see find_login in src/main.c); okr does not.
TEST_MAIN_OBJ := $(BUILD)/src/main-test.o
TEST_BIN := $(BUILD)/okr-test

UNIT_SRC := $(wildcard tests/unit/test_*.c tests/store/test_*.c)
UNIT_BIN := $(UNIT_SRC:%.c=$(BUILD)/%)
BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BENCH_SRC:%.c=$(BUILD)/%)

.PHONY: all check run deps install clean unit shell-tests bench demo

all: $(BIN) $(TEST_BIN)

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(TEST_BIN): $(TEST_MAIN_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(TEST_MAIN_OBJ): src/main.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DOKR_TEST_HOOKS $(PKG_CFLAGS) -c -o $@ $<
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
	@OKR_BIN=$(abspath $(TEST_BIN)) OKR_SHIPPED_BIN=$(abspath $(BIN)) BUILD=$(BUILD) sh tests/run.sh

run: deps
	@$(MAKE) --no-print-directory all
	@db=$${OKR_DEMO_DB:-$(CURDIR)/build/demo.db}; \
	  [ -f "$$db" ] || ./$(BIN) --db "$$db" demo >/dev/null; \
	  ./$(BIN) --db "$$db"

bench: all $(BENCH_BIN)
	@sh tools/deps.sh bench
	@OKR_BIN=$(abspath $(TEST_BIN)) BUILD=$(BUILD) sh bench/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/okr/themes \
	  $(DESTDIR)$(PREFIX)/share/doc/okr
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/okr
	install -m 0644 themes/*.theme $(DESTDIR)$(PREFIX)/share/okr/themes/
	install -m 0644 okr.conf.example README.md $(DESTDIR)$(PREFIX)/share/doc/okr/

clean:
	rm -rf build okr okr-san

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_MAIN_OBJ:.o=.d)
