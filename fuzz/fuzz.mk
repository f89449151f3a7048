# Fuzzing with libFuzzer (clang): included by the Makefile.
#
#   make fuzz                     build the harnesses and run each for FUZZ_SECONDS (default 60)
#   make fuzz FUZZ_SECONDS=300    longer
#   make fuzz-build               build only
#
# Five harnesses: markup (the body parser), csv (the CSV reader), render (a plan folder from one
# input, rendered), plan (the same with every part and both formats from one plan), template (the
# input is a template's Lua source, against a fixed plan). The render harnesses check that what
# renders is well-formed in every part (fuzz/fuzz_output.c).
#
# The project's sources are compiled again with clang, -fsanitize=fuzzer-no-link,address,undefined
# and -DKH_FUZZING (an unprotected Lua error aborts, so the fuzzer keeps the input), into
# build-fuzz/. Each harness starts from fuzz/corpus/NAME (seeds from examples/; fuzz_plan also
# from fuzz/corpus/render, fuzz_template from templates/) with the dictionary fuzz/NAME.dict, and
# keeps what it finds in build-fuzz/corpus-NAME; a crash, leak or timeout (FUZZ_TIMEOUT seconds
# for one input, default 20) is written to build-fuzz/crashes-NAME/ and fails the target. Each
# run's last lines (executions per second, cov:, ft:) are printed.
FUZZ_BUILD   := build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 20
FUZZ_NAMES   := markup csv render plan template
FUZZ_SEEDS_plan     := fuzz/corpus/render
FUZZ_SEEDS_template := templates
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := -g -O1 -std=c11 -D_XOPEN_SOURCE=700 -DKH_FUZZING $(FUZZ_SAN) \
                $(shell pkg-config --cflags $(PKGS)) $(INC_ALL)
FUZZ_OBJ     := $(patsubst src/%.c,$(FUZZ_BUILD)/%.o,$(LIB_SRC)) $(FUZZ_BUILD)/embedded.o
FUZZ_BIN     := $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_NAMES))
FUZZ_HELPERS := $(FUZZ_BUILD)/fuzz_output.o $(FUZZ_BUILD)/fuzz_folder.o
.SECONDARY: $(FUZZ_OBJ) $(FUZZ_HELPERS) $(FUZZ_BUILD)/embedded.c

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BIN)

$(FUZZ_BUILD)/%.o: src/%.c | $(FUZZ_BUILD)/.dir
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -MF $@.d -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_BUILD)/embed: tools/embed.c | $(FUZZ_BUILD)/.dir
	$(CC) -std=c11 -O2 $(LUACFLAGS) -o $@ $< $(shell pkg-config --libs lua5.4)
$(FUZZ_BUILD)/embedded.c: $(FUZZ_BUILD)/embed $(EMBED)
	$(FUZZ_BUILD)/embed $(EMBED) > $@.tmp && mv $@.tmp $@
$(FUZZ_BUILD)/embedded.o: $(FUZZ_BUILD)/embedded.c
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<
$(FUZZ_BUILD)/fuzz_output.o $(FUZZ_BUILD)/fuzz_folder.o: $(FUZZ_BUILD)/%.o: fuzz/%.c fuzz/%.h | $(FUZZ_BUILD)/.dir
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Wall -Wextra -Werror -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJ) $(FUZZ_HELPERS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Wall -Wextra -Werror -Ifuzz -fsanitize=fuzzer -o $@ $^ $(LDLIBS)
$(FUZZ_BUILD)/.dir:
	mkdir -p $(FUZZ_BUILD) && touch $@

fuzz: $(FUZZ_BIN)
	@export ASAN_OPTIONS=$${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=$${UBSAN_OPTIONS:-print_stacktrace=1}; \
	status=0; \
	for f in $(FUZZ_NAMES); do \
	  mkdir -p $(FUZZ_BUILD)/corpus-$$f $(FUZZ_BUILD)/crashes-$$f; \
	  echo "== fuzz_$$f for $(FUZZ_SECONDS) s (log: $(FUZZ_BUILD)/fuzz_$$f.log)"; \
	  case $$f in plan) seeds="$(FUZZ_SEEDS_plan)" ;; template) seeds="$(FUZZ_SEEDS_template)" ;; *) seeds= ;; esac; \
	  if $(FUZZ_BUILD)/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=4096 \
	       -max_len=65536 -print_final_stats=1 -dict=fuzz/$$f.dict \
	       -artifact_prefix=$(FUZZ_BUILD)/crashes-$$f/ \
	       $(FUZZ_BUILD)/corpus-$$f fuzz/corpus/$$f $$seeds >$(FUZZ_BUILD)/fuzz_$$f.log 2>&1; then \
	    grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' $(FUZZ_BUILD)/fuzz_$$f.log | tail -1; \
	    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' $(FUZZ_BUILD)/fuzz_$$f.log; \
	  else \
	    status=1; echo "fuzz_$$f FAILED:"; grep -E 'ERROR|SUMMARY|fuzz_check_output|Test unit written|^#' $(FUZZ_BUILD)/fuzz_$$f.log | tail -15; \
	  fi; \
	done; \
	exit $$status

-include $(wildcard $(FUZZ_BUILD)/*.d $(FUZZ_BUILD)/*/*.d)
