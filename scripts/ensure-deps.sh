#!/usr/bin/env bash
# Installs the npm packages with `npm ci` when node_modules does not match package-lock.json.
# Quick the second time: a stamp records the lockfile it was installed from.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=node_modules/.target-table-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[deps] node_modules matches package-lock.json"
else
  echo "[deps] npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
