# Pidfile helpers for the server scripts (sourced, not run). Expects RUN_DIR to be set.

# A zombie counts as gone: it has exited, and in containers PID 1 may take a while to reap it.
alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null || return 1
  case "$(ps -o stat= -p "$1" 2>/dev/null)" in Z*) return 1 ;; esac
}

# Prints the pid recorded in $RUN_DIR/<name>.pid if that process is alive and is <command>;
# checking the command guards against a stale pidfile whose pid now belongs to something else.
running_pid() {
  local name="$1" command="$2" pid
  pid="$(cat "$RUN_DIR/$name.pid" 2>/dev/null)" || return 1
  alive "$pid" || return 1
  [ "$(ps -p "$pid" -o comm= 2>/dev/null)" = "$command" ] || return 1
  printf '%s\n' "$pid"
}

# Stops the recorded process (TERM, then KILL after 10 s) and removes its pidfile.
stop_recorded() {
  local name="$1" command="$2" pid i
  if pid="$(running_pid "$name" "$command")"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    printf '[servers-down] stopped %s (pid %s)\n' "$name" "$pid" >&2
  fi
  rm -f "$RUN_DIR/$name.pid" "$RUN_DIR/$name.port"
}
