# The edition's chores. `make help` lists them. Everything runs in .venv, made on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.site
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

install: $(VENV)/.site ## Install what the site needs (Python packages in .venv)

serve: $(VENV)/.site ## Install, then serve both editions at http://127.0.0.1:8000 with live reload
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site ## Build both editions into site/ (strict)
	$(VENV)/bin/mkdocs build --strict

validate: $(VENV)/.site ## Check the data (schema and integrity) without building
	$(PY) scripts/validate.py

chromium: ## Install Debian's Chromium for the browser tests (needs root), or say how
	@bash scripts/ensure-chromium.sh

test: chromium $(VENV)/.test ## Install everything the tests need, then lint and run all tests
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

lint: $(VENV)/.test ## Lint and check formatting (ruff)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.test ## Format the Python code (ruff)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

offline: $(VENV)/.site ## Build the offline bundle (dist/edition-offline.zip): open edition/index.html, no server
	$(PY) scripts/offline.py

bench-search: chromium $(VENV)/.test ## Search benchmark: recall@1/5, MRR, latency, per query class
	$(PY) scripts/search_benchmark.py

clean: ## Remove the built site and caches (not .venv)
	rm -rf site site-offline build .pytest_cache .ruff_cache

.PHONY: help install serve build validate chromium test lint format offline bench-search clean
