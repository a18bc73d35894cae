# Shared settings for the install and server scripts (sourced, not run). Expects ROOT to be set.

FERRETDB_VERSION="v1.24.2"
FERRETDB_LOCAL_BIN="$ROOT/.cache/bin/ferretdb"

# Loopback ports chosen away from the defaults (6379, 27017) so a developer's own servers keep running.
REDIS_PORT="${RARERANK_REDIS_PORT:-6390}"
FERRETDB_PORT="${RARERANK_FERRETDB_PORT:-27030}"
RUN_DIR="${RARERANK_RUN_DIR:-$ROOT/.run}"

# True when the binary runs and reports the pinned version (a plain `go install` build panics instead).
# (Output captured first: `| grep -q` would close the pipe early, and under pipefail the writer's SIGPIPE
# would randomly count as failure.)
ferretdb_is_pinned() {
  local out
  [ -x "$1" ] && out="$("$1" --version 2>/dev/null)" && grep -qx "version: $FERRETDB_VERSION" <<<"$out"
}

# Prints the first FerretDB binary at the pinned version: $FERRETDB_BIN, the project build, PATH, Go's bin.
find_ferretdb() {
  local candidate gobin=""
  if command -v go >/dev/null; then gobin="$(go env GOPATH 2>/dev/null)/bin/ferretdb"; fi
  for candidate in "${FERRETDB_BIN:-}" "$FERRETDB_LOCAL_BIN" "$(command -v ferretdb 2>/dev/null || true)" "$gobin"; do
    if [ -n "$candidate" ] && ferretdb_is_pinned "$candidate"; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}
