# Two commands on a fresh machine (Python 3.11 + pip + package registries):
#   make demo   set everything up and run the main job on the bundled samples
#   make test   set everything up and run the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint bench models system clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

system:
	bash scripts/system-deps.sh

demo: $(STAMP)
	$(BIN)/redact demo

test: $(STAMP) system
	bash scripts/run-tests.sh

lint: $(STAMP)
	$(BIN)/ruff check src flows tests bench models samples

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

models: $(STAMP)
	$(BIN)/python models/train_ner.py
	$(BIN)/python models/train_attribute.py

clean:
	rm -rf $(VENV) var
