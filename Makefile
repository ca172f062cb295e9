# Security by Prevention? The SCO in data -- course commands.
# Learners need two: `make lab` and `make test`. See README.md.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
GRADING_STAMP := $(VENV)/.installed-grading
PORT   ?= 8888
PYTEST_WORKERS ?= 2

.PHONY: help setup lab test unit notebooks student run-all site bench test-browser clean

help:
	@echo "make lab      - install (first time) and open the course in JupyterLab"
	@echo "make test     - install (first time) and run every test and notebook"
	@echo "make student  - student edition (no solutions) into build/student/"
	@echo "make run-all  - execute every notebook into build/executed/"
	@echo "make site     - learners' static HTML course into build/site/ (EDITION=instructor: build/site-instructor/)"
	@echo "make nbgrader-course - nbgrader course folder in build/nbgrader (NBGRADER_DIR=...)"
	@echo "make nbgrader ARGS=\"autograde 03_security_and_stability\" - nbgrader from the course's venv"
	@echo "make bench    - benchmarks into benchmarks/results.md"
	@echo "make handout  - learners' hand-out (student edition, course_lib, data) into build/handout/"
	@echo "make wheelhouse      - every dependency as wheels (offline classroom) into build/wheelhouse/"
	@echo "make test-handout    - slow: install the hand-out in a fresh venv, run its notebooks"
	@echo "make test-wheelhouse - slow: offline install from the wheelhouse, run notebook 00"
	@echo "make test-browser    - JupyterLab and Voila in a real browser (needs chromium)"
	@echo "make dashboard       - explorers as Voila dashboards on 127.0.0.1:$(DASHBOARD_PORT)"
	@echo "make classroom-test  - local JupyterHub with LEARNERS=$(LEARNERS) simulated learners"

## Byte-compile course_lib, as pip does for an installed package: an editable install
## has no .pyc files, and with PYTHONDONTWRITEBYTECODE set (as on the course's machines)
## every kernel would compile all of course_lib again (1.7 s over the course's 8 kernels).
## Only changed modules are compiled again; __pycache__/ is ignored by git.
BYTECODE = $(BIN)/python -m compileall -q course_lib

## setup: create .venv and install the course (does nothing when already done)
setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m course_lib.jupyter_setup
	$(BYTECODE)
	@touch $(STAMP)

## lab: JupyterLab on 127.0.0.1 with a token, opened in your browser on the start notebook
## (the address it prints opens that notebook too). Your copies of the notebooks live in
## workspace/ (student edition; the originals never change). `make lab BROWSER=no` opens
## no browser; `make lab EDITION=instructor` opens the instructor edition (solutions)
## from workspace-instructor/.
EDITION ?= student
BROWSER ?= yes
LAB_DIR := $(if $(filter instructor,$(EDITION)),workspace-instructor,workspace)
LAB_BROWSER := $(if $(filter no,$(BROWSER)),--no-browser,)

lab: setup
	$(BYTECODE)
	$(BIN)/python -m course_lib workspace --edition $(EDITION) --dir $(LAB_DIR)
	$(BIN)/jupyter lab $(LAB_BROWSER) --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
	  --ServerApp.allow_root=True --ServerApp.root_dir=$(LAB_DIR) \
	  --LabApp.default_url=/lab/tree/00_start_here.ipynb

test: setup $(GRADING_STAMP) student
	$(BYTECODE)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --nbval-lax \
	  --nbval-sanitize-with tests/sanitize.cfg tests notebooks build/student

unit: setup
	$(BIN)/python -m pytest tests -q

notebooks: setup
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --nbval-lax notebooks

student: setup
	$(BIN)/python -m course_lib student

run-all: setup
	$(BIN)/python -m course_lib run-all

## site: the learners' static site (student edition) into build/site/;
## `make site EDITION=instructor`: the instructor's (solutions folded) into build/site-instructor/
site: setup
	$(BIN)/python -m course_lib site --edition $(EDITION)

bench: setup bench-grading
	$(BYTECODE)
	$(BIN)/python -m benchmarks.run

## bench-grading: `grade` on 4 learners x 8 notebooks against one serial run of the
## course, beside nbgrader's autograde (benchmarks/grading.md)
.PHONY: bench-grading
bench-grading: setup
	$(BIN)/python -m benchmarks.grading

