#!/usr/bin/env bash
# Runs a command with REDIS_URL and MONGO_URL pointing at real servers, e.g.
#   bash scripts/with-test-servers.sh jest --runInBand
# If both variables are already set, the command simply runs against those servers. Otherwise a
# private Redis + FerretDB pair is started on free loopback ports (own run dir under .run/), so
# concurrent runs on one machine never share, or stop, each other's servers; it is stopped on exit.
# The command's exit code is propagated.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ "$#" -gt 0 ] || { echo "usage: $0 <command> [args…]" >&2; exit 2; }

if [ -n "${REDIS_URL:-}" ] && [ -n "${MONGO_URL:-}" ]; then
  exec "$@"
fi

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Servers of earlier runs that were killed before their cleanup (e.g. SIGKILL) would run forever.
for stale in "$ROOT"/.run/test-*/; do
  [ -d "$stale" ] || continue
  owner="$(basename "$stale")"
  kill -0 "${owner#test-}" 2>/dev/null && continue
  RARERANK_RUN_DIR="${stale%/}" bash "$ROOT/scripts/servers-down.sh" || true
  rm -rf -- "$stale"
done

export RARERANK_RUN_DIR="$ROOT/.run/test-$$"
export RARERANK_REDIS_PORT RARERANK_FERRETDB_PORT
RARERANK_REDIS_PORT="$(free_port)"
RARERANK_FERRETDB_PORT="$(free_port)"

cleanup() {
  bash "$ROOT/scripts/servers-down.sh" || true
  rm -rf -- "$RARERANK_RUN_DIR"
}
trap cleanup EXIT
# A Ctrl-C or kill still runs cleanup (via EXIT) and reports the conventional status.
trap 'exit 130' INT
trap 'exit 143' TERM

exports="$(bash "$ROOT/scripts/servers-up.sh")" || { echo "[with-test-servers] could not start the test servers" >&2; exit 1; }
eval "$exports"
export REDIS_URL MONGO_URL
printf '[with-test-servers] REDIS_URL=%s MONGO_URL=%s\n' "$REDIS_URL" "$MONGO_URL" >&2

# npm scripts put node_modules/.bin on PATH; do the same so `with-test-servers.sh jest` works directly.
export PATH="$ROOT/node_modules/.bin:$PATH"
status=0
"$@" || status=$?
exit "$status"
