/**
 * Jest wrapper around the stand-in flyctl (test/stand-in/bin/flyctl): a fresh state directory, the env a
 * bundle needs to find and use it, and typed helpers for the hidden `standin` setup commands.
 * Machines and proxies started through it die with this process; call `stop()` in afterAll.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const standInRoot = dirname(fileURLToPath(import.meta.url));
export const standInBin = join(standInRoot, 'bin');
export const standInFlyctl = join(standInBin, 'flyctl');

export type Behaviour = 'healthy' | 'unhealthy' | 'crash' | 'slow' | 'degrading' | 'hang';

export interface StandInOptions {
  /** FLY_STANDIN_TIME_SCALE: multiplies check timings, the 10 s smoke window and wait-timeout (default 0.02). */
  timeScale?: number;
  /** FLY_API_TOKEN value (default a dummy token). */
  token?: string;
  /** Use this state directory instead of a fresh temp one. */
  stateDir?: string;
}

export interface ImageOptions {
  /** `slow`: /health answers 503 until this many ms after the machine starts (real ms, not scaled). */
  readyAfterMs?: number;
  /** `degrading`: /health answers 503 from this many ms after start (real ms, not scaled). */
  failAfterMs?: number;
  /** Exit code of the release_command run with this image (default 0). */
  releaseExit?: number;
  /** Misbehave only from the k-th machine a deploy updates (1-based; earlier ones are healthy). */
  fromMachine?: number;
  /** The Machines API refuses to update machines to this image (from `fromMachine` on) with this error. */
  updateError?: string;
}

export interface AppOptions {
  /** Initial image: creates release v1 and starts the machines. */
  image?: string;
  /** Machine count (default 2, like flyctl's --ha). */
  machines?: number;
  region?: string;
}

