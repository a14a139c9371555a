/**
 * Images that run a real program (`flyctl standin image <ref> --run <program> --arg … --cwd <dir>`): each
 * machine runs it as its process with the machine's environment and PORT set to its loopback port, so the
 * front door, flyctl's health checks and `status` reach the real program; it crashes, stops and is cleaned up
 * as the fixture service is.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, getJson } from '../support/http.js';
import { createStandIn, type StandIn } from './fly.js';

let fly: StandIn;
let dir: string;

/** A tiny app: /health per its HEALTH env var, / with what it was started with (a secret only as a digest). */
const SERVER = `
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
const env = process.env;
const digest = (v) => (v === undefined ? null : createHash('sha256').update(v).digest('hex'));
createServer((req, res) => {
  const status = req.url === '/health' ? Number(env.HEALTH || 200) : 200;
  const body = JSON.stringify({
    pid: process.pid,
    cwd: process.cwd(),
    argv: process.argv.slice(2),
    port: env.PORT,
    mode: env.MODE ?? null,
    app: env.FLY_APP_NAME,
    machine: env.FLY_MACHINE_ID,
    image: env.FLY_IMAGE_REF,
    region: env.FLY_REGION,
    token_sha256: digest(env.API_TOKEN),
    plumbing: Object.keys(env).filter((k) => k.startsWith('STANDIN_')).sort(),
  });
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}).listen(Number(env.PORT), '127.0.0.1', () => console.log('tiny app listening on ' + env.PORT));
`;

/** [env] sets PORT to the internal port, as the Nuzantara apps do; the machine's loopback port must win. */
const FLY_TOML = `app = "tiny"
primary_region = "sin"
[env]
  PORT = "8080"
  MODE = "production"
[http_service]
  internal_port = 8080
  [[http_service.checks]]
    grace_period = "1s"
    interval = "2s"
    timeout = "2s"
    method = "GET"
    path = "/health"
`;

// Characters a shell would act on: they must reach the program as they are.
const ODD_ARG = '--note=$(touch pwned); echo "a b" | cat';

