# make run   - create .venv if needed, install, start Clearpath on 127.0.0.1
# make test  - lint (ruff), type-check (mypy --strict), then the whole test suite
# make bench - print the unlock and page benchmarks as JSON
# make clean - remove caches, build output and benchmark data (keeps .venv); distclean: also .venv

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Stamps live inside .venv, so a deleted .venv means a fresh install.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck pytest bench clean distclean

run: $(RUN_STAMP)
	$(BIN)/clearpath serve

test: lint typecheck pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

pytest: $(DEV_STAMP)
	CLEARPATH_TESTING=1 $(BIN)/python -m pytest

bench: $(DEV_STAMP)
	$(BIN)/python bench/run.py unlock
	$(BIN)/python bench/run.py pages

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "Clearpath needs Python 3.11 or newer; '$(PYTHON)' is older."; \
		echo "Run 'make PYTHON=python3.11 ...' with a newer Python."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
		echo "Could not create $(VENV). On Debian or Ubuntu: sudo apt-get install python3-venv"; \
		rm -rf $(VENV); exit 1; }

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e .
	@touch $@

# The dev install includes everything 'run' needs, so it satisfies the run stamp too.
$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[dev]'
	@touch $@ $(RUN_STAMP)

clean:
	rm -rf .mypy_cache .ruff_cache .pytest_cache .hypothesis build dist bench/.data
	find src tests bench -name __pycache__ -type d -prune -exec rm -rf {} +
	find src -name '*.egg-info' -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
