#!/usr/bin/env bash
# One and two application servers on each backend, in one run (issue 17.5): for SQLite (one
# file) and PostgreSQL (a throw-away server on this machine, scripts/pg-test-server.sh):
#   - the import: `passend generate` of the region into the backend (wall time);
#   - POST /api/v1/zoeken (anonymous search, bench/zoeken.lua) and
#     GET /api/v1/clients/{id}/matches (the care office's demo user, one session per
#     server) with wrk at CONNECTIONS connections: after a warm-up, against one `passend
#     serve` (A), then against two on the same database, CONNECTIONS/2 each at the same time
#     (summed), then against one again (B); one server's figure is the mean of both;
#   - the time for a change through one server to reach the other's index: an erasure
#     through A (POST /api/v1/clients/{id}/erase) until B logs its refresh.
# Prints requests/s, the ratio two/one, and the machine's load before and after: the
# figures are wall-clock on a shared machine (both servers, wrk and PostgreSQL share its
# cores; with N cores for the servers alone, two servers can give at most what two cores
# give).
#
# Usage: bench/servers_bench.sh [build-dir]   (default build; its passend is built first)
# Environment: REGION (zuid-limburg), DURATION (15s), CONNECTIONS (50), WRK_THREADS (2),
#              BACKENDS ("sqlite postgres").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${1:-build}
REGION=${REGION:-zuid-limburg}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
WRK_THREADS=${WRK_THREADS:-2}
BACKENDS=${BACKENDS:-sqlite postgres}
command -v wrk >/dev/null || { echo "wrk ontbreekt: scripts/install-deps.sh" >&2; exit 1; }

