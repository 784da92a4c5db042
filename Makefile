# Two commands for a fresh machine with only python3 and make:
#   make report   # set up .venv, run every notebook on the seed into reports/
#   make test     # set up .venv, run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
CORPUS ?= seeds/000_b5e02bd3c49893a3.txt
STAMP  := $(VENV)/.installed

.PHONY: install report test lab bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report $(CORPUS)

test: $(STAMP)
	$(PY) -m pytest

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	for script in benchmarks/*.py; do \
	  case $$script in *_diff.py) continue;; esac; \
	  $(PY) $$script || exit 1; \
	done  # (attribution_diff.py compares two saved runs: it needs arguments)

clean:
	rm -rf $(VENV) reports/*/
