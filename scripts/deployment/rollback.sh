#!/usr/bin/env bash
# Interactive rollback of one Nuzantara app: a thin wrapper over `nuzantara rollback` (the fly-rollback
# action's code) that knows where each app lives in this repository.
set -euo pipefail

# Builtins only until the tools are found, so the missing-tool messages work on any PATH.
case ${BASH_SOURCE[0]} in
  */*) script_dir=${BASH_SOURCE[0]%/*} ;;
  *) script_dir=. ;;
esac
repo_root=$(cd -- "$script_dir/../.." && pwd)
program=${0##*/}

usage() {
  local text
  IFS= read -r -d '' text <<EOF || true
Usage: $program <app> [nuzantara rollback flags]

Rolls a Nuzantara app on Fly.io back to an earlier release: lists the recent releases (version, status,
age, image, the one serving marked), asks which one and asks to confirm, deploys its image, verifies the
rollout and the health check, and warns about secrets and fly.toml changed since then (a rollback does
not undo them). If the old image fails its check, the release serving before is deployed again.

Apps:
  nuzantara-rag    (or rag)    apps/backend-rag, health check /health
  nuzantara-mouth  (or mouth)  apps/mouth, health check /

Flags (any flag of 'nuzantara rollback --help'), e.g.:
  --version N        roll back to release N (flyctl releases numbers them)
  --image REF        deploy this ImageRef instead (a release older than the 25 flyctl lists)
  --yes, -y          no confirmation question (with --version or --image, runs without a terminal)
  --dry-run          show the plan and what changed since the target; deploy nothing
  -h, --help         this help

Needs flyctl on PATH, Node.js 22.12 or later, and a Fly token: FLY_API_TOKEN, or a 'flyctl auth login'
session (its token is passed on in the environment, never on a command line).

Other ways to roll back: the Rollback workflow (.github/workflows/rollback.yml, Actions > Rollback > Run
workflow), or by hand: flyctl releases --app <app> --image, then
flyctl deploy --app <app> --image <ImageRef> --strategy immediate --skip-release-command.
EOF
  printf '%s' "$text"
}

die() {
  printf '%s: %s\n' "$program" "$1" >&2
  exit "${2:-1}"
}

case ${1:-} in
  -h | --help | help)
    usage
    exit 0
    ;;
  '')
    usage >&2
    exit 2
    ;;
  rag | nuzantara-rag)
    app=nuzantara-rag directory=apps/backend-rag health_path=/health
    ;;
  mouth | nuzantara-mouth)
    app=nuzantara-mouth directory=apps/mouth health_path=/
    ;;
  -*) die "the app comes first: $program <app> [flags] (see --help)" 2 ;;
  *) die "unknown app '$1': use nuzantara-rag or nuzantara-mouth (see --help)" 2 ;;
esac
shift

command -v flyctl >/dev/null 2>&1 ||
  die "flyctl is missing: no 'flyctl' on PATH. Install it (curl -L https://fly.io/install.sh | sh, or brew install flyctl) and log in with 'flyctl auth login'."
# shellcheck source=lib/nuzantara-cli.sh
source "$script_dir/lib/nuzantara-cli.sh"
require_cli

# The repository's defaults, unless the flags say otherwise.
defaults=(--working-directory "$repo_root/$directory")
given=" $* "
[[ $given == *" --config"* ]] || defaults+=(--config fly.toml)
[[ $given == *" --health-url"* ]] || defaults+=(--health-url "https://$app.fly.dev$health_path")

if [[ -z ${FLY_API_TOKEN:-} && -z ${FLY_ACCESS_TOKEN+set} ]]; then
  # A logged-in session's token travels on in the environment only. `flyctl auth token` is not in
  # docs/flyctl-contract.md: any failure or empty answer counts as no token.
  if ! token=$(flyctl auth token 2>/dev/null) || [[ -z $token ]]; then
    die "no Fly token: set FLY_API_TOKEN, or log in with 'flyctl auth login'."
  fi
  export FLY_API_TOKEN=$token
fi

exec node "$cli" rollback --app "$app" "${defaults[@]}" "$@"
