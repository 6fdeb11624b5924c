# Every target creates or updates the virtual environment first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OCOP   := PYTHONPATH=plugins $(BIN)/python -m ocop
PORT   ?= 8000

.PHONY: help serve html publish check test lint clean venv

help:
	@echo "make serve    build the catalogue, serve it on http://localhost:$(PORT) and rebuild on every change"
	@echo "make test     lint and run the whole test suite"
	@echo "make html     build the site into output/"
	@echo "make publish  build for the web host with publishconf.py (SITEURL=https://... make publish)"
	@echo "make check    check every record without building"

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

venv: $(STAMP)

serve: $(STAMP)
	$(OCOP) serve --port $(PORT)

html: $(STAMP)
	$(OCOP) build

publish: $(STAMP)
	$(OCOP) -s publishconf.py build

check: $(STAMP)
	@$(OCOP) check

lint: $(STAMP)
	$(BIN)/ruff check plugins tests pelicanconf.py publishconf.py

test: $(STAMP) lint
	PYTHONPATH=plugins $(BIN)/python -m pytest

clean:
	rm -rf output cache .pytest_cache
