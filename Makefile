# The two commands of the README: `make demo` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz lint bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --config-settings editable_mode=compat -e '.[test,dask]'
	$(BIN)/python -m compileall -q verify
	touch $(STAMP)

# A real offline check of the demonstration draft against the seed article.
demo: $(STAMP)
	$(BIN)/verify check seeds/demo-draft.md --sources seeds/demo-draft.sources.toml --offline --fail-on never

test: $(STAMP)
	$(BIN)/ruff check verify tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# The fuzzing suite at length: thousands of fresh examples per property (make test runs 60 each).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/fuzz

bench: $(STAMP)
	$(BIN)/python bench/bench_linear.py
	$(BIN)/python bench/bench_matching.py
	$(BIN)/python bench/bench_fetch.py
	$(BIN)/python bench/bench_check.py
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_discovery.py
	$(BIN)/python bench/bench_archive.py
	$(BIN)/python bench/bench_batch.py --baseline-drafts 60

eval: $(STAMP)
	$(BIN)/python bench/eval_extraction.py
	$(BIN)/python bench/eval_articles.py
	$(BIN)/python bench/eval_articles.py bench/heldout-articles
	$(BIN)/python bench/eval_matching.py
	$(BIN)/python bench/eval_attribution.py
	$(BIN)/python bench/eval_discovery.py

clean:
	rm -rf $(VENV) cache/*/ build *.egg-info
