#!/usr/bin/env bash
# The web app's figures: bundle size and search-to-options time in Chromium against the bare
# API call (bench/web_bench.mjs). Needs build/passend and web/dist (make build web).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/passend ] || { echo "web_bench: build/passend ontbreekt: make build"; exit 1; }
[ -f web/dist/bundle-size.json ] || { echo "web_bench: web/dist ontbreekt: make web"; exit 1; }
echo "load before: $(uptime)"
node bench/web_bench.mjs
echo "load after: $(uptime)"
