#!/usr/bin/env bash
# Stops what scripts/suite-up.sh started: the five services (SIGTERM, so workers finish their
# current job; SIGKILL after 10 s), then the Redis + FerretDB it started in .run/suite/.
# Safe to run when nothing is running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE_DIR="${RARERANK_SUITE_DIR:-$ROOT/.run/suite}"
[ -d "$SUITE_DIR" ] || exit 0
export RARERANK_RUN_DIR="$SUITE_DIR"
# shellcheck source=scripts/lib/processes.sh
source "$ROOT/scripts/lib/processes.sh"
RUN_DIR="$SUITE_DIR"

for name in ingestion annotation phenotype ranking gateway; do
  stop_recorded "$name" node 2>&1 | sed 's/^\[servers-down\]/[suite-down]/' >&2
done
bash "$ROOT/scripts/servers-down.sh"
