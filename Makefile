# Two commands do all the set-up on a machine with Python 3.11 and make:
#   make run   — install and open the dashboard
#   make test  — install and run the whole test suite
# and one for the inner loop:
#   make check — lint, layers, types, and the unit and property tests (no app, browser or server; < 90 s)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test check lint bench bytecode clean

run: $(VENV)/.app-installed bytecode
	@echo "Mentorplan: http://localhost:$(PORT)  (Ctrl+C stops it)"
	@( sleep 4; $(BIN)/python -m webbrowser -t http://localhost:$(PORT) >/dev/null 2>&1 || true ) &
	$(BIN)/streamlit run serve.py --server.port $(PORT)

test: $(VENV)/.dev-installed bytecode
	bash scripts/install_test_tools.sh
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest

check: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .

bench: $(VENV)/.dev-installed bytecode
	for script in scripts/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Mentorplan needs Python 3.11: install it, or run 'make PYTHON=/path/to/python3.11 …'"; exit 1; }
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: requirements.txt $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.app-installed

# Mentorplan's own modules compiled ahead, as pip compiles the packages it installs: the command
# line starts without compiling them, also where PYTHONDONTWRITEBYTECODE keeps Python from caching
# them itself (only changed files are compiled again).
bytecode: $(VENV)/bin/python
	$(BIN)/python -m compileall -q app.py serve.py core ui views >/dev/null

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .mypy_cache .import_linter_cache data/cache
