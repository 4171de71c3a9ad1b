# Two commands do everything on a fresh machine with Python >= 3.11:
#   make run    make a local virtual environment, install newsreader, open the seeds
#   make test   install what the tests need and run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/newsreader $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

# Quick versions of every benchmark; run a script without --quick for the full figures.
QUICK_BENCHES := load_bench sentence_bench eval_extract search_bench library_bench startup large_article feeds_bench
bench: $(VENV)/.installed-test
	for b in $(QUICK_BENCHES); do $(BIN)/python benchmarks/$$b.py --quick || exit 1; done

clean:
	rm -rf $(VENV) dist build
