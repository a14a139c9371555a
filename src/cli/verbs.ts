/** The verbs of `nuzantara`: each runs one command module, with flags taken from an action's contract. */
import type { Host } from '../host/host.js';
import { ACTION_SPECS } from './action-specs.js';
import type { InputSpec } from './spec-types.js';

export interface VerbDefinition {
  name: string;
  /** One line for `nuzantara --help`. */
  summary: string;
  /** The action whose contract this verb runs, if any. */
  action?: string;
  /** Flags: the action's inputs, with names, defaults and help text from its action.yml. */
  inputs: Readonly<Record<string, InputSpec>>;
  outputs: Readonly<Record<string, string>>;
  /** Inputs that carry secrets: taken from a file (@path), stdin (-) or the environment, never from argv. */
  secretInputs: readonly string[];
  /** Flags that are the verb's own, not action inputs (e.g. --yes). */
  extraFlags?: Readonly<Record<string, { description: string; short?: string }>>;
  examples: readonly string[];
  run(host: Host): Promise<void>;
  /** For an action's verb: loads the command it runs (the contract test checks it is the action's). */
  load?: () => Promise<Run>;
}

function spec(action: string) {
  const found = ACTION_SPECS[action];
  if (!found) throw new Error(`no action.yml for ${action}`);
  return found;
}

/** The deploy's `health-*` inputs without the prefix, plus the URLs to probe. */
function healthCheckInputs(): Record<string, InputSpec> {
  const deployInputs = spec('fly-deploy-with-health').inputs;
  const inputs: Record<string, InputSpec> = {
    url: {
      description:
        'URL to probe; repeat the flag for several URLs (probed at the same time). Required unless --targets-file is given.',
      required: false,
      default: '',
    },
    'targets-file': {
      description:
        "The prod-monitor's targets file (e.g. monitoring/targets.yml): every target is probed with its own method, headers, expect-status, expect-body, max-latency, timeout and follow-redirects; the flags give what a target leaves out.",
      required: false,
      default: '',
    },
  };
  for (const [name, input] of Object.entries(deployInputs))
    if (name.startsWith('health-') && name !== 'health-url') inputs[name.slice('health-'.length)] = input;
  return inputs;
}

type Run = (host: Host) => Promise<void>;

/**
 * Each action's command (the ones ACTION_COMMANDS lists), loaded when its verb runs: `--help` and one
 * verb load only what they need, which keeps the CLI's start-up near a bare node's.
 */
const ACTION_RUNS: Readonly<Record<string, () => Promise<Run>>> = {
  'fly-validate': async () => (await import('../commands/validate.js')).validate,
  'fly-deploy-with-health': async () => (await import('../commands/deploy.js')).deploy,
  'coverage-gate': async () => (await import('../commands/coverage.js')).coverage,
  'fly-rollback': async () => (await import('../commands/rollback.js')).rollback,
  'prod-monitor': async () => (await import('../commands/monitor.js')).monitor,
};

/** A verb that runs an action's command, with that action's inputs as flags. */
function fromAction(action: string) {
  const load = ACTION_RUNS[action];
  if (!load) throw new Error(`no command for ${action}`);
  const run: Run = async (host) => (await load())(host);
  return { action, inputs: spec(action).inputs, outputs: spec(action).outputs, run, load };
}

export const VERBS: readonly VerbDefinition[] = [
  {
    name: 'validate',
    summary: 'Check fly.toml files, secrets, git state and Dockerfiles before a deploy (fly-validate).',
    ...fromAction('fly-validate'),
    secretInputs: [],
    examples: ["nuzantara validate --config 'apps/*/fly.toml' --strict"],
  },
  {
    name: 'deploy',
    summary: 'Deploy a Fly app, verify it from outside, roll back automatically (fly-deploy-with-health).',
    ...fromAction('fly-deploy-with-health'),
    secretInputs: ['secrets', 'github-token', 'notify-webhook', 'health-headers'],
    examples: [
      'FLY_API_TOKEN=… nuzantara deploy --app nuzantara-rag --working-directory apps/backend-rag',
      'nuzantara deploy --app nuzantara-rag --secrets @secrets.env --json',
    ],
  },
  {
    name: 'rollback',
    summary:
      'Roll a Fly app back to an earlier release, verify it, and warn about what changed since (fly-rollback).',
    ...fromAction('fly-rollback'),
    secretInputs: ['github-token', 'health-headers'],
    extraFlags: {
      yes: {
        description:
          'Roll back without asking for confirmation (needed where nobody can answer, with --version or --image).',
        short: 'y',
      },
    },
    examples: [
      'nuzantara rollback --app nuzantara-rag                    # pick a release from the list, then confirm',
      'nuzantara rollback --app nuzantara-rag --version 41 --yes',
      'nuzantara rollback --app nuzantara-rag --dry-run',
    ],
  },
  {
    name: 'coverage',
    summary: 'Gate on test coverage from LCOV, Cobertura, Istanbul or coverage.py reports (coverage-gate).',
    ...fromAction('coverage-gate'),
    secretInputs: ['github-token'],
    examples: ['nuzantara coverage --files coverage/lcov.info --min-lines 80'],
  },
  {
    name: 'monitor',
    summary:
      'Check production targets once: p50/p95/p99, error rate, TLS expiry, up / degraded / down (prod-monitor).',
    ...fromAction('prod-monitor'),
    secretInputs: ['github-token', 'notify-webhook', 'notify-json-webhook', 'headers'],
    examples: [
      'nuzantara monitor --targets-file monitoring/targets.yml',
      'nuzantara monitor --targets-file monitoring/targets.yml --samples 10 --json',
    ],
  },
  {
    name: 'health-check',
    summary: "Probe URLs with the deploy's health probe and print the attempts and response times.",
    inputs: healthCheckInputs(),
    outputs: {
      healthy: 'true when every URL passed.',
      'healthy-count': 'How many URLs passed.',
      total: 'How many URLs were probed.',
    },
    secretInputs: ['headers'],
    examples: [
      'nuzantara health-check --url https://nuzantara-rag.fly.dev/health --expect-body \'$.status == "ok"\'',
      'nuzantara health-check --url https://nuzantara-mouth.fly.dev/ --retries 3 --interval 5s --json',
      'nuzantara health-check --targets-file monitoring/targets.yml',
    ],
    run: async (host) => (await import('../commands/health-check.js')).healthCheck(host),
  },
];

export const findVerb = (name: string): VerbDefinition | undefined => VERBS.find((v) => v.name === name);
