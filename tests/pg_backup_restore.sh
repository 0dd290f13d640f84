#!/usr/bin/env bash
# The PostgreSQL operations of docs/operations.md, run as written there against a
# throw-away server of their own (scripts/pg-test-server.sh; it is stopped and its data
# directory removed at the end), each checked by the row count of every table:
#   1. WAL archiving switched on (ALTER SYSTEM, restart);
#   2. a logical backup with pg_dump and its restore with pg_restore into a new database;
#   3. a base backup with pg_basebackup for a point-in-time restore;
#   4. a streaming replica (pg_basebackup --write-recovery-conf): it follows a write on the
#      primary, refuses a write of its own, and pg_dump runs against it;
#   5. losing the primary's data directory, and the restore from the base backup and the
#      archived WAL: every table as it was at the last archived write, also the writes
#      made after the base backup.
# After each restore `passend audit verify` passes.
# The region is Zuid-Limburg with the demo accounts, moved in with `passend migrate-db`.
#
# Usage: tests/pg_backup_restore.sh PATH/TO/passend
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 PATH/TO/passend" >&2; exit 2; }
PASSEND=$(realpath "$1")
HERE=$(cd "$(dirname "$0")/.." && pwd)
PGTEST="$HERE/scripts/pg-test-server.sh"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
WORK=$(mktemp -d /tmp/passend-backup-test.XXXXXX)
STATE="$WORK/state"
REPLICA_PID=""

fail() { echo "FAIL: $*" >&2; exit 1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  if [ -n "${KEEP_LOGS:-}" ] && [ -n "${DATA:-}" ]; then cat "$DATA"/*.log >&2 2>/dev/null; fi
  [ -n "$REPLICA_PID" ] && as_owner "$BIN/pg_ctl" -D "$REPLICA" -m immediate -w stop >/dev/null 2>&1
  bash "$PGTEST" stop "$STATE"
  rm -rf "$WORK"
  [ -n "${DATA:-}" ] && case "$DATA" in /tmp/passend-pg.*) rm -rf "$DATA" ;; esac
}
trap cleanup EXIT

# Every table of the database with its row count, one "table count" a line (the check
# docs/operations.md gives for a restore).
COUNT_SQL="SELECT table_name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', table_name), false, true, '')))[1]::text
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
counts() { "$BIN/psql" -X -q -A -F ' ' -t -v ON_ERROR_STOP=1 -d "$1" -c "$COUNT_SQL"; }
sql() { "$BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
with_db() { echo "${1%/*}/$2"; }
same_counts() {  # what, expected file, uri
  counts "$3" >"$WORK/got"
  diff -u "$2" "$WORK/got" >&2 || fail "$1: the row counts differ (above)"
  echo "$1: $(wc -l <"$2") tables, $(awk '{s+=$2} END {print s}' "$2") rows, the same counts"
}
wait_until() {  # what, seconds, command...
  local what=$1 secs=$2; shift 2
  for _ in $(seq 1 $((secs * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  fail "$what: not within $secs s"
}

# The server, the region in it.
URI=$(bash "$PGTEST" start "$STATE")
DATA="$(cat "$STATE/datadir")"
PGDATA_DIR="$DATA/db"
PORT=${URI##*:}; PORT=${PORT%%/*}
# As pg-test-server.sh starts it; a standby needs max_connections at least the primary's.
SERVER_OPTS="-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='' -c max_connections=300"
"$PASSEND" generate --region zuid-limburg --seed 42 --db "$WORK/zl.db" >/dev/null
"$PASSEND" user demo --db "$WORK/zl.db" >/dev/null
"$PASSEND" migrate-db --from "$WORK/zl.db" --to "$URI" >/dev/null 2>&1

# 1. WAL archiving (docs: the archive directory belongs to the server's user).
ARCHIVE="$DATA/wal-archive"
mkdir -p "$ARCHIVE"
[ "$(id -u)" -eq 0 ] && chown postgres: "$ARCHIVE"
sql "$URI" "ALTER SYSTEM SET archive_mode = 'on'"
sql "$URI" "ALTER SYSTEM SET archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f.tmp && mv $ARCHIVE/%f.tmp $ARCHIVE/%f'"
sql "$URI" "ALTER SYSTEM SET archive_timeout = '60s'"
as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" -w restart -m fast >/dev/null
[ "$(sql "$URI" "SHOW archive_mode")" = on ] || fail "archive_mode is not on after the restart"

# 2. pg_dump, and pg_restore into a new database.
counts "$URI" >"$WORK/before"
"$BIN/pg_dump" --format=custom --file="$WORK/passend.dump" "$URI"
sql "$(with_db "$URI" postgres)" "CREATE DATABASE passend_restored"
"$BIN/pg_restore" --no-owner --exit-on-error --dbname="$(with_db "$URI" passend_restored)" \
  "$WORK/passend.dump"
same_counts "pg_dump and pg_restore" "$WORK/before" "$(with_db "$URI" passend_restored)"
"$PASSEND" export --reason test --db "$URI" --out "$WORK/a.json" >/dev/null 2>&1
"$PASSEND" export --reason test --db "$(with_db "$URI" passend_restored)" --out "$WORK/b.json" >/dev/null 2>&1
cmp -s "$WORK/a.json" "$WORK/b.json" || fail "passend export of the restored database differs"
echo "pg_restore: passend export of both databases is byte for byte the same"
"$PASSEND" audit verify --db "$(with_db "$URI" passend_restored)" >/dev/null ||
  fail "passend audit verify fails on the restored database"

# 3. A base backup for a point-in-time restore.
"$BIN/pg_basebackup" --dbname="$URI" --pgdata="$WORK/base" --wal-method=stream \
  --checkpoint=fast

# 4. A streaming replica on another port.
REPLICA="$DATA/replica"
R_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_owner "$BIN/pg_basebackup" --dbname="$URI" --pgdata="$REPLICA" --wal-method=stream \
  --write-recovery-conf --checkpoint=fast
as_owner "$BIN/pg_ctl" -D "$REPLICA" -l "$DATA/replica.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $R_PORT -c unix_socket_directories='' -c max_connections=300" \
  start >/dev/null
REPLICA_PID=started
R_URI="${URI/:$PORT\//:$R_PORT\/}"
[ "$(sql "$R_URI" "SELECT pg_is_in_recovery()")" = t ] || fail "the replica is not a standby"
CLIENT=$(sql "$URI" "SELECT id FROM clients ORDER BY id LIMIT 1")
"$PASSEND" client erase --db "$URI" --client "$CLIENT" --reason "Test: wissen na de basisback-up" \
  >/dev/null
counts "$URI" >"$WORK/after-erase"
cmp -s "$WORK/before" "$WORK/after-erase" && fail "the erasure changed no count"
replica_caught_up() { counts "$R_URI" | cmp -s - "$WORK/after-erase"; }
wait_until "the replica shows the erasure" 10 replica_caught_up
same_counts "replica" "$WORK/after-erase" "$R_URI"
if "$PASSEND" client erase --db "$R_URI" --client "$(sql "$URI" "SELECT id FROM clients ORDER BY id LIMIT 1")" \
  --reason "Test: op de replica" >/dev/null 2>&1; then
  fail "the replica took a write"
fi
echo "replica: refuses a write"
"$BIN/pg_dump" --format=custom --file="$WORK/from-replica.dump" "$R_URI"
echo "replica: pg_dump runs against it ($(stat -c %s "$WORK/from-replica.dump") bytes)"
as_owner "$BIN/pg_ctl" -D "$REPLICA" -m fast -w stop >/dev/null
REPLICA_PID=""

# 5. The primary's data directory is lost; restore the base backup and replay the archive.
LAST_WAL=$(sql "$URI" "SELECT pg_walfile_name(pg_current_wal_lsn())")  # holds the erasure
sql "$URI" "SELECT pg_switch_wal()" >/dev/null  # what archive_timeout does within 60 s
archived() { [ -f "$ARCHIVE/$LAST_WAL" ]; }
wait_until "the last WAL segment is archived" 30 archived
as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null
rm -rf "$PGDATA_DIR"
cp -a "$WORK/base" "$PGDATA_DIR"
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$PGDATA_DIR"
chmod 700 "$PGDATA_DIR"
rm -rf "$PGDATA_DIR/pg_wal/"*  # as after losing the disk: only the archive has the WAL
echo "restore_command = 'cp $ARCHIVE/%f %p'" >>"$PGDATA_DIR/postgresql.auto.conf"
as_owner touch "$PGDATA_DIR/recovery.signal"
as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" -l "$DATA/restore.log" -w -t 120 -o "$SERVER_OPTS" start \
  >/dev/null
recovered() { [ "$(sql "$URI" "SELECT pg_is_in_recovery()")" = f ]; }
wait_until "the restored server ends recovery" 60 recovered
same_counts "point-in-time restore" "$WORK/after-erase" "$URI"
"$PASSEND" export --reason test --db "$URI" --out "$WORK/c.json" >/dev/null 2>&1
cmp -s "$WORK/a.json" "$WORK/c.json" && fail "the erasure after the base backup was not replayed"
echo "point-in-time restore: the erasure made after the base backup came back from the archive"
"$PASSEND" audit verify --db "$URI" >/dev/null || fail "passend audit verify fails after the restore"
echo "both restores: passend audit verify passes"
echo ok
