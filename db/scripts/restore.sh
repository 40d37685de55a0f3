#!/usr/bin/env bash
# Restores a backup made by backup.sh, REPLACING the target database's contents.
#   restore.sh FILE --yes
# Target: DATABASE_URL when set, otherwise the project-local cluster (local-db.sh url). Without --yes it
# only checks the file and says what it would do. The restore runs in one transaction
# (pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error): it either
# completes or leaves the target as it was. Stop the API first (or expect 503s during the restore),
# and take a backup of the target before replacing it. Needs a role that may create extensions.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

usage() { echo "usage: $0 FILE --yes   (restores FILE into \$DATABASE_URL or the local database)" >&2; exit 2; }
file="" yes=false
for arg in "$@"; do
  case "$arg" in
    --yes) yes=true ;;
    -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage ;;
    *) [ -z "$file" ] || usage; file="$arg" ;;
  esac
done
[ -n "$file" ] || usage
[ -f "$file" ] || { echo "[restore] no such file: $file" >&2; exit 2; }

url="${DATABASE_URL:-$(bash "$ROOT/db/scripts/local-db.sh" url)}"
shown="$(printf '%s' "$url" | sed -E 's#://([^:/@]+):[^@]*@#://\1:***@#')" # never print the password

# A readable custom-format archive? (Checked before anything in the target is touched.)
entries="$("$PG_BIN/pg_restore" --list "$file" | grep -c '^[0-9]')" ||
  { echo "[restore] $file is not a pg_dump custom-format archive" >&2; exit 1; }
tables="$("$PG_BIN/psql" -d "$url" -qtAX -c \
  "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"

if [ "$yes" != true ]; then
  echo "[restore] would replace the contents of $shown ($tables tables now) with $file ($entries entries)." >&2
  echo "[restore] nothing changed. Run again with --yes to restore." >&2
  exit 1
fi

echo "[restore] replacing the contents of $shown ($tables tables now) with $file" >&2
"$PG_BIN/pg_restore" --clean --if-exists --no-owner --single-transaction --exit-on-error \
  --dbname="$url" "$file"
echo "[restore] done" >&2
