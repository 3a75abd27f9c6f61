# The README's two commands are `make run` and `make test`; everything else is a step of them.
PY       ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
DASH     := api/dashboard
HOST     ?= 127.0.0.1
PORT     ?= 8000

.PHONY: run test setup setup-test dashboard seed serve lint bench neo4j-start neo4j-stop clean

run: setup seed serve  ## set up if needed, seed the embedded store, serve on 127.0.0.1:8000

test: setup setup-test  ## set up, start Neo4j, run the whole suite, stop Neo4j
	scripts/test.sh

setup: $(STAMP) dashboard

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

dashboard:  ## front-end packages from the npm registry (nothing vendored)
	@if [ -f $(DASH)/package.json ]; then scripts/setup-dashboard.sh; fi

setup-test:  ## Debian's Chromium for the browser tests, and the Neo4j build
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium)
	scripts/neo4j build

seed:
	$(BIN)/diplograph seed

serve:
	$(BIN)/diplograph serve --host $(HOST) --port $(PORT)

lint:
	$(BIN)/ruff check graph api tests scripts
	$(BIN)/mypy

bench:
	$(BIN)/python scripts/bench_store.py
	$(BIN)/python scripts/bench_extract.py
	$(BIN)/python scripts/bench_api.py

neo4j-start:
	scripts/neo4j start

neo4j-stop:
	scripts/neo4j stop

clean:
	rm -rf .diplograph test-output
