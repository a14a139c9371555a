/**
 * The flyctl client every Fly action uses: typed calls over runCommand with argument arrays. The token
 * travels in the environment only, secrets on stdin. Replies are validated by src/domain/flyctl; exit codes
 * are read per flyctl-contract §4. Read-only calls are retried on transient failures; a deploy never is.
 * Every call has a time limit (contract §13: any call can hang on a stalled API response), and one that
 * runs out says which call and which limit.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { UserError } from '../domain/shared/errors.js';
import {
  configValidateProblems,
  interpretRun,
  type FlyctlFailure,
  type FlyctlRun,
} from '../domain/flyctl/exit.js';
import { encodeSecretsImport, type SecretPair } from '../domain/flyctl/secrets-import.js';
import {
  findEmittedRelease,
  parseMachines,
  parseReleases,
  parseSecretsList,
  parseStatus,
  parseVersion,
  type AppStatus,
  type EmittedRelease,
  type FlyctlVersion,
  type Machine,
  type Release,
  type SecretEntry,
} from '../domain/flyctl/shapes.js';
import { deployArgs, type DeployRequest } from '../domain/flyctl/deploy-args.js';
import { redact, secretFragments } from '../domain/shared/redact.js';
import { runCommand, type CommandOptions, type CommandResult } from './command.js';

export { deployArgs, type DeployRequest, type DeployStrategy } from '../domain/flyctl/deploy-args.js';

export type RunFn = (
  program: string,
  args: readonly string[],
  options?: CommandOptions,
) => Promise<CommandResult>;

export interface FlyctlClientOptions {
  /** Path of the flyctl binary (from locateOrInstallFlyctl). */
  path: string;
  /** Extra environment for every call (never secrets in argv). */
  env?: Record<string, string>;
  cwd?: string;
  /** Tries for read-only calls (default 3). */
  attempts?: number;
  /** First backoff delay in ms, doubled each retry (default 1000). */
  backoffMs?: number;
  run?: RunFn;
  sleep?: (ms: number) => Promise<void>;
  /** Told about retries. */
  log?: (line: string) => void;
  /** Where a deploy's output goes as it comes (`echo` requests). */
  onOutput?: (chunk: string) => void;
  /** Time limits per kind of call (defaults: FLYCTL_LIMITS). */
  limits?: Partial<FlyctlLimits>;
}

export interface FlyctlLimits {
  /** `status`, `releases`, `machine list`, `secrets list`, `version`: one try. */
  readMs: number;
  /** `config validate`: local work, but it loads the app and may reach the API (contract §6). */
  configValidateMs: number;
  /** `secrets import`: writes the secrets, and without --stage restarts the machines. */
  secretsImportMs: number;
  /** Between SIGTERM and SIGKILL for a call that changes nothing: no wind-down to wait for. */
  readKillGraceMs: number;
  /** Between SIGTERM and SIGKILL for a deploy: flyctl marks the release interrupted and waits up to 5 s (§13). */
  deployKillGraceMs: number;
}

export const FLYCTL_LIMITS: FlyctlLimits = {
  readMs: 30_000,
  configValidateMs: 60_000,
  secretsImportMs: 60_000,
  readKillGraceMs: 2_000,
  deployKillGraceMs: 10_000,
};

/** A read that timed out is tried once more at most: a stalled connection may be a one-off, two are an outage. */
const MAX_TIMEOUTS_PER_READ = 2;

/** A flyctl call failed; the message is safe to print (secrets redacted, argv holds none). */
export class FlyctlError extends UserError {
  override name = 'FlyctlError';
  constructor(
    readonly command: string,
    readonly failure: FlyctlFailure,
    tries = 1,
  ) {
    super(
      failure.kind === 'timeout'
        ? `${failure.message}${tries > 1 ? ` It was tried ${tries} times.` : ''}`
        : `\`flyctl ${command}\` failed (exit ${failure.exitCode}): ${failure.message}`,
    );
  }
}

/** One deploy's outcome: the new release when flyctl printed it (FLY_EMIT_RELEASE_JSON, flyctl ≥ 0.4.56). */
export type DeployResult = { durationMs: number; args: string[]; run: FlyctlRun } & (
  { ok: true; release?: EmittedRelease } | { ok: false; failure: FlyctlFailure }
);

/** How long a read may take in all, tries and backoff included (the rollout wait passes what it has left). */
export interface ReadOptions {
  timeoutMs?: number;
}

export class FlyctlClient {
  private readonly run: RunFn;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limits: FlyctlLimits;

  constructor(private readonly options: FlyctlClientOptions) {
    this.run = options.run ?? runCommand;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.limits = { ...FLYCTL_LIMITS, ...options.limits };
  }

  private async call(args: string[], extra: CommandOptions): Promise<FlyctlRun> {
    return this.run(this.options.path, args, {
      cwd: this.options.cwd,
      ...extra,
      env: { ...this.options.env, ...extra.env },
    });
  }

