# eventscope: `make demo` installs, extracts examples/, prints their events, stores them,
# merges the mentions of one event into clusters and serves the analyst page (Ctrl-C stops
# it); `make test` installs everything (system packages too, when root) and runs the whole
# test suite.
# Both create .venv with Python 3.11 and install the pinned, hash-checked requirements.lock.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Debian packages the tests use: PostgreSQL server, chromium (browser tests), Java (Spark).
SYSTEM_PACKAGES := postgresql chromium openjdk-17-jre-headless

.PHONY: demo test bench install system-packages lock clean

demo: install
	mkdir -p out
	$(BIN)/eventscope extract examples --out out/examples.jsonl --merge
	$(BIN)/eventscope summary out/examples.jsonl
	$(BIN)/eventscope ingest examples --db out/examples.duckdb
	$(BIN)/eventscope merge --db out/examples.duckdb
	$(BIN)/eventscope serve --db out/examples.duckdb

test: system-packages install
	$(BIN)/pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

install: $(INSTALLED)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalls when the lock or the package metadata change.
$(INSTALLED): requirements.lock requirements-pip.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Installs only what is missing, and only as root; otherwise the tests needing it skip.
system-packages:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	else \
		echo "make test: missing system packages:$$missing (as root: apt-get install -y$$missing);" \
		     "the tests that need them will skip"; \
	fi

# Regenerate requirements.lock after changing the dependencies in pyproject.toml.
lock:
	$(PYTHON) -m venv /tmp/eventscope-uv
	/tmp/eventscope-uv/bin/python -m pip install --quiet uv==0.13.9
	/tmp/eventscope-uv/bin/uv pip compile pyproject.toml --extra spark --extra test \
		--generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf out
