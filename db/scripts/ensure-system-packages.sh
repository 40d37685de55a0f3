#!/usr/bin/env bash
# Debian packages beyond PostgreSQL/PostGIS (which local-db.sh installs). Installs only what is missing;
# quiet and idempotent.
#   ensure-system-packages.sh demo    what the product needs to run: chromium (the reports' PDFs)
#   ensure-system-packages.sh         what the tests need: all below
#   ensure-system-packages.sh bench   and the benchmark's load generator
#   chromium        the reports' PDFs (headless print) and the browser tests (Playwright)
#   docker-compose  static validation of docker/compose.yml (`docker-compose config`; no engine needed)
#   poppler-utils   pdftoppm: turns PDFs into images for tests that check printed output
#   gdal-bin        ogrinfo: inspects geodata files (reference boundaries, exports)
# With `bench` (npm run bench) also:
#   wrk             the HTTP load generator of the tile workloads (C, like pgbench)
set -euo pipefail
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need chromium chromium
if [ "${1:-}" != demo ]; then
  need docker-compose docker-compose
  need pdftoppm poppler-utils
  need ogrinfo gdal-bin
fi
[ "${1:-}" = bench ] && need wrk wrk
[ ${#missing[@]} -eq 0 ] && exit 0
echo "[setup] installing ${missing[*]} (apt)" >&2
SUDO=""
# another apt run (unattended upgrades, a second checkout setting up) holds the lock: wait for it, do not fail
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
