#!/usr/bin/env bash
# Installs every system package Passend needs to build, run and test, from Debian's
# archive. Idempotent: packages already present are skipped, apt is not touched then.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libsqlite3-dev sqlite3
  postgresql libpq-dev
  nlohmann-json3-dev rapidjson-dev libcli11-dev libcpp-httplib-dev
  libsodium-dev
  libstemmer-dev
  libhowardhinnant-date-dev tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format
  clang libclang-rt-14-dev
  curl wrk
  haproxy
  python3-jsonschema
  chromium fonts-dejavu-core
)
# The web app (web/) is built with Node.js and npm and tested in Debian's Chromium. A
# machine that has Node.js already (the project's machines ship Node.js 20 with its npm)
# keeps it; otherwise Debian's packages are installed.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

check_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 20 ]; then
    echo "install-deps: let op: de webapp (web/) vraagt Node.js 20 of nieuwer; hier is het $(node --version 2>/dev/null || echo afwezig)" >&2
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: alle pakketten zijn al aanwezig"
  check_node
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installeren: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
check_node
