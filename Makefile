# The two commands of the README: `make run` (sets up .venv on first use, then starts the app)
# and `make test` (the same set-up, then the test suite; .ci/run calls it).
VENV ?= .venv
EXTRAS ?= test

.PHONY: run test test-fast setup install-user translations

setup:
	VENV=$(VENV) EXTRAS=$(EXTRAS) scripts/ensure-venv

run: setup
	$(VENV)/bin/p2p-studio

test: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/python -m pytest -q

# The inner loop: everything but the demo-model edits, the slow end-to-end checks and the installers.
test-fast: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/python -m pytest -q -m "not demo_model and not slow and not packaging"

# The app's catalogues (resources/translations) updated from the code and compiled; new texts show
# up untranslated there (edit the .ts with Qt Linguist, pyside6-linguist, then run this again).
translations: setup
	$(VENV)/bin/python scripts/translations.py

# Puts p2p-studio on the PATH: a link in ~/.local/bin to this checkout's command. A file of that
# name that is not such a link is left alone.
BIN ?= $(HOME)/.local/bin
install-user: setup
	@mkdir -p "$(BIN)"
	@if [ -e "$(BIN)/p2p-studio" ] && [ ! -L "$(BIN)/p2p-studio" ]; then \
		echo "$(BIN)/p2p-studio exists and is not a link: left as it is" >&2; exit 1; fi
	ln -sfn "$(abspath $(VENV))/bin/p2p-studio" "$(BIN)/p2p-studio"
	@case ":$$PATH:" in *":$(BIN):"*) ;; *) echo "note: $(BIN) is not on your PATH; add it in your shell's profile";; esac
