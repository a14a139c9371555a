/**
 * The flyctl client every Fly action uses: typed calls over runCommand with argument arrays. The token
 * travels in the environment only, secrets on stdin. Replies are validated by src/domain/flyctl; exit codes
 * are read per flyctl-contract §4. Read-only calls are retried on transient failures; a deploy never is.
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
}

/** A flyctl call failed; the message is safe to print (secrets redacted, argv holds none). */
export class FlyctlError extends UserError {
  override name = 'FlyctlError';
  constructor(
    readonly command: string,
    readonly failure: FlyctlFailure,
  ) {
    super(`\`flyctl ${command}\` failed (exit ${failure.exitCode}): ${failure.message}`);
  }
}

/** One deploy's outcome: the new release when flyctl printed it (FLY_EMIT_RELEASE_JSON, flyctl ≥ 0.4.56). */
export type DeployResult = { durationMs: number; args: string[]; run: FlyctlRun } & (
  { ok: true; release?: EmittedRelease } | { ok: false; failure: FlyctlFailure }
);

export class FlyctlClient {
  private readonly run: RunFn;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: FlyctlClientOptions) {
    this.run = options.run ?? runCommand;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
  }

  private async call(args: string[], extra: CommandOptions = {}): Promise<FlyctlRun> {
    return this.run(this.options.path, args, {
      cwd: this.options.cwd,
      ...extra,
      env: { ...this.options.env, ...extra.env },
    });
  }

  /** A read-only call: retried with backoff while the failure looks transient. */
  private async read(args: string[]): Promise<string> {
    const attempts = Math.max(1, this.options.attempts ?? 3);
    let delay = this.options.backoffMs ?? 1000;
    const command = args.join(' ');
    for (let attempt = 1; ; attempt++) {
      const result = await this.call(args);
      const failure = interpretRun(result);
      if (!failure) return result.stdout;
      if (!failure.transient || attempt >= attempts) throw new FlyctlError(command, failure);
      this.options.log?.(
        `flyctl ${command} failed (${failure.message}); retrying in ${delay}ms (${attempt}/${attempts})`,
      );
      await this.sleep(delay);
      delay *= 2;
    }
  }

  async version(): Promise<FlyctlVersion> {
    return parseVersion(await this.read(['version', '--json']));
  }

  async releases(app: string): Promise<Release[]> {
    return parseReleases(await this.read(['releases', '--app', app, '--json']));
  }

  async status(app: string): Promise<AppStatus> {
    return parseStatus(await this.read(['status', '--app', app, '--json']));
  }

  async machines(app: string): Promise<Machine[]> {
    return parseMachines(await this.read(['machine', 'list', '--app', app, '--json']));
  }

  /** `flyctl config validate` (§6), run locally by flyctl; its problems, none when the config is valid. */
  async validateConfig(config: string, options: { strict: boolean }): Promise<string[]> {
    const run = await this.call([
      'config',
      'validate',
      '--config',
      config,
      ...(options.strict ? ['--strict'] : []),
    ]);
    return run.exitCode === 0 ? [] : configValidateProblems(run);
  }

  async listSecrets(app: string): Promise<SecretEntry[]> {
    return parseSecretsList(await this.read(['secrets', 'list', '--app', app, '--json']));
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
    const result = await this.call(args, { input });
    const failure = interpretRun(result);
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
    });
    const durationMs = Date.now() - started;
    const failure = interpretRun(result);
    if (failure) return { ok: false, failure, durationMs, args, run: result };
    return { ok: true, release: findEmittedRelease(result.stdout), durationMs, args, run: result };
  }
}
