# `make run`: install, obtain the files, build the warehouse and its 2017 flow estimates (each only
# when missing or stale) and a small flow ensemble (40 draws of 2010-2015, under a minute),
# then serve the dashboard and API.
# `make test`: install, start what the tests need, run every check and test.
# Everything runs in .venv, created here; nothing is installed outside it except Debian packages,
# as root: the PDF reports' libraries and fonts, which `make run` installs (scripts/runtime-packages),
# and what the tests add (chromium, postgresql, poppler-utils: scripts/test-services).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
STAMP  := $(VENV)/.installed
# Packages are installed with uv (pip-installed into .venv), which installs the same packages from
# the same index 3-4x faster than pip (bench/README.md); plain pip is the fallback when uv cannot
# be installed or fails, and `make INSTALLER=pip ...` asks for it. --compile-bytecode writes the
# .pyc files as pip does: without them every process compiles what it imports, each time the
# environment forbids writing them (PYTHONDONTWRITEBYTECODE), e.g. numpy's import 0.5 s -> 1.3 s.
INSTALLER ?= uv
ifeq ($(INSTALLER),uv)
install_packages = ($(BIN)/pip install --quiet uv && $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python $(1)) || $(BIN)/pip install --quiet $(1)
else
install_packages = $(BIN)/pip install --quiet $(1)
endif

.PHONY: translations run install check fix test test-only serve bench docs clean

$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(call install_packages,-e .)
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(call install_packages,-e '.[dev]')
	touch $(STAMP)

install: $(STAMP)

run: $(RUNTIME)
	bash scripts/runtime-packages || echo "PDF reports answer 503 until those packages are installed; everything else works."
	$(BIN)/migobs fetch
	$(BIN)/migobs build --if-stale
	$(BIN)/migobs flows run --edition 2017 --if-missing
	$(BIN)/migobs flows ensemble --edition 2017 --period 2010-2015 --draws 40 --workers 2
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
	for script in cli build claims flows api reports; do $(BIN)/python bench/$$script.py || exit 1; done

docs: $(STAMP)
	$(BIN)/python scripts/cli_docs.py > docs/cli.md
	cp migobs/web/method_notes/*.md docs/methods/  # the method notes the pages serve, for readers of docs/

LOCALES := migobs/i18n/locale
translations: $(STAMP)  # extract interface messages and merge them into each .po (docs/languages.md)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header -o $(LOCALES)/messages.pot migobs
	$(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) --omit-header --ignore-obsolete --no-fuzzy-matching

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
