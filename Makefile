# The two set-up commands of the README: `make demo` and `make test`. Both build the
# virtual environment in .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo-data

.PHONY: demo test lint

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# A demo station with 30 days of data in ./demo-data, then the app on it.
demo: $(BIN)/.installed
	@test -f $(DEMO_DIR)/redpost.db || $(BIN)/redpost --data-dir $(DEMO_DIR) demo --days 30
	$(BIN)/redpost --data-dir $(DEMO_DIR) stats
	$(BIN)/redpost --data-dir $(DEMO_DIR) list inquiries --limit 15

lint: $(BIN)/.installed
	$(BIN)/ruff check station tests
	$(BIN)/ruff format --check station tests
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -n auto
