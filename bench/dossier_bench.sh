#!/usr/bin/env bash
# The dossier over HTTP under load (issue 20, "Measure"): generates Zuid-Limburg into a
# temporary database, starts `passend serve` on loopback, logs in a client supporter (OCO)
# and runs wrk at 50 connections against
#   - GET /api/v1/clients/{id}/matches of a client the OCO wrote (the baseline, same run),
#   - POST /api/v1/clients (a new dossier, version 1, with its consent and log entry),
#   - PATCH /api/v1/clients/{id} with If-Match (a new version on top of the last one).
# Prints throughput and latency percentiles (wrk --latency). Goal: p99 of create and update
# within 2x the p99 of the match request. Tests never assert on time; this is measurement.
#
# Usage: bench/dossier_bench.sh [build-dir]   (default build-apibench, configured Release;
#        an existing build dir is reused with its own settings)
# Environment: DURATION (20s), CONNECTIONS (50), WRK_THREADS (2), SERVER_THREADS (64),
#              UPDATE_CLIENTS (400: dossiers made first for the PATCH run), PORT (18094).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${1:-build-apibench}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-50}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-64}
UPDATE_CLIENTS=${UPDATE_CLIENTS:-400}
PORT=${PORT:-18094}
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk ontbreekt: scripts/install-deps.sh" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl ontbreekt: scripts/install-deps.sh" >&2; exit 1; }

export CCACHE_BASEDIR="$ROOT"
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPASSEND_BENCH=OFF >/dev/null
fi
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")
cmake --build "$BUILD" --target passend -j2
PASSEND="$BUILD/passend"

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="$WORK/passend.db"
"$PASSEND" generate --region zuid-limburg --db "$DB" 2>&1 | tail -1
printf 'bench-wachtwoord-%s\n' "$RANDOM$RANDOM" >"$WORK/pw"
"$PASSEND" user add --db "$DB" --email bench@oco.test --name "Bench OCO" --role oco \
  --organisation org-oco-bench --organisation-name "Cliëntondersteuning (bench)" \
  --password-file "$WORK/pw" >"$WORK/user.log" 2>&1

"$PASSEND" serve --db "$DB" --port "$PORT" --threads "$SERVER_THREADS" 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$BASE/healthz" >/dev/null

login=$(curl -s -D "$WORK/login.h" -X POST -H 'Content-Type: application/json' \
  --data "{\"email\":\"bench@oco.test\",\"password\":\"$(head -1 "$WORK/pw")\"}" \
  "$BASE/api/v1/auth/login")
export COOKIE=$(tr -d '\r' <"$WORK/login.h" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
export CSRF=$(printf '%s' "$login" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
[[ -n "$COOKIE" && -n "$CSRF" ]] || { echo "inloggen mislukt: $login" >&2; exit 1; }

new_client() {  # prints the id of a new dossier
  curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' -H "Cookie: $COOKIE" \
    -H "X-CSRF-Token: $CSRF" --data "$1" "$BASE/api/v1/clients" |
    tr -d '\r' | sed -n 's|^[Ll]ocation: /api/v1/clients/||p'
}
RECORD='{"name":"Bench Basis","birth_year":1940,"municipality_code":"GM0935","home":{"lat":50.85,"lon":5.69},"sector":"VV","indication":"none","preferred_forms":["verblijf"],"seeking":["wonen"],"wishes":[{"feature_id":"tuin","importance":"must","text":"buiten"}]}'
BASELINE_CLIENT=$(new_client "$RECORD")
[[ -n "$BASELINE_CLIENT" ]] || { echo "POST /api/v1/clients gaf geen Location" >&2; exit 1; }
export IDS_FILE="$WORK/ids"
for _ in $(seq 1 "$UPDATE_CLIENTS"); do new_client "$RECORD"; done >"$IDS_FILE"
[[ $(wc -l <"$IDS_FILE") == "$UPDATE_CLIENTS" ]] || { echo "niet alle dossiers gemaakt" >&2; exit 1; }

echo
echo "== passend $(git rev-parse --short HEAD 2>/dev/null || echo '?') | $(nproc) cores |" \
  "$CONNECTIONS verbindingen, $WRK_THREADS wrk-threads, $SERVER_THREADS serverthreads, $DURATION per meting, build $BUILD_TYPE"

run() {  # run <title> <wrk args...>
  local title=$1
  shift
  echo
  echo "-- $title"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" |
    grep -E 'Requests/sec|Latency|^ +(50|75|90|99)%|requests in|Non-2xx|Socket errors|niet gelukt'
}

cat >"$WORK/matches.lua" <<EOF2
wrk.method = "GET"
wrk.headers["Cookie"] = "$COOKIE"
EOF2
run "baseline GET /api/v1/clients/$BASELINE_CLIENT/matches (sessie OCO)" -s "$WORK/matches.lua" \
  "$BASE/api/v1/clients/$BASELINE_CLIENT/matches"
export WRK_THREADS
MODE=create run "POST /api/v1/clients (nieuw dossier)" -s bench/dossier.lua "$BASE"
MODE=update run "PATCH /api/v1/clients/{id} (If-Match, $UPDATE_CLIENTS dossiers om de beurt)" \
  -s bench/dossier.lua "$BASE"

if grep -q '"level":"error"' "$WORK/serve.log"; then
  echo "Fouten in het serverlog:" >&2
  grep '"level":"error"' "$WORK/serve.log" | head -5 >&2
fi
