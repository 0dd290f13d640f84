#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests and benchmarks: Debian's server binaries,
# a fresh data directory under /tmp, an unprivileged user (the package's `postgres` when
# run as root), TCP on 127.0.0.1 only (no Unix socket), a free port, a random password.
#
#   pg-test-server.sh start STATE_DIR   start; writes STATE_DIR/uri and prints the URI
#   pg-test-server.sh stop STATE_DIR    stop it and remove its data directory
#   pg-test-server.sh env STATE_DIR     print `export PASSEND_TEST_PG_URI=...`
#   pg-test-server.sh run -- CMD ...    start, run CMD with PASSEND_TEST_PG_URI set, stop
#                                       (also when CMD fails or is interrupted)
#
# The URI names the database `passend`; tests create their own databases beside it. The
# server is tuned for tests (fsync off): never keep data in it.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "PostgreSQL server not installed (scripts/install-deps.sh)"
  echo "$d"
}

# Runs a command as the unprivileged owner of the data directory.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

cmd_stop() {
  local state=$1
  [ -f "$state/datadir" ] || return 0
  local data
  data=$(cat "$state/datadir")
  if [ -f "$data/db/postmaster.pid" ]; then
    as_owner "$(pg_bindir)/pg_ctl" -D "$data/db" -m fast -w stop >/dev/null 2>&1 ||
      as_owner "$(pg_bindir)/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$data" in /tmp/passend-pg.*) rm -rf "$data" ;; esac
  rm -f "$state/datadir" "$state/uri"
}

cmd_start() {
  local state=$1
  mkdir -p "$state"
  cmd_stop "$state"  # a server left over from an interrupted run
  if [ "$(id -u)" -eq 0 ]; then
    getent passwd postgres >/dev/null || die "no 'postgres' user (install the postgresql package)"
  fi
  local bin data password port
  bin=$(pg_bindir)
  data=$(mktemp -d /tmp/passend-pg.XXXXXX)
  echo "$data" >"$state/datadir"
  # Until the server is up, a failure removes what was made.
  trap 'cmd_stop "$state"' ERR
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$data/pwfile"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$data"
  chmod 700 "$data"
  as_owner "$bin/initdb" -D "$data/db" -U passend --pwfile="$data/pwfile" \
    --auth-host=scram-sha-256 --auth-local=reject -E UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 ||
    { cat "$data/initdb.log" >&2; false; }
  rm -f "$data/pwfile"
  local tries=0
  while true; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' \
          -c max_connections=300 -c fsync=off -c synchronous_commit=off \
          -c full_page_writes=off -c shared_buffers=128MB" start >/dev/null; then
      break
    fi
    tries=$((tries + 1))
    [ $tries -lt 5 ] || { cat "$data/server.log" >&2; false; }
  done
  local uri="postgresql://passend:$password@127.0.0.1:$port/passend"
  PGPASSWORD=$password "$bin/psql" -q -h 127.0.0.1 -p "$port" -U passend -d postgres \
    -c "CREATE DATABASE passend" >/dev/null
  trap - ERR
  echo "$uri" >"$state/uri"
  chmod 600 "$state/uri"
  echo "$uri"
}

cmd_run() {
  [ "${1:-}" = "--" ] && shift
  [ $# -gt 0 ] || die "run: no command given"
  RUN_STATE=$(mktemp -d /tmp/passend-pg-state.XXXXXX)
  trap 'cmd_stop "$RUN_STATE"; rm -rf "$RUN_STATE"' EXIT
  trap 'exit 130' INT TERM
  PASSEND_TEST_PG_URI=$(cmd_start "$RUN_STATE")
  export PASSEND_TEST_PG_URI
  local rc=0
  "$@" || rc=$?
  return $rc
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: $0 start STATE_DIR"; cmd_start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop STATE_DIR"; cmd_stop "$2" ;;
  env) [ $# -eq 2 ] || die "usage: $0 env STATE_DIR"
       [ -f "$2/uri" ] || die "no server running for $2"
       echo "export PASSEND_TEST_PG_URI=$(cat "$2/uri")" ;;
  run) shift; cmd_run "$@" ;;
  *) die "usage: $0 start|stop|env STATE_DIR, or $0 run -- CMD ..." ;;
esac
