# povertypolicy — every target works from a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install test lint typecheck pytest docs demo bench property mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

# Tests spread over the machine's cores (pytest-xdist); `$(BIN)/pytest -q` runs them in one process.
pytest: $(STAMP)
	$(BIN)/pytest -q -n auto

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

test: lint typecheck pytest docs

demo: $(STAMP)
	$(BIN)/python examples/showcase.py

# Benchmarks run beside their peers in one run: OpenFisca lives in its own venv so the
# project's own venv stays exactly what pyproject.toml declares.
BENCH_VENV  := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e ".[ledger]" "openfisca-core>=46,<47"
	touch $(BENCH_STAMP)

bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py
	$(BENCH_VENV)/bin/python benchmarks/peers/timing.py 1000000
	$(BIN)/python benchmarks/bench_ledger_files.py
	$(BIN)/python benchmarks/bench_cli.py

# Property tests with many more examples than `make test` runs.
property: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q -n auto tests

# Mutation testing (slow, outside `make test`): each module listed in tools/mutation.py against
# its own tests, one module at a time; prints the survivors and one score per module.
# `make mutation MODULE="money land.audit"` runs only those modules.
MODULE ?=
mutation: $(STAMP)
	$(BIN)/python tools/mutation.py $(MODULE)

clean:
	rm -rf $(VENV) $(BENCH_VENV) site .mypy_cache .ruff_cache .hypothesis .benchmarks mutants
