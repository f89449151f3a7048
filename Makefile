# kehoach — build, demo, tests, install.
PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
PKGS     := lua5.4 libxml-2.0 libzip libutf8proc
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Werror -D_XOPEN_SOURCE=700
CFLAGS   += $(shell pkg-config --cflags $(PKGS)) -DKH_SHARE_DIR='"$(PREFIX)/share/kehoach"'
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lm
ifeq ($(SANITIZE),1)
BUILD    := build-san
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif

LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  := $(patsubst src/%.c,$(BUILD)/%.o,$(LIB_SRC)) $(BUILD)/embedded.o
EMBED    := $(wildcard templates/*.lua) $(wildcard lua/*.lua)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/%,$(UNIT_SRC))
EXAMPLES := $(notdir $(wildcard examples/*))

.PHONY: all demo test unit integration install clean deps
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
	  $(BUILD)/kehoach render examples/$$ex -o out/$$ex.docx || exit 1; \
	  echo "out/$$ex.docx"; \
	done

$(BUILD)/test_%: tests/unit/test_%.c $(BUILD)/libkehoach.a
	$(CC) $(CFLAGS) -Isrc $(LDFLAGS) -o $@ $^ $(LDLIBS) $(shell pkg-config --libs cmocka)

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

integration: all
	tests/integration/run.sh $(BUILD)/kehoach

test: unit integration

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/kehoach/templates $(DESTDIR)$(PREFIX)/share/kehoach/lua
	install -m 755 $(BUILD)/kehoach $(DESTDIR)$(PREFIX)/bin/kehoach
	install -m 644 templates/*.lua $(DESTDIR)$(PREFIX)/share/kehoach/templates/
	install -m 644 lua/*.lua $(DESTDIR)$(PREFIX)/share/kehoach/lua/

clean:
	rm -rf build build-san out
