#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, in a folder of its own:
#   scripts/postgres-throwaway.sh start DIR   prints the connection URI once the server is up
#   scripts/postgres-throwaway.sh stop DIR    stops it and removes DIR
# The server listens only on a Unix socket in DIR (no TCP port, so parallel runs cannot collide),
# trusts every local connection (nothing to leak: it lives as long as the test run), and keeps
# fsync on, as a shop's server would: the tests rely on a commit being durable.
# initdb and postgres refuse to run as root, and CI runs as root: then the server runs as Debian's
# `postgres` account, which owns DIR; root reaches the socket all the same. DIR's parent must be
# searchable by that account (mktemp -d under /tmp is).
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
# Marks DIR as made by this script: `stop` and a stale `start` delete only such a folder.
marker="$dir/.workshop-postgres-throwaway"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-throwaway: no PostgreSQL server binaries under /usr/lib/postgresql (Debian package postgresql)" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  owner=$(id -un)
  as_owner() { "$@"; }
fi

# Stops a server left running in DIR (a killed run's) and removes the folder, if it is ours.
clear_folder() {
  [ -e "$dir" ] || return 0
  if [ ! -e "$marker" ]; then
    # An empty folder (mktemp -d) is fine to take; anything else is not ours to delete.
    if [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
      echo "postgres-throwaway: $dir is not empty and was not made by this script; not touching it" >&2
      exit 1
    fi
    return 0
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    # pg_ctl cannot stop a server whose files are gone or damaged: its pid file still names it.
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null || true
      sleep 1
    fi
  fi
  rm -rf "$dir"
}

case "$action" in
  start)
    clear_folder
    mkdir -p "$dir"
    touch "$marker"
    chown "$owner" "$dir"
    chmod 0700 "$dir"
    # UTF-8 for Chinese text; the C locale sorts text by bytes, as SQLite does. --no-sync only
    # skips initdb's own final flush of the template files (a throwaway cluster); the server
    # itself runs with fsync on.
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
fsync = on
synchronous_commit = on
max_connections = 100
CONF
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || {
      cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql:///postgres?host=$dir&user=postgres"
    ;;
  stop)
    if [ -e "$dir" ] && [ ! -e "$marker" ]; then
      echo "postgres-throwaway: $dir was not made by this script; not touching it" >&2
      exit 1
    fi
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    clear_folder
    ;;
  *) usage ;;
esac
