#!/usr/bin/env bash
# Installs the locked npm dependencies when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
stamp=node_modules/.schaufenster-lock-hash
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  if [ -L node_modules ]; then
    # A worktree sharing another checkout's node_modules: npm ci would empty that one under its users.
    echo "[setup] node_modules is a link to $(readlink -f node_modules) whose install does not match package-lock.json;" >&2
    echo "[setup] run npm ci there (or remove the link here) first." >&2
    exit 1
  fi
  echo "[setup] installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
