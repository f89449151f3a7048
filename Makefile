# kehoach — build, demo, tests, install.
PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
PKGS     := lua5.4 libxml-2.0 libzip libutf8proc
PKGS     += libqpdf
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Werror -D_XOPEN_SOURCE=700
CFLAGS   += $(shell pkg-config --cflags $(PKGS)) -DKH_SHARE_DIR='"$(PREFIX)/share/kehoach"'
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lm
ifeq ($(SANITIZE),1)
BUILD    := build-san
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
# Leaks are errors too, where LeakSanitizer works (.ci/run turns it off where it cannot run, as
# under ptrace); ASAN_OPTIONS and UBSAN_OPTIONS from the environment win.
export ASAN_OPTIONS ?= detect_leaks=1
export UBSAN_OPTIONS ?= print_stacktrace=1
endif

LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  := $(patsubst src/%.c,$(BUILD)/%.o,$(LIB_SRC)) $(BUILD)/embedded.o
EMBED    := $(wildcard templates/*.lua) $(wildcard lua/*.lua)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/%,$(UNIT_SRC))
EXAMPLES := $(notdir $(wildcard examples/*))

.PHONY: all demo test unit integration drafting install clean deps
all: $(BUILD)/kehoach

$(BUILD)/kehoach: $(BUILD)/main.o $(BUILD)/libkehoach.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libkehoach.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BUILD)/%.o: src/%.c src/*.h | $(BUILD)
	$(CC) $(CFLAGS) -Isrc -c -o $@ $<

# Templates and Lua modules are compiled into the binary so it works with nothing installed.
$(BUILD)/embedded.c: $(BUILD)/embed $(EMBED)
	$(BUILD)/embed $(EMBED) > $@.tmp && mv $@.tmp $@
$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(CFLAGS) -Isrc -c -o $@ $<
$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(CC) -std=c11 -Wall -Wextra -Werror -O2 -o $@ $<

$(BUILD):
	mkdir -p $(BUILD)

deps:
	scripts/install-deps

demo: deps all
	@mkdir -p out
	@for ex in $(EXAMPLES); do \
	  for fmt in docx odt; do \
	    $(BUILD)/kehoach render examples/$$ex -o out/$$ex.$$fmt || exit 1; \
	    echo "out/$$ex.$$fmt"; \
	  done; \
	done

$(BUILD)/test_%: tests/unit/test_%.c $(BUILD)/libkehoach.a
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $^ $(LDLIBS) $(shell pkg-config --libs cmocka)

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

integration: all
	tests/integration/run.sh $(BUILD)/kehoach
	tests/integration/odt.sh $(BUILD)/kehoach
	tests/integration/templates.sh $(BUILD)/kehoach
	tests/integration/appendix.sh $(BUILD)/kehoach
	tests/integration/pdf.sh $(BUILD)/kehoach

# kehoach check and kehoach new (tests/check/)
drafting: all
	tests/check/run.sh $(BUILD)/kehoach

# Hostile input: nothing crashes, hangs, escapes the sandbox or loses a file (tests/hostile/).
.PHONY: hostile
hostile: all
	tests/hostile/run.sh $(BUILD)/kehoach
	tests/hostile/signals.sh $(BUILD)/kehoach

test: unit integration drafting hostile

# Valgrind memcheck of rendering each example to DOCX and ODT (a build without sanitizers).
.PHONY: valgrind valgrind-hostile
valgrind: all
	tests/valgrind.sh $(BUILD)/kehoach

# The hostile corpus under valgrind: leaks found where LeakSanitizer cannot run.
valgrind-hostile: all
	HOSTILE_VALGRIND=1 tests/hostile/run.sh $(BUILD)/kehoach

# Speed and memory against pandoc, the deflate floor, scaling (bench/; writes docs/performance.md).
# BENCH_ARGS: --quick (smallest workloads), --pandoc-100k (also pandoc at 100,000 rows), --runs N.
.PHONY: bench
BENCH_LIBS := $(shell pkg-config --libs libzip 2>/dev/null) -lz
bench: all $(BUILD)/bench/deflate_floor $(BUILD)/bench/batch
	python3 bench/run.py --build $(BUILD) $(BENCH_ARGS)
	python3 bench/report.py --build $(BUILD)
$(BUILD)/bench/deflate_floor: bench/deflate_floor.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(BENCH_LIBS)
$(BUILD)/bench/batch: bench/batch.c $(BUILD)/libkehoach.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $^ $(LDLIBS)

include fuzz/fuzz.mk

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/kehoach/templates $(DESTDIR)$(PREFIX)/share/kehoach/lua
	install -m 755 $(BUILD)/kehoach $(DESTDIR)$(PREFIX)/bin/kehoach
	install -m 644 templates/*.lua $(DESTDIR)$(PREFIX)/share/kehoach/templates/
	install -m 644 lua/*.lua $(DESTDIR)$(PREFIX)/share/kehoach/lua/

clean:
	rm -rf build build-san build-fuzz out
