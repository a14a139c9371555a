/**
 * Contract tests: the stand-in's JSON, texts and exit codes against flyctl-contract.md (§2, §3, §4, §5, §6,
 * §9, §10, §11, §14), so the actions are tested against something that behaves like flyctl.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandIn, type StandIn } from './fly.js';
import {
  expectFlyctlJson,
  expectShape,
  machineShape,
  releaseShape,
  secretShape,
  statusShape,
  versionShape,
} from './shapes.js';

let fly: StandIn;
let url: string;

beforeAll(async () => {
  fly = await createStandIn();
  await fly.image('registry.fly.io/shop:v1', 'healthy');
  await fly.app('shop', { image: 'registry.fly.io/shop:v1', machines: 2 });
  url = await fly.url('shop');
});

afterAll(async () => {
  await fly?.stop();
});

describe('version', () => {
  it('prints the §11 JSON shape as one compact line (a plain json.Encoder)', async () => {
    const result = await fly.run(['version', '--json']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      '{"Name":"flyctl","Version":"0.4.87","Commit":"standin","BranchName":"","BuildDate":"2026-08-20T12:00:00Z","OS":"linux","Architecture":"amd64","Environment":"production"}\n',
    );
    expectShape(JSON.parse(result.stdout), versionShape, '$', true);
    expect(JSON.parse(result.stdout).Version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints the text form and honours FLY_STANDIN_VERSION', async () => {
    const result = await fly.call(['version'], { env: { FLY_STANDIN_VERSION: '0.4.50' } });
    expect(result.stdout).toMatch(/^flyctl v0\.4\.50 linux\/amd64/);
  });
});

describe('releases --json (§2)', () => {
  it('is a PascalCase array with the zero-valued fields flyctl never queries', async () => {
    const result = await fly.call(['releases', '-a', 'shop', '--json']);
    expect(result.exitCode).toBe(0);
    const releases = expectFlyctlJson(result.stdout) as Record<string, unknown>[];
    expect(releases).toHaveLength(1);
    expectShape(releases[0], releaseShape, '$[0]', true);
    expect(releases[0]).toMatchObject({
      Version: 1,
      Status: 'complete',
      InProgress: false,
      DeploymentStrategy: '',
      EvaluationID: '',
      Metadata: null,
      ImageRef: 'registry.fly.io/shop:v1',
    });
    expect(releases[0]?.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('lists newest first and caps at 25', async () => {
    await fly.image('registry.fly.io/many:v1', 'healthy');
    await fly.app('many', { image: 'registry.fly.io/many:v1', machines: 1 });
    const seeded = await fly.call([
      'standin',
      'history',
      'many',
      '--count',
      '25',
      '--image',
      'registry.fly.io/many:v1',
    ]);
    expect(seeded.exitCode).toBe(0);
    const deployed = await fly.call(['deploy', '-a', 'many', '-i', 'registry.fly.io/many:v1', '--detach']);
    expect(deployed.exitCode).toBe(0);
    const releases = await fly.releases('many');
    expect(releases).toHaveLength(25);
    expect(releases.map((r) => r.Version)).toEqual(Array.from({ length: 25 }, (_, i) => 27 - i));
  });

  it('escapes <, > and & like Go encoding/json', async () => {
    await fly.app('html');
    await fly.call(['standin', 'history', 'html', '--status', 'odd<&>status']);
    const result = await fly.call(['releases', '-a', 'html', '--json']);
    expect(result.stdout).toContain('"Status": "odd\\u003c\\u0026\\u003estatus"');
    expect((expectFlyctlJson(result.stdout) as { Status: string }[])[0]?.Status).toBe('odd<&>status');
  });

  it('accepts -j and the apps releases alias, and prints a table without --json', async () => {
    const short = await fly.call(['apps', 'releases', '-a', 'shop', '-j']);
    expect(JSON.parse(short.stdout)[0].Version).toBe(1);
    const table = await fly.call(['releases', '-a', 'shop', '--image']);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^VERSION\s+STATUS\s+DESCRIPTION\s+USER\s+DATE\s+DOCKER IMAGE$/,
    );
    expect(table.stdout).toMatch(/^v1\s+complete/m);
  });

  it('has no rollback subcommand (§1)', async () => {
    const result = await fly.run(['releases', 'rollback', '-a', 'shop']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('Error: unknown command "rollback" for "flyctl releases"\n');
    expect(result.stdout).toBe('');
  });
});

describe('status --json (§3) and machine list --json (§10)', () => {
  it('reports the app, the current version and every machine with its release metadata', async () => {
    const result = await fly.call(['status', '-a', 'shop', '--json']);
    expect(result.exitCode).toBe(0);
    const status = expectFlyctlJson(result.stdout) as {
      Hostname: string;
      Version: number;
      Machines: Record<string, unknown>[];
    };
    expectShape(status, statusShape, '$', true);
    expect(status.Hostname).toBe('shop.fly.dev');
    expect(status.Version).toBe(1);
    expect(status.Machines).toHaveLength(2);
    const ids = status.Machines.map((m) => m.id as string);
    expect(ids).toEqual([...ids].sort().reverse());
    for (const machine of status.Machines) {
      expectShape(machine, machineShape, '$.Machines[]');
      expect(machine).toMatchObject({
        state: 'started',
        region: 'sin',
        host_status: 'ok',
        cordoned: false,
        config: {
          image: 'registry.fly.io/shop:v1',
          metadata: { fly_release_version: '1', fly_platform_version: 'v2', fly_process_group: 'app' },
        },
        image_ref: { registry: 'registry.fly.io', repository: 'shop', tag: 'v1' },
      });
      expect(machine.id).toMatch(/^[0-9a-f]{14}$/);
      // omitempty: no health checks configured → no `checks` key at all; empty image_ref parts are dropped.
      expect('checks' in machine).toBe(false);
      expect(Object.keys(machine.image_ref as object)).toEqual(['registry', 'repository', 'tag', 'digest']);
    }
  });

  it('machine list is an array of the same machines, [] when an app has none', async () => {
    const result = await fly.call(['machine', 'list', '-a', 'shop', '--json']);
    const machines = expectFlyctlJson(result.stdout) as Record<string, unknown>[];
    expect(machines).toHaveLength(2);
    machines.forEach((m) => expectShape(m, machineShape, '$[]'));
    await fly.app('empty');
    const none = await fly.call(['machines', 'ls', '-a', 'empty', '--json']);
    expect(none.stdout).toBe('[]\n');
    const noRelease = JSON.parse((await fly.call(['status', '-a', 'empty', '--json'])).stdout);
    expect(noRelease).toMatchObject({ Version: 0, Deployed: false, Machines: [] });
  });

  it('checks list --json is keyed by machine ID (§10)', async () => {
    const result = await fly.call(['checks', 'list', '-a', 'shop', '--json']);
    const checks = expectFlyctlJson(result.stdout) as Record<string, unknown[]>;
    const machines = await fly.machines('shop');
    expect(Object.keys(checks).sort()).toEqual(machines.map((m) => m.id).sort());
    expect(Object.values(checks).every((list) => Array.isArray(list))).toBe(true);
  });

  it('auth whoami answers with an email', async () => {
    const result = await fly.call(['auth', 'whoami', '--json']);
    expect(Object.keys(expectFlyctlJson(result.stdout) as object)).toEqual(['email']);
  });

  it('rejects --watch with --json', async () => {
    const result = await fly.call(['status', '-a', 'shop', '--json', '--watch']);
    expect(result).toMatchObject({
      exitCode: 1,
      stderr: 'Error: --watch and --json are not supported together\n',
    });
  });

  it('serves real HTTP through the front door', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-standin-release')).toBe('1');
  });
});

describe('tokens and errors (§4, §9)', () => {
  const noToken = "Error: no access token available. Please login with 'flyctl auth login'\n";

  it('fails every API command without a token, exit 1', async () => {
    for (const args of [
      ['releases', '-a', 'shop', '--json'],
      ['status', '-a', 'shop', '--json'],
      ['deploy', '-a', 'shop', '-i', 'registry.fly.io/shop:v1'],
      ['secrets', 'list', '-a', 'shop', '--json'],
    ]) {
      const result = await fly.call(args, { env: { FLY_API_TOKEN: '' } });
      expect({ args, exitCode: result.exitCode, stderr: result.stderr }).toEqual({
        args,
        exitCode: 1,
        stderr: noToken,
      });
    }
  });

  it('lets a set-but-empty FLY_ACCESS_TOKEN shadow FLY_API_TOKEN, and FLY_ACCESS_TOKEN win', async () => {
    const shadowed = await fly.run(['releases', '-a', 'shop', '--json'], { env: { FLY_ACCESS_TOKEN: '' } });
    expect(shadowed).toMatchObject({ exitCode: 1, stderr: noToken });
    const access = await fly.call(['releases', '-a', 'shop', '--json'], {
      env: { FLY_ACCESS_TOKEN: 'tok', FLY_API_TOKEN: '' },
    });
    expect(access.exitCode).toBe(0);
    const flag = await fly.call(['releases', '-a', 'shop', '--json', '-t', 'tok'], {
      env: { FLY_API_TOKEN: '' },
    });
    expect(flag.exitCode).toBe(0);
  });

  it('fails like cobra on unknown commands and flags', async () => {
    const command = await fly.run(['launchx']);
    // cli.Run prints the hint with fmt.Printf and then an empty fmt.Println().
    expect(command).toEqual({
      exitCode: 1,
      stderr: 'Error: unknown command "launchx" for "flyctl"\n',
      stdout: "Run 'flyctl --help' for usage.\n\n",
    });
    const flag = await fly.call(['deploy', '-a', 'shop', '--bogus']);
    expect(flag).toMatchObject({ exitCode: 1, stderr: 'Error: unknown flag: --bogus\n' });
    const short = await fly.call(['releases', '-a', 'shop', '-Z']);
    expect(short).toMatchObject({ exitCode: 1, stderr: "Error: unknown shorthand flag: 'Z' in -Z\n" });
    const missing = await fly.call(['releases', '-a']);
    expect(missing).toMatchObject({ exitCode: 1, stderr: "Error: flag needs an argument: 'a' in -a\n" });
  });

  it('names a missing app and a missing app name', async () => {
    expect(await fly.call(['status', '-a', 'nope', '--json'])).toMatchObject({
      exitCode: 1,
      stderr: 'Error: Could not find App "nope"\n',
    });
    const noName = await fly.call(['releases', '--json']);
    expect(noName.stderr).toBe(
      'Error: the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag\n',
    );
    expect((await fly.call(['releases', '--json'], { env: { FLY_APP: 'shop' } })).exitCode).toBe(0);
  });

  it('adds the ::error annotation only with GITHUB_ACTIONS=true and FLY_GHA_ERROR_ANNOTATION', async () => {
    const plain = await fly.call(['status', '-a', 'nope', '--json'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(plain.stdout).toBe('');
    const annotated = await fly.call(['status', '-a', 'nope', '--json'], {
      env: { GITHUB_ACTIONS: 'true', FLY_GHA_ERROR_ANNOTATION: '1' },
    });
    expect(annotated.stdout).toBe('::error title=flyctl error::Could not find App "nope"\n');
  });

  const prefix = 'Error: failed to fetch an image or build from source: ';

  it('fails a --local-only build without Docker and a bad --depot value, before any release (§4)', async () => {
    const local = await fly.call(['deploy', '-a', 'shop', '--local-only']);
    expect(local).toMatchObject({ exitCode: 1 });
    // "==>" progress lines come first on stderr, as flyctl's render.TextBlock writes them there.
    expect(local.stderr).toMatch(
      /\n==> Building image\nError: failed to fetch an image or build from source: docker is unavailable to build the deployment image\n$/,
    );
    const depot = await fly.call(['deploy', '-a', 'shop', '--depot', 'maybe']);
    expect(depot.exitCode).toBe(1);
    // Checked before the "Building image" block, even with --image.
    expect(depot.stderr).toBe(
      `==> Verifying app config\n--> Verified app config\n${prefix}invalid value for the 'depot' flag. must be 'true', 'false', or ''\n`,
    );
    const withImage = await fly.call(['deploy', '-a', 'shop', '-i', 'registry.fly.io/shop:v1', '--depot=x']);
    expect(withImage.stderr).toMatch(
      /Error: failed to fetch an image or build from source: invalid value for the 'depot' flag/,
    );
    expect((await fly.releases('shop')).map((r) => r.Version)).toEqual([1]);
  });

  it('accepts every --depot value flyctl does', async () => {
    await fly.image('registry.fly.io/depot:v1', 'healthy');
    await fly.app('depot', { image: 'registry.fly.io/depot:v1', machines: 1 });
    for (const value of ['auto', 'true', 'false', '']) {
      const result = await fly.call([
        'deploy',
        '-a',
        'depot',
        '-i',
        'registry.fly.io/depot:v1',
        `--depot=${value}`,
      ]);
      expect({ value, exitCode: result.exitCode }).toEqual({ value, exitCode: 0 });
    }
  });

  it('wraps NAME=VALUE errors as flyctl does: build args, build secrets, labels, -e (§4)', async () => {
    const buildArg = await fly.call(['deploy', '-a', 'shop', '--build-arg', 'NOEQUALS']);
    expect(buildArg).toMatchObject({ exitCode: 1 });
    expect(buildArg.stderr).toMatch(
      new RegExp(`\\n${prefix}invalid build args: 'NOEQUALS': must be in the format NAME=VALUE\\n$`),
    );
    const secret = await fly.call(['deploy', '-a', 'shop', '--build-secret', 'TOKEN']);
    expect(secret.stderr).toMatch(new RegExp(`\\n${prefix}'TOKEN': must be in the format NAME=VALUE\\n$`));
    const label = await fly.call(['deploy', '-a', 'shop', '--label', 'team']);
    expect(label.stderr).toMatch(new RegExp(`\\n${prefix}'team': must be in the format NAME=VALUE\\n$`));
    const env = await fly.call(['deploy', '-a', 'shop', '-i', 'registry.fly.io/shop:v1', '-e', 'MODE']);
    expect(env).toMatchObject({ exitCode: 1 });
    // Parsed in determineAppConfig, before the validation text.
    expect(env.stderr).toBe(
      "==> Verifying app config\nError: failed parsing environment: 'MODE': must be in the format NAME=VALUE\n",
    );
    expect(env.stdout).toBe('');
    // A prebuilt image is not built: --build-secret is never parsed then.
    const prebuilt = await fly.call([
      'deploy',
      '-a',
      'shop',
      '-i',
      'registry.fly.io/shop:v1',
      '--build-secret',
      'TOKEN',
      '--detach',
    ]);
    expect(prebuilt.exitCode).toBe(0);
  });

  it('rejects an invalid --wait-timeout after the image, before any release (§4)', async () => {
    const before = (await fly.releases('shop')).map((r) => r.Version);
    const args = ['deploy', '-a', 'shop', '-i', 'registry.fly.io/shop:v1'];
    const result = await fly.call([...args, '--wait-timeout', '5 minutes']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /\nError: invalid duration value 5 minutes used for --wait-timeout flag: valid options are a number of seconds, number with time unit \(i\.e\.: 5m, 180s\) or 'none'\n$/,
    );
    // "Watch your deployment" is printed before the duration flags are parsed.
    expect(result.stdout).toMatch(
      /\nWatch your deployment at https:\/\/fly\.io\/apps\/shop\/monitoring\n\n$/,
    );
    const release = await fly.call([...args, '--release-command-timeout', '1d']);
    expect(release.stderr).toMatch(
      /\nError: invalid duration value 1d used for --release-command-timeout flag: valid options are a number of seconds, number with time unit \(i\.e\.: 5m, 180s\) or 'none'\n$/,
    );
    // The image is resolved first: a missing image wins over a bad duration.
    const missing = await fly.call([
      'deploy',
      '-a',
      'shop',
      '-i',
      'registry.fly.io/shop:nope',
      '--wait-timeout',
      'x',
    ]);
    expect(missing.stderr).toMatch(
      /Error: failed to fetch an image or build from source: could not find image/,
    );
    const retries = await fly.call([...args, '--deploy-retries', 'many']);
    expect(retries.stderr).toMatch(
      /\nError: --deploy-retries must be set to a positive integer, 0, or 'auto'\n$/,
    );
    const unavailable = await fly.call([...args, '--max-unavailable', '0']);
    expect(unavailable.stderr).toMatch(/\nError: the value for --max-unavailable must be > 0\n$/);
    expect((await fly.releases('shop')).map((r) => r.Version)).toEqual(before);
  });

  it('names a -c path that does not exist, and the fly.toml it also tried (§4)', async () => {
    const result = await fly.call(['deploy', '-a', 'shop', '-c', 'nowhere/app.toml']);
    expect(result).toMatchObject({
      exitCode: 1,
      stderr:
        'Error: config file not found at specified path: nowhere/app.toml (also tried: nowhere/app.toml/fly.toml)\n',
    });
  });

  it('exits 1 without FLY_STANDIN_STATE, with a clear message', async () => {
    const result = await fly.run(['version'], { env: { FLY_STANDIN_STATE: '' } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^Error: FLY_STANDIN_STATE is not set/);
  });

  it('records every invocation argv', async () => {
    await fly.run(['releases', '-a', 'shop', '--json']);
    const last = fly.invocations().at(-1);
    expect(last?.argv).toEqual(['releases', '-a', 'shop', '--json']);
  });
});

describe('secrets list --json (§5)', () => {
  it('lists names, digests and statuses, never values', async () => {
    await fly.app('vault', { image: 'registry.fly.io/shop:v1', machines: 1 });
    const staged = await fly.call(['secrets', 'import', '-a', 'vault', '--stage'], {
      input: 'API_KEY=super-secret-value\nDB_URL=postgres://u:p@h/db\n',
    });
    expect(staged).toEqual({
      exitCode: 0,
      stdout:
        'Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.\n',
      stderr: '',
    });
    const list = await fly.call(['secrets', 'list', '-a', 'vault', '--json']);
    const secrets = expectFlyctlJson(list.stdout) as { name: string; digest: string; status: string }[];
    secrets.forEach((s) => expectShape(s, secretShape, '$[]', true));
    expect(secrets.map((s) => [s.name, s.status])).toEqual([
      ['API_KEY', 'Staged'],
      ['DB_URL', 'Staged'],
    ]);
    expect(list.stdout).not.toContain('super-secret-value');

    const deployed = await fly.call(['secrets', 'deploy', '-a', 'vault']);
    expect(deployed.exitCode).toBe(0);
    const after = JSON.parse((await fly.call(['secrets', 'list', '-a', 'vault', '--json'])).stdout);
    expect(after.map((s: { status: string }) => s.status)).toEqual(['Deployed', 'Deployed']);
    expect(after[0].digest).toBe(secrets[0]?.digest);
    expect((await fly.releases('vault'))[0]).toMatchObject({ Version: 2, Status: 'complete' });
  });

  it('secrets set stages NAME=VALUE pairs and reads NAME=- from stdin', async () => {
    await fly.app('setter');
    const set = await fly.call(['secrets', 'set', '-a', 'setter', '--stage', 'A=1', 'PEM=-'], {
      input: 'line "1"\n#line 2\n',
    });
    expect(set.exitCode).toBe(0);
    expect((await fly.secrets('setter')).staged).toEqual({ A: '1', PEM: 'line "1"\n#line 2\n' });
    const bad = await fly.call(['secrets', 'set', '-a', 'setter', 'OK=1', 'NOEQUALS']);
    expect(bad).toMatchObject({
      exitCode: 1,
      stderr: "Error: could not parse secrets: 'NOEQUALS': must be in the format NAME=VALUE\n",
    });
    // cobra.MinimumNArgs(1), before the token is even looked at.
    const none = await fly.call(['secrets', 'set', '-a', 'setter'], { env: { FLY_API_TOKEN: '' } });
    expect(none).toMatchObject({
      exitCode: 1,
      stderr: 'Error: requires at least 1 arg(s), only received 0\n',
    });
  });

  it('secrets deploy without machines fails like flyctl, with its description and suggestion', async () => {
    const result = await fly.call(['secrets', 'deploy', '-a', 'empty']);
    expect(result).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr:
        "Error: no machines available to deploy\n'fly secrets deploy' will only work if the app has been deployed and there are machines available\n\nTry 'fly deploy' first\n\n",
    });
  });

  it('a deployed app without machines gets a restart-only release, and lists every secret Staged', async () => {
    await fly.app('bare');
    await fly.call(['standin', 'history', 'bare', '--count', '1']);
    const set = await fly.call(['secrets', 'set', '-a', 'bare', 'A=1']);
    expect(set.exitCode).toBe(0);
    expect((await fly.releases('bare'))[0]).toMatchObject({ Version: 2, Status: 'complete' });
    expect(await fly.secrets('bare')).toEqual({ staged: {}, deployed: { A: '1' } });
    // list.go computeSecretStatus: no machines → Staged.
    const list = JSON.parse((await fly.call(['secrets', 'list', '-a', 'bare', '--json'])).stdout);
    expect(list).toEqual([expect.objectContaining({ name: 'A', status: 'Staged' })]);
  });

  it('import without --stage on an undeployed app stages for the first deployment', async () => {
    await fly.app('fresh');
    const result = await fly.call(['secrets', 'import', '-a', 'fresh'], { input: 'A=1\n' });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'Secrets are staged for the first deployment\n' });
    expect(await fly.secrets('fresh')).toEqual({ staged: { A: '1' }, deployed: {} });
  });
});

describe('config validate (§6)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'standin-config-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const RED_CROSS = '\x1b[31m✘\x1b[0m';
  const GREEN_TICK = '\x1b[32m✓\x1b[0m';
  const YELLOW_WARN = '\x1b[33mWARN\x1b[0m';

  it('accepts a valid config: ✓ is always coloured, then one more empty line', async () => {
    const path = write('ok.toml', 'app = "shop"\n[deploy]\nstrategy = "bluegreen"\n');
    for (const env of [{}, { NO_COLOR: '1', TERM: 'dumb' }] as Record<string, string>[]) {
      const result = await fly.run(['config', 'validate', '-c', path], { env });
      expect(result).toEqual({
        exitCode: 0,
        stdout: `Validating ${path}\n${GREEN_TICK} Configuration is valid\n\n`,
        stderr: '',
      });
    }
  });

  it('prints the reasons as plain lines before one ✘invalid app configuration line', async () => {
    const path = write(
      'bad.toml',
      'app = "shop"\n[deploy]\nstrategy = "yolo"\n[checks.db]\ntype = "tcp"\nport = 5432\ninterval = "1s"\n',
    );
    const result = await fly.call(['config', 'validate', '-c', path]);
    expect(result.exitCode).toBe(1);
    // The strategy message has no trailing newline in flyctl; the ✘ line brings its own.
    expect(result.stdout).toBe(
      `Validating ${path}\n` +
        "unsupported deployment strategy 'yolo'; Apps v2 supports the following strategies: canary, rolling, immediate, bluegreen" +
        "Check 'db' interval is too short: 1s, minimum is 2 seconds\n" +
        `\n   ${RED_CROSS}invalid app configuration\n\n`,
    );
    expect(result.stderr).toBe('Error: App configuration is not valid\n');
  });

  it('reports a type error as the ✘ line itself (json: cannot unmarshal …), not as an Error:', async () => {
    const path = write('types.toml', 'app = "shop"\nswap_size_mb = "lots"\n');
    const result = await fly.call(['config', 'validate', '-c', path]);
    expect(result).toEqual({
      exitCode: 1,
      stdout: `Validating ${path}\n\n   ${RED_CROSS}json: cannot unmarshal string into Go struct field Config.swap_size_mb of type int\n\n`,
      stderr: 'Error: App configuration is not valid\n',
    });
    const nested = write(
      'nested.toml',
      'app = "shop"\n[http_service]\ninternal_port = 8.5\nforce_https = "yes"\n',
    );
    expect((await fly.call(['config', 'validate', '-c', nested])).stdout).toContain(
      `${RED_CROSS}json: cannot unmarshal string into Go struct field HTTPService.http_service.force_https of type bool\n`,
    );
    const args = write('args.toml', 'app = "shop"\n[build.args]\nNODE = 20\n');
    expect((await fly.call(['config', 'validate', '-c', args])).stdout).toContain(
      `${RED_CROSS}json: cannot unmarshal number into Go struct field Build.build.args of type string\n`,
    );
    // The patches' own errors come first (patches.go castToInt).
    const port = write('port.toml', 'app = "shop"\n[[services]]\ninternal_port = "http"\n');
    expect((await fly.call(['config', 'validate', '-c', port])).stdout).toContain(
      `${RED_CROSS}Can not convert 'http' to integer: strconv.Atoi: parsing "http": invalid syntax\n`,
    );
  });

  it('colours WARN even off a terminal, and valid configs with warnings still pass', async () => {
    const path = write(
      'warn.toml',
      'app = "shop"\n[http_service]\ninternal_port = 8080\n[[http_service.checks]]\ninterval = 10\npath = "/health"\n',
    );
    const result = await fly.call(['config', 'validate', '-c', path]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      `Validating ${path}\n${YELLOW_WARN} Service HTTP check has an interval less than 1 second (10ns); this will be raised to 1 second\n${GREEN_TICK} Configuration is valid\n\n`,
    );
  });

  it('reports TOML syntax errors at load time with row and column', async () => {
    const path = write('broken.toml', 'app = "shop"\n[deploy\n');
    const result = await fly.call(['config', 'validate', '-c', path]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^Error: failed loading app config from ${path}: row 2 column \\d+\\n`),
    );
    expect(result.stdout).toBe('');
  });

  it("flags unknown sections only with --strict, in flyctl's layout", async () => {
    const path = write('extra.toml', 'app = "shop"\n[mystery]\nx = 1\n');
    expect((await fly.call(['config', 'validate', '-c', path])).exitCode).toBe(0);
    const strict = await fly.call(['config', 'validate', '-c', path, '--strict']);
    expect(strict).toEqual({
      exitCode: 1,
      stdout: `Validating ${path}\n${GREEN_TICK} Configuration is valid\n\n\nStrict validation found unrecognised sections or keys:\n  - mystery\n\n\n`,
      stderr: 'Error: strict validation failed\n',
    });
  });

  it('validates the deployed config when there is no local file', async () => {
    const result = await fly.call(['config', 'validate', '-a', 'shop'], { cwd: dir });
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: `Validating \n${GREEN_TICK} Configuration is valid\n\n`,
    });
  });

  it('needs a token and a path that exists', async () => {
    const path = write('ok2.toml', 'app = "shop"\n');
    expect(
      (await fly.call(['config', 'validate', '-c', path], { env: { FLY_API_TOKEN: '' } })).exitCode,
    ).toBe(1);
    const missing = await fly.call(['config', 'validate', '-c', join(dir, 'nope.toml')]);
    expect(missing.stderr).toBe(
      `Error: config file not found at specified path: ${join(dir, 'nope.toml')} (also tried: ${join(dir, 'nope.toml', 'fly.toml')})\n`,
    );
  });
});

describe('machine config as fly-go renders it (§3, §14)', () => {
  it("keeps fly.MachineConfig order, only the check fields fly.toml sets, and flyctl's check rules", async () => {
    await fly.app('cfg', { image: 'registry.fly.io/shop:v1', machines: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'standin-machine-config-'));
    const path = join(dir, 'fly.toml');
    writeFileSync(
      path,
      [
        'app = "cfg"',
        '[env]',
        '  ZED = "z"',
        '  ALPHA = "a"',
        '[http_service]',
        '  internal_port = 8080',
        '  [[http_service.checks]]',
        '    method = "get"',
        '    path = "/health"',
        '[checks.alive]',
        '  type = "http"',
        '  method = "get"',
        '  path = "/"',
        '',
      ].join('\n'),
    );
    const result = await fly.call([
      'deploy',
      '-a',
      'cfg',
      '-c',
      path,
      '-i',
      'registry.fly.io/shop:v1',
      '--detach',
    ]);
    expect(result.exitCode).toBe(0);
    const [machine] = await fly.machines('cfg');
    const config = machine?.config as Record<string, unknown> & {
      env: Record<string, string>;
      services: Record<string, unknown>[];
      checks: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(config)).toEqual([
      'env',
      'init',
      'guest',
      'metadata',
      'services',
      'checks',
      'image',
      'restart',
      'dns',
    ]);
    expect(Object.keys(config.env)).toEqual(['ALPHA', 'ZED']);
    expect(config.services[0]).toEqual({
      protocol: 'tcp',
      internal_port: 8080,
      ports: [
        { port: 80, handlers: ['http'] },
        { port: 443, handlers: ['http', 'tls'] },
      ],
      // A service check's method is passed as written; no port, no defaults.
      checks: [{ type: 'http', method: 'get', path: '/health' }],
      force_instance_key: null,
    });
    // A top-level check: port first, the [http_service] port by default, the method upper-cased.
    expect(config.checks).toEqual({ alive: { port: 8080, type: 'http', method: 'GET', path: '/' } });
  });
});
