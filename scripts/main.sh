#!/usr/bin/env bash
# The main job: install, build, package the .vsix, and show the checker's report on the bundled sample.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
npm run --silent compile
npm run --silent package
vsix=$(ls -t target-table-*.vsix | head -1)
echo
echo "=== target-table check test/fixtures/dongxihu-overall-targets.txt (first 25 lines and the summary)"
node dist/cli.js check test/fixtures/dongxihu-overall-targets.txt > /tmp/target-table-report.txt || true
head -25 /tmp/target-table-report.txt
echo "..."
tail -1 /tmp/target-table-report.txt
echo
echo "=== Install the extension:"
echo "  code --install-extension $PWD/$vsix"
echo "  (code-server: code-server --install-extension $PWD/$vsix)"
