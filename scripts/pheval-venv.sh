#!/usr/bin/env bash
# Creates, once, the Python virtual environment with PhEval that test/pheval runs the RareRank
# runner plugin in (libs/pheval-runner), and prints its path on stdout (logs go to stderr).
# Pinned: libs/pheval-runner/requirements.txt, with every dependency fixed by constraints.txt.
# Cached outside the repo, keyed by those two files and the Python: $RARERANK_CACHE (default ~/.cache/rarerank)
# /pheval-venv-<hash>, so a second run, or another clone, reuses it; a no-op when it is complete.
# Fresh: about 1.5 GB from PyPI, 1–4.5 minutes on the project's machines (65 s idle, 267 s busy).
# `--check`: print the path and exit 0 if it is complete, else exit 1 without creating it.
# Settings: PYTHON (python3; needs ≥ 3.10 and a working `-m venv`), RARERANK_CACHE.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNNER="$ROOT/libs/pheval-runner"
PYTHON="${PYTHON:-python3}"
CACHE="${RARERANK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rarerank}"
log() { printf '[pheval-venv] %s\n' "$*" >&2; }

# a venv belongs to its interpreter: a different Python gets its own
python_id="$(command -v "$PYTHON" 2>/dev/null) $("$PYTHON" --version 2>&1 || true)"
hash="$({ cat "$RUNNER/requirements.txt" "$RUNNER/constraints.txt"; printf '%s\n' "$python_id"; } | sha256sum | cut -c1-16)"
VENV="$CACHE/pheval-venv-$hash"
if [ -f "$VENV/.complete" ]; then
  printf '%s\n' "$VENV"
  exit 0
fi
[ "${1:-}" != "--check" ] || exit 1

mkdir -p "$CACHE"
# one creator at a time; a second caller waits and then finds it complete
exec 9>"$VENV.lock"
flock 9
if [ ! -f "$VENV/.complete" ]; then
  command -v "$PYTHON" >/dev/null || { log "ERROR: $PYTHON not found; PhEval needs Python ≥ 3.10 (set PYTHON)"; exit 1; }
  "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' ||
    { log "ERROR: PhEval needs Python ≥ 3.10; $PYTHON is $("$PYTHON" --version 2>&1)"; exit 1; }
  start=$SECONDS
  log "creating $VENV: PhEval $(sed -n 's/^pheval==//p' "$RUNNER/requirements.txt") and its pinned dependencies from PyPI (about 1.5 GB, 1–5 minutes once)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" ||
    { log "ERROR: '$PYTHON -m venv' failed (Debian: apt-get install python3-venv; scripts/install-system-deps.sh does it)"; exit 1; }
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$RUNNER/requirements.txt" -c "$RUNNER/constraints.txt"
  touch "$VENV/.complete"
  log "PhEval environment ready in $((SECONDS - start))s: $VENV"
fi
printf '%s\n' "$VENV"
