# `make run`: install, obtain the files, build the warehouse and its 2017 flow estimates (each only
# when missing or stale), serve the dashboard and API.
# `make test`: install, start what the tests need, run every check and test.
# Everything runs in .venv, created here; nothing is installed outside it except the Debian
# packages the tests need (chromium, postgresql), which scripts/test-services installs as root.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
STAMP  := $(VENV)/.installed

.PHONY: run install check fix test test-only serve bench docs clean

$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(RUNTIME)
	$(BIN)/migobs fetch
	$(BIN)/migobs build --if-stale
	$(BIN)/migobs flows run --edition 2017 --if-missing
	$(BIN)/migobs serve

check: $(STAMP)
	$(BIN)/ruff format --check migobs tests bench scripts
	$(BIN)/ruff check migobs tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

fix: $(STAMP)
	$(BIN)/ruff format migobs tests bench scripts
	$(BIN)/ruff check --fix migobs tests bench scripts

test: $(STAMP)
	bash scripts/test-services
	$(MAKE) check
	$(MAKE) test-only

test-only: $(STAMP)
	. scripts/test-env && $(BIN)/pytest

serve: $(RUNTIME)
	$(BIN)/migobs serve

bench: $(STAMP)
	for script in cli build claims flows api; do $(BIN)/python bench/$$script.py || exit 1; done

docs: $(STAMP)
	$(BIN)/python scripts/cli_docs.py > docs/cli.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
