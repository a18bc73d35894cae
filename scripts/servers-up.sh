#!/usr/bin/env bash
# Starts Redis and FerretDB v1 (SQLite backend) on 127.0.0.1 for tests and local runs, waits until
# both answer, and prints `export REDIS_URL=… MONGO_URL=…` on stdout (logs go to stderr), so
#   eval "$(bash scripts/servers-up.sh)"
# works. Idempotent: servers already running from the same run dir are reused.
# Settings: RARERANK_REDIS_PORT (6390), RARERANK_FERRETDB_PORT (27030), RARERANK_RUN_DIR (.run),
# FERRETDB_BIN (else found by scripts/lib/tools.sh), RARERANK_SERVERS_TIMEOUT seconds (30).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/tools.sh
source "$ROOT/scripts/lib/tools.sh"
# shellcheck source=scripts/lib/processes.sh
source "$ROOT/scripts/lib/processes.sh"

TIMEOUT="${RARERANK_SERVERS_TIMEOUT:-30}"
log() { printf '[servers-up] %s\n' "$*" >&2; }
mkdir -p "$RUN_DIR"

redis_answers() { [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = "PONG" ]; }

# A TCP accept is not enough: FerretDB listens before its backend is usable, so ask it `ping`
# through the MongoDB driver when node_modules is installed.
ferretdb_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || return 1
  [ -d "$ROOT/node_modules/mongodb" ] || return 0
  (cd "$ROOT" && node -e '
    const { MongoClient } = require("mongodb");
    const c = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 1000 });
    c.db("admin").command({ ping: 1 }).then(() => c.close()).then(() => process.exit(0), () => process.exit(1));
  ' "mongodb://127.0.0.1:$1/") >/dev/null 2>&1
}

wait_for() {
  local what="$1" check="$2" port="$3" pid="$4" deadline=$((SECONDS + TIMEOUT))
  until "$check" "$port"; do
    if ! alive "$pid"; then
      log "ERROR: $what exited during startup; last log lines:"
      tail -n 20 "$RUN_DIR/$what.log" >&2 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "ERROR: $what did not answer on 127.0.0.1:$port within ${TIMEOUT}s; see $RUN_DIR/$what.log"
      exit 1
    fi
    sleep 0.2
  done
}

start_redis() {
  local pid
  if pid="$(running_pid redis redis-server)" && redis_answers "$(cat "$RUN_DIR/redis.port")"; then
    log "reusing redis-server (pid $pid) on port $(cat "$RUN_DIR/redis.port")"
    return
  fi
  # No persistence: test queues are throwaway, and a dump file would outlive the run.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log" --dir "$RUN_DIR" >&2
  printf '%s\n' "$REDIS_PORT" >"$RUN_DIR/redis.port"
  local deadline=$((SECONDS + 5))
  until [ -s "$RUN_DIR/redis.pid" ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then log "ERROR: redis-server wrote no pidfile; see $RUN_DIR/redis.log"; exit 1; fi
    sleep 0.1
  done
  wait_for redis redis_answers "$REDIS_PORT" "$(cat "$RUN_DIR/redis.pid")"
  log "redis-server started (pid $(cat "$RUN_DIR/redis.pid")) on 127.0.0.1:$REDIS_PORT"
}

start_ferretdb() {
  local pid bin data
  if pid="$(running_pid ferretdb ferretdb)" && ferretdb_answers "$(cat "$RUN_DIR/ferretdb.port")"; then
    log "reusing ferretdb (pid $pid) on port $(cat "$RUN_DIR/ferretdb.port")"
    return
  fi
  bin="$(find_ferretdb)" || { log "ERROR: FerretDB $FERRETDB_VERSION not found; run: bash scripts/install-system-deps.sh"; exit 1; }
  # Data of an instance that died without servers-down.sh is useless now.
  if data="$(cat "$RUN_DIR/ferretdb.datadir" 2>/dev/null)"; then
    case "$data" in */rarerank-ferretdb.*) rm -rf -- "$data" ;; esac
  fi
  # SQLite files and FerretDB state live in a temp dir that servers-down.sh removes.
  data="$(mktemp -d "${TMPDIR:-/tmp}/rarerank-ferretdb.XXXXXX")"
  printf '%s\n' "$data" >"$RUN_DIR/ferretdb.datadir"
  printf '%s\n' "$FERRETDB_PORT" >"$RUN_DIR/ferretdb.port"
  # --debug-addr=- : the default debug listener (:8088) would clash between concurrent instances.
  setsid "$bin" --handler=sqlite --sqlite-url="file:$data/" --state-dir="$data" \
    --listen-addr="127.0.0.1:$FERRETDB_PORT" --debug-addr=- --telemetry=disable --log-level=warn \
    </dev/null >"$RUN_DIR/ferretdb.log" 2>&1 &
  printf '%s\n' "$!" >"$RUN_DIR/ferretdb.pid"
  wait_for ferretdb ferretdb_answers "$FERRETDB_PORT" "$!"
  log "ferretdb $FERRETDB_VERSION started (pid $!) on 127.0.0.1:$FERRETDB_PORT, data in $data"
}

start_redis
start_ferretdb
printf 'export REDIS_URL=redis://127.0.0.1:%s MONGO_URL=mongodb://127.0.0.1:%s/rarerank\n' \
  "$(cat "$RUN_DIR/redis.port")" "$(cat "$RUN_DIR/ferretdb.port")"
