#!/bin/bash
# A throw-away PostgreSQL cluster for tests and local runs (Debian's postgresql package, no Docker).
#
#   scripts/pg-throwaway.sh start          initdb + start + createdb oqs; prints, one per line:
#                                            PGDIR=<cluster directory>
#                                            PORT=<port>
#                                            URL=jdbc:postgresql://127.0.0.1:<port>/oqs?user=app
#   scripts/pg-throwaway.sh stop [PGDIR]   stops the cluster and deletes its directory (PGDIR from the
#                                          argument or the environment)
#
# Environment: PGPORT (fixed port; default: a free one), PGUSER_OS (OS user that runs the server when this
# script runs as root; default postgres), PGBIN (server binaries; default: newest /usr/lib/postgresql/*/bin).
# Trust authentication on 127.0.0.1 and a socket in the cluster directory only; fsync off: test data only.
set -euo pipefail

PGUSER_OS=${PGUSER_OS:-postgres}
MARKER=.pg-throwaway

die() { echo "pg-throwaway: $*" >&2; exit 1; }

find_bin() {
  if [ -n "${PGBIN:-}" ]; then echo "$PGBIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "PostgreSQL server binaries not found (apt-get install -y postgresql)"
  echo "$dir"
}

# Runs a command as the cluster owner: PostgreSQL refuses to run as root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  local p i
  for i in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    port_in_use "$p" || { echo "$p"; return; }
  done
  die "no free port found"
}

start() {
  local bin dir port attempt
  bin=$(find_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/oqs-pg.XXXXXX")
  touch "$dir/$MARKER"
  if [ "$(id -u)" = 0 ]; then
    id "$PGUSER_OS" >/dev/null 2>&1 || die "OS user $PGUSER_OS does not exist"
    chown -R "$PGUSER_OS" "$dir"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  for attempt in 1 2 3 4 5; do
    port=${PGPORT:-$(pick_port)}
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
      break
    fi
    [ -n "${PGPORT:-}" ] || [ "$attempt" = 5 ] && { tail -20 "$dir/server.log" >&2 || true; rm -rf "$dir"; die "server did not start"; }
  done
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U app oqs \
    || { as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; die "createdb failed"; }
  echo "PGDIR=$dir"
  echo "PORT=$port"
  echo "URL=jdbc:postgresql://127.0.0.1:$port/oqs?user=app"
}

stop() {
  local dir=${1:-${PGDIR:-}} bin
  [ -n "$dir" ] || die "usage: $0 stop PGDIR (or PGDIR in the environment)"
  [ -f "$dir/$MARKER" ] || die "$dir was not created by this script; not touching it"
  bin=$(find_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 \
      || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "${1:-}" ;;
  *) echo "usage: $0 start | stop [PGDIR]" >&2; exit 2 ;;
esac
