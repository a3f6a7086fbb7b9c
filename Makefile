# kgraph: `make demo` builds the example graph, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT := outputs

.PHONY: demo test lint namespace clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml $(BIN)/activate
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(BIN)/activate
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/kgraph build --store $(OUT)/store
	$(BIN)/kgraph export --store $(OUT)/store -o $(OUT)/kgraph.ttl
	$(BIN)/kgraph view --store $(OUT)/store -o $(OUT)/graph.html
	@echo
	@echo "Graph:  $(OUT)/kgraph.ttl"
	@echo "View:   $(OUT)/graph.html"
	@echo "Try:"
	@echo "  $(BIN)/kgraph query speedups --param min=2"
	@echo "  $(BIN)/kgraph query papers-on-hardware --param hardware=A100"
	@echo "  $(BIN)/kgraph query 'PREFIX kg: <https://w3id.org/kgraph/ontology#> SELECT ?v ?u WHERE { ?c kg:value ?v ; kg:unit ?u } LIMIT 5'"

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check kgraph tests benchmarks scripts

namespace: $(VENV)/.installed
	$(BIN)/python scripts/gen_namespace.py

clean:
	rm -rf $(OUT)/store $(OUT)/*.ttl $(OUT)/*.html
