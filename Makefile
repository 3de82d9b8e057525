# The two commands a person needs: `make run` and `make test`. Each does every step it depends on.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
RASA := source scripts/env.sh && $(BIN)/rasa

.PHONY: help install lock train run test lint validate locales locales-check locale-add bench eval clean

help:
	@echo "make run    - install, train if needed, start the assistant on http://localhost:5005"
	@echo "make test   - install, train if needed, run every test"
	@echo "make lint | train | install | validate | locales | locales-check | locale-add LANG=xx | bench | eval"

install:
	@scripts/install.sh

# Re-pin after changing requirements/*.txt (see docs/architecture.md, "Installing Rasa 3.6 on Python 3.11").
lock:
	@scripts/lock.sh

train: install
	@scripts/train.sh

run: install train
	@scripts/run.sh

validate: install
	@$(RASA) data validate --domain domain.yml --data data --config config.yml --fail-on-warnings

lint: install
	@$(BIN)/ruff check .

test: install train
	@$(MAKE) --no-print-directory lint validate
	@source scripts/env.sh && $(BIN)/python -m pytest -p no:cacheprovider tests

clean:
	rm -rf models results .rasa
