# kehoach — build, demo, tests, install.
#
#   make                 build build/kehoach
#   make demo            install what building needs (scripts/install-deps build), render examples/
#   make test            install what testing needs (scripts/install-deps test), run every test
#   make WERROR=1        warnings are errors (developers and CI)
#   make SANITIZE=1 …    AddressSanitizer and UBSan, in build-san/
#   make DEPS=0 …        never run scripts/install-deps (an offline build, a distribution's chroot)
#   make pot             rewrite po/kehoach.pot from the sources and merge it into po/vi.po
#   make dist            kehoach-VERSION.tar.gz; make distcheck builds and tests it in a temporary folder
PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
DEPS     ?= 1
PKGS     := lua5.4 libxml-2.0 libzip zlib libutf8proc libqpdf
VERSION  := $(shell sed -n 's/^\#define KH_VERSION "\(.*\)"/\1/p' src/cli/main.c)
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror)
CFLAGS   += -std=c11 $(WARN) -D_XOPEN_SOURCE=700
# Lua's headers only where Lua is used: the layers below (src/core, src/docx, src/odt) cannot
# include them, and neither can main.c.
LIBCFLAGS := $(shell pkg-config --cflags $(filter-out lua5.4,$(PKGS)))
LUACFLAGS := $(shell pkg-config --cflags lua5.4)
CFLAGS   += $(LIBCFLAGS)
# Each object's header dependencies, in a .d file beside it (-MP: a removed header is no error).
DEPFLAGS  = -MMD -MP -MF $@.d
# libqpdf is not linked: kh_pdf.c opens it by its soname when a PDF's pages are counted.
LDLIBS   += $(shell pkg-config --libs $(filter-out libqpdf,$(PKGS))) -lm -ldl
QPDF_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir libqpdf)/libqpdf.so 2>/dev/null \
                 | sed -n 's/^ *SONAME *//p')
CFLAGS_kh_pdf := -DKH_QPDF_SONAME='"$(or $(QPDF_SONAME),libqpdf.so)"'
ifeq ($(SANITIZE),1)
BUILD    := build-san
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
# Leaks are errors too, where LeakSanitizer works (.ci/run turns it off where it cannot run, as
# under ptrace); ASAN_OPTIONS and UBSAN_OPTIONS from the environment win.
export ASAN_OPTIONS ?= detect_leaks=1
export UBSAN_OPTIONS ?= print_stacktrace=1
endif

# The layers, each with what it may include: core (model, text, errors, package), lua (sandbox,
# plan loader, builder), docx and odt (the writers, over core alone), cli (the commands).
LAYERS   := core lua docx odt cli
INC_core := -Isrc/core
INC_lua  := -Isrc/core -Isrc/lua $(LUACFLAGS)
INC_docx := -Isrc/core -Isrc/docx
INC_odt  := -Isrc/core -Isrc/odt
INC_cli  := -Isrc/core -Isrc/lua -Isrc/docx -Isrc/odt -Isrc/cli $(LUACFLAGS)
INC_main := -Isrc/core -Isrc/lua -Isrc/cli
INC_ALL  := -Isrc/core -Isrc/lua -Isrc/docx -Isrc/odt -Isrc/cli $(LUACFLAGS)
LIB_SRC  := $(filter-out src/cli/main.c,$(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c)))
LIB_OBJ  := $(patsubst src/%.c,$(BUILD)/%.o,$(LIB_SRC)) $(BUILD)/embedded.o
EMBED    := $(wildcard templates/*.lua) $(wildcard lua/*.lua)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/%,$(UNIT_SRC))
EXAMPLES := $(notdir $(wildcard examples/*))
MO       := $(BUILD)/locale/vi/LC_MESSAGES/kehoach.mo

.PHONY: all demo test unit integration drafting install clean deps deps-build deps-test dist distcheck pot
all: $(BUILD)/kehoach $(MO)

$(BUILD)/kehoach: $(BUILD)/cli/main.o $(BUILD)/libkehoach.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libkehoach.a: $(LIB_OBJ)
	ar rcs $@ $^

$(BUILD)/cli/main.o: src/cli/main.c | $(BUILD)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(DEPFLAGS) $(INC_main) -c -o $@ $<
$(BUILD)/%.o: src/%.c | $(BUILD)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CFLAGS_$(notdir $*)) $(DEPFLAGS) $(INC_$(firstword $(subst /, ,$*))) -c -o $@ $<

# Templates and Lua modules are compiled into the binary so it works with nothing installed.
$(BUILD)/embedded.c: $(BUILD)/embed $(EMBED)
	$(BUILD)/embed $(EMBED) > $@.tmp && mv $@.tmp $@
$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(CFLAGS) $(DEPFLAGS) $(INC_core) -c -o $@ $<
$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(CC) -std=c11 $(WARN) -O2 $(LUACFLAGS) -o $@ $< $(shell pkg-config --libs lua5.4)

$(BUILD):
	mkdir -p $(BUILD)

# Messages in Vietnamese (docs/design.md, "Messages and languages"): po/vi.po compiled into
# $(BUILD)/locale, where the program looks first when it runs from the build tree. -c checks the
# header and that every translation keeps its message's %s, %d … in order.
$(MO): po/vi.po | $(BUILD)
	@mkdir -p $(@D)
	msgfmt -c --check -o $@.tmp $< && mv $@.tmp $@

# The messages to translate: _(), N_() and the plural kh_ngettext() in C; kh._() and
# kh.ngettext() in the Lua modules and templates. po/vi.po keeps its translations, and a message
# new or changed is marked fuzzy there for the translator.
XGETTEXT := xgettext --from-code=UTF-8 --package-name=kehoach --package-version=$(VERSION) \
            --msgid-bugs-address= --add-comments=TRANSLATORS: --sort-by-file
pot:
	$(XGETTEXT) -L C -k_ -kN_ -kkh_ngettext:1,2 -o po/kehoach.pot $(sort $(wildcard src/*/*.c))
	$(XGETTEXT) -j -L Lua -k_ -kN_ -kkh._ -kkh.ngettext:1,2 -kmsg -kmsgn:1,2 -o po/kehoach.pot $(sort $(EMBED))
	msgmerge -q --update --backup=none --no-fuzzy-matching po/vi.po po/kehoach.pot
	msgfmt -c --check --statistics -o /dev/null po/vi.po

