# Shared shell functions for Berth's provisioning scripts. Sourced, not run.

say() { printf '[berth] %s\n' "$*" >&2; }
die() { printf '[berth] ERROR: %s\n' "$*" >&2; exit 1; }

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

# Runs a command; on failure prints its output and stops the script.
run_logged() {
  local log; log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    printf '[berth] ERROR: this command failed: %s\n' "$*" >&2
    tail -n 40 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

# Installs Debian packages that are missing (root only); never starts their services.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "packages ${missing[*]} are missing and this script is not root: install them (apt-get install ${missing[*]}) or run as root."
  command -v apt-get >/dev/null || die "packages ${missing[*]} are missing and this is not a Debian/Ubuntu system (no apt-get): install them yourself."
  say "installing ${missing[*]}"
  # Keep package scripts from starting daemons: this script starts what it needs itself.
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; own_policy=1; fi
  local rc=0
  if [ ! -f "$BERTH_CACHE/apt-updated" ] || [ -n "$(find "$BERTH_CACHE/apt-updated" -mmin +360 2>/dev/null)" ]; then
    (DEBIAN_FRONTEND=noninteractive run_logged apt-get update -q) || rc=$?
    [ $rc = 0 ] && touch "$BERTH_CACHE/apt-updated"
  fi
  [ $rc = 0 ] && { (DEBIAN_FRONTEND=noninteractive run_logged apt-get install -y -q --no-install-recommends "${missing[@]}") || rc=$?; }
  [ $own_policy = 1 ] && rm -f "$policy"
  [ $rc = 0 ] || exit $rc
}

# Starts dockerd in the background, its log in $BERTH_CACHE/dockerd.log, and waits until it answers.
start_dockerd() {
  local log="$BERTH_CACHE/dockerd.log" pidfile="$BERTH_CACHE/dockerd.pid"
  # Debian's docker.io may need the legacy iptables on kernels without nf_tables support.
  say "starting dockerd (log: $log)"
  nohup dockerd --pidfile "$BERTH_CACHE/dockerd.runtime.pid" >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  local i
  for i in $(seq 1 60); do
    engine_answers && { say "dockerd answers after ${i} s (pid $(cat "$pidfile"))"; return 0; }
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then break; fi
    sleep 1
  done
  printf '[berth] ERROR: dockerd did not answer within 60 s. Last lines of %s:\n' "$log" >&2
  tail -n 30 "$log" >&2
  exit 1
}

registry_answers() { curl -fsS -m 3 http://127.0.0.1:5000/v2/ >/dev/null 2>&1; }

# Starts Debian's docker-registry on 127.0.0.1:5000 with storage in the cache, unless one answers.
ensure_registry() {
  if registry_answers; then say "registry: using the one at 127.0.0.1:5000"; return 0; fi
  command -v docker-registry >/dev/null || apt_install docker-registry
  local dir="$BERTH_CACHE/registry"
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:5000
YAML
  nohup docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 </dev/null &
  echo $! >"$dir/registry.pid"
  local i
  for i in $(seq 1 50); do
    registry_answers && { say "registry: started on 127.0.0.1:5000 (pid $(cat "$dir/registry.pid"))"; return 0; }
    sleep 0.2
  done
  printf '[berth] ERROR: the registry did not answer on 127.0.0.1:5000 within 10 s. Last lines of %s:\n' "$dir/registry.log" >&2
  tail -n 20 "$dir/registry.log" >&2
  exit 1
}
