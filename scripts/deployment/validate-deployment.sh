#!/usr/bin/env bash
# The seed's pre-deploy check (tools present, configuration valid, git state, optional Docker build), as a
# thin wrapper over `nuzantara validate`: every check and message comes from the command.
set -euo pipefail

case ${BASH_SOURCE[0]} in
  */*) script_dir=${BASH_SOURCE[0]%/*} ;;
  *) script_dir=. ;;
esac
repo_root=$(cd -- "$script_dir/../.." && pwd)
program=${0##*/}

# Builtins only (no cat): the help and the missing-tool message work on any PATH.
usage() {
  local text
  IFS= read -r -d '' text <<EOF || true
Usage: $program [--docker-build] [nuzantara validate flags...]

Checks both apps before a deploy: flyctl's fly.toml model in strict mode, readiness, secrets hygiene,
Dockerfile policy, required tools and a clean git tree, everything enforced (nuzantara validate --config 'apps/*/fly.toml'
--strict --policy error). Any other flag goes to nuzantara validate as it is, e.g. --required-secrets DATABASE_URL or
--no-require-clean-git; run with --validate-help for them all.

Options:
  --docker-build   also build each app's Dockerfile (needs a Docker engine; skipped with a notice otherwise)
  --validate-help  the flags of nuzantara validate
  -h, --help       this help

Exit codes: 0 ready to deploy, 1 a check failed, 2 a usage error.
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
    --validate-help) args+=(--help) ;;
    *) args+=("$1") ;;
  esac
  shift
done

# shellcheck source=lib/nuzantara-cli.sh
source "$script_dir/lib/nuzantara-cli.sh"
require_cli

cd "$repo_root"
exec node "$cli" validate --config 'apps/*/fly.toml' --strict --policy error "${args[@]}"
