# The two set-up commands of the README: `make demo` and `make test`. Both install the
# system packages that are missing (Debian/Ubuntu), build .venv on first use, and compile
# the translations.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo-data
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: demo test lint system-deps translations ts

system-deps:
	@bash installer/debian-deps.sh

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

%.qm: %.ts $(BIN)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# For developers: collect new UI strings into the .ts files (then translate them).
ts: $(BIN)/.installed
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find ui -name '*.py' | sort) -ts $(TS)

# A demo station with 30 days of data in ./demo-data, then the kiosk window on it. With no
# display (a server), it saves a screenshot of every screen instead, as the demo lead
# (PIN 2468, see the README).
demo: system-deps $(BIN)/.installed translations
	@test -f $(DEMO_DIR)/redpost.db || $(BIN)/redpost --data-dir $(DEMO_DIR) demo --days 30
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(BIN)/redpost --data-dir $(DEMO_DIR); \
	else \
		echo "No display: saving a screenshot of every screen in $(DEMO_DIR)/screenshots"; \
		echo 2468 | QT_QPA_PLATFORM=offscreen $(BIN)/redpost --data-dir $(DEMO_DIR) --pin-stdin \
			screenshots --out $(DEMO_DIR)/screenshots; \
	fi

lint: $(BIN)/.installed
	$(BIN)/ruff check station ui tests benchmarks
	$(BIN)/ruff format --check station ui tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: system-deps translations lint
	$(BIN)/pytest -n auto