export interface CallOptions {
  input?: string;
  env?: Record<string, string>;
  cwd?: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Invocation {
  time: string;
  pid: number;
  cwd: string;
  argv: string[];
}

export interface StandInRelease {
  ID: string;
  Version: number;
  Stable: boolean;
  InProgress: boolean;
  Reason: string;
  Description: string;
  Status: string;
  DeploymentStrategy: string;
  Metadata: null;
  User: { ID: string; Name: string; Email: string; EnablePaidHobby: boolean };
  EvaluationID: string;
  CreatedAt: string;
  ImageRef: string;
}

export interface StandInCheck {
  name: string;
  status: 'passing' | 'warning' | 'critical';
  output: string;
  updated_at: string;
}

export interface StandInMachine {
  id: string;
  name: string;
  state: string;
  region: string;
  image_ref: {
    registry: string;
    repository: string;
    tag: string;
    digest: string;
    labels: Record<string, string>;
  };
  instance_id: string;
  version: string;
  private_ip: string;
  created_at: string;
  updated_at: string;
  config: {
    image: string;
    env: Record<string, string>;
    metadata: Record<string, string>;
    services?: unknown[];
    checks?: Record<string, unknown>;
    [key: string]: unknown;
  };
  events: { type: string; status: string; source: string; timestamp: number; request?: unknown }[];
  checks: StandInCheck[];
  host_status: string;
  cordoned: boolean;
}

export interface StandIn {
  stateDir: string;
  binDir: string;
  /** Env for a child that should use the stand-in: PATH (stand-in first), FLY_STANDIN_*, FLY_API_TOKEN. */
  env: Record<string, string>;
  /** Runs the stand-in flyctl executable with `args` (stdin from `input`). */
  run(args: string[], options?: CallOptions): Promise<RunResult>;
  /** The same CLI run in this process: identical output and exit code, no process start-up (no signals). */
  call(args: string[], options?: CallOptions): Promise<RunResult>;
  image(ref: string, behaviour: Behaviour, options?: ImageOptions): Promise<void>;
  /** Creates an app; with `image`, release v1 and started machines. */
  app(name: string, options?: AppOptions): Promise<void>;
  /** The app's front door `http://127.0.0.1:<port>` (its proxy starts on first use). */
  url(app: string): Promise<string>;
  secrets(app: string): Promise<{ staged: Record<string, string>; deployed: Record<string, string> }>;
  releases(app: string): Promise<StandInRelease[]>;
  machines(app: string): Promise<StandInMachine[]>;
  /** Removes images from the registry (Fly prunes old images): deploying them then fails like §1. */
  prune(...refs: string[]): Promise<void>;
  invocations(): Invocation[];
  stop(): Promise<void>;
}

type Main = (
  argv: string[],
  io: { stdout: { write(text: string): boolean }; stderr: { write(text: string): boolean }; stdin: Readable },
  options: { env: Record<string, string>; cwd: string; signals: boolean },
) => Promise<number>;
let loadedMain: Promise<Main> | undefined;
const loadMain = (): Promise<Main> =>
  (loadedMain ??= import(pathToFileURL(join(standInRoot, 'lib', 'cli.mjs')).href).then(
    (m) => m.main as Main,
  ));

export async function createStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'fly-standin-'));
  const env: Record<string, string> = {
    PATH: [standInBin, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    FLY_STANDIN_STATE: stateDir,
    FLY_STANDIN_TIME_SCALE: String(options.timeScale ?? 0.02),
    FLY_STANDIN_OWNER_PID: String(process.pid),
    FLY_API_TOKEN: options.token ?? 'FlyV1 fm2_standin-test-token',
  };

  const run: StandIn['run'] = (args, runOptions = {}) =>
    new Promise((done) => {
      const child = execFile(
        process.execPath,
        [standInFlyctl, ...args],
        {
          env: { ...env, ...runOptions.env },
          cwd: runOptions.cwd ?? stateDir,
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          done({ exitCode: code, stdout: String(stdout), stderr: String(stderr) });
        },
      );
      child.stdin?.end(runOptions.input ?? '');
    });

  /** The same CLI in this process (no node start-up per call); `run` is the real executable. */
  const call: StandIn['call'] = async (args, callOptions = {}) => {
    const main = await loadMain();
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (text: string) => ((stdout += text), true) },
      stderr: { write: (text: string) => ((stderr += text), true) },
      stdin: Readable.from(callOptions.input ? [Buffer.from(callOptions.input)] : []),
    };
    const exitCode = await main(args, io, {
      env: { ...env, ...callOptions.env },
      cwd: callOptions.cwd ?? stateDir,
      signals: false,
    });
    return { exitCode, stdout, stderr };
  };

  const must = async (args: string[]): Promise<string> => {
    const result = await call(args);
    if (result.exitCode !== 0) {
      throw new Error(`stand-in flyctl ${args.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
    }
    return result.stdout;
  };

  return {
    stateDir,
    binDir: standInBin,
    env,
    run,
    call,
    async image(ref, behaviour, imageOptions = {}) {
      const args = ['standin', 'image', ref, '--behaviour', behaviour];
      if (imageOptions.readyAfterMs !== undefined)
        args.push('--ready-after', String(imageOptions.readyAfterMs));
      if (imageOptions.failAfterMs !== undefined) args.push('--fail-after', String(imageOptions.failAfterMs));
      if (imageOptions.fromMachine !== undefined)
        args.push('--from-machine', String(imageOptions.fromMachine));
      if (imageOptions.releaseExit !== undefined)
        args.push('--release-exit', String(imageOptions.releaseExit));
      if (imageOptions.updateError !== undefined) args.push('--update-error', imageOptions.updateError);
      await must(args);
    },
    async app(name, appOptions = {}) {
      const args = ['standin', 'app', name];
      if (appOptions.image) args.push('--image', appOptions.image);
      if (appOptions.machines !== undefined) args.push('--machines', String(appOptions.machines));
      if (appOptions.region) args.push('--region', appOptions.region);
      await must(args);
    },
    async url(app) {
      return (await must(['standin', 'url', app])).trim();
    },
    async secrets(app) {
      return JSON.parse(await must(['standin', 'secrets', app]));
    },
    async releases(app) {
      return JSON.parse(await must(['releases', '-a', app, '--json']));
    },
    async machines(app) {
      return JSON.parse(await must(['machine', 'list', '-a', app, '--json']));
    },
    async prune(...refs) {
      await must(['standin', 'prune', ...refs]);
    },
    invocations() {
      const file = join(stateDir, 'invocations.jsonl');
      if (!existsSync(file)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Invocation);
    },
    async stop() {
      if (!existsSync(stateDir)) return;
      await run(['standin', 'stop-all']);
      if (!options.stateDir) rmSync(resolve(stateDir), { recursive: true, force: true });
    },
  };
}