export CCACHE_BASEDIR="$ROOT"
cmake --build "$BUILD" --target passend >/dev/null
PASSEND="$ROOT/$BUILD/passend"
WORK=$(mktemp -d /tmp/passend-servers-bench.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  bash "$ROOT/scripts/pg-test-server.sh" stop "$WORK/pg" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { python3 -c "print('%.1f' % ($2 - $1))"; }

# start_server NAME DB: a `passend serve` on a free port; sets PORT_<NAME>.
start_server() {
  local name=$1 db=$2 log="$WORK/$1.log"
  "$PASSEND" serve --db "$db" --port 0 --bind 127.0.0.1 2>"$log" &
  PIDS+=($!)
  for _ in $(seq 1 3000); do  # up to 5 min (nl builds its index at start)
    port=$(sed -n 's/.*"event":"server_started".*"port":\([0-9]*\).*/\1/p' "$log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "passend serve ($name) did not start:" >&2; tail -5 "$log" >&2; exit 1; }
  printf -v "PORT_$name" '%s' "$port"
}

stop_servers() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=()
}

login_cookie() {  # base email password
  curl -s -D - -o /dev/null -X POST -H 'Content-Type: application/json' \
    --data "{\"email\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/auth/login" |
    tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(passend_session=[^;]*\).*/\1/p' | head -1
}

# wrk_rps CONNECTIONS URL [script]: requests/s (non-2xx answers make it fail).
wrk_rps() {
  local c=$1 url=$2 script=${3:-} out
  out=$(wrk -t"$WRK_THREADS" -c"$c" -d"$DURATION" ${script:+-s "$script"} "$url")
  if grep -q "Non-2xx" <<<"$out"; then echo "wrk: answers other than 2xx: $out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

# CPU accounting, to read the ratios by: on a machine whose cores one server and its
# database already keep busy, a second server on the same machine has no core to add.
# cpu_sample: "busy total passend postgres" in clock ticks (machine-wide busy and total
# from /proc/stat; the servers' and this run's PostgreSQL processes' own time).
pg_pids() {
  local pidfile
  [ -n "${PG_DATADIR:-}" ] && pidfile="$PG_DATADIR/db/postmaster.pid" && [ -f "$pidfile" ] || return 0
  local pm; pm=$(head -1 "$pidfile")
  echo "$pm"; pgrep -P "$pm" || true
}
cpu_sample() {
  python3 - "${PIDS[*]:-}" "$(pg_pids | tr '\n' ' ')" <<'PY'
import sys
def ticks(pids):
    t = 0
    for p in pids.split():
        try:
            f = open("/proc/%s/stat" % p).read().rsplit(")", 1)[1].split()
            t += int(f[11]) + int(f[12])  # utime, stime
        except OSError:
            pass
    return t
cpu = [int(x) for x in open("/proc/stat").readline().split()[1:]]
idle = cpu[3] + cpu[4]
print(sum(cpu) - idle, sum(cpu), ticks(sys.argv[1]), ticks(sys.argv[2]))
PY
}
# cpu_report BEFORE AFTER: the machine's busy share and what the servers and PostgreSQL used.
cpu_report() {
  python3 -c "
b = [int(x) for x in '$1'.split()]; a = [int(x) for x in '$2'.split()]
busy, total, app, pg = (a[i] - b[i] for i in range(4))
print('cpu %3.0f%% busy (servers %2.0f%%, PostgreSQL %2.0f%%)' % (100 * busy / total, 100 * app / total, 100 * pg / total))"
}

# Load the same endpoint on one server, then on both at once (half the connections each).
one_and_two() {  # title path-on-A path-on-B scriptA scriptB
  local title=$1 a=$2 b=$3 sa=${4:-} sb=${5:-}
  local one1 one2 two_a two_b c0 c1 c2 cpu_one cpu_two
  # Warm both servers up first (caches, the connection pools), unmeasured.
  DURATION=3s wrk_rps "$CONNECTIONS" "$a" "$sa" >/dev/null
  DURATION=3s wrk_rps "$CONNECTIONS" "$b" "$sb" >/dev/null
  # One server before and after the two, so a drift of the shared machine's load shows.
  c0=$(cpu_sample)
  one1=$(wrk_rps "$CONNECTIONS" "$a" "$sa")
  c1=$(cpu_sample)
  wrk_rps $((CONNECTIONS / 2)) "$a" "$sa" >"$WORK/two_a" &
  local wa=$!
  two_b=$(wrk_rps $((CONNECTIONS / 2)) "$b" "$sb")
  wait $wa
  c2=$(cpu_sample)
  cpu_one=$(cpu_report "$c0" "$c1"); cpu_two=$(cpu_report "$c1" "$c2")
  two_a=$(cat "$WORK/two_a")
  one2=$(wrk_rps "$CONNECTIONS" "$b" "$sb")
  python3 -c "
one1, one2, a, b = $one1, $one2, $two_a, $two_b
one = (one1 + one2) / 2
print('  %-44s one server %6.0f req/s (%0.f, %0.f)   two servers %6.0f req/s (%0.f + %0.f)   x%.2f'
      % ('$title', one, one1, one2, a + b, a, b, (a + b) / one))"
  echo "  $(printf '%-44s' '') one server: $cpu_one   two servers: $cpu_two"
}

echo "load before: $(uptime)"
echo "passend $(git rev-parse --short HEAD) | $(nproc) cores | $REGION | $CONNECTIONS connections," \
  "$WRK_THREADS wrk threads, $DURATION per measurement"
for backend in $BACKENDS; do
  if [ "$backend" = sqlite ]; then
    DB="$WORK/passend.db"
  else
    URI=$(bash scripts/pg-test-server.sh start "$WORK/pg")
    PG_DATADIR=$(cat "$WORK/pg/datadir")
    DB="${URI%/*}/passend"
  fi
  t0=$(now)
  "$PASSEND" generate --region "$REGION" --seed 42 --db "$DB" >/dev/null 2>&1
  t1=$(now)
  DEMO=$("$PASSEND" user demo --db "$DB" 2>/dev/null)
  ZK_EMAIL=$(awk '$1 == "zorgkantoor" {print $2}' <<<"$DEMO")
  ZK_PASSWORD=$(awk '$1 == "zorgkantoor" {print $3}' <<<"$DEMO")
  ZK_REGION=$(awk '$1 == "zorgkantoor" {print $NF}' <<<"$DEMO")  # "..., regio 5531"
  ADMIN_EMAIL=$(awk '$1 == "admin" {print $2}' <<<"$DEMO")
  ADMIN_PASSWORD=$(awk '$1 == "admin" {print $3}' <<<"$DEMO")
  echo
  echo "== $backend: passend generate --region $REGION: $(secs "$t0" "$t1") s"

  start_server A "$DB"
  start_server B "$DB"
  A="http://127.0.0.1:$PORT_A"; B="http://127.0.0.1:$PORT_B"
  one_and_two "POST /api/v1/zoeken (anonymous)" "$A/api/v1/zoeken" "$B/api/v1/zoeken" \
    bench/zoeken.lua bench/zoeken.lua
  # The matches of one client of the region, each server with its own session.
  CLIENT=$(curl -s -b "$(login_cookie "$A" "$ZK_EMAIL" "$ZK_PASSWORD")" "$A/api/v1/clients?region=$ZK_REGION&limit=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  for s in A B; do
    base_var="$s"; cookie=$(login_cookie "${!base_var}" "$ZK_EMAIL" "$ZK_PASSWORD")
    printf 'wrk.method = "GET"\nwrk.headers["Cookie"] = "%s"\n' "$cookie" >"$WORK/matches_$s.lua"
  done
  one_and_two "GET /api/v1/clients/{id}/matches (session)" "$A/api/v1/clients/$CLIENT/matches" \
    "$B/api/v1/clients/$CLIENT/matches" "$WORK/matches_A.lua" "$WORK/matches_B.lua"

  # A change through A reaching B's index: an erasure, until B logs its refresh.
  VICTIM=$(curl -s -b "$(login_cookie "$A" "$ZK_EMAIL" "$ZK_PASSWORD")" \
    "$A/api/v1/clients?region=$ZK_REGION&limit=2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][1]["id"])')
  ADMIN_LOGIN=$(curl -s -D "$WORK/admin.h" -X POST -H 'Content-Type: application/json' \
    --data "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$A/api/v1/auth/login")
  CSRF=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["csrf_token"])' "$ADMIN_LOGIN")
  ADMIN_COOKIE=$(tr -d '\r' <"$WORK/admin.h" | sed -n 's/^[Ss]et-[Cc]ookie: \(passend_session=[^;]*\).*/\1/p' | head -1)
  before=$(grep -c '"kind":"clients"' "$WORK/B.log" || true)
  t0=$(now)
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \
    -b "$ADMIN_COOKIE" --data '{"reason":"Bench: wijziging via de andere server"}' \
    "$A/api/v1/clients/$VICTIM/erase"
  for _ in $(seq 1 400); do
    [ "$(grep -c '"kind":"clients"' "$WORK/B.log" || true)" -gt "$before" ] && break
    sleep 0.005
  done
  t1=$(now)
  echo "  a change through A in B's index after $(python3 -c "print('%.3f' % ($t1 - $t0))") s" \
    "(erasure answered and B's refresh logged)"
  stop_servers
  [ "$backend" = postgres ] && bash scripts/pg-test-server.sh stop "$WORK/pg" >/dev/null && PG_DATADIR=
done
echo
echo "load after: $(uptime)"