# What each purpose needs, installed when missing (DEPS=0: never).
deps:
	scripts/install-deps all
deps-build deps-test:
	$(if $(filter 1,$(DEPS)),scripts/install-deps $(@:deps-%=%),@:)

demo: deps-build
	$(MAKE) all
	@mkdir -p out
	@for ex in $(EXAMPLES); do \
	  for fmt in docx odt; do \
	    $(BUILD)/kehoach render examples/$$ex -o out/$$ex.$$fmt || exit 1; \
	    echo "out/$$ex.$$fmt"; \
	  done; \
	done

$(BUILD)/test_%: tests/unit/test_%.c $(BUILD)/libkehoach.a
	$(CC) $(CFLAGS) $(DEPFLAGS) $(INC_ALL) $(LDFLAGS) -o $@ $< $(BUILD)/libkehoach.a $(LDLIBS) $(shell pkg-config --libs cmocka)

# The suites run after the test profile is installed (a plain prerequisite would let make -j
# start them before it).
unit integration drafting hostile valgrind valgrind-hostile: | deps-test

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

integration: all
	tests/integration/run.sh $(BUILD)/kehoach
	tests/integration/odt.sh $(BUILD)/kehoach
	tests/integration/templates.sh $(BUILD)/kehoach
	tests/integration/appendix.sh $(BUILD)/kehoach
	tests/integration/styles.sh $(BUILD)/kehoach
	tests/integration/rows.sh $(BUILD)/kehoach
	tests/integration/outline.sh $(BUILD)/kehoach
	tests/integration/colours.sh $(BUILD)/kehoach
	tests/integration/pdf.sh $(BUILD)/kehoach
	tests/integration/reproducible.sh $(BUILD)/kehoach
	tests/integration/batch.sh $(BUILD)/kehoach
	tests/integration/golden.sh $(BUILD)/kehoach check
	tests/integration/manpage.sh $(BUILD)/kehoach
	tests/integration/completion.sh $(BUILD)/kehoach
	tests/integration/messages.sh $(BUILD)/kehoach
	MAKE="$(MAKE)" tests/integration/install.sh

# Rewrite tests/golden/ from the examples and print the diff: read it before committing.
.PHONY: golden
golden: all | deps-test
	tests/integration/golden.sh $(BUILD)/kehoach update

# kehoach check and kehoach new (tests/check/); render and check judge every plan alike
drafting: all
	tests/check/run.sh $(BUILD)/kehoach
	tests/check/agree.sh $(BUILD)/kehoach
	KEHOACH_LANG=vi tests/check/agree.sh $(BUILD)/kehoach

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
	$(CC) $(CFLAGS) $(INC_ALL) $(LDFLAGS) -o $@ $^ $(LDLIBS)

include fuzz/fuzz.mk