async function must(args: string[], cwd = dir) {
  const result = await fly.run(args, { cwd });
  if (result.exitCode !== 0) throw new Error(`flyctl ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const registerTiny = (ref: string, extra: string[] = []) =>
  must(['standin', 'image', ref, '--run', process.execPath, '--arg', 'server.mjs', ...extra, '--cwd', '.']);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

beforeAll(async () => {
  fly = await createStandIn({ timeScale: 0.01 });
  dir = mkdtempSync(join(tmpdir(), 'standin-program-'));
  writeFileSync(join(dir, 'server.mjs'), SERVER);
  writeFileSync(join(dir, 'fly.toml'), FLY_TOML);
});
afterAll(async () => {
  await fly?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('standin image --run', () => {
  it('records the program with the image and prints it', async () => {
    const printed = JSON.parse(await registerTiny('registry.fly.io/tiny:v1', ['--arg', ODD_ARG]));
    expect(printed).toMatchObject({
      ref: 'registry.fly.io/tiny:v1',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      behaviour: 'program',
      run: { program: process.execPath, args: ['server.mjs', ODD_ARG], cwd: dir },
    });
  });

  it('runs the program as each machine; it answers through standin url with PORT = its loopback port', async () => {
    await must(['standin', 'app', 'tiny', '--image', 'registry.fly.io/tiny:v1', '--machines', '2']);
    const url = await fly.url('tiny');
    const machines = JSON.parse(readFileSync(join(fly.stateDir, 'machines.json'), 'utf8')) as Record<
      string,
      { app: string; port: number }
    >;
    const ports = Object.values(machines)
      .filter((m) => m.app === 'tiny')
      .map((m) => String(m.port));
    expect(ports).toHaveLength(2);

    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { status, body } = await getJson(`${url}/`);
      expect(status).toBe(200);
      const answer = body as Record<string, unknown>;
      expect(answer).toMatchObject({
        cwd: dir,
        argv: [ODD_ARG],
        app: 'tiny',
        image: 'registry.fly.io/tiny:v1',
        region: 'sin',
      });
      expect(ports).toContain(answer.port);
      seen.add(answer.machine as string);
    }
    // Round-robin over both machines, each a real process of its own.
    expect(seen.size).toBe(2);
    // No shell ran: the `$(touch pwned)` in the argument did nothing.
    expect(() => readFileSync(join(dir, 'pwned'))).toThrow();
  });

  it("the front door speaks for its own connections: no machine's keep-alive window reaches the client", async () => {
    const answer = await get(`${await fly.url('tiny')}/`);
    if (answer === 'timeout') throw new Error('the front door did not answer');
    expect(answer.status).toBe(200);
    // The machine (a Node server) says timeout=5; the proxy closes idle sockets after 1 s. A client told 5,
    // or told nothing (undici then keeps sockets 4 s), would send requests on sockets already closing.
    const keepAlive = /^timeout=(\d+)$/.exec(answer.headers.get('keep-alive') ?? '');
    expect(keepAlive).not.toBeNull();
    expect(Number(keepAlive?.[1])).toBeLessThanOrEqual(1);
    expect(answer.headers.get('x-standin-release')).toBe('1');
  });

  it('deploys with health checks against the real program: fly.toml [env] and secrets reach it, PORT stays the loopback port', async () => {
    const token = 'tiny-secret-value-1';
    const staged = await fly.run(['secrets', 'import', '-a', 'tiny', '--stage'], {
      input: `API_TOKEN=${token}\n`,
    });
    expect(staged.exitCode).toBe(0);
    await registerTiny('registry.fly.io/tiny:v2');
    const deploy = await fly.run(['deploy', '-a', 'tiny', '--image', 'registry.fly.io/tiny:v2'], {
      cwd: dir,
    });
    expect(deploy.exitCode).toBe(0);
    expect(deploy.stdout).toMatch(/Waiting for \w+ \[app\] to become healthy: 1\/1/);

    const { body } = await getJson(`${await fly.url('tiny')}/`);
    const answer = body as Record<string, unknown>;
    expect(answer).toMatchObject({
      mode: 'production',
      image: 'registry.fly.io/tiny:v2',
      token_sha256: createHash('sha256').update(token).digest('hex'),
      // The program keeps only the markers that tie it to its machine instance.
      plumbing: ['STANDIN_INSTANCE_ID', 'STANDIN_STATE'],
    });
    expect(answer.port).not.toBe('8080');
    expect(Number(answer.port)).toBeGreaterThan(0);

    const status = JSON.parse((await fly.run(['status', '-a', 'tiny', '--json'])).stdout) as {
      Version: number;
      Machines: { state: string; checks: { status: string }[] }[];
    };
    expect(status.Version).toBe(2);
    expect(status.Machines.map((m) => [m.state, m.checks.map((c) => c.status)])).toEqual([
      ['started', ['passing']],
      ['started', ['passing']],
    ]);
    // The secret's value is nowhere in argv.
    expect(JSON.stringify(fly.invocations())).not.toContain(token);
  });

  it('fails the deploy when the real program is unhealthy', async () => {
    await fly.run(['secrets', 'set', '-a', 'tiny', '--stage', 'HEALTH=503']);
    await registerTiny('registry.fly.io/tiny:v3');
    const deploy = await fly.run(
      ['deploy', '-a', 'tiny', '--image', 'registry.fly.io/tiny:v3', '--wait-timeout', '30s'],
      { cwd: dir },
    );
    expect(deploy.exitCode).toBe(1);
    expect(deploy.stderr).toMatch(/timeout reached waiting for health checks to pass for machine \w+/);
    // The front door still routes to release 2: the newest complete one.
    const { status, headers } = await (async () => {
      const response = await fetch(`${await fly.url('tiny')}/health`, { signal: AbortSignal.timeout(3000) });
      return { status: response.status, headers: response.headers };
    })();
    expect(status).toBe(200);
    expect(headers.get('x-standin-release')).toBe('2');
  });

  it('a program that exits at start is a crashing machine, with its output in the smoke-check logs', async () => {
    await fly.run(['secrets', 'set', '-a', 'tiny', '--stage', 'HEALTH=200']);
    await must([
      'standin',
      'image',
      'registry.fly.io/tiny:exits',
      '--run',
      process.execPath,
      '--arg',
      '-e',
      '--arg',
      'console.error("boom: missing config"); process.exit(3)',
    ]);
    const deploy = await fly.run(['deploy', '-a', 'tiny', '--image', 'registry.fly.io/tiny:exits'], {
      cwd: dir,
    });
    expect(deploy.exitCode).toBe(1);
    expect(deploy.stderr).toMatch(/smoke checks for \w+ failed: the app appears to be crashing/);
    expect(deploy.stderr).toContain('boom: missing config');
    expect(deploy.stderr).toMatch(/exited with code 3/);
  });

  it('a program that cannot be found crashes the machine and says why', async () => {
    await must(['standin', 'image', 'registry.fly.io/tiny:missing', '--run', 'no-such-program-standin']);
    const deploy = await fly.run(['deploy', '-a', 'tiny', '--image', 'registry.fly.io/tiny:missing'], {
      cwd: dir,
    });
    expect(deploy.exitCode).toBe(1);
    expect(deploy.stderr).toMatch(
      /could not start no-such-program-standin: spawn no-such-program-standin ENOENT/,
    );
  });

  it('refuses flags that do not fit', async () => {
    const cases: [string[], string][] = [
      [['--run', 'x', '--behaviour', 'crash'], '--behaviour is for the fixture service'],
      [['--run', 'x', '--from-machine', '2'], '--from-machine is for the fixture service'],
      [['--run', 'x', '--cwd', 'no/such/dir'], '--cwd no/such/dir: no such directory'],
      [['--arg', 'x'], '--arg needs --run <program>'],
      [['--cwd', '.'], '--cwd needs --run <program>'],
      [['--run', ''], '--run needs a program'],
    ];
    for (const [flags, message] of cases) {
      const result = await fly.run(['standin', 'image', 'registry.fly.io/tiny:bad', ...flags], { cwd: dir });
      expect([result.exitCode, result.stderr]).toEqual([1, expect.stringContaining(`Error: ${message}`)]);
    }
  });

  it('stop-all stops the programs too', async () => {
    const { body } = await getJson(`${await fly.url('tiny')}/`);
    const pid = (body as { pid: number }).pid;
    expect(alive(pid)).toBe(true);
    const stopped = await fly.run(['standin', 'stop-all']);
    expect(stopped.stdout).toMatch(/^stopped \d+ processes\n$/);
    const end = Date.now() + 3000;
    while (alive(pid) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(alive(pid)).toBe(false);
  });
});
