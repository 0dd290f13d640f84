# Passend: the two set-up commands are `make demo` and `make test` (see README.md).
.PHONY: deps build build-ci build-asan demo test test-unit test-asan bench format clean

DEMO_DB ?= passend-demo.db
PORT ?= 8080
SEED ?= 42
CTEST_JOBS ?= 2
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

demo: build
	@bash scripts/demo.sh build/passend $(DEMO_DB) $(PORT) $(SEED)

# Every suite: release build (warnings as errors) with all tests, then the unit tests
# again under AddressSanitizer and UndefinedBehaviorSanitizer, then the format check.
test: build-ci build-asan
	@ctest --test-dir build --output-on-failure -j $(CTEST_JOBS)
	@ctest --test-dir build-asan --output-on-failure -j $(CTEST_JOBS) -L unit
	@bash scripts/check-format.sh

bench: build
	@bash bench/run.sh

format:
	@find src tests bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build build-asan
