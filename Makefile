# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint demo bench soak media clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever pyproject.toml changes; the stamp files record the last install.
$(VENV)/.runtime: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	$(BIN)/python -m bot

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# The Mini App's browser tests drive Debian's chromium-headless-shell: installed here when
# missing and run as root; otherwise they are skipped with this reason (tests/test_webapp_browser.py).
NO_BROWSER := no chromium-headless-shell: install Debian's chromium-headless-shell (apt-get install chromium-headless-shell) to run the Mini App's browser tests
APT_BROWSER := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null

# The type check runs beside the tests (they wait on real time with a core to spare); either
# failing fails the target, and ruff, which takes a second, goes first.
test: $(VENV)/.dev
	command -v chromium-headless-shell >/dev/null || { [ "$$(id -u)" = 0 ] && { $(APT_BROWSER) || { apt-get update -qq && $(APT_BROWSER); }; }; } || echo "$(NO_BROWSER)"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy > .mypy-output 2>&1 & mypy=$$!; \
	$(BIN)/pytest; tests=$$?; \
	wait $$mypy; types=$$?; cat .mypy-output; rm -f .mypy-output; \
	test $$tests -eq 0 && test $$types -eq 0

# `make demo LANG=ru` (or es): the demo person's Telegram app is in that language.
demo: $(VENV)/.dev
	DEMO_LANGUAGE="$(LANG)" PYTHONUTF8=1 $(BIN)/python -m tests.demo

# Benchmarks (about 15 minutes) -> docs/PERFORMANCE.md; QUICK=1: a smoke run of about a
# minute that prints its figures and writes nothing (CI runs it after the tests).
bench: $(VENV)/.dev
	$(BIN)/python -m bench $(if $(QUICK),--quick,)

# Render every exercise's animation from content/poses into content/media (commit the result),
# the contact sheet docs/exercises.png and the key poses in docs/frames/. Needs the media
# extra (MuJoCo, rendering headless through EGL, and ffmpeg), which nothing else installs.
$(VENV)/.media: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,media]'
	touch $@ $(VENV)/.dev $(VENV)/.runtime

media: $(VENV)/.media
	MUJOCO_GL=egl $(BIN)/python -m bot.drawing.make_media

# A long chaos run (tests/chaos.py): 200 chats, Telegram faults, a SIGTERM and a kill -9.
# MINUTES=30 for longer; prints what it measured and fails if an invariant broke.
soak: $(VENV)/.dev
	$(BIN)/python -m tests.chaos --minutes $(or $(MINUTES),10)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
