# The two commands a person needs: `make run` and `make test`. Each does every step it depends on.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
RASA := source scripts/env.sh && $(BIN)/rasa

.PHONY: help install lock train run test lint validate locales compile-locales locales-check locale-add staff-guide bench eval clean

help:
	@echo "make run    - install, train if needed, start the assistant on http://localhost:5005"
	@echo "make test   - install, train if needed, run every test"
	@echo "make lint | train | install | validate | locales | locales-check | locale-add LANG=xx | staff-guide | bench | eval"

install:
	@scripts/install.sh

# Re-pin after changing requirements/*.txt (see docs/architecture.md, "Installing Rasa 3.6 on Python 3.11").
lock:
	@scripts/lock.sh

train: install
	@scripts/train.sh

run: install train compile-locales
	@scripts/run.sh

validate: install
	@$(RASA) data validate --domain domain.yml --data data --config config.yml --fail-on-warnings

lint: install
	@$(BIN)/ruff check .

test: install train compile-locales
	@$(MAKE) --no-print-directory lint validate locales-check
	@source scripts/env.sh && $(BIN)/python -m pytest -p no:cacheprovider tests

# Translations (docs/translating.md): extract every string, update every catalog, compile .mo files.
locales: install
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow all

compile-locales: install
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow compile

# Fails, naming the entry, on a missing or fuzzy translation, a broken placeholder or a changed phone number.
locales-check: install
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow check

# make locale-add LANG=es  (LANG must be given on the command line: the shell's own LANG is not a language to add)
locale-add: install
	@if [ "$(origin LANG)" != "command line" ]; then echo "usage: make locale-add LANG=xx (for example es or pt_BR)"; exit 2; fi
	@source scripts/env.sh && $(BIN)/python -m bot.i18n.workflow add $(LANG)

# The printable bilingual guide for hotline staff, from data/screening.yml and the catalogs.
staff-guide: install compile-locales
	@source scripts/env.sh && $(BIN)/python -m bot.screening.staff_guide

# Measurements, not tests: they write docs/benchmarks.md (see there for the figures).
bench: install train compile-locales
	@source scripts/env.sh && $(BIN)/python -m bench.run

eval: install train
	@source scripts/env.sh && $(BIN)/python -m bench.eval
	@source scripts/env.sh && $(BIN)/python -m bench.answers_eval --misses || true

clean:
	rm -rf models results .rasa
