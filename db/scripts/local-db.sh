#!/usr/bin/env bash
# Project-local PostgreSQL 15 + PostGIS 3 cluster.
#   local-db.sh up            install missing packages, init + start the cluster, create databases
#   local-db.sh down          stop the cluster
#   local-db.sh status        is it running?
#   local-db.sh url [db]      print the connection URL
#   local-db.sh port          print the port the running cluster listens on (else the configured one)
#   local-db.sh stop|start    stop/start the running cluster (used by the outage test)
#   local-db.sh recreate DB   drop and create DB (a fresh test database per run)
# With DATABASE_URL set, no local cluster is touched: that server is used as it is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PGDATA="${SCHAUFENSTER_PGDATA:-$ROOT/.pgdata}"
PGPORT="${SCHAUFENSTER_PGPORT:-54329}"
PGSOCK="/tmp"
DB_NAME="${SCHAUFENSTER_DB:-schaufenster}"

log() { printf '[db] %s\n' "$*" >&2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_packages() {
  if [ -x "$PG_BIN/postgres" ] && dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1; then return; fi
  log "installing PostgreSQL 15 + PostGIS 3 (apt)"
  local SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    postgresql-15 postgresql-15-postgis-3 >/dev/null
}

is_running() { [ -f "$PGDATA/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; }

psql_local() { PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -h "$PGSOCK" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

init_cluster() {
  [ -f "$PGDATA/PG_VERSION" ] && return
  log "creating cluster in $PGDATA (port $PGPORT)"
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGSOCK'
max_connections = 200
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 512MB
# Bulk imports write ~1 GB of WAL per 100,000 rows: with the default 1 GB a checkpoint every 25 s.
max_wal_size = 4GB
checkpoint_timeout = 15min
fsync = on
log_min_messages = warning
CONF
}

start_cluster() {
  is_running && return
  log "starting cluster"
  if port_busy; then
    log "port $PGPORT is taken by another server; choose another with SCHAUFENSTER_PGPORT=<port>"
    exit 1
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 -o "-p $PGPORT" start >/dev/null
}

ensure_database() {
  local db="$1"
  if [ "$(psql_local -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    log "creating database $db"
    psql_local -d postgres -c "CREATE DATABASE \"$db\""
  fi
  psql_local -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS btree_gist;"
}

url() { echo "postgres://postgres@127.0.0.1:$PGPORT/${1:-$DB_NAME}"; }

case "${1:-up}" in
  up)
    if [ -n "${DATABASE_URL:-}" ]; then log "DATABASE_URL is set: using that server"; exit 0; fi
    ensure_packages
    init_cluster
    start_cluster
    ensure_database "$DB_NAME"
    ;;
  recreate)
    db="${2:?database name}"
    if [ -n "${DATABASE_URL:-}" ]; then log "DATABASE_URL is set: not recreating $db"; exit 0; fi
    psql_local -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    ensure_database "$db"
    ;;
  down | stop) is_running && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null; true ;;
  start) start_cluster ;;
  status) if is_running; then echo running; else echo stopped; exit 1; fi ;;
  url) url "${2:-}" ;;
  # postmaster.pid's fourth line is the port the server was started with
  port) if is_running; then sed -n 4p "$PGDATA/postmaster.pid"; else echo "$PGPORT"; fi ;;
  *) echo "usage: $0 up|down|start|stop|status|url [db]|port|recreate DB" >&2; exit 2 ;;
esac
