#!/usr/bin/env bash
# `make test`: builds, then runs every test on SQLite and, when PostgreSQL's server is installed,
# the PostgreSQL suites too, on a throwaway server (scripts/postgres-throwaway.sh) that is stopped
# and removed however the run ends. WORKSHOP_REQUIRE_POSTGRES=1 (CI) makes a missing server fail
# those suites instead of skipping them. Arguments go to `swift test` (e.g. --filter X).
set -euo pipefail
cd "$(dirname "$0")/.."
swift=${SWIFT:-swift}

$swift build

# The tests' shops, papers and copies go into one folder of this run's (TMPDIR, which
# NSTemporaryDirectory() follows), removed when the run ends: a test leaves nothing in /tmp.
scratch=$(mktemp -d /tmp/workshop-tests.XXXXXX)
folder=""
cleanup() {
  if [ -n "$folder" ]; then scripts/postgres-throwaway.sh stop "$folder" || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${WORKSHOP_TEST_POSTGRES:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  # Under /tmp: a Unix socket's path must stay short (about 100 bytes), and the server's account
  # must be able to reach the folder.
  folder=$(mktemp -d /tmp/workshop-pg.XXXXXX)
  WORKSHOP_TEST_POSTGRES=$(scripts/postgres-throwaway.sh start "$folder")
  export WORKSHOP_TEST_POSTGRES
  echo "PostgreSQL tests on a throwaway server: $WORKSHOP_TEST_POSTGRES"
elif [ -z "${WORKSHOP_TEST_POSTGRES:-}" ]; then
  if [ "${WORKSHOP_REQUIRE_POSTGRES:-}" = 1 ]; then
    echo "WORKSHOP_REQUIRE_POSTGRES=1 but PostgreSQL's server is not installed: its tests will fail" >&2
  else
    echo "PostgreSQL's server is not installed (Debian package postgresql): its tests are skipped"
  fi
fi

# Not exec: the trap must stop the server and remove the scratch folder after the tests.
TMPDIR=$scratch $swift test "$@"
