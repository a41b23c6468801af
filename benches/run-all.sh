#!/usr/bin/env bash
# Runs every benchmark of benches/README.md on SQLite and PostgreSQL (release build) and
# prints the reports; exits non-zero when an invariant or a target is missed.
# PostgreSQL: TEST_POSTGRES_URL, or postgres://postgres@127.0.0.1:5432/postgres.
set -uo pipefail
cd "$(dirname "$0")/.."
cargo bench --no-run --bench rush --bench scale --bench evaluation >/dev/null 2>&1 || cargo bench --no-run --bench rush --bench scale --bench evaluation
status=0
run() {
  echo
  echo "\$ cargo bench --bench $*"
  cargo bench -q --bench "$@" 2>/dev/null || status=1
}
run rush -- --db sqlite
run rush -- --db postgres
run rush -- --db sqlite --kill-after 30
run rush -- --db postgres --kill-after 30
run rush -- --db postgres --nodes 2
run scale -- --db sqlite
run scale -- --db postgres
run evaluation -- --db sqlite
run evaluation -- --db postgres
run contracts -- --db sqlite
run contracts -- --db postgres
exit $status
