#!/usr/bin/env bash
# Installs every system package Passend needs to build, run and test, from Debian's
# archive. Idempotent: packages already present are skipped, apt is not touched then.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libsqlite3-dev sqlite3
  postgresql libpq-dev
  nlohmann-json3-dev rapidjson-dev libcli11-dev libcpp-httplib-dev
  libsodium-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format
  curl wrk
  python3-jsonschema
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: alle pakketten zijn al aanwezig"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installeren: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
