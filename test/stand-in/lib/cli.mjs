// The stand-in flyctl: command routing, flyctl's flags and outputs, plus the hidden `standin` setup
// commands tests use. Every invocation's argv is appended to <state>/invocations.jsonl.
import { spawn } from 'node:child_process';
import { closeSync, openSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './args.mjs';
import { appUrl, deploySettings, loadConfig, validateConfig } from './config.mjs';
import {
  DEFAULT_WAIT_TIMEOUT_MS,
  deployOptions,
  deployableMachines,
  newDeploymentTag,
  parseDurationFlag,
  registerImage,
  releaseImageRef,
  resolveImage,
  runDeploy,
  secretValues,
} from './deploy.mjs';
import { appMachines, instanceMarker, stopProcess } from './machines.mjs';
import {
  FLYCTL_VERSION,
  USER,
  currentVersion,
  machineView,
  newRelease,
  releasesView,
  runChecks,
  statusView,
} from './model.mjs';
import { parseSecrets } from './secrets-parser.mjs';
import { State, readJson, stateDirFromEnv } from './state.mjs';
import {
  FlyError,
  aurora,
  opaqueId,
  ownProcessAlive,
  renderCompactJson,
  renderJson,
  sha256,
  sleep,
  timeScale,
  truthy,
} from './util.mjs';

const LIB = dirname(fileURLToPath(import.meta.url));
export const BEHAVIOURS = ['healthy', 'unhealthy', 'crash', 'slow', 'degrading', 'hang'];

const APP = { app: { short: 'a', type: 'string' }, config: { short: 'c', type: 'string' } };
const JSON_FLAG = { json: { short: 'j', type: 'bool' } };

const COMMANDS = {
  version: { flags: { ...JSON_FLAG }, run: version, noSession: true },
  releases: { flags: { ...APP, ...JSON_FLAG, image: { type: 'bool' } }, run: releases, noArgs: true },
  apps: {
    sub: {
      releases: { flags: { ...APP, ...JSON_FLAG, image: { type: 'bool' } }, run: releases, noArgs: true },
    },
  },
  status: {
    flags: { ...APP, ...JSON_FLAG, all: { type: 'bool' }, watch: { type: 'bool' }, rate: { type: 'string' } },
    run: status,
    noArgs: true,
  },
  machine: {
    aliases: ['machines', 'm'],
    sub: {
      list: {
        aliases: ['ls'],
        flags: { ...APP, ...JSON_FLAG, quiet: { short: 'q', type: 'bool' } },
        run: machineList,
        noArgs: true,
      },
    },
  },
  checks: {
    sub: {
      list: {
        flags: { ...APP, ...JSON_FLAG, 'check-name': { type: 'string' } },
        run: checksList,
        noArgs: true,
      },
    },
  },
  auth: { sub: { whoami: { flags: { ...JSON_FLAG }, run: whoami, noArgs: true } } },
  deploy: {
    flags: {
      ...APP,
      image: { short: 'i', type: 'string' },
      strategy: { type: 'string' },
      'wait-timeout': { type: 'string' },
      'release-command-timeout': { type: 'string' },
      'lease-timeout': { type: 'string' },
      'remote-only': { type: 'bool' },
      'local-only': { type: 'bool' },
      depot: { type: 'string' },
      'depot-scope': { type: 'string' },
      'build-arg': { type: 'array' },
      'build-secret': { type: 'array' },
      'build-target': { type: 'string' },
      'build-only': { type: 'bool' },
      dockerfile: { type: 'string' },
      'image-label': { type: 'string' },
      label: { type: 'array' },
      'no-cache': { type: 'bool' },
      push: { type: 'bool' },
      env: { short: 'e', type: 'array' },
      'skip-release-command': { type: 'bool' },
      'smoke-checks': { type: 'bool', default: true },
      'dns-checks': { type: 'bool', default: true },
      detach: { type: 'bool' },
      yes: { short: 'y', type: 'bool' },
      'auto-confirm': { type: 'bool' },
      now: { type: 'bool' },
      ha: { type: 'bool', default: true },
      'deploy-retries': { type: 'string' },
      'max-unavailable': { type: 'string' },
      'max-concurrent': { type: 'string' },
      'primary-region': { type: 'string' },
      regions: { type: 'string' },
      'update-only': { type: 'bool' },
      'no-public-ips': { type: 'bool' },
      signal: { short: 's', type: 'string' },
    },
    run: deploy,
    maxArgs: 1,
  },
  secrets: {
    sub: {
      import: {
        flags: {
          ...APP,
          detach: { type: 'bool' },
          stage: { type: 'bool' },
          'dns-checks': { type: 'bool', default: true },
        },
        run: secretsImport,
        noArgs: true,
      },
      set: {
        flags: {
          ...APP,
          detach: { type: 'bool' },
          stage: { type: 'bool' },
          'dns-checks': { type: 'bool', default: true },
        },
        run: secretsSet,
        minArgs: 1,
      },
      list: { aliases: ['ls'], flags: { ...APP, ...JSON_FLAG }, run: secretsList, noArgs: true },
      deploy: {
        flags: { ...APP, detach: { type: 'bool' }, 'dns-checks': { type: 'bool', default: true } },
        run: secretsDeploy,
        noArgs: true,
      },
    },
  },
  config: {
    sub: {
      validate: {
        flags: { ...APP, strict: { short: 's', type: 'bool' } },
        run: configValidate,
        noArgs: true,
      },
    },
  },
  standin: {
    noSession: true,
    sub: {
      image: {
        noSession: true,
        flags: {
          // No default here: `--run` refuses an explicit --behaviour; standinImage applies `healthy`.
          behaviour: { type: 'string' },
          'ready-after': { type: 'string' },
          'fail-after': { type: 'string' },
          'release-exit': { type: 'string' },
          'from-machine': { type: 'string' },
          'update-error': { type: 'string' },
          app: { short: 'a', type: 'string' },
          run: { type: 'string' },
          arg: { type: 'array' },
          cwd: { type: 'string' },
        },
        run: standinImage,
        minArgs: 1,
      },
      app: {
        noSession: true,
        flags: {
          image: { type: 'string' },
          machines: { type: 'string', default: '2' },
          region: { type: 'string', default: 'sin' },
        },
        run: standinApp,
        minArgs: 1,
      },
      url: { noSession: true, flags: {}, run: standinUrl, minArgs: 1 },
      secrets: { noSession: true, flags: {}, run: standinSecrets, minArgs: 1 },
      'release-commands': { noSession: true, flags: {}, run: standinReleaseCommands, minArgs: 1 },
      history: {
        noSession: true,
        flags: {
          count: { type: 'string', default: '1' },
          image: { type: 'string' },
          status: { type: 'string', default: 'complete' },
        },
        run: standinHistory,
        minArgs: 1,
      },
      prune: { noSession: true, flags: {}, run: standinPrune, minArgs: 1 },
      'stop-all': { noSession: true, flags: {}, run: standinStopAll },
    },
  },
};

/** Resolves the command path; returns `{ command, path, rest }` or throws cobra's unknown-command error. */
function route(argv) {
  let node = { sub: COMMANDS };
  const path = [];
  let i = 0;
  while (node.sub && i < argv.length && !argv[i].startsWith('-')) {
    const word = argv[i];
    const entry = Object.entries(node.sub).find(([name, c]) => name === word || c.aliases?.includes(word));
    if (!entry) {
      if (node.run) break;
      const where = ['flyctl', ...path].join(' ');
      // cli.Run: fmt.Printf("Run '%v --help' for usage.\n", …) and then fmt.Println().
      throw new FlyError(`unknown command "${word}" for "${where}"`, {
        stdout: `Run '${where} --help' for usage.\n\n`,
      });
    }
    path.push(entry[0]);
    node = entry[1];
    i++;
  }
  return { command: node, path, rest: argv.slice(i) };
}

/**
 * Runs one flyctl invocation. `env`/`cwd` default to the process's; the jest wrapper runs read-only and
 * setup commands in-process with its own env (no signal handlers then).
 */
export async function main(
  argv,
  io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
  { env = process.env, cwd = process.cwd(), signals = true } = {},
) {
  try {
    const dir = stateDirFromEnv(env);
    const state = new State(dir);
    state.logInvocation({ time: new Date().toISOString(), pid: process.pid, cwd, argv });
    const { command, path, rest } = route(argv);
    if (!command.run) {
      io.stdout.write(`Usage:\n  flyctl ${path.join(' ')} [command]\n`);
      return 0;
    }
    const { flags, args } = parseFlags(rest, command.flags ?? {});
    const where = ['flyctl', ...path].join(' ');
    if (command.noArgs && args.length > 0) throw new FlyError(`unknown command "${args[0]}" for "${where}"`);
    if (command.maxArgs !== undefined && args.length > command.maxArgs) {
      throw new FlyError(`accepts at most ${command.maxArgs} arg(s), received ${args.length}`);
    }
    if (command.minArgs !== undefined && args.length < command.minArgs) {
      throw new FlyError(`requires at least ${command.minArgs} arg(s), only received ${args.length}`);
    }
    const ctx = {
      state,
      io,
      scale: timeScale(env),
      env,
      cwd,
      signals,
      ownerPid: Number(env.FLY_STANDIN_OWNER_PID || 0) || undefined,
      flags,
      args,
    };
    if (!command.noSession) requireToken(flags, env);
    return (await command.run(ctx, flags, args)) ?? 0;
  } catch (error) {
    if (!(error instanceof FlyError)) {
      io.stderr.write(`Error: ${error.stack ?? error}\n`);
      return 3;
    }
    if (!error.silent && env?.GITHUB_ACTIONS === 'true' && truthy(env.FLY_GHA_ERROR_ANNOTATION)) {
      io.stdout.write(`::error title=flyctl error::${error.message.replace(/\n/g, '⏎')}\n`);
    }
    if (!error.silent) {
      // cli.printError: the error, then its description and its suggestion, each followed by a blank line.
      let text = `Error: ${error.message}\n`;
      if (error.description && error.description !== error.message) text += `${error.description}\n\n`;
      if (error.suggestion) text += `${error.suggestion}\n\n`;
      io.stderr.write(text);
    }
    if (error.stdout) io.stdout.write(error.stdout);
    return error.exitCode;
  }
}

/** Contract §9: -t flag, then FLY_ACCESS_TOKEN (set-but-empty shadows), then FLY_API_TOKEN. */
function requireToken(flags, env) {
  let token = flags['access-token'];
  if (!token) {
    token = 'FLY_ACCESS_TOKEN' in env ? env.FLY_ACCESS_TOKEN : env.FLY_API_TOKEN;
  }
  if (!token) throw new FlyError("no access token available. Please login with 'flyctl auth login'");
}

function appNameFrom(flags, local, env) {
  const name = flags.app || env.FLY_APP || local?.raw?.app;
  if (!name) {
    throw new FlyError(
      'the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag',
    );
  }
  return name;
}

function getApp(state, name) {
  const app = state.read('apps')[name];
  if (!app) throw new FlyError(`Could not find App "${name}"`);
  return app;
}

/** For read-only commands: -a wins; a fly.toml is only consulted for the name. */
function appFor(ctx, flags) {
  const local = flags.app ? undefined : loadConfig(flags.config, ctx.cwd);
  return getApp(ctx.state, appNameFrom(flags, local, ctx.env));
}

// ---------------------------------------------------------------- read-only commands

function version(ctx, flags) {
  const v = ctx.env.FLY_STANDIN_VERSION || FLYCTL_VERSION;
  const info = {
    Name: 'flyctl',
    Version: v,
    Commit: 'standin',
    BranchName: '',
    BuildDate: '2026-08-20T12:00:00Z',
    OS: 'linux',
    Architecture: 'amd64',
    Environment: 'production',
  };
  // version.go: a plain json.Encoder, one compact line (contract §11).
  if (flags.json) ctx.io.stdout.write(renderCompactJson(info));
  else ctx.io.stdout.write(`flyctl v${v} linux/amd64 Commit: standin BuildDate: 2026-08-20T12:00:00Z\n`);
}

const publicRelease = (r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')));

function releases(ctx, flags) {
  const app = appFor(ctx, flags);
  const list = releasesView(ctx.state.read('releases')[app.name]).map(publicRelease);
  if (flags.json) {
    ctx.io.stdout.write(renderJson(list));
    return;
  }
  const headers = ['VERSION', 'STATUS', 'DESCRIPTION', 'USER', 'DATE'];
  if (flags.image) headers.push('DOCKER IMAGE');
  const rows = list.map((r) => {
    const row = [`v${r.Version}`, r.Status, r.Description, r.User.Email, r.CreatedAt];
    if (flags.image) row.push(r.ImageRef);
    return row;
  });
  ctx.io.stdout.write(table(headers, rows));
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('\t')
      .trimEnd();
  // render.Table ends with an empty line.
  return [line(headers), ...rows.map(line)].join('\n') + '\n\n';
}

async function machinesWithChecks(ctx, records) {
  return Promise.all(records.map(async (m) => machineView(m, await runChecks(m, { scale: ctx.scale }))));
}

async function status(ctx, flags) {
  if (flags.json && flags.watch) throw new FlyError('--watch and --json are not supported together');
  const app = appFor(ctx, flags);
  const data = ctx.state.readAll();
  const records = appMachines(data.machines, app.name)
    .filter((m) => (m.process_group ?? 'app') === 'app')
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  const machines = await machinesWithChecks(ctx, records);
  const view = statusView(app, data.releases[app.name] ?? [], machines);
  if (flags.json) {
    ctx.io.stdout.write(renderJson(view));
    return;
  }
  const out = [
    'App',
    `  Name     = ${app.name}`,
    `  Owner    = personal`,
    `  Hostname = ${view.Hostname}`,
    `  Platform = machines`,
    '',
    'Machines',
    table(
      ['PROCESS', 'ID', 'VERSION', 'REGION', 'STATE', 'CHECKS', 'LAST UPDATED'],
      machines.map((m) => [
        'app',
        m.id,
        m.config.metadata.fly_release_version,
        m.region,
        m.state,
        `${m.checks.length} total, ${m.checks.filter((c) => c.status === 'passing').length} passing`,
        m.updated_at,
      ]),
    ),
  ];
  ctx.io.stdout.write(out.join('\n'));
}

async function machineList(ctx, flags) {
  const app = appFor(ctx, flags);
  const records = appMachines(ctx.state.read('machines'), app.name);
  const machines = await machinesWithChecks(ctx, records);
  if (flags.json) {
    ctx.io.stdout.write(renderJson(machines));
    return;
  }
  if (flags.quiet) {
    ctx.io.stdout.write(machines.map((m) => m.id).join('\n') + (machines.length ? '\n' : ''));
    return;
  }
  ctx.io.stdout.write(
    table(
      ['ID', 'NAME', 'STATE', 'CHECKS', 'REGION', 'IMAGE', 'CREATED', 'UPDATED'],
      machines.map((m) => [
        m.id,
        m.name,
        m.state,
        `${m.checks.filter((c) => c.status === 'passing').length}/${m.checks.length}`,
        m.region,
        m.config.image,
        m.created_at,
        m.updated_at,
      ]),
    ),
  );
}

/** `checks list --json` (§10): machine ID → check results, active machines only. */
async function checksList(ctx, flags) {
  const app = appFor(ctx, flags);
  // flaps ListActive: no release-command (or console) machines.
  const records = deployableMachines(ctx.state.read('machines'), app.name);
  const results = await Promise.all(
    records.map(async (m) => [m.id, await runChecks(m, { scale: ctx.scale })]),
  );
  if (flags.json) {
    ctx.io.stdout.write(renderJson(Object.fromEntries(results)));
    return;
  }
  const rows = results.flatMap(([id, checks]) =>
    checks
      .filter((c) => !flags['check-name'] || c.name === flags['check-name'])
      .map((c) => [c.name, c.status, id, c.updated_at, c.output]),
  );
  ctx.io.stdout.write(table(['NAME', 'STATUS', 'MACHINE', 'LAST UPDATED', 'OUTPUT'], rows));
}

function whoami(ctx, flags) {
  const email = USER.Email;
  ctx.io.stdout.write(flags.json ? renderJson({ email }) : `${email}\n`);
}

// ---------------------------------------------------------------- deploy

/** cmdutil.ParseKVStringsToMap: cut at the first `=`; a pair without one is echoed, value included. */
function parseKV(pairs) {
  const map = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new FlyError(`'${pair}': must be in the format NAME=VALUE`);
    map[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return map;
}

/** Prefixes an error's message the way fmt.Errorf("…: %w") does, keeping everything else. */
function wrapped(prefix, error) {
  if (!(error instanceof FlyError)) throw error;
  error.message = `${prefix}${error.message}`;
  return error;
}

// deploy_build.go's common_secrets.go: [env] names that look like secrets get a warning.
const SECRET_LOOKING = ['KEY', 'PRIVATE', 'DATABASE_URL', 'PASSWORD', 'SECRET'];
const looksSecret = (name) =>
  !['AWS_ACCESS_KEY_ID', 'TIGRIS_ACCESS_KEY_ID'].includes(name) &&
  SECRET_LOOKING.some((s) => name.includes(s));

/**
 * `flyctl deploy`, in flyctl's order (deploy.go run → determineAppConfig → DeployWithConfig → determineImage
 * → deployToMachines): the config (its validation text on stdout), the image, the `Watch your deployment`
 * line, the duration flags, then the machines deploy.
 */
async function deploy(ctx, flags, args) {
  // FLY_STANDIN_FORCE_EXIT: the forced failure prints nothing at all (the strictest "127, no output").
  if (ctx.env.FLY_STANDIN_FORCE_EXIT)
    ctx = { ...ctx, io: { ...ctx.io, stdout: nullStream, stderr: nullStream } };
  const cwd = args[0] ? resolve(ctx.cwd, args[0]) : ctx.cwd;
  const local = loadConfig(flags.config, cwd);
  const appName = appNameFrom(flags, local, ctx.env);
  // flyctl's "==>"/"-->" progress blocks (render.TextBlock) go to stderr.
  const note = (text = '') => ctx.io.stderr.write(text + '\n');

  // determineAppConfig: the local file, else the deployed config; -e is parsed before the validation.
  note('==> Verifying app config');
  const known = ctx.state.read('apps')[appName];
  if (!local && !known) {
    throw new FlyError(
      `the app name ${appName} could not be found, did you create the app or misspell it in the fly.toml file or via -a?`,
    );
  }
  const raw = local ? local.raw : (known.config_raw ?? {});
  let envOverrides;
  try {
    envOverrides = parseKV(flags.env);
  } catch (error) {
    throw wrapped('failed parsing environment: ', error);
  }
  const validation = validateConfig(raw, {
    path: local ? local.path : '',
    unmarshalError: local?.unmarshalError,
  });
  ctx.io.stdout.write(validation.info);
  if (!validation.valid) throw new FlyError('App configuration is not valid');
  note('--> Verified app config');

  // DeployWithConfig
  const app = getApp(ctx.state, appName);
  for (const name of Object.keys({ ...stringMap(raw.env), ...envOverrides })) {
    if (looksSecret(name)) {
      ctx.io.stderr.write(
        `${aurora.yellow('WARN')} ${name} may be a potentially sensitive environment variable. Consider setting it as a secret, and removing it from the [env] section: https://fly.io/docs/apps/secrets/\n\n`,
      );
    }
  }
  let image;
  try {
    image = determineImage(ctx, app, raw, flags, note);
  } catch (error) {
    throw wrapped('failed to fetch an image or build from source: ', error);
  }
  if (flags['build-only']) return 0;
  ctx.io.stdout.write(`\nWatch your deployment at https://fly.io/apps/${appName}/monitoring\n\n`);

  // deployToMachines: the duration flags, then --max-unavailable and --deploy-retries.
  parseDurationFlag(flags['release-command-timeout'], 'release-command-timeout');
  const options = deployOptions(flags, raw);
  parseDurationFlag(flags['lease-timeout'], 'lease-timeout');
  const retries = flags['deploy-retries'] ?? 'auto';
  if (retries !== 'auto' && !/^[+-]?\d+$/.test(retries)) {
    throw new FlyError("--deploy-retries must be set to a positive integer, 0, or 'auto'");
  }
  if (retries !== 'auto' && Number(retries) < 0) {
    throw new FlyError("--deploy-retries must be set to a positive integer, 0, or 'auto'");
  }
  const imageRef = releaseImageRef(image, ctx.env);
  const haCount = flags.ha ? Number(app.machines_desired ?? 2) : 1;
  // The config the release stores: fly.toml with the flags applied (determineAppConfigForMachines).
  const storedRaw = { ...raw };
  if (flags.strategy || flags['max-unavailable'] !== undefined) {
    storedRaw.deploy = { ...(raw.deploy ?? {}) };
    if (flags.strategy) storedRaw.deploy.strategy = flags.strategy;
    if (flags['max-unavailable'] !== undefined) storedRaw.deploy.max_unavailable = options.maxUnavailable;
  }
  if (Object.keys(envOverrides).length) storedRaw.env = { ...stringMap(raw.env), ...envOverrides };
  await runDeploy(ctx, {
    app,
    raw,
    storedRaw,
    image,
    imageRef,
    strategy: options.strategy,
    waitTimeoutMs: options.waitTimeoutMs,
    maxUnavailable: options.maxUnavailable,
    maxConcurrent: flags['max-concurrent'] !== undefined ? Number(flags['max-concurrent']) : undefined,
    deployRetries: retries === 'auto' ? 0 : Number(retries),
    smoke: flags['smoke-checks'] && !flags.detach,
    health: !flags.detach,
    dnsChecks: flags['dns-checks'] && !flags.detach,
    releaseCommand: flags['skip-release-command'] ? undefined : options.releaseCommand,
    description: 'Deploy image',
    reason: 'deploy',
    envOverrides,
    forceExit: ctx.env.FLY_STANDIN_FORCE_EXIT,
    haCount,
  });
  if (flags['no-public-ips']) {
    ctx.io.stdout.write('\nYour app is deployed but does not have a public or private IP address\n');
  } else if (appUrl(raw, appName)) {
    ctx.io.stdout.write(`\nVisit your newly deployed app at ${appUrl(raw, appName)}\n\n`);
  }
}

/**
 * deploy_build.go determineImage: the --depot value first, the `Building image` block, then a prebuilt
 * image (--image, else [build] image) resolved locally (with a Docker daemon) then remotely, or a build. The
 * caller prefixes errors with `failed to fetch an image or build from source: `.
 */
function determineImage(ctx, app, raw, flags, note) {
  if (flags.depot !== undefined && !['', 'true', 'false', 'auto'].includes(flags.depot)) {
    throw new FlyError("invalid value for the 'depot' flag. must be 'true', 'false', or ''");
  }
  note('==> Building image');
  const wanted = flags.image || raw.build?.image;
  if (!wanted) return buildImage(ctx, app, raw, flags, note);
  if (truthy(ctx.env.FLY_STANDIN_DOCKER) && !flags['remote-only']) {
    note(`Searching for image '${wanted}' locally...`);
  }
  note(`Searching for image '${wanted}' remotely...`);
  const image = resolveImage(ctx.state.read('images'), wanted);
  if (!image) throw new FlyError(`could not find image "${wanted}"`);
  note(`image found: img_${image.digest.slice(0, 16)}`);
  return image;
}

function buildImage(ctx, app, raw, flags, note) {
  parseKV(flags['build-secret']);
  parseKV(flags.label);
  const args = { ...stringMap(raw.build?.args) };
  try {
    Object.assign(args, parseKV(flags['build-arg']));
  } catch (error) {
    throw wrapped('invalid build args: ', error);
  }
  if (flags['local-only'] && !truthy(ctx.env.FLY_STANDIN_DOCKER)) {
    // No Docker engine here (nor on most runners the stand-in models).
    throw new FlyError('docker is unavailable to build the deployment image');
  }
  note(`--> Building with ${flags['local-only'] ? 'local' : 'remote'} builder (stand-in)`);
  if (args.STANDIN_BUILD_FAIL && args.STANDIN_BUILD_FAIL !== '0') {
    throw new FlyError('error building: exit code: 1');
  }
  const behaviour = args.STANDIN_BEHAVIOUR || 'healthy';
  if (!BEHAVIOURS.includes(behaviour)) {
    throw new FlyError(
      `stand-in build arg STANDIN_BEHAVIOUR="${behaviour}" is not one of ${BEHAVIOURS.join(', ')}`,
    );
  }
  const ref = flags['image-label']
    ? `registry.fly.io/${app.name}:${flags['image-label']}`
    : newDeploymentTag(app.name);
  const image = ctx.state.update((data) =>
    registerImage(data, ref, {
      behaviour,
      readyAfterMs: Number(args.STANDIN_READY_AFTER ?? 0),
      failAfterMs: Number(args.STANDIN_FAIL_AFTER ?? 0),
      releaseExit: Number(args.STANDIN_RELEASE_EXIT ?? 0),
      fromMachine: Number(args.STANDIN_FROM_MACHINE ?? 1),
      updateError: args.STANDIN_UPDATE_ERROR,
      app: app.name,
    }),
  );
  note('--> Building image done');
  note('==> Pushing image to fly');
  note('--> Pushing image done');
  // The build's text block: image and size on stderr.
  note(`image: ${ref}`);
  note('image size: 48 MB');
  return image;
}

function stringMap(value) {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

// ---------------------------------------------------------------- secrets

async function readStdin(io) {
  if (io.stdin.isTTY) return Buffer.alloc(0);
  const chunks = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function secretsImport(ctx, flags) {
  const app = appFor(ctx, flags);
  const secrets = parseSecrets(await readStdin(ctx.io));
  if (Object.keys(secrets).length < 1) throw new FlyError('requires at least one SECRET=VALUE pair');
  await stageAndMaybeDeploy(ctx, app, flags, secrets);
}

/** set.go SetSecretsAndDeploy: the secrets are written first, then secrets.go DeploySecrets. */
async function stageAndMaybeDeploy(ctx, app, flags, secrets) {
  ctx.state.update((data) => {
    const entry = (data.secrets[app.name] ??= { staged: {}, deployed: {} });
    const now = Date.now();
    for (const [name, value] of Object.entries(secrets)) entry.staged[name] = { value, updated_at: now };
  });
  if (flags.stage) {
    ctx.io.stdout.write(
      'Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.\n',
    );
    return;
  }
  const data = ctx.state.readAll();
  const deployed = currentVersion(data.releases[app.name] ?? []) > 0;
  if (!deployed && deployableMachines(data.machines, app.name).length === 0) {
    ctx.io.stdout.write('Secrets are staged for the first deployment\n');
    return;
  }
  await deploySecrets(ctx, app, flags);
}

/** `secrets set NAME=VALUE…`; `NAME=-` reads that value from piped stdin (max 64 KiB). */
async function secretsSet(ctx, flags, args) {
  const app = appFor(ctx, flags);
  let secrets;
  try {
    secrets = parseKV(args);
  } catch (error) {
    throw wrapped('could not parse secrets: ', error);
  }
  for (const [name, value] of Object.entries(secrets)) {
    if (value !== '-') continue;
    if (ctx.io.stdin.isTTY) throw new FlyError(`secret \`${name}\` expects standard input but none provided`);
    secrets[name] = (await readStdin(ctx.io)).subarray(0, 64 * 1024).toString('utf8');
  }
  if (Object.keys(secrets).length < 1) throw new FlyError('requires at least one SECRET=VALUE pair');
  await stageAndMaybeDeploy(ctx, app, flags, secrets);
}

/** deploy.go runDeploy: needs a deployed app with machines, else flyerr.GenericErr with its hints. */
async function secretsDeploy(ctx, flags) {
  const app = appFor(ctx, flags);
  const data = ctx.state.readAll();
  const deployed = currentVersion(data.releases[app.name] ?? []) > 0;
  if (!deployed || deployableMachines(data.machines, app.name).length === 0) {
    throw new FlyError('no machines available to deploy', {
      description:
        "'fly secrets deploy' will only work if the app has been deployed and there are machines available",
      suggestion: "Try 'fly deploy' first",
    });
  }
  await deploySecrets(ctx, app, flags);
}

/**
 * A restart-only deploy (secrets.go DeploySecrets, contract §5): the currently deployed config (its
 * strategy and wait_timeout included) and the current release's image, smoke checks always (DeploySecrets
 * does not skip them), health checks and DNS checks unless --detach. No `Watch`/`Visit` lines.
 */
async function deploySecrets(ctx, app, flags) {
  const data = ctx.state.readAll();
  const releases = data.releases[app.name] ?? [];
  const version = currentVersion(releases);
  const current =
    releases.find((r) => r.Version === version) ?? [...releases].sort((a, b) => b.Version - a.Version)[0];
  const image = resolveImage(data.images, current.ImageRef);
  const raw = app.config_raw ?? {};
  const settings = deploySettings(raw);
  await runDeploy(ctx, {
    app,
    raw,
    image,
    imageRef: current.ImageRef,
    strategy: settings.strategy ?? 'rolling',
    maxUnavailable: settings.maxUnavailable,
    restartOnly: true,
    waitTimeoutMs: settings.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS,
    smoke: true,
    health: !flags.detach,
    dnsChecks: !flags.detach && flags['dns-checks'],
    description: 'Update secrets',
    reason: 'secrets',
    envOverrides: {},
    haCount: 1,
  });
}

/**
 * list.go: `{name, digest, status}`. A secret counts on a machine when the machine's release came after the
 * secret was set; with no machines every secret is `Staged`.
 */
function secretsList(ctx, flags) {
  const app = appFor(ctx, flags);
  const data = ctx.state.readAll();
  const entry = data.secrets[app.name] ?? { staged: {}, deployed: {} };
  const machines = deployableMachines(data.machines, app.name);
  const names = [...new Set([...Object.keys(entry.deployed), ...Object.keys(entry.staged)])].sort();
  const list = names.map((name) => {
    const staged = entry.staged[name];
    const deployed = entry.deployed[name];
    const value = staged?.value ?? deployed?.value ?? '';
    let status = 'Staged';
    if (!staged && machines.length > 0) {
      const current = machines.filter((m) => (m.release_version ?? 0) >= (deployed.version ?? 0)).length;
      status = current === machines.length ? 'Deployed' : current === 0 ? 'Staged' : 'Partial';
    }
    return { name, digest: sha256(`${name}\n${value}`).slice(0, 16), status };
  });
  if (flags.json) {
    ctx.io.stdout.write(renderJson(list));
    return;
  }
  const staged = list.filter((s) => s.status === 'Staged').length;
  const partial = list.filter((s) => s.status === 'Partial').length;
  ctx.io.stdout.write(
    table(
      ['NAME', 'DIGEST', 'STATUS'],
      list.map((s) => [
        `${s.status === 'Staged' ? '* ' : s.status === 'Partial' ? '! ' : ''}${s.name}`,
        s.digest,
        s.status,
      ]),
    ),
  );
  const plural = (n, one, many) => (n === 1 ? one : many);
  if (staged && partial) {
    ctx.io.stdout.write(
      `Some secrets need to be deployed:\n  * ${staged} ${plural(staged, 'secret', 'secrets')} staged (not yet deployed)\n  ! ${partial} ${plural(partial, 'secret', 'secrets')} partially deployed (deployed to some machines)\n\nDeploy with \`fly secrets deploy\` to sync all machines.\n`,
    );
  } else if (staged) {
    ctx.io.stdout.write(
      `There ${plural(staged, 'is', 'are')} ${staged} ${plural(staged, 'secret', 'secrets')} not deployed. Deploy with \`fly secrets deploy\` to make them available.\n`,
    );
  } else if (partial) {
    ctx.io.stdout.write(
      `There ${plural(partial, 'is', 'are')} ${partial} ${plural(partial, 'secret', 'secrets')} partially deployed. This can happen during rolling deployments or if some machines failed to update. Deploy with \`fly secrets deploy\` to ensure all machines have the latest configuration.\n`,
    );
  }
}

// ---------------------------------------------------------------- config validate

/**
 * validate.go runValidate (contract §6): stdout gets flyctl's extra_info and one more newline (Fprintln):
 * `Validating <path>`, the reasons as plain lines, then `   ✘<error>` or `✓ Configuration is valid`, with
 * aurora's colour codes whatever the terminal; --strict adds its section list. stderr: the Error: line.
 */
function configValidate(ctx, flags) {
  const local = loadConfig(flags.config, ctx.cwd);
  const name = appNameFrom(flags, local, ctx.env);
  let raw;
  let fileRaw;
  if (local) {
    raw = local.raw;
    fileRaw = local.fileRaw;
  } else {
    raw = getApp(ctx.state, name).config_raw ?? {};
    // LoadConfigAsMap(cfg.ConfigFilePath()) of a deployed config: there is no file to read.
    if (flags.strict) {
      throw new FlyError('failed to load config for strict validation: open : no such file or directory');
    }
  }
  const { valid, info } = validateConfig(raw, {
    path: local ? local.path : '',
    unmarshalError: local?.unmarshalError,
  });
  ctx.io.stdout.write(info + '\n');
  let error = valid ? undefined : 'App configuration is not valid';
  if (flags.strict) {
    const unknown = validateConfig(fileRaw ?? raw).unknown;
    if (unknown.length) {
      ctx.io.stdout.write(
        `\nStrict validation found unrecognised sections or keys:\n${unknown.map((key) => `  - ${key}`).join('\n')}\n\n\n`,
      );
      error ??= 'strict validation failed';
    }
  }
  if (error) throw new FlyError(error);
}

// ---------------------------------------------------------------- standin setup commands

function msFlag(value, name) {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new FlyError(`--${name} must be a number of milliseconds, got "${value}"`);
  return n;
}

function standinImage(ctx, flags, [ref]) {
  const run = programFlags(ctx, flags);
  const behaviour = run ? 'program' : (flags.behaviour ?? 'healthy');
  if (!run && !BEHAVIOURS.includes(behaviour)) {
    throw new FlyError(`--behaviour must be one of ${BEHAVIOURS.join(', ')}, got "${behaviour}"`);
  }
  const image = ctx.state.update((data) =>
    registerImage(data, ref, {
      behaviour,
      run,
      readyAfterMs: msFlag(flags['ready-after'], 'ready-after'),
      failAfterMs: msFlag(flags['fail-after'], 'fail-after'),
      releaseExit: Number(flags['release-exit'] ?? 0),
      fromMachine: Number(flags['from-machine'] ?? 1),
      updateError: flags['update-error'],
      app: flags.app,
    }),
  );
  ctx.io.stdout.write(
    renderJson({
      ref: image.ref,
      digest: `sha256:${image.digest}`,
      behaviour: image.behaviour,
      ...(image.run ? { run: image.run } : {}),
    }),
  );
}

/**
 * `--run <program> [--arg <a>]… [--cwd <dir>]`: the image runs a real program as each machine's process (an
 * argument array, no shell). A program path with a slash and `--cwd` are resolved against the directory this
 * command runs in; a bare name is looked up on the machine's PATH when the machine starts. Returns undefined
 * without --run (a fixture image); the fixture's behaviour flags make no sense with it.
 */
function programFlags(ctx, flags) {
  if (flags.run === undefined) {
    for (const name of ['arg', 'cwd']) {
      const value = flags[name];
      if (Array.isArray(value) ? value.length : value !== undefined) {
        throw new FlyError(`--${name} needs --run <program>`);
      }
    }
    return undefined;
  }
  if (flags.run === '') throw new FlyError('--run needs a program');
  for (const name of ['behaviour', 'ready-after', 'fail-after', 'from-machine']) {
    if (flags[name] !== undefined) {
      throw new FlyError(
        `--${name} is for the fixture service; an image with --run runs its program as it is`,
      );
    }
  }
  const cwd = resolve(ctx.cwd, flags.cwd ?? '.');
  let isDir = false;
  try {
    isDir = statSync(cwd).isDirectory();
  } catch {
    // not there
  }
  if (!isDir) throw new FlyError(`--cwd ${flags.cwd}: no such directory`);
  const program = flags.run.includes('/') ? resolve(ctx.cwd, flags.run) : flags.run;
  return { program, args: [...flags.arg], cwd };
}

async function standinApp(ctx, flags, [name]) {
  const count = Number(flags.machines);
  if (!Number.isInteger(count) || count < 1) {
    throw new FlyError(`--machines must be a positive integer, got "${flags.machines}"`);
  }
  const image = flags.image ? resolveImage(ctx.state.read('images'), flags.image) : undefined;
  if (flags.image && !image) throw new FlyError(`could not find image "${flags.image}"`);
  ctx.state.update((data) => {
    if (data.apps[name]) throw new FlyError(`app ${name} already exists`);
    data.apps[name] = {
      name,
      region: flags.region,
      machines_desired: count,
      created_at: Date.now(),
      config_raw: null,
    };
  });
  const initialRelease = async () => {
    if (!image) return 0;
    const release = await runDeploy(
      { ...ctx, io: { stdout: nullStream, stderr: nullStream } },
      {
        app: getApp(ctx.state, name),
        raw: {},
        image,
        imageRef: releaseImageRef(image, ctx.env),
        strategy: 'rolling',
        waitTimeoutMs: 60000,
        smoke: false,
        health: false,
        // Setup, not a flyctl deploy: the machines start side by side.
        parallel: true,
        description: 'Deploy image',
        reason: 'deploy',
        envOverrides: {},
        haCount: count,
      },
    );
    return release.Version;
  };
  // The front door starts on first `standin url`: apps nobody probes cost no proxy process.
  ctx.io.stdout.write(renderJson({ name, version: await initialRelease() }));
}

const nullStream = { write: () => true };

const proxyMarker = (runFile) => `STANDIN_RUN_FILE=${runFile}`;

/** Starts (or finds) the app's front-door proxy and returns its URL. */
async function ensureProxy(ctx, name) {
  const app = getApp(ctx.state, name);
  if (app.proxy?.port && ownProcessAlive(app.proxy.pid, proxyMarker(app.proxy.run_file))) {
    return `http://127.0.0.1:${app.proxy.port}`;
  }
  const runFile = ctx.state.path('run', `proxy-${name}-${Date.now()}.json`);
  const log = openSync(ctx.state.path('logs', `proxy-${name}.log`), 'a');
  const child = spawn(process.execPath, [join(LIB, 'proxy.mjs')], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      PATH: ctx.env.PATH ?? '',
      STANDIN_STATE: ctx.state.dir,
      STANDIN_APP: name,
      STANDIN_OWNER_PID: ctx.ownerPid ? String(ctx.ownerPid) : '',
      STANDIN_PORT: String(app.proxy?.port ?? 0),
      STANDIN_RUN_FILE: runFile,
    },
  });
  closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.unref();
  for (let i = 0; i < 1000 && !exited; i++) {
    const run = readJson(runFile, null);
    if (run?.port) {
      ctx.state.update((data) => {
        data.apps[name].proxy = { pid: child.pid, port: run.port, run_file: runFile };
      });
      return `http://127.0.0.1:${run.port}`;
    }
    await sleep(10);
  }
  throw new FlyError(
    `the front-door proxy for ${name} did not start; see ${ctx.state.path('logs', `proxy-${name}.log`)}`,
  );
}

async function standinUrl(ctx, flags, [name]) {
  ctx.io.stdout.write((await ensureProxy(ctx, name)) + '\n');
}

function standinSecrets(ctx, flags, [name]) {
  getApp(ctx.state, name);
  const entry = ctx.state.read('secrets')[name] ?? { staged: {}, deployed: {} };
  ctx.io.stdout.write(
    renderJson({ staged: secretValues(entry.staged), deployed: secretValues(entry.deployed) }),
  );
}

/** Appends past releases (no machine changes): history beyond flyctl's 25-release window. */
function standinHistory(ctx, flags, [name]) {
  getApp(ctx.state, name);
  const count = Number(flags.count);
  if (!Number.isInteger(count) || count < 1)
    throw new FlyError(`--count must be a positive integer, got "${flags.count}"`);
  const image = flags.image ? resolveImage(ctx.state.read('images'), flags.image) : undefined;
  if (flags.image && !image) throw new FlyError(`could not find image "${flags.image}"`);
  const versions = ctx.state.update((data) => {
    const releases = (data.releases[name] ??= []);
    const added = [];
    for (let i = 0; i < count; i++) {
      const version = releases.reduce((max, r) => Math.max(max, r.Version), 0) + 1;
      releases.push(
        newRelease({
          id: opaqueId(),
          version,
          status: flags.status,
          description: 'Deploy image',
          reason: 'deploy',
          imageRef: image ? releaseImageRef(image, ctx.env) : (releases.at(-1)?.ImageRef ?? ''),
        }),
      );
      added.push(version);
    }
    return added;
  });
  ctx.io.stdout.write(renderJson(versions));
}

/** Removes an image from the registry, as Fly prunes images not deployed for a while. */
function standinPrune(ctx, flags, refs) {
  const pruned = ctx.state.update((data) =>
    refs.map((ref) => {
      const image = resolveImage(data.images, ref);
      if (!image) throw new FlyError(`could not find image "${ref}"`);
      delete data.images[image.key];
      return image.ref;
    }),
  );
  ctx.io.stdout.write(renderJson(pruned));
}

function standinReleaseCommands(ctx, flags, [name]) {
  ctx.io.stdout.write(renderJson(getApp(ctx.state, name).release_commands ?? []));
}

async function standinStopAll(ctx) {
  const data = ctx.state.readAll();
  const processes = [
    ...Object.values(data.machines).map((m) => ({ pid: m.pid, marker: instanceMarker(m.instance_id) })),
    ...Object.values(data.apps)
      .filter((a) => a.proxy)
      .map((a) => ({ pid: a.proxy.pid, marker: proxyMarker(a.proxy.run_file) })),
  ].filter(({ pid, marker }) => pid && ownProcessAlive(pid, marker));
  ctx.state.update((d) => {
    for (const m of Object.values(d.machines)) {
      if (m.state === 'started' || m.state === 'starting') m.state = 'stopped';
    }
    for (const a of Object.values(d.apps)) delete a.proxy;
  });
  await Promise.all(processes.map(({ pid, marker }) => stopProcess(pid, marker)));
  ctx.io.stdout.write(`stopped ${processes.length} process${processes.length === 1 ? '' : 'es'}\n`);
}
