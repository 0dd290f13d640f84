# Passend: the two set-up commands are `make demo` and `make test` (see README.md).
.PHONY: deps build build-ci build-asan build-fuzz web test-web interop-deps demo test test-unit test-asan bench bench-web fuzz format clean

DEMO_DB ?= passend-demo.db
PORT ?= 8080
SEED ?= 42
CTEST_JOBS ?= 2
# make fuzz: seconds the targets run (all at once; the smoke in make test runs each for 10 s).
FUZZ_SECONDS ?= 300
# ccache keys on paths relative to the checkout, so a fresh clone reuses earlier builds.
export CCACHE_BASEDIR := $(CURDIR)

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build build

# The CI configuration: the same release build with warnings as errors.
build-ci: deps
	@cmake --preset ci >/dev/null
	@cmake --build build

build-asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build build-asan

# The libFuzzer targets (tests/fuzz/), built with Debian's clang under ASan and UBSan.
build-fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build build-fuzz --target fuzz

# The web app (web/): npm packages from the lock file, then the Vite build into web/dist,
# which `passend serve` serves. npm ci runs again only when the lock file changed.
web: deps web/node_modules/.package-lock.json
	@cd web && npm run --silent build

web/node_modules/.package-lock.json: web/package-lock.json
	@cd web && npm ci --no-audit --no-fund --loglevel=error

# The offline validators of the standards' artefacts (tests/interop/: FHIR R4 JSON schema and
# StructureDefinitions), from its lock file; npm ci runs again only when the lock file changed.
interop-deps: deps tests/interop/node_modules/.package-lock.json

tests/interop/node_modules/.package-lock.json: tests/interop/package-lock.json
	@cd tests/interop && npm ci --no-audit --no-fund --loglevel=error

# The browser suite: Debian's Chromium against a real `passend serve` (web/test/).
test-web: web
	@cd web && PASSEND_BIN=$(CURDIR)/build/passend node --test --test-concurrency=1 --test-timeout=600000 test/*.test.mjs

demo: build web
	@bash scripts/demo.sh build/passend $(DEMO_DB) $(PORT) $(SEED)

# Every suite: release build (warnings as errors) with all tests, then the unit tests
# again under AddressSanitizer and UndefinedBehaviorSanitizer, then the format check,
# a short smoke of every fuzz target, the web app's browser suite.
test: build-ci build-asan build-fuzz interop-deps
	@ctest --test-dir build --output-on-failure -j $(CTEST_JOBS)
	@ctest --test-dir build-asan --output-on-failure -j $(CTEST_JOBS) -L unit
	@ctest --test-dir build-fuzz --output-on-failure -j $(CTEST_JOBS) -L fuzz
	@bash scripts/check-format.sh
	@$(MAKE) --no-print-directory test-web

bench: build
	@bash bench/run.sh

# The web app: bundle size, search-to-options in Chromium against the bare API call.
bench-web: build web
	@bash bench/web_bench.sh

# Every fuzz target at once for FUZZ_SECONDS from its seeds (tests/fuzz/corpus/<target>/); the
# grown corpus stays in build-fuzz/corpus/, findings land in build-fuzz/findings/.
fuzz: build-fuzz
	@bash scripts/fuzz.sh build-fuzz tests/fuzz/corpus $(FUZZ_SECONDS)

format:
	@find src tests bench -name node_modules -prune -o \( -name '*.h' -o -name '*.cc' \) -print | xargs clang-format -i

clean:
	rm -rf build build-asan build-fuzz web/dist
