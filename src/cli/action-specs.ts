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
        "description": "Report format: auto (detected from each file's content), lcov, cobertura, istanbul-final (coverage-final.json), istanbul-summary (coverage-summary.json) or coveragepy-json (coverage json). Formats not read (SonarQube generic, JaCoCo, Clover, OpenCover, Go profiles, gcov, HTML, coverage.py's .coverage) are named in the error, with how to produce one that is.",
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
        "description": "The longest one `flyctl deploy` (and the rollback deploy) may run; past it flyctl's whole process group is stopped (SIGTERM, then SIGKILL 10s later) and the run counts as a failed deploy, so a hung deploy cannot hold the job. A duration such as 10m, at most 2147483647ms. The default leaves room in a 30-minute job for the rollback: size timeout-minutes as 2 x deploy-timeout + 2 x rollout-timeout + 2 x the probe budget + a few minutes.",
        "required": false,
        "default": "10m"
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
        "description": "URL to probe before and after the deploy. Empty: https://<Hostname> from flyctl status with the path of the first HTTP check in the deploy's fly.toml (config, else ./fly.toml: [[http_service.checks]], then [[services.http_checks]], then [checks] of type http); /health when it declares none.",
        "required": false,
        "default": ""
      },
      "health-retries": {
        "description": "Probe tries with the fixed schedule; with steady and adaptive it sets the budget, (retries - 1) x interval.",
        "required": false,
        "default": "10"
      },
      "health-interval": {
        "description": "Time between probe tries (fixed), the longest gap (adaptive), and a cap on the 1s steady gap.",
        "required": false,
        "default": "10s"
      },
      "health-timeout": {
        "description": "Time limit for one probe request, body included.",
        "required": false,
        "default": "10s"
      },
      "health-schedule": {
        "description": "steady: a try every second over the budget ((retries - 1) x interval), each started on time even while an earlier one hangs, so a service is seen within about a second of turning healthy. fixed: health-retries tries health-interval apart, one at a time (the seed's 10 x 10s). adaptive: the same budget, one at a time, after 1s, 2s, 4s … up to health-interval (fewer requests, slower to notice later in the budget).",
        "required": false,
        "default": "steady"
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
        "description": "Body check: $.path == value compares a JSON path ($.status == \"ok\", $.db.replicas[0].up == true, $[\"odd key\"] == 3; the value is a JSON literal or plain text); other text that does not start with $ is a substring the body must contain. Anything else starting with $ (=, !=, a bad path, nothing after ==) is refused.",
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
      "deploy-when-unhealthy": {
        "description": "Before deploying, the release serving now is probed with the same health check; when it fails, the check is misconfigured or production is already down, and nothing is deployed. true deploys anyway (the fix for an outage); a new release that then fails the same probe is not rolled back to the one that failed it.",
        "required": false,
        "default": "false"
      },
      "verify-window": {
        "description": "After the health check passes, sample the health URL for this long (e.g. 2m) and roll back when the error rate or p95 latency passes its limit. Empty or 0: off.",
        "required": false,
        "default": ""
      },
      "verify-interval": {
        "description": "Time between samples in the verification window (each starts on time even while an earlier one hangs).",
        "required": false,
        "default": "1s"
      },
      "verify-max-error-rate": {
        "description": "Percent of window samples that may fail (any probe failure: status, body, timeout, latency…); more fails the release. 0: none may.",
        "required": false,
        "default": "1"
      },
      "verify-max-p95": {
        "description": "Highest acceptable p95 latency over the window (e.g. 800ms), failed samples included. Empty: reported, not judged.",
        "required": false,
        "default": ""
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
      "deployment-ref": {
        "description": "The commit (or branch or tag) the GitHub Deployment records. Empty: the commit of the run (GITHUB_SHA). Set it when the job deploys another commit, e.g. a ref chosen at dispatch.",
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
      "rolled-back": "true when the new release failed and the previous release was redeployed and verified (healthy; with deploy-when-unhealthy, failing the health check as it did before the run).",
      "outcome": "healthy; rolled-back; previous-kept (flyctl failed without replacing the serving release, which is still healthy, so no rollback deploy was needed); rollback-failed; failed (first deploy, rollback off, or a rollback to a release that failed the same health check before the deploy); or not-deployed (the release serving now fails the health check, so nothing was deployed).",
      "deploy-seconds": "Duration of flyctl deploy for the new release, in seconds.",
      "health-attempts": "Number of probe attempts against the new release.",
      "health-latency-ms": "Latency of the passing probe attempt, in ms (empty when none passed).",
      "verify-samples": "Samples the verification window took (empty when there was none).",
      "verify-error-rate": "Percent of window samples that failed (empty when there was no window).",
      "verify-p50-ms": "Median latency over the window, in ms.",
      "verify-p95-ms": "p95 latency over the window, in ms."
    }
  },
  "fly-rollback": {
    "name": "Fly rollback",
    "description": "Roll a Fly.io app back to an earlier release: deploy its image, verify the rollout and probe it from outside, and warn about the secrets and fly.toml changed since then, which a rollback does not undo.",
    "inputs": {
      "app": {
        "description": "Fly app name (flyctl --app).",
        "required": true,
        "default": ""
      },
      "version": {
        "description": "Release to roll back to, as flyctl releases numbers it (41 or v41). Empty: the newest complete release older than the one serving whose image differs from the image serving now. Only the 25 releases flyctl lists can be named; for an older one use image.",
        "required": false,
        "default": ""
      },
      "image": {
        "description": "An ImageRef to deploy instead of a version (e.g. registry.fly.io/<app>:deployment-…), for a release older than the 25 flyctl lists. Not with version.",
        "required": false,
        "default": ""
      },
      "strategy": {
        "description": "Strategy of the rollback deploy: immediate, rolling, canary or bluegreen.",
        "required": false,
        "default": "immediate"
      },
      "skip-release-command": {
        "description": "Skip fly.toml's release_command (--skip-release-command): it would run again, with the old image, against today's database.",
        "required": false,
        "default": "true"
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
      "deploy-timeout": {
        "description": "The longest one `flyctl deploy` (the rollback deploy, and the restore after a failed one) may run; past it flyctl is stopped and the run counts as a failed deploy, so a hung deploy cannot hold the job. A duration such as 10m; size the job timeout-minutes for two deploys, two rollout waits and two probes.",
        "required": false,
        "default": "10m"
      },
      "dry-run": {
        "description": "Only plan: list the releases, choose the target, check what changed since it, and deploy nothing.",
        "required": false,
        "default": "false"
      },
      "github-token": {
        "description": "Token to read the GitHub Deployment records (drift since the target) and record this rollback (needs deployments: write).",
        "required": false,
        "default": "${{ github.token }}"
      },
      "environment": {
        "description": "GitHub environment whose Deployments the deploys of this app record (e.g. production-nuzantara-rag): the target's record is read from it and the rollback is recorded in it. Empty: records are read from every environment and none is written.",
        "required": false,
        "default": ""
      },
      "deployment-ref": {
        "description": "The commit (or branch or tag) the GitHub Deployment records. Empty: the commit of the run (GITHUB_SHA). Set it when the job deploys another commit, e.g. a ref chosen at dispatch.",
        "required": false,
        "default": ""
      },
      "flyctl-version": {
        "description": "latest uses a flyctl already on PATH (or installs the newest release); x.y.z always uses that release. Installs are verified against the release checksums.",
        "required": false,
        "default": "latest"
      },
      "working-directory": {
        "description": "Directory flyctl runs in (config is relative to it).",
        "required": false,
        "default": "."
      },
      "config": {
        "description": "Path of the fly.toml to deploy with, relative to working-directory. Empty: flyctl's default (./fly.toml). A rollback deploys the old image with this config, not the one it was deployed with.",
        "required": false,
        "default": ""
      }
    },
    "outputs": {
      "from-version": "Version of the release serving before the rollback.",
      "to-version": "Version of the release rolled back to (empty when image named no listed release).",
      "image-ref": "The image deployed (or, on a dry run, that would be).",
      "release-version": "Version of the release the rollback deploy created (empty on a dry run, or when flyctl deploy failed).",
      "healthy": "true when the target image rolled out and passed the health probe (empty on a dry run).",
      "outcome": "healthy; previous-kept (the target could not be deployed, e.g. a pruned image, and nothing changed); rolled-back (the target failed and the release serving before was deployed again, healthy); rollback-failed (that failed too); failed; or dry-run.",
      "report": "Path of the JSON report: the releases considered, the choice, drift, phases and health attempts."
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
        "description": "Fail on unknown keys where `flyctl config validate --strict` rejects them (the top level, [build], [deploy], [http_service], [checks], [experimental], [[statics]], [[files]], [[restart]], [[machine_checks]]). Unknown keys inside [[services]], [[vm]], [[mounts]] and [[metrics]], where flyctl's strict mode does not look, stay warnings.",
        "required": false,
        "default": "false"
      },
      "policy": {
        "description": "Severity of the rules that are this project's policy, not flyctl's: readiness (`ready/*`: primary region, a service, an HTTP health check with a grace period on a served port, VM resources) and [env] hygiene (`secrets/env-*`: values or names that look like secrets). warn: warnings; error: errors that fail the step.",
        "required": false,
        "default": "warn"
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
  },
  "prod-monitor": {
    "name": "Production monitor",
    "description": "Scheduled production checks: every target sampled concurrently (p50/p95/p99, error rate, TLS expiry), up / degraded / down after re-tests, one GitHub issue per incident, webhooks on status changes, history on a data branch with a response-time chart in the job summary.",
    "inputs": {
      "targets": {
        "description": "Targets as YAML text: a list under targets:, each with url and optionally name, method, headers, expect-status, expect-body, max-latency, samples, timeout, follow-redirects, max-error-rate, tls-warn-days, tls-error-days. Not with targets-file. Both empty: https://nuzantara-rag.fly.dev/health and https://nuzantara-mouth.fly.dev/.",
        "required": false,
        "default": ""
      },
      "targets-file": {
        "description": "A YAML file in the repository with the same list (e.g. monitoring/targets.yml), relative to the workspace. nuzantara health-check --targets-file reads the same file. Not with targets.",
        "required": false,
        "default": ""
      },
      "method": {
        "description": "Default HTTP method of each sample: GET, HEAD or POST.",
        "required": false,
        "default": "GET"
      },
      "headers": {
        "description": "Default request headers, \"Name: value\" one per line, added to every target (a target's own headers win). Values are masked and never reported. In a targets file, ${NAME} in a header value is read from the step's environment.",
        "required": false,
        "default": ""
      },
      "expect-status": {
        "description": "Default accepted status codes: codes, ranges or classes, comma-separated (200, 200-299, 2xx).",
        "required": false,
        "default": "200-299"
      },
      "expect-body": {
        "description": "Default body check: a substring the body must contain, or $.path == value ($.status == \"ok\").",
        "required": false,
        "default": ""
      },
      "max-latency": {
        "description": "Default response-time limit: a target whose p95 is above it is degraded (e.g. 800ms). Empty: latency is reported, not judged.",
        "required": false,
        "default": "2s"
      },
      "samples": {
        "description": "Default number of requests per target and round, one after another (1-100): p50, p95, p99, max and the error rate come from them.",
        "required": false,
        "default": "5"
      },
      "timeout": {
        "description": "Default time limit of one request, body included.",
        "required": false,
        "default": "10s"
      },
      "follow-redirects": {
        "description": "Default: follow up to 5 redirects; when false a 3xx is judged against expect-status.",
        "required": false,
        "default": "true"
      },
      "max-error-rate": {
        "description": "Default percentage of failed samples (0-100) a target may have and still be up; above it the target is degraded. More than half failed is down.",
        "required": false,
        "default": "0"
      },
      "tls-warn-days": {
        "description": "Default: an https certificate that expires within this many days makes the target degraded.",
        "required": false,
        "default": "14"
      },
      "tls-error-days": {
        "description": "Default: an https certificate that expires within this many days makes the target down (an expired or untrusted one always does).",
        "required": false,
        "default": "7"
      },
      "concurrency": {
        "description": "Targets checked at the same time (1-1000).",
        "required": false,
        "default": "10"
      },
      "retests": {
        "description": "How many times a target that is not up is sampled again before its status counts (0-5); the least severe round counts.",
        "required": false,
        "default": "2"
      },
      "retest-delay": {
        "description": "Wait before each re-test.",
        "required": false,
        "default": "5s"
      },
      "fail-on": {
        "description": "Fail the step when a target is down (down), also when one is degraded (degraded), or never (never). A deeper check (scan, benchmark, delivery metrics) that fails is down, one that warns is degraded. Incidents, history and webhooks happen either way.",
        "required": false,
        "default": "down"
      },
      "github-token": {
        "description": "Token for incident issues (issues: write), the history branch (contents: write) and delivery metrics (deployments: read).",
        "required": false,
        "default": "${{ github.token }}"
      },
      "incident-label": {
        "description": "Label of the incident issues: one open issue per failing target, commented when its status changes, closed on recovery. Empty: no issues.",
        "required": false,
        "default": "incident"
      },
      "notify-webhook": {
        "description": "Slack-compatible incoming webhook URL (masked), posted {\"text\": …} when a status changes.",
        "required": false,
        "default": ""
      },
      "notify-json-webhook": {
        "description": "Generic webhook URL (masked), posted a JSON document with every status change (source, status, changes[]) when a status changes.",
        "required": false,
        "default": ""
      },
      "history-branch": {
        "description": "Branch that keeps the history, one JSON line per run in history/<date>.jsonl; created as an orphan branch when missing. Empty: no branch.",
        "required": false,
        "default": "monitor-data"
      },
      "history-path": {
        "description": "A JSON-lines file to keep the history in instead of the branch (the workflow keeps it, e.g. with actions/cache); the newest 5000 runs are kept.",
        "required": false,
        "default": ""
      },
      "chart-runs": {
        "description": "Runs shown in the job summary's response-time chart (2-500).",
        "required": false,
        "default": "24"
      },
      "report-path": {
        "description": "Where to write the JSON report. Defaults to prod-monitor-report.json in RUNNER_TEMP.",
        "required": false,
        "default": ""
      },
      "scan": {
        "description": "Scan the deployed apps' lockfiles (package-lock.json, requirements.txt, poetry.lock, uv.lock) for known vulnerabilities with OSV: registry packages at exact versions only, dev packages skipped and counted. true or false.",
        "required": false,
        "default": "false"
      },
      "scan-paths": {
        "description": "Lockfiles or app directories to scan, one glob per line relative to the workspace (!pattern excludes). Empty: every directory with a fly.toml that holds a lockfile.",
        "required": false,
        "default": ""
      },
      "osv-url": {
        "description": "Base URL of the OSV API (osv.dev or a mirror that speaks its v1 API). Credentials in it are masked.",
        "required": false,
        "default": "https://api.osv.dev"
      },
      "fail-on-severity": {
        "description": "The scan counts advisories at or above this severity (CVSS v4/v3 score, else the database label, else CVSS v2): low, medium, high, critical, or none (report only). An advisory of unknown severity counts at every level but none.",
        "required": false,
        "default": "high"
      },
      "allowlist": {
        "description": "Advisories accepted for a while, a YAML list: each entry an id (GHSA-…, CVE-…, PYSEC-…; aliases match), a reason and expires: YYYY-MM-DD, the last day it applies (a warning from 7 days before; after it the advisory counts again).",
        "required": false,
        "default": ""
      },
      "sarif-path": {
        "description": "Write the scan's findings as SARIF 2.1.0 to this file (relative to the workspace), for github/codeql-action/upload-sarif. Empty: no file.",
        "required": false,
        "default": ""
      },
      "benchmark": {
        "description": "Targets to load-test after the checks, by name, one per line or comma-separated: only names of the targets (targets-file or targets) with GET or HEAD, never a URL. Empty: no benchmark.",
        "required": false,
        "default": ""
      },
      "benchmark-duration": {
        "description": "How long each benchmarked target is loaded (1s-60s).",
        "required": false,
        "default": "10s"
      },
      "benchmark-connections": {
        "description": "Connections open at once against each benchmarked target (1-100).",
        "required": false,
        "default": "10"
      },
      "benchmark-rate": {
        "description": "At most this many requests per second against each benchmarked target (1-10000). Empty: as fast as it answers.",
        "required": false,
        "default": ""
      },
      "benchmark-max-requests": {
        "description": "At most this many requests per benchmarked target and run (1-100000): the benchmark stops at whichever comes first, this or benchmark-duration.",
        "required": false,
        "default": "10000"
      },
      "benchmark-thresholds": {
        "description": "Rules every benchmarked target must meet, one per line: rps, p50, p95, p99 or errors, an operator (<, <=, >, >=) and a value, e.g. p95 < 300ms, rps >= 50, errors <= 1% (errors <= 0: none at all). A rule not met fails the check.",
        "required": false,
        "default": "errors <= 1%"
      },
      "benchmark-regression": {
        "description": "Percentage by which throughput may fall, or p50, p95 or p99 rise (by 5 ms or more), against the target's previous result in the history before it is a regression (0-1000).",
        "required": false,
        "default": "20"
      },
      "benchmark-on-regression": {
        "description": "What a regression does: warn (the benchmark is degraded) or fail (down).",
        "required": false,
        "default": "warn"
      },
      "delivery-metrics": {
        "description": "Report delivery metrics from the GitHub Deployments the deploy and rollback actions record: per environment the four DORA figures with their bands and deployment duration, and how long each secret has kept its value. Needs deployments: read. true or false.",
        "required": false,
        "default": "false"
      },
      "metrics-window": {
        "description": "The span delivery metrics cover, ending now: days or weeks (30d, 12w), at most 365d.",
        "required": false,
        "default": "30d"
      },
      "environments": {
        "description": "GitHub environments the delivery metrics read, one per line or comma-separated; the first is the one the outputs describe. Empty: every environment (the outputs describe production, else the busiest).",
        "required": false,
        "default": ""
      },
      "rotate-after": {
        "description": "A secret that has had the same value for longer than this is reported for rotation (a warning naming the secret and the app, never a value): days or weeks, at most 3650d.",
        "required": false,
        "default": "90d"
      },
      "coverage-summary": {
        "description": "A coverage-gate summary JSON (its summary-json output), relative to the workspace: its line coverage joins the delivery metrics' table. Empty: no coverage.",
        "required": false,
        "default": ""
      }
    },
    "outputs": {
      "status": "The worst status of all targets: up, degraded or down.",
      "down": "How many targets are down.",
      "degraded": "How many targets are degraded.",
      "report": "Path of the JSON report (every target, every round and sample, TLS, incidents, the deeper checks).",
      "vulnerabilities": "With scan: how many advisories count against fail-on-severity (allowlisted ones do not).",
      "sarif-path": "With scan and sarif-path: the SARIF file written (absolute).",
      "benchmark-results": "With benchmark: each target's results as JSON, {\"<name>\": {\"rps\", \"p50\", \"p95\", \"p99\", \"errorRate\"}}: requests per second, latencies in ms, failed requests in percent.",
      "delivery-environment": "With delivery-metrics: the environment the delivery outputs describe.",
      "deployment-frequency": "With delivery-metrics: successful deploys per day over metrics-window (e.g. 0.133, about one a week).",
      "lead-time": "With delivery-metrics: median seconds from a commit to its successful deploy; empty when there is none.",
      "change-failure-rate": "With delivery-metrics: failed deploys as a percentage of all deploys in the window, one decimal; empty without deploys.",
      "time-to-restore": "With delivery-metrics: median seconds from the start of a failed deploy until the app served a good release again (its own rollback, or the next successful deploy or rollback of the app); empty when nothing failed.",
      "secrets-to-rotate": "With delivery-metrics: how many secrets are past rotate-after."
    }
  }
};
