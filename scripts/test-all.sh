#!/usr/bin/env bash
# Runs every test: unit + LSP (mocha), the extension-host suite in a real VS Code, and the UI checks.
# Installs what it needs first (npm packages; Debian packages and code-server via e2e-setup.sh).
# Ends with each runner's summary line and the total as `N passed, M failed`.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh || exit 1
bash scripts/e2e-setup.sh || exit 1

logs=$(mktemp -d)
status=0
run() { # name, command...
  local name=$1; shift
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || status=1
  echo "=== $name exited $rc"
}
run unit-lsp npm test
run e2e node out/test/e2e/runner.js
run ui node out/test/e2e/runner.js --ui

passed=0; failed=0
echo
echo "=== summary"
m=$(grep -E '^\s+[0-9]+ passing' "$logs/unit-lsp.log" | tail -1 | grep -oE '[0-9]+' | head -1); m=${m:-0}
f=$(grep -E '^\s+[0-9]+ failing' "$logs/unit-lsp.log" | tail -1 | grep -oE '[0-9]+' | head -1); f=${f:-0}
echo "unit + LSP (mocha): $m passed, $f failed"
passed=$((passed + m)); failed=$((failed + f))
for name in e2e ui; do
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$name.log" | tail -1)
  if [ -z "$line" ]; then line="0 passed, 1 failed"; status=1; fi
  echo "$name (real VS Code): $line"
  passed=$((passed + $(echo "$line" | cut -d' ' -f1))); failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
done
rm -rf "$logs"
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
