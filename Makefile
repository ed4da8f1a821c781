# Smart School Online: one entry point for building, previewing, checking and testing the site.
# `make serve` and `make test` are all a newcomer needs (see README.md).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
VNU_JAR := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar

# Material prints an end-of-life banner on every build; keep the output readable.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site check lint test weigh bench mutate deploy schemas lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installed from the lock files with hashes; re-run only when a lock file changes.
$(VENV)/.site-installed: requirements/site.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/test.txt
	@touch $@

# The Nu Html Checker, pinned in tools/vnu/package-lock.json (its install script, a Java download, is skipped).
$(VNU_JAR): tools/vnu/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tools/vnu --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the HTML validity tests will be skipped (install nodejs and npm)"; fi

## Validate the data, then preview the site with live reload at http://$(HOST)
serve: check
	SITE_URL=http://$(HOST)/ $(BIN)/mkdocs serve --strict --dev-addr $(HOST) --livereload

## Validate the data, then build site/ (strict: warnings fail the build). The build goes to a new folder next to
## site/ and replaces it in one step only when it succeeds: on any failure the last good site/ stays as it was.
site: check
	$(BIN)/python -m smartschool build --strict

## Validate all data files without building
check: $(VENV)/.site-installed
	$(BIN)/python -m smartschool check

# The Python code the checks cover (the same paths as .pre-commit-config.yaml).
LINTED := smartschool hooks tests benchmarks tools

## Check the code: ruff's rules and formatting (settings in pyproject.toml), then mypy, strict on smartschool/
lint: $(VENV)/.test-installed
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy

## Run `make lint`, then the whole test suite (browser tests need Debian's chromium and a Java runtime)
test: lint $(VENV)/.test-installed $(VNU_JAR)
	$(BIN)/python -m pytest

## Report the first-view weight of the home and youth pages (budget 80 KB gzip) and their first paint on a slow
## phone (400 kbit/s, 400 ms, CPU 4×); `.venv/bin/python benchmarks/weigh.py --all` weighs every page
weigh: $(VENV)/.test-installed
	$(BIN)/python benchmarks/weigh.py

## Benchmark validation and builds at growing sizes; prints a table, writes benchmarks/results/bench.json
bench: $(VENV)/.site-installed
	$(BIN)/python benchmarks/bench.py

$(VENV)/.mutate-installed: requirements/mutate.txt $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/mutate.txt
	@touch $@

## Mutation testing of the validation rules and models with mutmut (10 to 25 minutes; not part of `make test`):
## prints the surviving mutants, then fails if one is not listed, with its reason, in tests/mutation-survivors.yaml.
## Two mutants run side by side; settings in [tool.mutmut] of pyproject.toml.
mutate: $(VENV)/.mutate-installed
	rm -rf mutants
	SSO_LANG=en $(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut export-cicd-stats >/dev/null && cat mutants/mutmut-cicd-stats.json
	$(BIN)/mutmut results | tee mutants/survivors.txt
	$(BIN)/python tests/mutation_survivors_check.py mutants/survivors.txt

## Build site/ as `make site` does, then publish it to the gh-pages branch of `origin` (the branch method; the
## workflow in .github/ is the other way). `mkdocs gh-deploy` is not used: it would rebuild site/ unstaged.
deploy: site
	$(BIN)/ghp-import --no-jekyll --push --force --message "Deploy $$(git rev-parse --short HEAD) (make deploy)" site

## Re-export the JSON Schemas of the data files after changing the models
schemas: $(VENV)/.site-installed
	$(BIN)/python -m smartschool schemas

## Re-resolve the lock files from requirements/*.in
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	cd requirements && ../$(BIN)/pip-compile --quiet --allow-unsafe --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links -o site.txt site.in
	cd requirements && ../$(BIN)/pip-compile --quiet --allow-unsafe --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links -o test.txt test.in
	cd requirements && ../$(BIN)/pip-compile --quiet --allow-unsafe --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links -o mutate.txt mutate.in

clean:
	rm -rf site .pytest_cache .hypothesis
