# Two commands matter: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint format migrate seed screenshots clean serve bench-load

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

seed: migrate
	DEBUG=1 $(BIN)/python manage.py load_seed_bank

run: seed
	@echo ""
	@echo "  QuizPrep is running at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Make an admin account in another terminal with:"
	@echo "      DEBUG=1 $(BIN)/python manage.py createsuperuser"
	@echo ""
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production settings on this box: DEBUG off, collectstatic, gunicorn (WEB_CONCURRENCY
# workers, default 2 x cores + 1). See docs/deploy.md for TLS and several servers.
serve: install
	BIND=$${BIND:-$(HOST):$(PORT)} bin/serve

# Load benchmark against a local gunicorn (on demand, not in CI); docs/performance.md.
bench-load: install
	$(BIN)/python bench/load.py $(BENCH_ARGS)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

screenshots: install
	$(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache
