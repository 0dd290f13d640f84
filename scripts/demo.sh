#!/usr/bin/env bash
# make demo: generate the Zuid-Limburg demo region once, then serve it.
set -euo pipefail
bin=$1 db=$2 port=$3 seed=$4
if [ ! -f "$db" ]; then
  echo "demo: regio Zuid-Limburg genereren in $db (seed $seed) ..."
  "$bin" generate --region zuid-limburg --seed "$seed" --db "$db.tmp"
  mv "$db.tmp" "$db"
fi
# Every run prints the demo logins (the accounts and consents an earlier run made are kept),
# so whoever starts the demo again still knows how to log in.
"$bin" user demo --db "$db"
# The access log's key lives outside the database (docs/access.md); made once, kept.
key="$db.auditkey"
if [ ! -f "$key" ]; then "$bin" audit keygen --out "$key"; fi
echo "demo: Passend draait op http://localhost:$port (API: http://localhost:$port/api/v1/openapi.json)"
exec "$bin" serve --db "$db" --port "$port" --audit-key "$key"
