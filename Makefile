# Two entry points, each self-installing into .venv:
#   make run   start the dashboard on http://127.0.0.1:8501 (this machine only)
#   make test  lint, type-check, build the docs and run the whole test suite
#
# Versions: pyproject.toml states the ranges, constraints.txt pins the tested set (make installs
# exactly that; `make constraints` updates it after a change of pyproject.toml, `make
# constraints UPGRADE=1` takes new releases). `make test-lowest` runs the unit tests with each
# dependency at its lower bound (constraints-lowest.txt), so a lower bound is a measured claim.
# The wheels are kept in .venv/wheels: the packaging test installs the built wheel from them
# offline, with the pip a stock venv brings.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WHEELS := $(VENV)/wheels
LOWEST := .venv-lowest
COMPILE = $(BIN)/uv pip compile --quiet pyproject.toml --python-version 3.11

FRONTEND := frontend/deck-map
NODE_MODULES := $(FRONTEND)/node_modules/.installed

.PHONY: run test lint chromium component validate bench clean constraints test-lowest

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir $(WHEELS) -r constraints.txt
	$(BIN)/python -m pip install --quiet --no-index --find-links $(WHEELS) \
		-c constraints.txt -e '.[test]'
	touch $(STAMP)

constraints: $(STAMP)
	$(COMPILE) --extra test $(if $(UPGRADE),--upgrade) -o constraints.txt

# The lower bounds of the dependencies (not of the test tools: those come from constraints.txt).
constraints-lowest.txt: pyproject.toml $(STAMP)
	$(COMPILE) --resolution lowest-direct -o $@

# The test tools come in under both files: one that would move a dependency off its lower
# bound stops the install. So import-linter (rich>=14.2, above the app's rich>=13) is not
# there, and tests/test_architecture.py, which checks the source's imports (the same at any
# dependency version), runs in `make test` only.
$(LOWEST)/.installed: constraints-lowest.txt constraints.txt
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet -c constraints-lowest.txt -e .
	$(LOWEST)/bin/python -m pip install --quiet -c constraints-lowest.txt -c constraints.txt \
		pytest hypothesis playwright coloraide
	touch $@

test-lowest: $(LOWEST)/.installed
	$(LOWEST)/bin/pytest -p no:cacheprovider --ignore=tests/e2e --ignore=tests/test_architecture.py

run: $(STAMP)
	$(BIN)/corridors serve --port 8501

# The deck.gl map component's sources (TypeScript) and build tools, pinned by package-lock.json.
$(NODE_MODULES): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Rebuild the component into src/corridors/render/deck/component/ (committed; a test
# checks that the committed files are what this builds).
component: $(NODE_MODULES)
	cd $(FRONTEND) && npx tsc --noEmit && node build.mjs

lint: $(STAMP) $(NODE_MODULES)
	cd $(FRONTEND) && npx tsc --noEmit
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

# The tests without a browser on every core (a module per worker); then the browser tests
# one at a time, as their timings were measured (two at once on two cores timed out on
# reruns). Both halves run, and either failing fails the target.
test: lint chromium
	$(BIN)/pytest -n auto --dist loadfile -m "not e2e"; unit=$$?; \
	$(BIN)/pytest -m e2e; browser=$$?; \
	exit $$(( unit || browser ))

validate: $(STAMP)
	$(BIN)/corridors validate

clean:
	rm -rf $(VENV) $(LOWEST) .mypy_cache .pytest_cache .ruff_cache build/site $(FRONTEND)/node_modules
