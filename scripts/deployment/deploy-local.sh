#!/usr/bin/env bash
# The local stack of apps/compose.yaml with Docker Compose: both apps, PostgreSQL, Redis, Prometheus (9090),
# Grafana (3001) and Jaeger (16686). Without Docker, `node scripts/deployment/local-stack.mjs` runs the two
# apps on loopback instead.
set -euo pipefail

# Builtins only until Docker is found, so the missing-tool messages work on any PATH.
case ${BASH_SOURCE[0]} in
  */*) script_dir=${BASH_SOURCE[0]%/*} ;;
  *) script_dir=. ;;
esac
repo_root=$(cd -- "$script_dir/../.." && pwd)
compose_file="$repo_root/apps/compose.yaml"
program=${0##*/}

usage() {
  local text
  IFS= read -r -d '' text <<EOF || true
Usage: $program <command> [options]

Runs the Nuzantara local stack (apps/compose.yaml) with Docker Compose v2.

Commands:
  up              build the apps, start every service and wait until all are healthy
  down            stop and remove the containers (the volumes stay)
  status          each service's state and health; exits 1 unless all are running and healthy
  logs [service]  follow the logs of every service, or of one
  clean           remove the containers, volumes (database data) and locally built images;
                  asks first unless --yes

Options:
  -y, --yes          clean without asking
  --timeout SECONDS  how long up waits for the services to be healthy (default 240)
  --no-follow        logs: print and exit instead of following
  -h, --help         this help

Once up:
  nuzantara-mouth  http://localhost:3000
  nuzantara-rag    http://localhost:8000/health
  Prometheus       http://localhost:9090
  Grafana          http://localhost:3001  (dashboard "Nuzantara apps")
  Jaeger           http://localhost:16686

Without Docker: node scripts/deployment/local-stack.mjs (the two apps on loopback; the backend uses
DATABASE_URL and REDIS_URL when they are set).
EOF
  printf '%s' "$text"
}

die() {
  printf '%s: %s\n' "$program" "$1" >&2
  exit "${2:-1}"
}

command=
service=
assume_yes=false
follow=true
wait_timeout=240
while (($#)); do
  case $1 in
    -h | --help)
      usage
      exit 0
      ;;
    -y | --yes) assume_yes=true ;;
    --no-follow) follow=false ;;
    --timeout)
      [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--timeout needs a number of seconds, got '${2:-}'" 2
      wait_timeout=$2
      shift
      ;;
    -*) die "unknown option $1 (see --help)" 2 ;;
    *)
      if [[ -z $command ]]; then
        command=$1
      elif [[ $command == logs && -z $service ]]; then
        service=$1
      else
        die "unexpected argument $1 (see --help)" 2
      fi
      ;;
  esac
  shift
done
case $command in
  up | down | status | logs | clean) ;;
  '')
    usage >&2
    exit 2
    ;;
  *) die "unknown command '$command' (see --help)" 2 ;;
esac

# Runs a command, bounded by `timeout` when it is available.
bounded() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null 2>&1; then
    timeout "$seconds" "$@"
  else
    "$@"
  fi
}

find_compose() {
  if ! command -v docker >/dev/null 2>&1; then
    die "Docker is missing: no 'docker' on PATH. Install Docker Engine or Docker Desktop (https://docs.docker.com/get-docker/), or run the two apps without it: node scripts/deployment/local-stack.mjs"
  fi
  if bounded 20 docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1 &&
    [[ $(bounded 20 docker-compose version --short 2>/dev/null || true) =~ ^v?[2-9] ]]; then
    compose=(docker-compose)
  else
    die "Docker Compose v2 is missing: 'docker compose version' fails and no docker-compose v2 is on PATH. Install the Compose plugin (apt-get install docker-compose-plugin, or https://docs.docker.com/compose/install/)."
  fi
  local error
  if ! error=$(bounded 20 docker info --format '{{.ServerVersion}}' 2>&1 >/dev/null); then
    die "the Docker daemon is not reachable (${error%%$'\n'*}). Start Docker (e.g. sudo systemctl start docker) or check DOCKER_HOST."
  fi
}

dc() {
  "${compose[@]}" --file "$compose_file" "$@"
}

services() {
  dc config --services
}

print_status() {
  local expected name state health all_ok=true found=false
  expected=$(services)
  declare -A seen=()
  printf '%-18s %-12s %s\n' SERVICE STATE HEALTH
  while read -r name state health; do
    [[ -n $name ]] || continue
    found=true
    seen[$name]=1
    printf '%-18s %-12s %s\n' "$name" "$state" "${health:-(no health check)}"
    if [[ $state != running || $health != healthy ]]; then all_ok=false; fi
  done < <(dc ps --all --format '{{.Service}} {{.State}} {{.Health}}')
  for name in $expected; do
    if [[ -z ${seen[$name]:-} ]]; then
      printf '%-18s %-12s %s\n' "$name" 'not created' '-'
      all_ok=false
    fi
  done
  if ! $found; then
    echo "The local stack is not running; start it with: $program up"
    return 1
  fi
  $all_ok
}

find_compose
case $command in
  up)
    echo "Building and starting the local stack (waiting up to ${wait_timeout}s for every health check)…"
    if ! dc up --detach --build --wait --wait-timeout "$wait_timeout"; then
      print_status || true
      die "the stack did not become healthy; see: $program logs <service>"
    fi
    print_status
    printf '%s\n' '' \
      'nuzantara-mouth  http://localhost:3000' \
      'nuzantara-rag    http://localhost:8000/health' \
      'Prometheus       http://localhost:9090' \
      'Grafana          http://localhost:3001  (user admin, password GRAFANA_ADMIN_PASSWORD or the compose default)' \
      'Jaeger           http://localhost:16686'
    ;;
  down)
    dc down --remove-orphans
    ;;
  status)
    print_status
    ;;
  logs)
    if [[ -n $service ]]; then
      known=$(services)
      [[ $'\n'$known$'\n' == *$'\n'$service$'\n'* ]] ||
        die "no service '$service' in apps/compose.yaml; services: ${known//$'\n'/, }" 2
    fi
    args=(logs --tail 200)
    if $follow; then args+=(--follow); fi
    if [[ -n $service ]]; then args+=("$service"); fi
    dc "${args[@]}"
    ;;
  clean)
    if ! $assume_yes; then
      if [[ ! -t 0 ]]; then
        die "clean deletes the stack's volumes (PostgreSQL data, Prometheus and Grafana state) and asks first; without a terminal, run: $program clean --yes"
      fi
      read -r -p "Remove the local stack's containers, volumes (PostgreSQL data, Prometheus and Grafana state) and built images? [y/N] " answer
      if [[ $answer != [yY] && $answer != [yY][eE][sS] ]]; then
        echo "Nothing removed."
        exit 0
      fi
    fi
    dc down --volumes --remove-orphans --rmi local
    ;;
esac
