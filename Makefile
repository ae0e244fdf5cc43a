# vnplan: `make run` sets everything up and processes corpora/ into out/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.vnplan-setup
LS_VENV := .venv-ls
LS_STAMP := $(LS_VENV)/.vnplan-setup

.PHONY: setup run test lint bench bench-clean bench-scale score gold-check clean-out

setup: $(STAMP) $(LS_STAMP)

$(STAMP): pyproject.toml scripts/fetch_sources.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	bash scripts/install_system_deps.sh
	bash scripts/fetch_sources.sh $(VENV)/share/vnplan
	touch $(STAMP)

# Label Studio for the gold workflow, in its own environment (its pins clash with Prefect's)
$(LS_STAMP): scripts/setup_label_studio.sh scripts/label_studio_constraints.txt
	PYTHON=$(PYTHON) bash scripts/setup_label_studio.sh $(LS_VENV)
	touch $(LS_STAMP)

run: setup
	$(BIN)/vnplan run corpora --out out

# two workers on the machine's two cores; a test file's tests stay on one worker, so a module's
# fixtures (renders, OCR, a Label Studio server) are built once
test: setup
	@$(BIN)/pytest -q -p no:cacheprovider -n 2 --dist loadfile; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure"; exit 1; fi; \
	exit $$rc

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python scripts/bench.py

bench-clean: setup
	$(BIN)/python scripts/bench_clean.py

# 1,000 and 10,000 generated plans: full run, refresh with 10 changed, peak memory of the
# process tree; an OCR batch on 1 and 2 Dask workers. Hours on 2 cores; results appended to
# bench-scale.jsonl. Smaller: make bench-scale SCALE_ARGS="--sizes 200,1000"
bench-scale: setup
	$(BIN)/python scripts/bench_scale.py $(SCALE_ARGS)

score: run
	$(BIN)/vnplan score --gold gold --pred out --report out/report

gold-check: setup
	$(BIN)/vnplan gold check --gold gold --corpus corpora/raw

clean-out:
	rm -rf out
