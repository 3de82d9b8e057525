# The two commands a person needs: `make run` and `make test`. Each does every step it depends on.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
RASA := source scripts/env.sh && $(BIN)/rasa

.PHONY: help install lock train run run-cluster bench-cluster test test-unit test-dialogue lint validate locales compile-locales locales-check locale-add staff-guide offices-check diagram screenshots bench eval clean

help:
	@echo "make run    - install, train if needed, start the assistant on http://localhost:5005"
	@echo "make test   - install, train if needed, run every test"
	@echo "make run-cluster - Redis, two Rasa and two action servers behind nginx on http://localhost:8080 (docs/deploy.md)"
	@echo "make test-unit | test-dialogue - the unit tests only (no model, no server) | the dialogue tests only"
	@echo "make lint | train | install | validate | locales | locales-check | locale-add LANG=xx | staff-guide | diagram | screenshots | bench | bench-cluster | eval"

install:
	@scripts/install.sh

# Re-pin after changing requirements/*.txt (see docs/architecture.md, "Installing Rasa 3.6 on Python 3.11").
lock:
	@scripts/lock.sh

train: install
	@scripts/train.sh

run: install train compile-locales
	@scripts/run.sh

# Redis, two Rasa servers, two action servers and nginx on one port (docs/deploy.md); needs SENDER_HASH_KEY.
run-cluster: install train compile-locales
	@source scripts/env.sh && $(BIN)/python -m deploy.cluster

validate: install
	@$(RASA) data validate --domain domain.yml --data data --config config.yml --fail-on-warnings

# ruff over everything; mypy (strict, configured in pyproject.toml) over bot/ and actions/.
lint: install
	@$(BIN)/ruff check .
	@source scripts/env.sh && $(BIN)/mypy

test: install train compile-locales
	@$(MAKE) --no-print-directory lint validate locales-check
	@source scripts/env.sh && $(BIN)/python -m pytest -p no:cacheprovider tests

# The inner loop. test-unit: pure logic, no trained model and no server (about a minute and a half).
test-unit: install
	@source scripts/env.sh && $(BIN)/python -m pytest -p no:cacheprovider tests/unit

# The dialogue: Rasa story tests (tests/stories, rasa test core) and the conversation tests over HTTP.
test-dialogue: install train compile-locales
	@source scripts/env.sh && $(BIN)/python -m pytest -p no:cacheprovider tests/test_stories.py tests/conversations

# Translations (docs/translating.md): extract every string, update every catalog, compile .mo files.
locales: install
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow all

compile-locales: install
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow compile

# Fails, naming the entry, on a missing or fuzzy translation, a broken placeholder, a changed phone
# number, or French typography that would let a phone wrap a lone ":" or "»" (bot/i18n/typography.py).
locales-check: install
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow check

# make locale-add LANG=es  (LANG must be given on the command line: the shell's own LANG is not a language to add)
locale-add: install
	@if [ "$(origin LANG)" != "command line" ]; then echo "usage: make locale-add LANG=xx (for example es or pt_BR)"; exit 2; fi
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow add $(LANG)

# Lists the offices whose source is older than five years (their addresses are withheld): re-source them.
offices-check: install
	@source scripts/env.sh && $(BIN)/python -m bot.places.source_check

# The printable bilingual guide for hotline staff, from data/screening.yml and the catalogs.
staff-guide: install compile-locales
	@source scripts/env.sh && $(BIN)/python -m bot.screening.staff_guide

# The questionnaire's flow as a diagram, from data/screening.yml (Graphviz): docs/screening-flow.dot and .svg.
diagram: install
	@source scripts/env.sh && $(BIN)/python -m bot.screening.flow_diagram

# Pictures of the web chat for the README (English, French, phone width), from a real browser.
screenshots: install train compile-locales
	@source scripts/env.sh && $(BIN)/python scripts/screenshots.py

# Measurements, not tests: they write docs/benchmarks.md (see there for the figures).
bench: install train compile-locales
	@source scripts/env.sh && $(BIN)/python -m bench.run

# 200 conversations for 60 s through nginx: one server, then the cluster (docs/benchmarks.md).
bench-cluster: install train compile-locales
	@source scripts/env.sh && $(BIN)/python -m bench.cluster

# Project model only (a few minutes); `make eval EVAL_ARGS=--stock` also trains and measures stock Rasa (1-2 h).
eval: install train
	@source scripts/env.sh && $(BIN)/python -m bench.eval $(EVAL_ARGS)
	@source scripts/env.sh && $(BIN)/python -m bench.answers_eval --misses --report docs/benchmarks.md || true

clean:
	rm -rf models results .rasa
