#!/usr/bin/env bash
# The matching API under load: builds passend, generates Zuid-Limburg into a temporary
# database, starts `passend serve` on a loopback port and runs wrk against
#   - GET /healthz (baseline: the HTTP stack and one tiny database read),
#   - POST /api/v1/zoeken (anonymous search, bench/zoeken.lua),
#   - GET /api/v1/clients/{id}/matches, only when the access layer is live in this build
#     (`passend user add` exists and the route answers 401 without a session).
# Prints throughput and latency percentiles (wrk --latency). Target: p99 under 50 ms.
# ONLY=catalogus measures the catalogue's search instead (issue 21.5, target p99 under 20 ms):
#   - GET /api/v1/offers, the plain list with rotating filters (baseline, bench/catalogus.lua),
#   - GET /api/v1/offers?q=..., the same requests searching words as typed.
#
# Usage: bench/api_bench.sh [build-dir]   (default build-apibench, configured Release; an
#        existing build dir is reused with its own settings)
# Environment: DURATION (20s), CONNECTIONS (50), WRK_THREADS (2), SERVER_THREADS (64),
#              WORK_SLOTS (0 = one per core; requests computing at once, the rest queue),
#              PORT (18093), PASSEND_SKIP_MODULES (passed to cmake, e.g. "access"),
#              REGION (zuid-limburg; nl for the whole country), ONLY (all or catalogus).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${1:-build-apibench}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-50}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-64}
WORK_SLOTS=${WORK_SLOTS:-0}
PORT=${PORT:-18093}
REGION=${REGION:-zuid-limburg}
ONLY=${ONLY:-all}
BASE="http://127.0.0.1:${PORT}"

command -v wrk >/dev/null || { echo "wrk ontbreekt: scripts/install-deps.sh" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl ontbreekt: scripts/install-deps.sh" >&2; exit 1; }

export CCACHE_BASEDIR="$ROOT"
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then  # an existing build dir keeps its settings
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPASSEND_BENCH=OFF \
    -DPASSEND_SKIP_MODULES="${PASSEND_SKIP_MODULES:-}" >/dev/null
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
"$PASSEND" generate --region "$REGION" --db "$DB" 2>&1 | tail -1

AUTH_POSSIBLE=0
if "$PASSEND" user --help >/dev/null 2>&1; then
  # A care-office employee of Zuid-Limburg may read matches of clients in the region.
  printf 'bench-wachtwoord-%s\n' "$RANDOM$RANDOM" >"$WORK/pw"
  if "$PASSEND" user add --db "$DB" --email bench@zorgkantoor.test --name "Bench" \
      --role zorgkantoor --region 5531 --organisation org-zk-bench \
      --organisation-name "Zorgkantoor Zuid-Limburg (bench)" --password-file "$WORK/pw" \
      >"$WORK/user.log" 2>&1; then
    AUTH_POSSIBLE=1
  fi
fi

"$PASSEND" serve --db "$DB" --port "$PORT" --threads "$SERVER_THREADS" \
  --work-slots "$WORK_SLOTS" 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$BASE/healthz" >/dev/null
grep -h '"match_index_built"' "$WORK/serve.log" || true

echo
echo "== passend $(git rev-parse --short HEAD 2>/dev/null || echo '?') | $(nproc) cores | $REGION |" \
  "$CONNECTIONS verbindingen, $WRK_THREADS wrk-threads, $SERVER_THREADS serverthreads, $DURATION per meting, build $BUILD_TYPE"

run() {  # run <title> <wrk args...>
  local title=$1
  shift
  echo
  echo "-- $title"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" |
    grep -E 'Requests/sec|Transfer/sec|Latency|^ +(50|75|90|99)%|requests in|Non-2xx|Socket errors'
}

if [[ "$ONLY" == catalogus ]]; then
  offers=$(curl -fsS "$BASE/api/v1/offers?q=dementie&limit=500" | grep -o '"id":"off-' | wc -l)
  echo "(?q=dementie: $offers aanbod op de eerste pagina van 500)"
  [[ "$offers" -gt 0 ]] || { echo "?q=dementie vond niets" >&2; exit 1; }
  uptime
  run "baseline GET /api/v1/offers (lijst, bench/catalogus.lua)" -s bench/catalogus.lua "$BASE" -- lijst
  run "GET /api/v1/offers?q= (zoeken, bench/catalogus.lua)" -s bench/catalogus.lua "$BASE" -- zoek
  uptime
  exit 0
fi

# A sanity check of the search body before loading it.
status=$(curl -s -o "$WORK/one.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --data '{"profile":"5VV","municipality_code":"GM0935","seeking":["wonen"],"wishes":[{"feature_id":"tuin","importance":"must"}],"places":[]}' \
  "$BASE/api/v1/zoeken")
[[ "$status" == 200 ]] || { echo "POST /api/v1/zoeken gaf $status: $(head -c 300 "$WORK/one.json")" >&2; exit 1; }

run "baseline GET /healthz" "$BASE/healthz"
run "POST /api/v1/zoeken (anoniem, bench/zoeken.lua)" -s bench/zoeken.lua "$BASE"

CLIENT=$(sqlite3 "$DB" "select id from clients order by id limit 1" 2>/dev/null || true)
unauth=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/clients/${CLIENT:-x}/matches")
if [[ "$AUTH_POSSIBLE" == 1 && "$unauth" == 401 && -n "$CLIENT" ]]; then
  cookie=$(curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' \
    --data "{\"email\":\"bench@zorgkantoor.test\",\"password\":\"$(head -1 "$WORK/pw")\"}" \
    "$BASE/api/v1/auth/login" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
  if [[ -n "$cookie" ]]; then
    cat >"$WORK/matches.lua" <<EOF
wrk.method = "GET"
wrk.headers["Cookie"] = "$cookie"
EOF
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/api/v1/clients/$CLIENT/matches")
    if [[ "$status" == 200 ]]; then
      run "GET /api/v1/clients/$CLIENT/matches (sessie zorgkantoor)" -s "$WORK/matches.lua" \
        "$BASE/api/v1/clients/$CLIENT/matches"
    else
      echo; echo "-- GET /api/v1/clients/{id}/matches overgeslagen: antwoord $status met sessie"
    fi
  else
    echo; echo "-- GET /api/v1/clients/{id}/matches overgeslagen: inloggen gaf geen sessie"
  fi
else
  echo
  echo "-- GET /api/v1/clients/{id}/matches overgeslagen: toegangslaag niet actief in deze build" \
    "(zonder sessie: $unauth; passend user add: $AUTH_POSSIBLE)"
fi

if grep -q '"level":"error"' "$WORK/serve.log"; then
  echo "Fouten in het serverlog:" >&2
  grep '"level":"error"' "$WORK/serve.log" | head -5 >&2
fi
