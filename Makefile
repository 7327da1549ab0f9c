# The two commands of the README: `make demo` runs the program on the embedded demo org,
# `make test` runs the whole test suite headless. Both set everything up on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
JS_STAMP := tests/js/node_modules/.installed
# The demo keeps its own data folder; its tokens only open the local demo org, so they go to
# an explicitly chosen file keyring in that folder (real orgs use the OS keyring). Nothing else
# of the environment changes: the browser the demo opens runs as the user's own.
DEMO_HOME ?= $(CURDIR)/.demo-home
DEMO_ENV := NAVSYNC_HOME=$(DEMO_HOME) \
	PYTHON_KEYRING_BACKEND=navsync_desktop.demo_keyring.DemoFileKeyring

.PHONY: demo test lint translations update-translations package clean

demo: $(STAMP) translations
	$(DEMO_ENV) $(BIN)/navsync-desktop --demo

# three test processes: the tests mostly wait (for the demo org, the browser stand-in,
# subprocesses), so three take turns well even on two cores; a file stays in one process
test: $(STAMP) translations $(JS_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 3 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# jsforce and the Node 22 it runs on, for tests/demo_org/test_jsforce.py (skipped without npm).
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/js --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: the jsforce test will be skipped"; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,demo]'
	touch $@

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Re-extract the tr() strings after changing the UI; then translate what is new.
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find navsync_desktop -name '*.py' -not -path '*/demo_org/*' | sort) \
		-ts $(TS_FILES)

# A frozen one-folder build in dist/navsync-desktop/, then its smoke test: the whole job
# (doctor, screenshot, demo org, connect, sync, import, write-back) run with the frozen binary
# in a fresh NAVSYNC_HOME; the script is only the user's hands and browser.
package: $(STAMP) translations
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/navsync-desktop.spec
	$(BIN)/python packaging/smoke_test.py --home build/smoke-home dist/navsync-desktop/navsync-desktop

clean:
	rm -rf $(VENV) $(QM_FILES) build dist tests/js/node_modules
