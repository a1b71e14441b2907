#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks (issue 17), in a temp directory.
#   eval "$(scripts/pg-temp.sh start)"   # starts it; prints `export DATABASE_URL=… PG_TEMP_DIR=…`
#   scripts/pg-temp.sh stop "$PG_TEMP_DIR" # stops it and deletes the directory
# Listens on 127.0.0.1 only (a free port), its unix socket lives in the temp directory, trust auth
# (nothing else can reach it). initdb refuses to run as root: as root the cluster runs as the
# `postgres` user when it exists (Debian's package creates it), else as `nobody`.
set -euo pipefail

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] && command -v pg_config >/dev/null 2>&1; then d=$(pg_config --bindir); fi
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "PostgreSQL niet gevonden: installeer het Debian-pakket postgresql (of zet PG_BIN)." >&2
    exit 1
  fi
  echo "$d"
}

# Run a command as the cluster's owner (root is not allowed to own a cluster).
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  local user=postgres
  getent passwd postgres >/dev/null || user=nobody
  runuser -u "$user" -- "$@"
}

owner_name() {
  if [ "$(id -u)" -ne 0 ]; then id -un; elif getent passwd postgres >/dev/null; then echo postgres; else echo nobody; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local bin dir port owner db
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-temp.XXXXXX")
  owner=$(owner_name)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
  port=${PG_PORT:-$(free_port)}
  db=${PG_DATABASE:-integriteitsplein}
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # fsync off and a small shared_buffers: a throwaway cluster on a small CI machine.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/$db PG_TEMP_DIR=$dir"
}

stop() {
  local dir=${1:-${PG_TEMP_DIR:-}} bin
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then echo "Geen tijdelijke cluster in '$dir'." >&2; exit 1; fi
  bin=$(pg_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "Gebruik: $0 start | stop <dir>" >&2; exit 2 ;;
esac
