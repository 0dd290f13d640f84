#!/usr/bin/env bash
# Fails when a C++ file under src/, tests/ or bench/ differs from .clang-format's layout.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(find src tests bench -name node_modules -prune -o \( -name '*.h' -o -name '*.cc' \) -print 2>/dev/null)
[ -z "$files" ] && exit 0
if ! clang-format --dry-run --Werror $files 2>/tmp/passend-format.log; then
  echo "Opmaak wijkt af van .clang-format (draai 'make format'):"
  grep -E '^[^ ].*: (error|warning)' /tmp/passend-format.log | cut -d: -f1 | sort -u | head -20
  exit 1
fi
echo "format: ok"
