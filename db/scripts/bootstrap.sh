#!/usr/bin/env bash
# The two commands of the README, and the benchmark, from a fresh clone:
#   bootstrap.sh demo   install, start the local database, migrate, seed, build and serve on :3000
#   bootstrap.sh test   install, start the local database, then lint, type-check, build and run every test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true TZ=UTC
mode="${1:-demo}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "dependencies"
bash db/scripts/ensure-node-modules.sh
if [ "$mode" = test ] && [ -n "${DATABASE_URL:-}" ]; then
  # the tests drop and fill databases: never on the server the product uses (TEST_DATABASE_URL names one for Jest)
  echo "[db] DATABASE_URL is ignored by the tests: they use this checkout's own cluster" >&2
  unset DATABASE_URL
fi
if [ -z "${SCHAUFENSTER_PGPORT:-}" ] && [ -z "${DATABASE_URL:-}" ]; then
  if bash db/scripts/local-db.sh status >/dev/null 2>&1; then
    # this checkout's cluster runs already, perhaps on a port chosen below by an earlier run
    SCHAUFENSTER_PGPORT=$(bash db/scripts/local-db.sh port)
    export SCHAUFENSTER_PGPORT
  else
    # another PostgreSQL on the default port: use the next free port
    for port in $(seq 54329 54349); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then export SCHAUFENSTER_PGPORT=$port; break; fi
    done
    if [ -z "${SCHAUFENSTER_PGPORT:-}" ]; then
      echo "[db] ports 54329–54349 are all taken: set SCHAUFENSTER_PGPORT to a free port" >&2
      exit 1
    fi
  fi
  [ "$SCHAUFENSTER_PGPORT" = 54329 ] || echo "[db] the local database uses port $SCHAUFENSTER_PGPORT (54329 is taken)" >&2
fi
bash db/scripts/local-db.sh up

build() {
  step "build (api + web)"
  rm -rf dist
  node_modules/.bin/tsc -p api/tsconfig.app.json
  (cd web && node ../node_modules/vite/bin/vite.js build --logLevel warn)
}

case "$mode" in
  demo)
    bash db/scripts/ensure-system-packages.sh demo
    build
    step "migrate and seed"
    node dist/db/migrate.js
    node dist/db/seeds/run.js --demo
    step "serve"
    echo "Schaufenster: http://127.0.0.1:${PORT:-3000}  (API docs: /api/docs) — demo storefronts are synthetic" >&2
    exec node dist/api/src/main.js
    ;;
  test)
    bash db/scripts/ensure-system-packages.sh
    step "lint, format, types"
    node_modules/.bin/eslint . --max-warnings 0
    node_modules/.bin/prettier --check . --log-level warn
    npm run --silent typecheck
    build
    step "api + db tests (Jest, real PostGIS)"
    NODE_OPTIONS=--experimental-vm-modules node_modules/.bin/jest -c api/jest.config.js
    step "web unit tests"
    (cd web && node ../node_modules/vitest/vitest.mjs run)
    step "browser tests (Playwright, headless Chromium)"
    node node_modules/@playwright/test/cli.js test -c web/playwright.config.ts
    ;;
  bench)
    bash db/scripts/ensure-system-packages.sh bench
    build
    node dist/api/bench/run.js "${@:2}"
    ;;
  *)
    echo "usage: $0 demo|test|bench" >&2
    exit 2
    ;;
esac
