#!/usr/bin/env bash
# `make bench POSTGRES=1`: the bench with the shop on a PostgreSQL server — a throwaway one in a
# temporary folder (scripts/postgres-throwaway.sh: fsync on, as a shop's server), stopped however
# the run ends. Arguments go to workshop-bench (--scale N, …).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'scripts/postgres-throwaway.sh stop "$dir" >/dev/null 2>&1 || true' EXIT
uri=$(scripts/postgres-throwaway.sh start "$dir")
.build/release/workshop-bench --postgres "$uri" "$@"