## Hand-out and offline install. `make handout` writes build/handout/ (+ .zip): student
## notebooks, course_lib, data/, a learner README. `make wheelhouse` downloads every
## dependency as wheels into build/wheelhouse/ (this machine by default; e.g.
## PLATFORMS="win_amd64 macosx_11_0_arm64 manylinux2014_x86_64" PYVERSIONS="3.11 3.12").
## The two test-* targets are slow (fresh venvs) and not part of `make test`.
.PHONY: handout wheelhouse test-handout test-wheelhouse
WHEELHOUSE ?= build/wheelhouse
PLATFORMS  ?=
PYVERSIONS ?=

handout: setup
	$(BIN)/python -m course_lib handout --out build/handout --zip

wheelhouse: setup
	$(BIN)/python -m course_lib wheelhouse --out $(WHEELHOUSE) \
	  --platforms "$(PLATFORMS)" --python-versions "$(PYVERSIONS)"

test-handout: setup
	$(BIN)/python -m pytest tests_install/test_handout.py -p no:xdist -s -v

test-wheelhouse: setup
	WHEELHOUSE=$(if $(wildcard $(WHEELHOUSE)/*.whl),$(WHEELHOUSE),) \
	  $(BIN)/python -m pytest tests_install/test_wheelhouse.py -p no:xdist -s -v

clean:
	rm -rf build

## Grading: nbgrader (the optional `grading` extra) goes into .venv once; `make test`
## installs it too (its round trip is tested). nbgrader runs programs from the venv's
## bin/ (e.g. alembic), so the target puts that folder on PATH: no activation needed.
##   make nbgrader-course                       # build/nbgrader/source/<notebook>/
##   make nbgrader ARGS="generate_assignment 03_security_and_stability"
NBGRADER_DIR  ?= build/nbgrader
.PHONY: nbgrader nbgrader-course

$(GRADING_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,grading]'
	@touch $(GRADING_STAMP)

nbgrader-course: setup $(GRADING_STAMP)
	$(BIN)/python -m course_lib nbgrader-course $(NBGRADER_DIR)

nbgrader: setup $(GRADING_STAMP)
	@mkdir -p "$(NBGRADER_DIR)"
	cd "$(NBGRADER_DIR)" && PATH="$(abspath $(BIN)):$$PATH" "$(abspath $(BIN))/nbgrader" $(ARGS)

## classroom-test: JupyterHub on 127.0.0.1 with LEARNERS simulated learners who pull the
## hand-out (student edition) and run every notebook at once. Heavy, so it is not part of
## `make test`; it changes no tracked file (result in build/classroom/run-*/result.json).
## classroom-record: the same, and writes benchmarks/classroom.json and .md.
## Installs the `classroom` extra and the npm proxy on first use.
.PHONY: classroom-test classroom-record
LEARNERS ?= 10
CLASSROOM_STAMP := $(VENV)/.classroom-installed
CLASSROOM_PROXY := build/classroom/node_modules/.bin/configurable-http-proxy

classroom-test: setup $(CLASSROOM_STAMP) $(CLASSROOM_PROXY)
	$(BIN)/python classroom/run.py --learners $(LEARNERS)

classroom-record: setup $(CLASSROOM_STAMP) $(CLASSROOM_PROXY)
	$(BIN)/python classroom/run.py --learners $(LEARNERS) --record

$(CLASSROOM_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,classroom]'
	@touch $@

$(CLASSROOM_PROXY):
	npm install --prefix build/classroom --no-audit --no-fund --loglevel=error configurable-http-proxy@5

## Real-browser tests and dashboards: the optional extra `browser` (Playwright, Voila)
## goes into .venv once; the browser is Debian's chromium (`apt-get install -y chromium`,
## never `playwright install`). Screenshots and timings: build/screenshots/.
BROWSER_STAMP  := $(VENV)/.installed-browser
DASHBOARD_PORT ?= 8866

.PHONY: test-browser dashboard

$(BROWSER_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,browser]'
	@touch $(BROWSER_STAMP)

AXE_JS := build/a11y/node_modules/axe-core/axe.min.js

$(AXE_JS):
	npm install --prefix build/a11y --no-audit --no-fund --loglevel=error axe-core@4

test-browser: setup $(BROWSER_STAMP) $(AXE_JS)
	@test -x /usr/bin/chromium || { echo "/usr/bin/chromium is missing: apt-get install -y chromium"; exit 1; }
	$(BIN)/python -m pytest tests_browser -p no:xdist -v

## dashboard: the explorers as Voila dashboards (no code shown) on 127.0.0.1:$(DASHBOARD_PORT)
dashboard: setup $(BROWSER_STAMP)
	$(BIN)/voila notebooks --no-browser --Voila.ip=127.0.0.1 --port=$(DASHBOARD_PORT) \
	  --strip_sources=True
