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

# Benchmarks and evaluations; each writes bench/results/<name>.json (see README "Benchmarks").
BENCHES := extract detect eval_detect eval_inject classify eval_classify redact review sweep
bench: $(STAMP)
	@for b in $(BENCHES); do echo "== bench/$$b.py"; $(BIN)/python bench/$$b.py || exit 1; done

models: $(STAMP)
	$(BIN)/python models/train_ner.py
	$(BIN)/python models/train_attribute.py

clean:
	rm -rf $(VENV) var
