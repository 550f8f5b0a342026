# Newsdesk: `make demo` serves the seed story, `make test` runs the whole suite. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SEEDS ?= ../shared/seeds
PG_URL ?= postgres://postgres@127.0.0.1:5432/newsdesk
REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: install demo test test-sqlite services system-deps eval bench lint contract clean

install: $(STAMP)

# torch goes first and pinned: the CPU wheel on disk satisfies camel-tools, so nothing pulls CUDA packages.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_editor
	$(PY) manage.py import_articles --story haftar-damascus --title "زيارة حفتر السرية إلى دمشق" --public $(SEEDS)
	$(PY) manage.py reanalyse haftar-damascus --outdated
	@echo "Serving http://127.0.0.1:8000/  (Ctrl-C stops)"
	$(PY) manage.py runserver 127.0.0.1:8000

services:
	bash .ci/services

system-deps:
	bash .ci/system-deps

# The suite runs on PostgreSQL and Redis (the worker test needs both); test-sqlite runs it on the embedded default.
test: install services system-deps
	DATABASE_URL=$(PG_URL) NEWSDESK_TEST_BROKER_URL=$(REDIS_URL) $(PY) -m pytest -q

test-sqlite: install
	env -u DATABASE_URL $(PY) -m pytest -q -m "not worker"

eval: install
	$(PY) -m tests.eval.run_eval

bench: install services
	$(PY) -m tests.bench.bench_nlp
	$(PY) -m tests.bench.bench_ingest
	DATABASE_URL=$(PG_URL) $(PY) -m tests.bench.bench_pages
	$(PY) -m tests.bench.bench_track
	DATABASE_URL=$(PG_URL) $(PY) -m tests.bench.bench_load
	DATABASE_URL=$(PG_URL) $(PY) -m tests.bench.bench_copies
	$(PY) -m tests.bench.bench_scale
	$(PY) -m tests.bench.bench_reanalysis
	DATABASE_URL=$(PG_URL) $(PY) -m tests.bench.bench_index

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

contract: install
	../shared/tools/check-contract

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles tests/artifacts
