#!/usr/bin/env bash
# Installs the pinned system tools RareRank needs: redis-server (queues), bcftools + tabix
# (benchmarks), chromium (the web app's browser test), FerretDB v1 (MongoDB wire protocol on SQLite, for tests and local runs), helm
# (renders and lints the chart in charts/rarerank, for test/chart) and the Python environment with
# PhEval (test/pheval; scripts/pheval-venv.sh).
# Idempotent: when everything is present at the pinned version it only checks and exits (0.3 s).
# `npm test` and scripts/suite-up.sh run it first, so a fresh machine needs nothing else.
# Fresh, on the project's machines (2 cores): apt packages (apt-get update included) plus the Go
# builds of FerretDB and helm 1 min 57 s, the PhEval venv 1–4.5 min from PyPI (machine load).
# Needs: Debian/apt and root or sudo (for the apt packages), Go (for FerretDB and helm; found on
# PATH or at /usr/local/go), Python ≥ 3.10 (for PhEval).
# Usage: install-system-deps.sh [apt] [ferretdb] [helm] [pheval]   (default: all of them)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/tools.sh
source "$ROOT/scripts/lib/tools.sh"

# Debian bookworm versions, pinned so CI and laptops run the same servers.
declare -A APT_PINS=(
  [redis-server]="5:7.0.15-1~deb12u10"
  [bcftools]="1.16-1"
  [tabix]="1.16+ds-3"
  # the browser of the web app's end-to-end test (test/web-app), driven by puppeteer-core
  [chromium]="156.0.8078.129-1~deb12u1"
)
# Only when there is no Python with a working venv (Debian's own python3 lacks ensurepip without it).
declare -A PYTHON_APT_PINS=(
  [python3]="3.11.2-1+b1"
  [python3-venv]="3.11.2-1+b1"
)

log() { printf '[install-system-deps] %s\n' "$*" >&2; }

