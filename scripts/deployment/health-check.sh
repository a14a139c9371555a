#!/usr/bin/env bash
# The seed's production health check (every endpoint, response times, the integration checks, a status
# summary) as a thin wrapper over `nuzantara health-check` with the monitor's targets file, so the
# terminal checks what the hourly monitor checks. Every check and message comes from the command.
set -euo pipefail

case ${BASH_SOURCE[0]} in
  */*) script_dir=${BASH_SOURCE[0]%/*} ;;
  *) script_dir=. ;;
esac
repo_root=$(cd -- "$script_dir/../.." && pwd)
program=${0##*/}
targets=${NUZANTARA_TARGETS_FILE:-monitoring/targets.yml}

# Builtins only (no cat): the help and the missing-tool message work on any PATH.
usage() {
  local text
  IFS= read -r -d '' text <<EOF || true
Usage: $program [nuzantara health-check flags...]

Checks every production endpoint in $targets (the backend's /health, the frontend's /health and
the integration check that asks a question through the frontend), each with its own status, body and
response-time checks on the probe's retry schedule, and prints a table of results and response times:
nuzantara health-check --targets-file $targets. Any other flag goes to nuzantara health-check as it
is, e.g. --retries 3 --interval 5s, --url <another URL> or --json; --health-check-help lists them all.
NUZANTARA_TARGETS_FILE names another targets file (relative to the repository).

Options:
  --health-check-help  the flags of nuzantara health-check
  -h, --help           this help

Exit codes: 0 every endpoint healthy, 1 one is not, 2 a usage error.
EOF
  printf '%s' "$text"
}

args=()
while (($#)); do
  case $1 in
    -h | --help)
      usage
      exit 0
      ;;
    --health-check-help) args+=(--help) ;;
    *) args+=("$1") ;;
  esac
  shift
done

# shellcheck source=lib/nuzantara-cli.sh
source "$script_dir/lib/nuzantara-cli.sh"
require_cli

cd "$repo_root"
exec node "$cli" health-check --targets-file "$targets" "${args[@]}"
