# The two commands of the README: `make run` (sets up .venv on first use, then starts the app)
# and `make test` (the same set-up, then the test suite; .ci/run calls it).
VENV ?= .venv
EXTRAS ?= test

.PHONY: run test test-fast setup

setup:
	VENV=$(VENV) EXTRAS=$(EXTRAS) scripts/ensure-venv

run: setup
	$(VENV)/bin/p2p-studio

test: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/python -m pytest -q

# The inner loop: everything but the demo-model edits, the slow end-to-end checks and the installers.
test-fast: setup
	HF_HUB_OFFLINE=1 $(VENV)/bin/python -m pytest -q -m "not demo_model and not slow and not packaging"