# Install anywhere: the program finds PREFIX/share/kehoach from its own path at run time, so the
# tree can be staged in DESTDIR and moved. BINDIR and DATADIR apart from PREFIX/bin and
# PREFIX/share need KEHOACH_SHARE_DIR at run time. Every folder install makes is listed in
# $(SHAREDIR)/installed-folders, so uninstall removes those (when left empty) and no other.
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
DOCDIR      ?= $(DATADIR)/doc/kehoach
INSTALL     ?= install
SHAREDIR    := $(DATADIR)/kehoach
# PREFIX/share/locale is found from the program's path like the share folder; elsewhere it needs
# KEHOACH_LOCALE_DIR at run time.
LOCALEDIR   ?= $(DATADIR)/locale
EX_FILES    := $(wildcard examples/*/*)
INST_FILES   = $(BINDIR)/kehoach $(addprefix $(SHAREDIR)/,$(EMBED)) $(MANDIR)/man1/kehoach.1 \
               $(BASHCOMPDIR)/kehoach $(addprefix $(DOCDIR)/,$(EX_FILES)) \
               $(LOCALEDIR)/vi/LC_MESSAGES/kehoach.mo
INST_DIRS    = $(sort $(patsubst %/,%,$(dir $(INST_FILES))))
# kehoach's own folders: removed when empty even if an older install did not list them
OWN_DIRS     = $(filter $(SHAREDIR)/% $(DOCDIR)/%,$(INST_DIRS)) $(SHAREDIR) $(DOCDIR)/examples $(DOCDIR)

.PHONY: uninstall install-check
install: all
	@set -e; made=$$(for d in $(INST_DIRS); do \
	  while [ "$$d" != / ] && [ "$$d" != . ] && [ ! -d "$(DESTDIR)$$d" ]; do echo "$$d"; d=$$(dirname "$$d"); done; \
	done); \
	$(INSTALL) -d $(addprefix $(DESTDIR),$(INST_DIRS)); \
	{ cat "$(DESTDIR)$(SHAREDIR)/installed-folders" 2>/dev/null || true; echo "$$made"; } | \
	  sed '/^$$/d' | sort -u > "$(DESTDIR)$(SHAREDIR)/installed-folders.tmp"; \
	mv "$(DESTDIR)$(SHAREDIR)/installed-folders.tmp" "$(DESTDIR)$(SHAREDIR)/installed-folders"
	$(INSTALL) -m 755 $(BUILD)/kehoach $(DESTDIR)$(BINDIR)/kehoach
	$(INSTALL) -m 644 templates/*.lua $(DESTDIR)$(SHAREDIR)/templates/
	$(INSTALL) -m 644 lua/*.lua $(DESTDIR)$(SHAREDIR)/lua/
	$(INSTALL) -m 644 docs/kehoach.1 $(DESTDIR)$(MANDIR)/man1/kehoach.1
	$(INSTALL) -m 644 completions/kehoach.bash $(DESTDIR)$(BASHCOMPDIR)/kehoach
	$(INSTALL) -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/kehoach.mo
	@for f in $(EX_FILES); do echo "$(INSTALL) -m 644 $$f $(DESTDIR)$(DOCDIR)/$$f"; \
	  $(INSTALL) -m 644 "$$f" "$(DESTDIR)$(DOCDIR)/$$f" || exit 1; done

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INST_FILES))
	@list="$(DESTDIR)$(SHAREDIR)/installed-folders"; made=$$(cat "$$list" 2>/dev/null || true); \
	rm -f "$$list"; \
	for d in $$(printf '%s\n' $$made $(OWN_DIRS) | sort -ru); do \
	  rmdir "$(DESTDIR)$$d" 2>/dev/null && echo "rmdir $(DESTDIR)$$d"; \
	done; true

# A staged install in a temporary DESTDIR: rendering from another folder with the installed
# templates, relocation, KEHOACH_SHARE_DIR, the man page, completion, uninstall.
install-check: all
	MAKE="$(MAKE)" tests/integration/install.sh

-include $(wildcard $(BUILD)/*.d $(BUILD)/*/*.d)

# A release tarball of the committed tree (git archive), and the proof that it stands alone:
# unpacked in a temporary folder (no git, nothing beside it), built with warnings as errors and
# tested.
DIST := kehoach-$(VERSION)
dist:
	git archive --format=tar.gz --prefix=$(DIST)/ -o $(DIST).tar.gz HEAD
	@echo "$(DIST).tar.gz"
distcheck: dist
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  tar -xzf $(DIST).tar.gz -C "$$tmp"; \
	  $(MAKE) -C "$$tmp/$(DIST)" WERROR=1 DEPS=$(DEPS) all; \
	  $(MAKE) -C "$$tmp/$(DIST)" DEPS=$(DEPS) $(DISTCHECK_TESTS); \
	  echo "distcheck: $(DIST).tar.gz builds and passes $(DISTCHECK_TESTS)"
DISTCHECK_TESTS ?= test

clean:
	rm -rf $(BUILD) build build-san build-fuzz out kehoach-*.tar.gz
