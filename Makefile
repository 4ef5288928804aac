# Run `make help` for the list of targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PYVER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
# Pinned versions that make outputs reproducible; Python 3.10 needs older pins.
CONSTRAINTS := $(if $(filter 3.10,$(PYVER)),requirements/constraints-py3.10.txt,requirements/constraints.txt)
PIP_FLAGS ?= --disable-pip-version-check --quiet
CORPUS ?= seeds
OUT ?= reports

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; run make PYTHON=python3.x")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the kit into $(VENV) (pins: $(CONSTRAINTS)) ..."
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip
	$(PY) -m pip install $(PIP_FLAGS) -c $(CONSTRAINTS) -e ".[dev]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (analysis)" >/dev/null
	@touch $@

## install: create .venv and install the kit with its pinned dependencies
install: $(VENV)/.installed

## report: regenerate every table, figure and executed notebook in reports/ from seeds/
report: install
	$(PY) -m analysis report --corpus $(CORPUS) --out $(OUT)
	$(PY) -m analysis notebooks --corpus $(CORPUS) --out $(OUT)

## test: run the test suite (parser, segmentation, tables, figures, CLI, notebooks)
test: install
	$(PY) -m pytest

## lab: open JupyterLab on notebooks/
lab: install
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

## bench: run the benchmarks (segmentation, word discovery, actors and quotes, stories, TF-IDF weighting, neighbour search, explorer, the shape model of the site's lines, pipeline scale)
bench: install
	$(PY) benchmarks/segmentation.py
	$(PY) benchmarks/discovery.py
	$(PY) benchmarks/discovery_scale.py
	$(PY) benchmarks/actors.py
	$(PY) benchmarks/stories.py
	$(PY) benchmarks/weighting.py
	$(PY) benchmarks/neighbours.py
	$(PY) benchmarks/reuse.py
	$(PY) benchmarks/explorer.py
	$(PY) benchmarks/train_lineshape.py --check
	$(PY) benchmarks/pipeline.py

## lint: check style with ruff
lint: install
	$(VENV)/bin/ruff check analysis tests benchmarks

## clean: remove the virtual environment and caches (not reports/)
clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info

## help: list the targets
help:
	@echo "Targets:"
	@awk '/^## /{sub(/^## /, ""); i = index($$0, ":"); printf "  %-8s %s\n", substr($$0, 1, i - 1), substr($$0, i + 2)}' $(MAKEFILE_LIST)

.PHONY: install report test lab bench lint clean help
