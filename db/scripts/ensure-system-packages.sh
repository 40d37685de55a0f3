#!/usr/bin/env bash
# Debian packages the test suite needs beyond PostgreSQL/PostGIS (which local-db.sh installs):
# Chromium for the browser tests. Installs only what is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "[setup] installing ${missing[*]} (apt)" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
