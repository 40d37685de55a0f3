#!/bin/sh
# Container start: apply pending migrations, optionally load the reference data, then become the API.
# A failed migration stops the container (non-zero exit) instead of serving an old schema.
set -eu
cd /app
node dist/db/migrate.js
if [ "${SEED_REFERENCE:-false}" = "true" ]; then
  node dist/db/seeds/run.js
fi
exec node dist/api/src/main.js
