#!/usr/bin/env bash
# Backs up the Schaufenster database with pg_dump (custom format: compressed, restorable per object).
#   backup.sh [FILE]     default FILE: backups/schaufenster-<UTC timestamp>.dump (relative to the repo)
# Source: DATABASE_URL when set, otherwise the project-local cluster (local-db.sh url, which honours
# SCHAUFENSTER_PGPORT / SCHAUFENSTER_DB). Prints the file name on stdout. The file is written under a
# temporary name and renamed when complete, so a failed run never leaves a truncated backup behind.
# pg_dump must be at least the server's major version (PG_BIN, default /usr/lib/postgresql/15/bin).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

case "${1:-}" in -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

url="${DATABASE_URL:-$(bash "$ROOT/db/scripts/local-db.sh" url)}"
file="${1:-$ROOT/backups/schaufenster-$(date -u +%Y%m%dT%H%M%SZ).dump}"

umask 077 # a backup holds every record: readable by its owner only
mkdir -p "$(dirname "$file")"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT
"$PG_BIN/pg_dump" --format=custom --compress=6 --file="$partial" --dbname="$url"
mv "$partial" "$file"
trap - EXIT
echo "[backup] $(du -h "$file" | cut -f1) written to $file" >&2
echo "$file"