# Empty when not installed; dpkg-query's non-zero exit for an unknown package must not end the script (pipefail).
installed_version() { { dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null || true; } | awk '$3 == "installed" { print $4 }'; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Go builds FerretDB and helm. The official Go tarball installs to /usr/local/go, which non-login
# shells may not have on PATH.
require_go() {
  if ! command -v go >/dev/null && [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; fi
  command -v go >/dev/null || { log "ERROR: Go toolchain (go) not found; needed to build $1"; exit 1; }
}

# Installs the packages of the pin table named $1 (default APT_PINS) that are not at their pins.
install_apt_packages() {
  local -n pins="${1:-APT_PINS}"
  local want=() pkg pin have
  for pkg in "${!pins[@]}"; do
    pin="${pins[$pkg]}"
    have="$(installed_version "$pkg")"
    if [ "$have" = "$pin" ]; then continue; fi
    if [ -n "$have" ]; then log "$pkg $have installed, pinned $pin: will change it"; fi
    want+=("$pkg")
  done
  if [ "${#want[@]}" -eq 0 ]; then
    log "apt packages present at pinned versions: ${!pins[*]}"
    return
  fi

  # apt-get update only when something is actually missing: keeps the no-op path offline and fast.
  as_root apt-get update -qq
  local args=()
  for pkg in "${want[@]}"; do
    pin="${pins[$pkg]}"
    if apt-cache madison "$pkg" | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' | grep -xF "$pin" >/dev/null; then
      args+=("$pkg=$pin")
    else
      # Debian security updates replace old point releases; an unpinned install beats no install.
      log "WARNING: $pkg=$pin is no longer in the archive; installing the current candidate instead"
      args+=("$pkg")
    fi
  done
  log "installing from Debian: ${args[*]} (about 30 s)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${args[@]}"
}

# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at start:
# the module zip lacks the generated build/version/version.txt (FerretDB issue #4001). So we build the
# same module version from a writable copy with version.txt filled in, into the project-local .cache/bin.
install_ferretdb() {
  local found
  if found="$(find_ferretdb)"; then
    log "FerretDB $FERRETDB_VERSION present: $found"
    return
  fi
  require_go "FerretDB $FERRETDB_VERSION"

  local mod_dir
  log "building FerretDB $FERRETDB_VERSION from the Go module proxy (about 1 min once)"
  # Outside any Go module, `go mod download mod@version` just fills the module cache.
  mod_dir="$(cd / && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')"
  [ -d "$mod_dir" ] || { log "ERROR: go mod download gave no module directory"; exit 1; }
  FDB_SRC="$(mktemp -d)"
  trap 'rm -rf "$FDB_SRC"' EXIT
  cp -R "$mod_dir/." "$FDB_SRC/"
  chmod -R u+w "$FDB_SRC"
  printf '%s\n' "$FERRETDB_VERSION" >"$FDB_SRC/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_LOCAL_BIN")"
  (cd "$FDB_SRC" && GOFLAGS=-buildvcs=false go build -o "$FERRETDB_LOCAL_BIN" ./cmd/ferretdb)
  ferretdb_is_pinned "$FERRETDB_LOCAL_BIN" || { log "ERROR: built $FERRETDB_LOCAL_BIN but it does not report $FERRETDB_VERSION"; exit 1; }
  log "FerretDB $FERRETDB_VERSION installed: $FERRETDB_LOCAL_BIN"
}

# Helm 3 (latest 3.x when pinned): the machines reach the Go module proxy but not get.helm.sh, so we
# build the release module with the local Go (about 1.5 min once) into the project-local .cache/bin,
# where test/chart looks first. The -X flags stamp what helm's Makefile stamps into release
# binaries: the version, and the Kubernetes version of its client-go (v0.37 in v3.22.0's go.mod),
# which `helm template`/`helm lint` assume without --kube-version (unstamped builds assume 1.20).
HELM_VERSION="v3.22.0"
HELM_K8S_MAJOR=1
HELM_K8S_MINOR=37
HELM_LOCAL_BIN="$ROOT/.cache/bin/helm"

helm_is_pinned() {
  local out
  [ -x "$1" ] && out="$("$1" version --template '{{.Version}}' 2>/dev/null)" && [ "$out" = "$HELM_VERSION" ]
}

install_helm() {
  if helm_is_pinned "$HELM_LOCAL_BIN"; then
    log "helm $HELM_VERSION present: $HELM_LOCAL_BIN"
    return
  fi
  require_go "helm $HELM_VERSION"
  log "building helm $HELM_VERSION from the Go module proxy (about 1.5 min once)"
  mkdir -p "$(dirname "$HELM_LOCAL_BIN")"
  local pkg ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
  for pkg in pkg/chartutil pkg/lint/rules; do
    ldflags+=" -X helm.sh/helm/v3/$pkg.k8sVersionMajor=$HELM_K8S_MAJOR -X helm.sh/helm/v3/$pkg.k8sVersionMinor=$HELM_K8S_MINOR"
  done
  # From / so no enclosing go.mod interferes; GOBIN names the output after the command: .cache/bin/helm.
  (cd / && CGO_ENABLED=0 GOBIN="$(dirname "$HELM_LOCAL_BIN")" GOFLAGS=-buildvcs=false \
    go install -trimpath -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION")
  helm_is_pinned "$HELM_LOCAL_BIN" || { log "ERROR: built $HELM_LOCAL_BIN but it does not report $HELM_VERSION"; exit 1; }
  log "helm $HELM_VERSION installed: $HELM_LOCAL_BIN"
}

# `python3 -m venv` fails on Debian's own Python without python3-venv (no ensurepip); other Pythons
# (pyenv, the official builds) have it. Only checked when the PhEval venv still has to be made.
install_python_venv() {
  local py="${PYTHON:-python3}" probe
  if command -v "$py" >/dev/null; then
    probe="$(mktemp -d)"
    if "$py" -m venv "$probe/v" >/dev/null 2>&1; then
      rm -rf "$probe"
      return
    fi
    rm -rf "$probe"
  fi
  log "no Python with a working '$py -m venv': installing Debian's python3 and python3-venv"
  install_apt_packages PYTHON_APT_PINS
}

install_pheval() {
  local venv
  if venv="$(bash "$ROOT/scripts/pheval-venv.sh" --check 2>/dev/null)"; then
    log "PhEval venv present: $venv"
    return
  fi
  install_python_venv
  bash "$ROOT/scripts/pheval-venv.sh" >/dev/null
}

timed() {
  local start=$SECONDS
  "$@"
  [ $((SECONDS - start)) -lt 2 ] || log "$1: $((SECONDS - start))s"
}

components=("$@")
[ "${#components[@]}" -gt 0 ] || components=(apt ferretdb helm pheval)
started=$SECONDS
for c in "${components[@]}"; do
  case "$c" in
    apt) timed install_apt_packages ;;
    ferretdb) timed install_ferretdb ;;
    helm) timed install_helm ;;
    pheval) timed install_pheval ;;
    *) log "ERROR: unknown component '$c' (apt, ferretdb, helm, pheval)"; exit 2 ;;
  esac
done
log "checked ${components[*]} in $((SECONDS - started))s"
