# Shared by scripts/engines/*: where each extra engine keeps its state, and how it reports itself.
# Sourced after scripts/lib.sh. Every extra engine runs beside the default Docker and never
# touches it: own data, exec root, pidfile, bridge, containerd namespaces, no iptables changes
# to the default engine's chains.

FIXTURES=(berth-fixtures/busybox:1 berth-fixtures/redis:7 berth-fixtures/postgres:15 berth-fixtures/nginx:1)

# Waits until `docker info` answers with the given environment; $1 = seconds, $2 = pid to watch.
wait_for_engine() { # seconds pid log
  local i
  for i in $(seq 1 "$1"); do
    timeout 10 docker info >/dev/null 2>&1 && return 0
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then break; fi
    sleep 1
  done
  printf '[berth] ERROR: the engine at %s did not answer within %s s. Last lines of %s:\n' "$DOCKER_HOST" "$1" "$3" >&2
  tail -n 30 "$3" >&2
  exit 1
}

# A pid from a pidfile that still runs, else nothing.
live_pid() { local p; p=$(cat "$1" 2>/dev/null || true); [ -n "$p" ] && kill -0 "$p" 2>/dev/null && echo "$p"; }

# Stops what a pidfile names (only that process), waiting up to 20 s.
stop_pid() { # pidfile what
  local p; p=$(live_pid "$1" || true)
  if [ -z "$p" ]; then say "$2: not running"; return 0; fi
  kill "$p"; local i
  for i in $(seq 1 40); do kill -0 "$p" 2>/dev/null || { say "$2: stopped (pid $p)"; rm -f "$1"; return 0; }; sleep 0.5; done
  die "$2 (pid $p) did not stop within 20 s"
}

# Pulls the fixtures from the loopback registry into the engine that DOCKER_HOST names.
pull_fixtures() {
  local f
  for f in "${FIXTURES[@]}"; do
    if ! docker image inspect "localhost:5000/$f" >/dev/null 2>&1; then
      run_logged docker pull "localhost:5000/$f"
    fi
    docker image inspect "$f" >/dev/null 2>&1 || docker tag "localhost:5000/$f" "$f"
  done
  say "fixtures present in $DOCKER_HOST"
}

# Prints the environment a client needs, as shell lines for eval.
print_env() {
  printf 'export DOCKER_HOST=%s\n' "$DOCKER_HOST"
  if [ -n "${DOCKER_TLS_VERIFY:-}" ]; then
    printf 'export DOCKER_TLS_VERIFY=%s\nexport DOCKER_CERT_PATH=%s\n' "$DOCKER_TLS_VERIFY" "$DOCKER_CERT_PATH"
  else
    printf 'unset DOCKER_TLS_VERIFY DOCKER_CERT_PATH\n'
  fi
}
