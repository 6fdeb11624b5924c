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
	@echo "make html     build the site into output/ (with the web form at /admin/ when npm ci was run)"
	@echo "make edit     the web form for records: http://localhost:$(PORT)/admin/ saves into this folder"
	@echo "make publish  build for the web host with publishconf.py (SITEURL=https://... make publish)"
	@echo "make check    check every record without building"
	@echo "make report   housekeeping report: expiring certificates, missing facts, targets"
	@echo "make new-product / new-producer / new-news   create a record (asks, or NAME=... REGION=...)"
	@echo "make bench    benchmark tables for 1k, 10k and 50k synthetic products (bench-quick: 1k only)"
	@echo "make bench-photos   photo pipeline benchmark (COUNT=40)"

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
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py

# From npm, pinned in package-lock.json: test tools (the Nu HTML Checker, axe-core) and the web form
# (Decap CMS, copied into output/admin/ by the build; decap-server for `make edit`).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $(NODE_STAMP); \
	else echo "npm not found: HTML validation, axe and web-form tests will be skipped, and builds have no /admin/"; fi

test: $(STAMP) $(NODE_STAMP) lint
	PYTHONPATH=plugins $(BIN)/python -m pytest

clean:
	rm -rf output cache .pytest_cache

# The web form for records (/admin/, Decap CMS): decap-server, its local backend, writes what the form saves
# into this working copy, and `make serve`'s server rebuilds the page. Commit the records with git after.
EDIT_PORT ?= 8081
.PHONY: edit
edit: $(STAMP) $(NODE_STAMP)
	@test -f node_modules/decap-server/dist/index.js || { echo "decap-server is missing: install node and npm, then run npm ci"; exit 1; }
	@echo "Web form: http://localhost:$(PORT)/admin/ (the site: http://localhost:$(PORT)/) — Ctrl+C stops both"
	@PORT=$(EDIT_PORT) BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn \
		node node_modules/decap-server/dist/index.js & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	OCOP_CMS_LOCAL_BACKEND=http://localhost:$(EDIT_PORT)/api/v1 $(OCOP) serve --port $(PORT)

# Editors' commands. Without NAME (TITLE for news) they ask their questions;
# with it they take every answer as a variable, e.g.
#   make new-product NAME="Gạo nếp Tú Lệ" REGION=muong-ang DECISION=dien-bien-2021-ocop STARS=3 GROUP=thuc_pham SOURCE=bao-cao-17-bc-vpdp-2022
# Values are passed to the command quoted, whatever characters they hold. Only
# variables given on make's command line count: an environment variable that
# happens to be called NAME (WSL sets one) or GROUP does not answer a question.
.PHONY: new-product new-producer new-news report
quote = '$(subst ','\'',$(1))'
opt = $(if $(filter command line,$(origin $(1))),$(if $(strip $($(1))),$(2) $(call quote,$($(1)))))

new-product: $(STAMP)
	@$(OCOP) new-product $(call opt,NAME,--name) $(call opt,NAME_EN,--name-en) $(call opt,SLUG,--slug) \
		$(call opt,REGION,--region) $(call opt,COMMUNE,--commune) $(call opt,PRODUCER,--producer) \
		$(call opt,DECISION,--decision) $(call opt,STARS,--stars) $(call opt,GROUP,--group) \
		$(call opt,SOURCE,--source) $(call opt,VERIFIED,--verified)

new-producer: $(STAMP)
	@$(OCOP) new-producer $(call opt,NAME,--name) $(call opt,NAME_EN,--name-en) $(call opt,SLUG,--slug) \
		$(call opt,LEGAL_FORM,--legal-form) $(call opt,REGION,--region) $(call opt,COMMUNE,--commune) \
		$(call opt,SOURCE,--source) $(call opt,VERIFIED,--verified)

new-news: $(STAMP)
	@$(OCOP) new-news $(call opt,TITLE,--title) $(call opt,SLUG,--slug) $(call opt,DATE,--date) \
		$(call opt,PRODUCTS,--products) $(call opt,PRODUCERS,--producers) $(call opt,SOURCE,--source) \
		$(call opt,SUMMARY,--summary)

# The housekeeping report (Markdown): `make report`, or `make report OUTPUT=bao-cao.md`.
report: $(STAMP)
	@$(OCOP) report $(call opt,OUTPUT,--output) $(call opt,DAYS,--days)

# Collect new UI strings from the templates into the .po catalogues (then translate them).
.PHONY: translations
translations: $(STAMP)
	$(OCOP) translations

# Benchmarks print a table; speed targets live here, never in unit tests.
.PHONY: bench bench-quick bench-photos
bench: $(STAMP)
	PYTHONPATH=plugins $(BIN)/python bench/run.py --sizes 1000 10000 50000
bench-quick: $(STAMP)
	PYTHONPATH=plugins $(BIN)/python bench/run.py --sizes 1000

COUNT ?= 40
bench-photos: $(STAMP)
	PYTHONPATH=plugins $(BIN)/python bench/photos.py --count $(COUNT)
