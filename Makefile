# Workshop: `make run` opens the REPL on a demo shop; `make test` runs every test.
SWIFT    ?= swift
DEMO_DIR := .demo
DEMO_DB  := $(DEMO_DIR)/demo.db
BIN      := .build/debug/workshop

.PHONY: all setup build release install run demo test bench fuzz clean
FUZZ_SECONDS ?= 60

all: build

# Installs the Debian packages the project needs (only those missing).
setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

# A fresh demo database from SampleData/, then the REPL on it as the advisor 王芳 (PIN 1234).
demo: build
	@mkdir -p $(DEMO_DIR)
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).anchor $(DEMO_DB).anchor.lock
	@WORKSHOP_PIN=1234 $(BIN) --db $(DEMO_DB) --user 系统 SampleData/demo-shop.ws > $(DEMO_DIR)/load.log 2>&1 || (cat $(DEMO_DIR)/load.log; exit 1)
	@echo "Demo shop loaded into $(DEMO_DB). Every demo PIN is 1234 (王芳 advisor, 钱主管 manager, 孙检 inspector, 周静 cashier, 赵师傅 technician…)."

run: demo
	@$(BIN) --db $(DEMO_DB) --user 王芳

# Every test on SQLite, and the PostgreSQL suites on a throwaway server when one can be started.
test: setup
	SWIFT=$(SWIFT) scripts/test.sh

# The program as a shop installs it: .build/release/workshop, with the Swift runtime and Foundation
# linked into it (the toolchain's static libraries): a dozen fewer shared libraries to map and link
# at every start.
release: setup
	$(SWIFT) build -c release --static-swift-stdlib

# Installs the program as a shop runs it: PREFIX/bin/workshop (the release build) and its HTML
# templates in PREFIX/share/workshop/Templates, where the program looks for them.
PREFIX ?= /usr/local
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/workshop/Templates
	install -m 0755 .build/release/workshop $(DESTDIR)$(PREFIX)/bin/workshop
	install -m 0644 Templates/*.html $(DESTDIR)$(PREFIX)/share/workshop/Templates/

# Generates a shop with ten years of history and times the commands on it (the release build).
# SCALE=1000|10000|150000|1000000 picks the shop's size in orders (each generated once, cached in
# .build/bench/); the figures also go to .build/bench/results.json.
# POSTGRES=1: the same with the shop moved onto a throwaway PostgreSQL server (scripts/bench-postgres.sh).
bench: release
ifdef POSTGRES
	scripts/bench-postgres.sh $(if $(SCALE),--scale $(SCALE)) $(ARGS)
else
	.build/release/workshop-bench $(if $(SCALE),--scale $(SCALE)) $(ARGS)
endif

# libFuzzer on the tokenizer and the command layer, time-bounded (FUZZ_SECONDS=600 make fuzz), or
# until a number of executions (make fuzz FUZZ_RUNS=1000000 FUZZ_SECONDS=7200: whichever comes first).
fuzz: setup
	$(SWIFT) build -c release --product workshop-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz
	@mkdir -p .build-fuzz/corpus
	.build-fuzz/release/workshop-fuzz $(CURDIR)/.build-fuzz/corpus $(CURDIR)/Fuzz/corpus -max_total_time=$(FUZZ_SECONDS) $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS)) -max_len=1024 -print_final_stats=1

clean:
	rm -rf .build .build-fuzz $(DEMO_DIR)
