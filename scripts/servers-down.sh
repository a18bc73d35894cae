#!/usr/bin/env bash
# Stops the Redis and FerretDB started by servers-up.sh (same RARERANK_RUN_DIR, default .run)
# and removes FerretDB's temporary data. Safe to run when nothing is running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/tools.sh
source "$ROOT/scripts/lib/tools.sh"
# shellcheck source=scripts/lib/processes.sh
source "$ROOT/scripts/lib/processes.sh"

[ -d "$RUN_DIR" ] || exit 0
stop_recorded redis redis-server
stop_recorded ferretdb ferretdb
if data="$(cat "$RUN_DIR/ferretdb.datadir" 2>/dev/null)"; then
  # Only ever delete what servers-up.sh created.
  case "$data" in */rarerank-ferretdb.*) rm -rf -- "$data" ;; esac
  rm -f "$RUN_DIR/ferretdb.datadir"
fi
rm -f "$RUN_DIR/redis.log" "$RUN_DIR/ferretdb.log"
