#!/usr/bin/env bash
# Runs the whole RareRank service suite locally, each service a separate process from dist/:
# Redis + FerretDB (scripts/servers-up.sh, unless REDIS_URL and MONGO_URL are already set), the
# gateway and the four pipeline workers on 127.0.0.1, with pid files and logs in .run/suite/.
# Waits until every service is ready and prints the gateway URL on stdout (logs go to stderr).
# Stop it with scripts/suite-down.sh. Installs Redis and FerretDB first when missing
# (scripts/install-system-deps.sh apt ferretdb: ~2 min once on a fresh machine, needs Go).
# Settings: SUITE_GATEWAY_PORT (3000), SUITE_HEALTH_PORT_BASE (3100: workers on 3101–3104),
# RARERANK_KB (default kb/current), LOG_LEVEL (info), SUITE_SKIP_BUILD=1 (use dist/ as it is),
# SUITE_TIMEOUT seconds (120), RARERANK_REDIS_PORT (6391) / RARERANK_FERRETDB_PORT (27031),
# RARERANK_SUITE_DIR (.run/suite: pid files and logs; tests give each run its own).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE_DIR="${RARERANK_SUITE_DIR:-$ROOT/.run/suite}"
export RARERANK_RUN_DIR="$SUITE_DIR"
# shellcheck source=scripts/lib/processes.sh
source "$ROOT/scripts/lib/processes.sh"
RUN_DIR="$SUITE_DIR"

GATEWAY_PORT="${SUITE_GATEWAY_PORT:-3000}"
HEALTH_BASE="${SUITE_HEALTH_PORT_BASE:-3100}"
TIMEOUT="${SUITE_TIMEOUT:-120}"
WORKERS=(ingestion annotation phenotype ranking)
log() { printf '[suite-up] %s\n' "$*" >&2; }
mkdir -p "$SUITE_DIR"

if [ "${SUITE_SKIP_BUILD:-}" != "1" ]; then
  log "building (npm run build)"
  (cd "$ROOT" && npm run --silent build) >&2
fi

if [ -z "${REDIS_URL:-}" ] || [ -z "${MONGO_URL:-}" ]; then
  # a fresh machine has no Redis or FerretDB yet: installs them (pinned) the first time, else a 1-s check
  bash "$ROOT/scripts/install-system-deps.sh" apt ferretdb
  # ports of their own, so a developer's `npm run servers:up` pair keeps running beside the suite
  export RARERANK_REDIS_PORT="${RARERANK_REDIS_PORT:-6391}" RARERANK_FERRETDB_PORT="${RARERANK_FERRETDB_PORT:-27031}"
  eval "$(bash "$ROOT/scripts/servers-up.sh")"
fi
export REDIS_URL MONGO_URL
export LOG_LEVEL="${LOG_LEVEL:-info}"

# <name> <probe port>: starts the service unless its recorded process is still running
start() {
  local name="$1" port="$2" pid
  if pid="$(running_pid "$name" node)"; then
    log "reusing $name (pid $pid)"
    return
  fi
  (
    cd "$ROOT"
    if [ "$name" = gateway ]; then export PORT="$port" HOST=127.0.0.1; else export HEALTH_PORT="$port" HEALTH_HOST=127.0.0.1; fi
    setsid node "dist/services/$name/src/main.js" </dev/null >>"$SUITE_DIR/$name.log" 2>&1 &
    printf '%s\n' "$!" >"$SUITE_DIR/$name.pid"
  )
  printf '%s\n' "$port" >"$SUITE_DIR/$name.port"
  log "started $name (pid $(cat "$SUITE_DIR/$name.pid")), log in .run/suite/$name.log"
}

# node rather than curl: node is the one tool every machine that runs the suite has
ready() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$1/health/ready" 2>/dev/null
}

wait_ready() {
  local name="$1" port="$2" deadline=$((SECONDS + TIMEOUT))
  until ready "$port"; do
    if ! alive "$(cat "$SUITE_DIR/$name.pid")"; then
      log "ERROR: $name exited during startup; last log lines:"
      tail -n 20 "$SUITE_DIR/$name.log" >&2 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "ERROR: $name not ready on 127.0.0.1:$port within ${TIMEOUT}s; see .run/suite/$name.log"
      exit 1
    fi
    sleep 0.5
  done
  log "$name ready"
}

start gateway "$GATEWAY_PORT"
for i in "${!WORKERS[@]}"; do start "${WORKERS[$i]}" "$((HEALTH_BASE + i + 1))"; done
wait_ready gateway "$GATEWAY_PORT"
for i in "${!WORKERS[@]}"; do wait_ready "${WORKERS[$i]}" "$((HEALTH_BASE + i + 1))"; done
printf 'http://127.0.0.1:%s\n' "$GATEWAY_PORT"
