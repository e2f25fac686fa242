# Sipokja: the one command runner for the README, developers and CI (.ci/run).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
# Parallel test processes (pytest-xdist); 'auto' uses every core.
TEST_WORKERS ?= auto
PORT ?= 8000
DEV_ENV := DEBUG=true

.PHONY: setup run worker test lint format translations messages bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Sipokja needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

translations: $(STAMP)
	@$(DEV_ENV) $(PY) manage.py compile_translations

## setup: create .venv, install, migrate, load regions and demo data (idempotent)
setup: $(STAMP) translations
	@mkdir -p var
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_regions
	$(DEV_ENV) $(PY) manage.py load_demo

## run: setup, then serve on http://$(HOST):$(PORT)/ with one jobs worker (Ctrl-C stops both)
run: setup
	@echo ""
	@echo "  Sipokja runs at http://$(HOST):$(PORT)/"
	@echo "  Demo log-ins (password: demo-sipokja-2026):"
	@echo "    nasional         national admin (all provinces)"
	@echo "    sulsel           provincial admin, Sulawesi Selatan (73)"
	@echo "    gowa             operator, Kabupaten Gowa (73.06)"
	@echo "    anggota.gowa     Pokja member, Kabupaten Gowa"
	@echo "    pimpinan.sulsel  viewer, Sulawesi Selatan"
	@echo "    sultra           provincial admin, Sulawesi Tenggara (74)"
	@echo ""
	$(DEV_ENV) $(PY) scripts/run.py $(HOST):$(PORT)

## worker: one jobs worker in the foreground, with the settings of the environment (production:
## run it under a process manager, as many as needed, on any machine sharing the database)
worker: $(STAMP) translations
	$(PY) manage.py db_worker

## test: the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set)
test: $(STAMP) translations
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

## lint: ruff, imports only down the layers (docs/architecture.md), migrations in sync, translations complete
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo
	$(PY) scripts/app_imports.py --quiet
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(PY) manage.py compile_translations --check
	$(DEV_ENV) $(PY) manage.py check

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## messages: extract new strings into the Indonesian catalogues (needs GNU gettext)
APP_CATALOGUES := notifications workgroups indicators planning budget policies assessment meetings knowledge dashboards reports privacy interop
messages: $(STAMP)
	$(DEV_ENV) $(PY) manage.py makemessages -l id --no-obsolete $(foreach app,$(APP_CATALOGUES) .venv var static tests,--ignore=$(app)/*)
	@for app in $(APP_CATALOGUES); do \
	  if [ -d $$app/locale ]; then (cd $$app && $(DEV_ENV) ../$(PY) ../manage.py makemessages -l id --no-obsolete); fi; \
	done
	@echo "Now fill in every empty msgstr (scripts/fill_po.py helps), then run make lint."

## bench: synthetic national data in fresh SQLite and PostgreSQL databases, then timings (var/bench/)
# BENCH_SCALE: the data scales measured (default here 1,4: every page at 1× and 4× the data).
bench: $(STAMP) translations
	BENCH_SCALE=$${BENCH_SCALE:-1,4} $(PY) -m bench

clean:
	rm -rf $(VENV) var