  /**
   * A read-only call: retried with backoff while the failure looks transient. A timed-out try counts as
   * transient (the call changed nothing and a stalled connection may be a one-off), but only once.
   */
  private async read(args: string[], name: string, options: ReadOptions = {}): Promise<string> {
    const attempts = Math.max(1, this.options.attempts ?? 3);
    let backoff = this.options.backoffMs ?? 1000;
    const command = args.join(' ');
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    let timeouts = 0;
    for (let attempt = 1; ; attempt++) {
      const timeoutMs = Math.max(1, Math.min(this.limits.readMs, deadline - Date.now()));
      const result = await this.call(args, { timeoutMs, killGraceMs: this.limits.readKillGraceMs });
      const failure = interpretRun(result, { call: `flyctl ${name}` });
      if (!failure) return result.stdout;
      if (failure.kind === 'timeout') timeouts++;
      const retry =
        failure.transient &&
        attempt < attempts &&
        timeouts < MAX_TIMEOUTS_PER_READ &&
        Date.now() + backoff < deadline;
      if (!retry) throw new FlyctlError(command, failure, attempt);
      this.options.log?.(
        `flyctl ${command} failed (${failure.message}); retrying in ${backoff}ms (${attempt}/${attempts})`,
      );
      await this.sleep(backoff);
      backoff *= 2;
    }
  }

  async version(): Promise<FlyctlVersion> {
    return parseVersion(await this.read(['version', '--json'], 'version'));
  }

  async releases(app: string, options?: ReadOptions): Promise<Release[]> {
    return parseReleases(await this.read(['releases', '--app', app, '--json'], 'releases', options));
  }

  async status(app: string, options?: ReadOptions): Promise<AppStatus> {
    return parseStatus(await this.read(['status', '--app', app, '--json'], 'status', options));
  }

  async machines(app: string, options?: ReadOptions): Promise<Machine[]> {
    return parseMachines(
      await this.read(['machine', 'list', '--app', app, '--json'], 'machine list', options),
    );
  }

  /** `flyctl config validate` (§6), run locally by flyctl; its problems, none when the config is valid. */
  async validateConfig(config: string, options: { strict: boolean }): Promise<string[]> {
    const run = await this.call(
      ['config', 'validate', '--config', config, ...(options.strict ? ['--strict'] : [])],
      { timeoutMs: this.limits.configValidateMs, killGraceMs: this.limits.readKillGraceMs },
    );
    return run.exitCode === 0 && run.timedOutAfterMs === undefined ? [] : configValidateProblems(run);
  }

  async listSecrets(app: string, options?: ReadOptions): Promise<SecretEntry[]> {
    return parseSecretsList(
      await this.read(['secrets', 'list', '--app', app, '--json'], 'secrets list', options),
    );
  }

  /**
   * Stages (or sets) secrets through stdin, quoted so every value arrives intact (contract §5). Not retried.
   * flyctl echoes an unparsable line, value included, so its output is redacted before it reaches an error.
   */
  async importSecrets(
    app: string,
    pairs: readonly SecretPair[],
    options: { stage?: boolean } = {},
  ): Promise<void> {
    if (pairs.length === 0) return;
    const input = encodeSecretsImport(pairs);
    const args = ['secrets', 'import', '--app', app];
    if (options.stage !== false) args.push('--stage');
    const result = await this.call(args, { input, timeoutMs: this.limits.secretsImportMs });
    const failure = interpretRun(result, {
      call: 'flyctl secrets import',
      timeoutHint:
        'Whether the secrets were written is unknown: check `flyctl secrets list`, then run the job again.',
    });
    if (failure) {
      const values = pairs.flatMap((p) => secretFragments(p.value));
      throw new FlyctlError(args.join(' '), { ...failure, message: redact(failure.message, values) });
    }
  }

  /** Runs one deploy (never retried: a second try could deploy twice) and reports instead of throwing. */
  async deploy(request: DeployRequest): Promise<DeployResult> {
    const args = deployArgs(request);
    const started = Date.now();
    const result = await this.call(args, {
      env: { FLY_EMIT_RELEASE_JSON: '1' },
      ...(request.echo && this.options.onOutput ? { onOutput: this.options.onOutput } : {}),
      timeoutMs: request.timeoutMs,
      killGraceMs: this.limits.deployKillGraceMs,
    });
    const durationMs = Date.now() - started;
    const failure = interpretRun(result, {
      call: 'flyctl deploy',
      timeoutHint:
        'Its process group was stopped (SIGTERM, then SIGKILL); raise deploy-timeout if deploys of this app are that slow.',
    });
    if (failure) return { ok: false, failure, durationMs, args, run: result };
    return { ok: true, release: findEmittedRelease(result.stdout), durationMs, args, run: result };
  }
}
