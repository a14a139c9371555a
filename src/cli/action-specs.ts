// Generated from actions/*/action.yml by scripts/build.mjs (npm run build); do not edit.
import type { ActionSpec } from './spec-types.js';

export const VERSION = "1.0.0";

export const ACTION_SPECS: Readonly<Record<string, ActionSpec>> = {
  "coverage-gate": {
    "name": "Coverage gate",
    "description": "Fails the job when coverage is too low: overall, per file, on the lines a pull request changes, or against a saved baseline. LCOV, Cobertura, Istanbul and coverage.py reports; one sticky PR comment.",
    "inputs": {
      "files": {
        "description": "Coverage reports: paths or globs, one per line, relative to working-directory (e.g. coverage/lcov.info, backend/coverage.xml). Several reports merge into one model. Prefix a pattern with ! to exclude.",
        "required": true,
        "default": ""
      },
      "format": {
        "description": "Report format: auto (detected from each file's content), lcov, cobertura, istanbul-final (coverage-final.json), istanbul-summary (coverage-summary.json) or coveragepy-json (coverage json).",
        "required": false,
        "default": "auto"
      },
      "working-directory": {
        "description": "The workspace root: report paths, path normalisation and git diff are relative to it.",
        "required": false,
        "default": "."
      },
      "path-strip": {
        "description": "Prefixes to remove from file paths in the reports, one per line, for reports produced elsewhere (e.g. /app when tests ran in a container, C:\\build on Windows). Absolute paths under working-directory are made relative without this.",
        "required": false,
        "default": ""
      },
      "path-prefix": {
        "description": "Prepended to report paths that are relative (after path-strip), e.g. apps/mouth when jest ran in that directory and wrote src/... paths.",
        "required": false,
        "default": ""
      },
      "exclude": {
        "description": "Globs of files left out of everything (totals, per-file and patch gates), one per line, e.g. **/*.test.ts or migrations/**.",
        "required": false,
        "default": ""
      },
      "min-lines": {
        "description": "Minimum overall line coverage, 0-100. Empty: no gate.",
        "required": false,
        "default": ""
      },
      "min-branches": {
        "description": "Minimum overall branch coverage, 0-100. Empty: no gate. Fails when no report has branch data.",
        "required": false,
        "default": ""
      },
      "min-functions": {
        "description": "Minimum overall function coverage, 0-100. Empty: no gate.",
        "required": false,
        "default": ""
      },
      "min-statements": {
        "description": "Minimum overall statement coverage, 0-100 (statements are lines for formats without statements). Empty: no gate.",
        "required": false,
        "default": ""
      },
      "min-file": {
        "description": "Minimum line coverage of every file that has executable lines, 0-100. Empty: no gate.",
        "required": false,
        "default": ""
      },
      "min-patch": {
        "description": "Minimum coverage of the executable lines the pull request adds or changes (git diff --unified=0 base...HEAD), 0-100. Needs history: actions/checkout with fetch-depth: 0. Empty: no gate.",
        "required": false,
        "default": ""
      },
      "max-drop": {
        "description": "Largest allowed drop of overall line coverage against the baseline, in percentage points, 0-100. Empty: no gate; skipped with a warning when the baseline file does not exist yet.",
        "required": false,
        "default": ""
      },
      "fail-on": {
        "description": "Gates whose failure fails the step: all, none, or a list of lines, branches, functions, statements, file, patch, drop. The others are reported only.",
        "required": false,
        "default": "all"
      },
      "base-ref": {
        "description": "Git revision to diff against for patch coverage. Default: the pull request's base commit from the event; on other events patch coverage is skipped.",
        "required": false,
        "default": ""
      },
      "baseline": {
        "description": "Path of a summary JSON saved by this action on the default branch (its summary-json output, downloaded as an artifact), for max-drop and per-file deltas.",
        "required": false,
        "default": ""
      },
      "summary-path": {
        "description": "Where to write this run's summary JSON. Default: coverage-gate/<slug>.json in RUNNER_TEMP, where <slug> is the title in lower case with each run of other characters as - (Backend coverage: backend-coverage.json).",
        "required": false,
        "default": ""
      },
      "title": {
        "description": "Report title. Each title has its own sticky comment, so several reports (e.g. backend and frontend) can each keep one.",
        "required": false,
        "default": "Coverage"
      },
      "comment": {
        "description": "On pull requests, create or update one comment with the report (needs pull-requests: write; on fork pull requests the token is read-only and the report goes to the job summary only).",
        "required": false,
        "default": "true"
      },
      "github-token": {
        "description": "Token for the pull request comment.",
        "required": false,
        "default": "${{ github.token }}"
      },
      "max-annotations": {
        "description": "At most this many warning annotations on uncovered changed line ranges (0-50).",
        "required": false,
        "default": "10"
      },
      "worst-files": {
        "description": "How many lowest-covered files the comment lists (the job summary lists at least 25).",
        "required": false,
        "default": "10"
      }
    },
    "outputs": {
      "lines": "Overall line coverage in percent (two decimals), empty when the reports have no line data.",
      "branches": "Overall branch coverage in percent, empty when the reports have no branch data.",
      "functions": "Overall function coverage in percent, empty when there is no function data.",
      "statements": "Overall statement coverage in percent, empty when there is no statement data.",
      "patch": "Coverage of the changed executable lines in percent; empty when not measured (not a pull request) or no changed line is executable.",
      "passed": "true when every enforced gate passed.",
      "summary-json": "Path of the summary JSON (totals, patch, per-file counters). Upload it as an artifact on the default branch and give it as baseline on pull requests."
    }
  },
  "fly-deploy-with-health": {
    "name": "Fly deploy with health",
    "description": "Deploy a Fly.io app, verify the rollout and probe it from outside, and roll back to the recorded previous release automatically when anything fails.",
    "inputs": {
      "app": {
        "description": "Fly app name (flyctl --app).",
        "required": true,
        "default": ""
      },
      "config": {
        "description": "Path of the fly.toml to deploy with, relative to working-directory. Empty: flyctl's default (./fly.toml).",
        "required": false,
        "default": ""
      },
      "image": {
        "description": "A prebuilt image to deploy (flyctl deploy --image). Empty: flyctl builds from the config.",
        "required": false,
        "default": ""
      },
      "strategy": {
        "description": "Deploy strategy: rolling, immediate, canary or bluegreen (--strategy, which overrides fly.toml). Empty: fly.toml's [deploy] strategy, else flyctl's default (rolling).",
        "required": false,
        "default": ""
      },
      "wait-timeout": {
        "description": "flyctl --wait-timeout per machine: a duration (5m, 180s), a number of seconds, or none; it overrides fly.toml. Empty: fly.toml's [deploy] wait_timeout, else flyctl's default (5m).",
        "required": false,
        "default": ""
      },
      "deploy-timeout": {
        "description": "The longest one `flyctl deploy` (and the rollback deploy) may run; past it flyctl is stopped and the run counts as a failed deploy, so a hung deploy cannot hold the job. A duration such as 30m.",
        "required": false,
        "default": "30m"
      },
      "remote-only": {
        "description": "Build on a Fly remote builder (--remote-only) instead of the runner's Docker. Ignored with image.",
        "required": false,
        "default": "true"
      },
      "build-args": {
        "description": "Docker build arguments, NAME=VALUE one per line (--build-arg). Not for secrets: they are visible in argv and image history.",
        "required": false,
        "default": ""
      },
      "secrets": {
        "description": "Secrets to stage before the deploy, NAME=VALUE one per line (NAME<<EOF … EOF for multi-line values). Masked at once, sent to flyctl on stdin only, applied by the deploy.",
        "required": false,
        "default": ""
      },
      "health-url": {
        "description": "URL to probe after the deploy. Empty: https://<Hostname>/health from flyctl status.",
        "required": false,
        "default": ""
      },
      "health-retries": {
        "description": "Probe tries (fixed schedule); with the adaptive schedule it sets the budget, (retries - 1) x interval.",
        "required": false,
        "default": "10"
      },
      "health-interval": {
        "description": "Time between probe tries (fixed schedule) and the longest gap (adaptive).",
        "required": false,
        "default": "10s"
      },
      "health-timeout": {
        "description": "Time limit for one probe request, body included.",
        "required": false,
        "default": "10s"
      },
      "health-schedule": {
        "description": "fixed: health-retries tries health-interval apart. adaptive: same total budget, but tries after 1s, 2s, 4s … up to health-interval, so a quick recovery is seen sooner.",
        "required": false,
        "default": "adaptive"
      },
      "health-method": {
        "description": "HTTP method of the probe: GET, HEAD or POST.",
        "required": false,
        "default": "GET"
      },
      "health-headers": {
        "description": "Request headers, \"Name: value\" one per line. Values are masked and never reported.",
        "required": false,
        "default": ""
      },
      "health-expect-status": {
        "description": "Accepted status codes: codes, ranges or classes, comma-separated (200, 200-299, 2xx).",
        "required": false,
        "default": "200-299"
      },
      "health-expect-body": {
        "description": "Body check: a substring the body must contain, or a JSON path comparison such as $.status == \"ok\".",
        "required": false,
        "default": ""
      },
      "health-max-latency": {
        "description": "Slowest acceptable answer (e.g. 800ms); slower tries fail. Empty: no limit.",
        "required": false,
        "default": ""
      },
      "health-follow-redirects": {
        "description": "Follow up to 5 redirects; when false a 3xx is judged against health-expect-status.",
        "required": false,
        "default": "true"
      },
      "rollout-timeout": {
        "description": "After flyctl deploy returns, how long every app machine may take to show the new release started with checks passing.",
        "required": false,
        "default": "60s"
      },
      "rollback": {
        "description": "On failure, redeploy the release that was serving before (its ImageRef, --skip-release-command) and verify it.",
        "required": false,
        "default": "true"
      },
      "rollback-strategy": {
        "description": "Strategy of the rollback deploy.",
        "required": false,
        "default": "immediate"
      },
      "github-token": {
        "description": "Token used to record the GitHub Deployment (needs deployments: write).",
        "required": false,
        "default": "${{ github.token }}"
      },
      "environment": {
        "description": "GitHub environment name to record a Deployment and its statuses for, with the app URL. Empty: none recorded.",
        "required": false,
        "default": ""
      },
      "notify-webhook": {
        "description": "Slack-compatible incoming webhook URL (masked) to post the outcome to.",
        "required": false,
        "default": ""
      },
      "notify-on": {
        "description": "When to post to notify-webhook: failure or always.",
        "required": false,
        "default": "failure"
      },
      "flyctl-version": {
        "description": "latest uses a flyctl already on PATH (or installs the newest release); x.y.z always uses that release. Installs are verified against the release checksums.",
        "required": false,
        "default": "latest"
      },
      "working-directory": {
        "description": "Directory flyctl runs in (config and build context are relative to it).",
        "required": false,
        "default": "."
      }
    },
    "outputs": {
      "release-version": "Version of the release this run deployed (empty when flyctl deploy failed, or when flyctl < 0.4.56 did not say and status/releases could not tell).",
      "image-ref": "Image of the deployed release.",
      "previous-version": "Version of the release that was serving before (empty on a first deploy).",
      "previous-image-ref": "Image of the previous release: the rollback target.",
      "url": "The app URL (https://<Hostname>), also the GitHub environment URL.",
      "healthy": "true when the new release rolled out and passed the health probe.",
      "rolled-back": "true when the new release failed and the previous release was redeployed and verified healthy.",
      "outcome": "healthy; rolled-back; previous-kept (flyctl failed without replacing the serving release, which is still healthy, so no rollback deploy was needed); rollback-failed; or failed (first deploy or rollback off).",
      "deploy-seconds": "Duration of flyctl deploy for the new release, in seconds.",
      "health-attempts": "Number of probe attempts against the new release.",
      "health-latency-ms": "Latency of the passing probe attempt, in ms (empty when none passed)."
    }
  },
  "fly-validate": {
    "name": "Fly validate",
    "description": "Pre-deploy gate for Fly.io apps: fly.toml model and readiness, secrets hygiene, required secrets, tools, git state and Dockerfile policy.",
    "inputs": {
      "config": {
        "description": "fly.toml paths or globs, one per line, relative to working-directory. Prefix a pattern with ! to exclude.",
        "required": false,
        "default": "fly.toml"
      },
      "strict": {
        "description": "Treat keys flyctl does not know as errors (as `flyctl config validate --strict` does) instead of warnings.",
        "required": false,
        "default": "false"
      },
      "required-secrets": {
        "description": "Environment variable names (one per line) that must be set and non-empty in this step, e.g. secrets the deploy will stage. Values are masked and never printed.",
        "required": false,
        "default": ""
      },
      "fly-secrets": {
        "description": "Secret names (one per line) that each config's Fly app must already have, checked with `flyctl secrets list` (names only; values are never read). Needs a Fly token; installs flyctl if needed.",
        "required": false,
        "default": ""
      },
      "require-clean-git": {
        "description": "Fail when the git working tree has uncommitted or untracked files (they are listed).",
        "required": false,
        "default": "true"
      },
      "dockerfile-checks": {
        "description": "Check the Dockerfile each config builds from: multi-stage, non-root final user, pinned and minimal base images.",
        "required": false,
        "default": "true"
      },
      "flyctl-validate": {
        "description": "Also run `flyctl config validate` (with --strict when strict is true). auto: when flyctl is on PATH and a Fly token is set; true: always (installs flyctl if needed, needs a token); false: never.",
        "required": false,
        "default": "auto"
      },
      "docker-build": {
        "description": "Build each checked Dockerfile as a test when a Docker engine is reachable; the summary says when it is skipped.",
        "required": false,
        "default": "false"
      },
      "require-fly-token": {
        "description": "Fail when no Fly token is set (FLY_API_TOKEN or FLY_ACCESS_TOKEN in the step env), or when an empty FLY_ACCESS_TOKEN hides FLY_API_TOKEN.",
        "required": false,
        "default": "false"
      },
      "flyctl-version": {
        "description": "flyctl for flyctl-validate and fly-secrets: latest uses a flyctl already on PATH (or installs the latest release); x.y.z always uses that release. Installs are verified against the release checksums.",
        "required": false,
        "default": "latest"
      },
      "ignore-rules": {
        "description": "Rule ids to skip, one per line or comma-separated (e.g. docker/digest).",
        "required": false,
        "default": ""
      },
      "working-directory": {
        "description": "Directory the config paths, Dockerfiles and git state are relative to.",
        "required": false,
        "default": "."
      },
      "report-path": {
        "description": "Where to write the JSON report. Defaults to fly-validate-report.json in RUNNER_TEMP.",
        "required": false,
        "default": ""
      }
    },
    "outputs": {
      "valid": "true when no check found an error.",
      "errors": "Number of errors.",
      "warnings": "Number of warnings.",
      "report": "Path of the JSON report (files, checks run or skipped, findings with rule, severity, file, line, message, fix)."
    }
  }
};
