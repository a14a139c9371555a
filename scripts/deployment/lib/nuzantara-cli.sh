# shellcheck shell=bash
# Sourced by the seed's scripts over the nuzantara CLI. require_cli sets $cli to this checkout's CLI bundle,
# or prints one error naming the fix and exits 1. Needs $program and $repo_root.
require_cli() {
  if ! command -v node >/dev/null 2>&1; then
    printf '%s: node is not on PATH; install Node.js 22.12+ or 24 (https://nodejs.org) and run again.\n' "$program" >&2
    exit 1
  fi
  cli="$repo_root/dist/cli/index.js"
  if [[ ! -f $cli ]]; then
    printf '%s: %s is missing; run npm ci in %s (dist/ is committed, so a fresh clone has it).\n' "$program" "$cli" "$repo_root" >&2
    exit 1
  fi
}
