# Two entry points, each self-installing into .venv:
#   make run   start the dashboard on http://127.0.0.1:8501 (this machine only)
#   make test  lint, type-check, build the docs and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint chromium validate bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/corridors serve --port 8501

lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The browser tests (tests/e2e) drive Debian's Chromium: install it when it is missing
# (CI runs as root; elsewhere through sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Chromium is missing: installing it with apt-get for the browser tests"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	}

test: lint chromium
	$(BIN)/pytest

validate: $(STAMP)
	$(BIN)/corridors validate

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build/site
