export const id = 709;
export const ids = [709];
export const modules = {

/***/ 53983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EU: () => (/* binding */ checkAppPaths),
  qg: () => (/* binding */ flyctlClient),
  R3: () => (/* binding */ readFlyToken),
  iz: () => (/* binding */ readyFlyctl),
  qU: () => (/* binding */ setupFlyctl)
});

// UNUSED EXPORTS: logFlyctlVersion

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/domain/flyctl/deploy-args.ts
/** `flyctl deploy` arguments (flyctl-contract §4), always an array: nothing is ever shell-interpolated. */
function deployArgs(request) {
    const args = ['deploy', '--app', request.app];
    if (request.config)
        args.push('--config', request.config);
    if (request.image)
        args.push('--image', request.image);
    if (request.strategy)
        args.push('--strategy', request.strategy);
    if (request.waitTimeout)
        args.push('--wait-timeout', request.waitTimeout);
    if (request.remoteOnly && !request.image)
        args.push('--remote-only');
    for (const arg of request.buildArgs ?? [])
        args.push('--build-arg', arg);
    if (request.skipReleaseCommand)
        args.push('--skip-release-command');
    args.push('--yes');
    return args;
}
/** flyctl prints the new release as JSON (FLY_EMIT_RELEASE_JSON) from 0.4.56 on. */
function predatesReleaseJson(version) {
    const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split(/[.+-]/).map(Number);
    return major === 0 && (minor < 4 || (minor === 4 && patch < 56));
}

// EXTERNAL MODULE: ./src/domain/flyctl/token.ts
var token = __webpack_require__(22846);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/domain/shared/duration.ts
var duration = __webpack_require__(6234);
;// CONCATENATED MODULE: ./src/domain/flyctl/exit.ts
/** What a flyctl exit code and output mean (flyctl-contract §4), on plain data. */

/** flyctl colours `✓`, `✘` and `WARN` even off a terminal (contract §6, aurora); the codes are noise here. */
// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const ERROR_LINE = (line) => /^Error:?\s/.test(line.trim()) || line.trim().startsWith('Error ');
/** flyctl's own error lines (`Error: …`) and the lines that follow them; else the last stderr lines. */
function errorText(run) {
    const lines = stripAnsi(run.stderr)
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '');
    const first = lines.findIndex(ERROR_LINE);
    const picked = first >= 0 ? lines.slice(first, first + 4) : lines.slice(-3);
    return picked
        .join(' ')
        .replace(/^Error:?\s*/, '')
        .trim();
}
/** The machine failures a rolling deploy printed on stdout before it was cancelled (contract §4). */
function machineFailures(stdout) {
    return (stripAnsi(stdout)
        .split('\n')
        .map((l) => l.trim())
        // flyctl's status logger: `✖ [2/3] Machine <id> [app] update failed: …` (docs/flyctl-contract.md §4).
        .filter((l) => /^(?:\S+\s+)?(?:\[\d+\/\d+\]\s+)?Machine \S+(?: \[[^\]]+\])? update (failed|canceled)/.test(l)));
}
// Network and server trouble worth a retry on a read-only call; anything else (auth, not found, bad flag) is not.
const TRANSIENT = /timeout|timed out|deadline exceeded|connection (refused|reset)|\bEOF\b|temporar|try again|too many requests|rate limit|\b(429|500|502|503|504)\b|service unavailable|bad gateway|i\/o timeout|no such host|TLS handshake/i;
/**
 * A shell or wrapper script that cannot find the real program also exits 127 (`flyctl: command not
 * found`, `sh: 1: flyctl: not found`); flyctl's own 127 never prints such a line.
 */
const NOT_FOUND = /command not found|: not found\s*$|no such file or directory|unable to locate executable|permission denied/im;
function interpretRun(run, context = {}) {
    const call = context.call ?? 'flyctl';
    if (run.timedOutAfterMs !== undefined) {
        const said = errorText(run);
        return {
            kind: 'timeout',
            exitCode: run.exitCode,
            message: `${call} did not answer within ${(0,duration/* formatDuration */.a3)(run.timedOutAfterMs)} and was stopped${said ? ` (it last said: ${said})` : ''}.${context.timeoutHint ? ` ${context.timeoutHint}` : ''}`,
            // A read changes nothing, so trying it again is safe; the caller bounds how often.
            transient: true,
        };
    }
    if (run.exitCode === 0)
        return undefined;
    if (run.notStarted !== undefined)
        return {
            kind: 'not-started',
            exitCode: run.exitCode,
            message: `flyctl could not be started: ${run.notStarted}`,
            transient: false,
        };
    const text = errorText(run);
    const hasErrorLine = [run.stderr, run.stdout].some((out) => stripAnsi(out).split('\n').some(ERROR_LINE));
    if (run.exitCode === 127 && !hasErrorLine) {
        if (run.stdout.trim() === '' && NOT_FOUND.test(run.stderr))
            return {
                kind: 'not-started',
                exitCode: 127,
                message: `flyctl could not be started: ${stripAnsi(run.stderr).trim().split('\n').at(-1)}`,
                transient: false,
            };
        const failures = machineFailures(run.stdout);
        const silent = run.stdout.trim() === '' && run.stderr.trim() === '';
        return {
            kind: 'cancelled',
            exitCode: 127,
            message: silent
                ? 'flyctl exited 127 without printing anything. flyctl does this when its operation is cancelled; on a rolling deploy it is how a machine failing after the first one shows up (flyctl-contract §4). It is a failure, not a success.'
                : `flyctl exited 127 without an Error: line, which is how a cancelled operation ends; on a rolling deploy it is how a machine failing after the first one shows up (flyctl-contract §4). It is a failure, not a success.${failures.length > 0 ? ` flyctl said: ${failures.slice(0, 3).join('; ')}` : ''}`,
            transient: false,
        };
    }
    if (run.exitCode === 126) {
        return {
            kind: 'deadline',
            exitCode: 126,
            message: `flyctl gave up after a deadline: ${text || 'no details printed'}`,
            transient: true,
        };
    }
    if (run.exitCode === 3) {
        return { kind: 'panic', exitCode: 3, message: `flyctl crashed (panic): ${text}`, transient: false };
    }
    return {
        kind: run.exitCode === 1 ? 'error' : 'other',
        exitCode: run.exitCode,
        message: text || `flyctl exited ${run.exitCode} without an error message`,
        transient: TRANSIENT.test(text),
    };
}
/**
 * What `flyctl config validate` found (contract §6). Everything is on stdout, coloured even off a terminal:
 * the reasons are the plain detail lines between `Validating <path>` and the `✘` line (which usually says
 * only `invalid app configuration`), then the `✘` line, the strict-mode lines and `WARN` lines; stderr holds
 * only `Error: …`.
 */
function configValidateProblems(run) {
    const lines = stripAnsi(run.stdout)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
    // After `failed loading app config from <path>: row R column C` come the TOML parser's lines, which
    // quote the file: the row and column are enough (the file may be outside the workspace, or hold a secret).
    const loadFailure = lines.findIndex((l) => l.startsWith('failed loading app config'));
    const details = (loadFailure >= 0 ? [lines[loadFailure]] : lines).filter((l) => !/^Validating\s/.test(l) && !l.startsWith('✓') && !/^Error:?\s/.test(l));
    const failure = interpretRun(run, { call: 'flyctl config validate' });
    return failure ? [...details, failure.message] : details;
}

// EXTERNAL MODULE: ./src/domain/flyctl/secrets-import.ts
var secrets_import = __webpack_require__(238);
;// CONCATENATED MODULE: ./src/domain/flyctl/json.ts
/**
 * Reading flyctl's JSON replies. flyctl pretty-prints with render.JSON (flyctl-contract §2/§3), but stray
 * notices may precede it, so the JSON is taken from the first line that opens an array or object.
 */

/** flyctl printed something that is not the shape the contract documents. */
class FlyctlOutputError extends errors/* UserError */.yo {
    name = 'FlyctlOutputError';
}
const excerpt = (text) => {
    const flat = text.trim().replace(/\s+/g, ' ');
    return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat || '(nothing)';
};
function unexpected(command, expected, problem, text) {
    const seen = text === undefined ? '' : ` It printed: ${excerpt(text)}`;
    throw new FlyctlOutputError(`\`flyctl ${command}\` printed something unexpected: ${problem} (expected ${expected}).${seen} Check the flyctl version (flyctl-version input) or report this with the output above.`);
}
function parseJsonReply(command, expected, stdout) {
    const text = stdout.trim();
    if (text === '')
        unexpected(command, expected, 'no output', stdout);
    try {
        return JSON.parse(text);
    }
    catch {
        const lines = text.split('\n');
        const start = lines.findIndex((line) => line.startsWith('[') || line.startsWith('{'));
        if (start > 0) {
            try {
                return JSON.parse(lines.slice(start).join('\n'));
            }
            catch {
                // fall through to the error below
            }
        }
    }
    return unexpected(command, expected, 'output is not JSON', stdout);
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

;// CONCATENATED MODULE: ./src/domain/flyctl/shapes.ts
/**
 * The JSON shapes flyctl prints (flyctl-contract §2, §3, §5, §10, §11), validated field by field: only the
 * fields the actions rely on are required; extra fields are kept out of the typed result.
 */

function field(command, expected, obj, key, type, where, fallback) {
    const value = obj[key];
    if ((value === undefined || value === null) && fallback !== undefined)
        return fallback;
    const ok = type === 'array'
        ? Array.isArray(value)
        : type === 'object'
            ? isObject(value)
            : type === 'number'
                ? typeof value === 'number' && Number.isFinite(value)
                : typeof value === type;
    if (!ok)
        unexpected(command, expected, `${where}.${key} is ${value === undefined ? 'missing' : `${JSON.stringify(value)?.slice(0, 60)}, not a ${type}`}`);
    return value;
}
const RELEASES = 'an array of releases with Version, Status and ImageRef (flyctl-contract §2)';
function parseReleases(stdout, command = 'releases --json') {
    const data = parseJsonReply(command, RELEASES, stdout);
    if (!Array.isArray(data))
        return unexpected(command, RELEASES, 'the reply is not an array', stdout);
    return data.map((item, i) => {
        const where = `[${i}]`;
        if (!isObject(item))
            return unexpected(command, RELEASES, `${where} is not an object`);
        const f = (key, type, fallback) => field(command, RELEASES, item, key, type, where, fallback);
        const version = f('Version', 'number');
        if (!Number.isInteger(version))
            unexpected(command, RELEASES, `${where}.Version is not an integer`);
        const user = isObject(item.User) ? item.User : {};
        return {
            id: f('ID', 'string', ''),
            version,
            status: f('Status', 'string'),
            description: f('Description', 'string', ''),
            reason: f('Reason', 'string', ''),
            stable: f('Stable', 'boolean', false),
            imageRef: f('ImageRef', 'string'),
            createdAt: f('CreatedAt', 'string', ''),
            user: typeof user.Email === 'string' && user.Email ? user.Email : String(user.Name ?? ''),
        };
    });
}
const MACHINE = 'machines with id, state and config (flyctl-contract §3, §10)';
function parseMachine(command, item, where) {
    if (!isObject(item))
        return unexpected(command, MACHINE, `${where} is not an object`);
    const f = (key, type, fallback) => field(command, MACHINE, item, key, type, where, fallback);
    // host_status != ok comes with incomplete_config instead of config (contract §3).
    const config = isObject(item.config)
        ? item.config
        : isObject(item.incomplete_config)
            ? item.incomplete_config
            : {};
    const metadata = {};
    if (isObject(config.metadata))
        for (const [key, value] of Object.entries(config.metadata))
            if (value !== null && value !== undefined)
                metadata[key] = String(value);
    const checks = f('checks', 'array', []).map((check, j) => {
        if (!isObject(check))
            return unexpected(command, MACHINE, `${where}.checks[${j}] is not an object`);
        return {
            name: String(check.name ?? ''),
            status: String(check.status ?? ''),
            output: String(check.output ?? ''),
        };
    });
    const configuredChecks = (isObject(config.checks) && Object.keys(config.checks).length > 0) ||
        (Array.isArray(config.services) &&
            config.services.some((s) => isObject(s) && Array.isArray(s.checks) && s.checks.length > 0));
    const digest = isObject(item.image_ref) && typeof item.image_ref.digest === 'string' ? item.image_ref.digest : '';
    return {
        id: f('id', 'string'),
        ...(digest ? { imageDigest: digest } : {}),
        name: f('name', 'string', ''),
        state: f('state', 'string'),
        region: f('region', 'string', ''),
        image: typeof config.image === 'string' ? config.image : '',
        metadata,
        checks,
        hasConfiguredChecks: configuredChecks,
        hostStatus: f('host_status', 'string', 'ok'),
    };
}
function parseMachines(stdout, command = 'machine list --json') {
    const data = parseJsonReply(command, `an array of ${MACHINE}`, stdout);
    if (data === null)
        return [];
    if (!Array.isArray(data))
        return unexpected(command, `an array of ${MACHINE}`, 'the reply is not an array');
    return data.map((item, i) => parseMachine(command, item, `[${i}]`));
}
const STATUS = 'an object with Name, Hostname, Version and Machines (flyctl-contract §3)';
function parseStatus(stdout, command = 'status --json') {
    const data = parseJsonReply(command, STATUS, stdout);
    if (!isObject(data))
        return unexpected(command, STATUS, 'the reply is not an object', stdout);
    const f = (key, type, fallback) => field(command, STATUS, data, key, type, '', fallback);
    const version = f('Version', 'number', 0);
    return {
        name: f('Name', 'string'),
        hostname: f('Hostname', 'string', ''),
        deployed: f('Deployed', 'boolean', false),
        status: f('Status', 'string', ''),
        version,
        machines: f('Machines', 'array', []).map((m, i) => parseMachine(command, m, `.Machines[${i}]`)),
    };
}
const SECRETS = 'an array of {name, digest, status} (flyctl-contract §5)';
function parseSecretsList(stdout, command = 'secrets list --json') {
    const data = parseJsonReply(command, SECRETS, stdout);
    if (data === null)
        return [];
    if (!Array.isArray(data))
        return unexpected(command, SECRETS, 'the reply is not an array', stdout);
    return data.map((item, i) => {
        if (!isObject(item))
            return unexpected(command, SECRETS, `[${i}] is not an object`);
        const f = (key, type, fallback) => field(command, SECRETS, item, key, type, `[${i}]`, fallback);
        const status = f('status', 'string', '');
        return {
            name: f('name', 'string'),
            digest: f('digest', 'string', ''),
            ...(status ? { status } : {}),
        };
    });
}
const VERSION = 'an object with Version (flyctl-contract §11)';
function parseVersion(stdout, command = 'version --json') {
    const data = parseJsonReply(command, VERSION, stdout);
    if (!isObject(data))
        return unexpected(command, VERSION, 'the reply is not an object', stdout);
    const f = (key, type, fallback) => field(command, VERSION, data, key, type, '', fallback);
    return {
        version: f('Version', 'string'),
        commit: f('Commit', 'string', ''),
        buildDate: f('BuildDate', 'string', ''),
    };
}
/**
 * The compact line a successful deploy prints with FLY_EMIT_RELEASE_JSON set (flyctl ≥ 0.4.56, contract §2),
 * amid other output. The last matching line wins; undefined when flyctl printed none (older flyctl).
 */
function findEmittedRelease(stdout) {
    const lines = stdout.split('\n').reverse();
    for (const line of lines) {
        const text = line.trim();
        if (!text.startsWith('{') || !text.includes('"image_ref"'))
            continue;
        try {
            const data = JSON.parse(text);
            if (isObject(data) &&
                typeof data.version === 'number' &&
                Number.isInteger(data.version) &&
                typeof data.image_ref === 'string')
                return { id: String(data.id ?? ''), version: data.version, imageRef: data.image_ref };
        }
        catch {
            // not the line we want
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/domain/shared/redact.ts
var redact = __webpack_require__(60931);
// EXTERNAL MODULE: ./src/io/command.ts
var command = __webpack_require__(28029);
;// CONCATENATED MODULE: ./src/io/flyctl.ts
/**
 * The flyctl client every Fly action uses: typed calls over runCommand with argument arrays. The token
 * travels in the environment only, secrets on stdin. Replies are validated by src/domain/flyctl; exit codes
 * are read per flyctl-contract §4. Read-only calls are retried on transient failures; a deploy never is.
 * Every call has a time limit (contract §13: any call can hang on a stalled API response), and one that
 * runs out says which call and which limit.
 */









const FLYCTL_LIMITS = {
    readMs: 30_000,
    configValidateMs: 60_000,
    secretsImportMs: 60_000,
    readKillGraceMs: 2_000,
    deployKillGraceMs: 10_000,
};
/** A read that timed out is tried once more at most: a stalled connection may be a one-off, two are an outage. */
const MAX_TIMEOUTS_PER_READ = 2;
/** A flyctl call failed; the message is safe to print (secrets redacted, argv holds none). */
class FlyctlError extends errors/* UserError */.yo {
    command;
    failure;
    name = 'FlyctlError';
    constructor(command, failure, tries = 1) {
        super(failure.kind === 'timeout'
            ? `${failure.message}${tries > 1 ? ` It was tried ${tries} times.` : ''}`
            : `\`flyctl ${command}\` failed (exit ${failure.exitCode}): ${failure.message}`);
        this.command = command;
        this.failure = failure;
    }
}
class FlyctlClient {
    options;
    run;
    sleep;
    limits;
    constructor(options) {
        this.options = options;
        this.run = options.run ?? command/* runCommand */.d;
        this.sleep = options.sleep ?? ((ms) => (0,promises_.setTimeout)(ms));
        this.limits = { ...FLYCTL_LIMITS, ...options.limits };
    }
    async call(args, extra) {
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
    async read(args, name, options = {}) {
        const attempts = Math.max(1, this.options.attempts ?? 3);
        let backoff = this.options.backoffMs ?? 1000;
        const command = args.join(' ');
        const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
        let timeouts = 0;
        for (let attempt = 1;; attempt++) {
            const timeoutMs = Math.max(1, Math.min(this.limits.readMs, deadline - Date.now()));
            const result = await this.call(args, { timeoutMs, killGraceMs: this.limits.readKillGraceMs });
            const failure = interpretRun(result, { call: `flyctl ${name}` });
            if (!failure)
                return result.stdout;
            if (failure.kind === 'timeout')
                timeouts++;
            const retry = failure.transient &&
                attempt < attempts &&
                timeouts < MAX_TIMEOUTS_PER_READ &&
                Date.now() + backoff < deadline;
            if (!retry)
                throw new FlyctlError(command, failure, attempt);
            this.options.log?.(`flyctl ${command} failed (${failure.message}); retrying in ${backoff}ms (${attempt}/${attempts})`);
            await this.sleep(backoff);
            backoff *= 2;
        }
    }
    async version() {
        return parseVersion(await this.read(['version', '--json'], 'version'));
    }
    async releases(app, options) {
        return parseReleases(await this.read(['releases', '--app', app, '--json'], 'releases', options));
    }
    async status(app, options) {
        return parseStatus(await this.read(['status', '--app', app, '--json'], 'status', options));
    }
    async machines(app, options) {
        return parseMachines(await this.read(['machine', 'list', '--app', app, '--json'], 'machine list', options));
    }
    /** `flyctl config validate` (§6), run locally by flyctl; its problems, none when the config is valid. */
    async validateConfig(config, options) {
        const run = await this.call(['config', 'validate', '--config', config, ...(options.strict ? ['--strict'] : [])], { timeoutMs: this.limits.configValidateMs, killGraceMs: this.limits.readKillGraceMs });
        return run.exitCode === 0 && run.timedOutAfterMs === undefined ? [] : configValidateProblems(run);
    }
    async listSecrets(app, options) {
        return parseSecretsList(await this.read(['secrets', 'list', '--app', app, '--json'], 'secrets list', options));
    }
    /**
     * Stages (or sets) secrets through stdin, quoted so every value arrives intact (contract §5). Not retried.
     * flyctl echoes an unparsable line, value included, so its output is redacted before it reaches an error.
     */
    async importSecrets(app, pairs, options = {}) {
        if (pairs.length === 0)
            return;
        const input = (0,secrets_import/* encodeSecretsImport */.de)(pairs);
        const args = ['secrets', 'import', '--app', app];
        if (options.stage !== false)
            args.push('--stage');
        const result = await this.call(args, { input, timeoutMs: this.limits.secretsImportMs });
        const failure = interpretRun(result, {
            call: 'flyctl secrets import',
            timeoutHint: 'Whether the secrets were written is unknown: check `flyctl secrets list`, then run the job again.',
        });
        if (failure) {
            const values = pairs.flatMap((p) => (0,redact/* secretFragments */.y)(p.value));
            throw new FlyctlError(args.join(' '), { ...failure, message: (0,redact/* redact */.E)(failure.message, values) });
        }
    }
    /** Runs one deploy (never retried: a second try could deploy twice) and reports instead of throwing. */
    async deploy(request) {
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
            timeoutHint: 'Its process group was stopped (SIGTERM, then SIGKILL); raise deploy-timeout if deploys of this app are that slow.',
        });
        if (failure)
            return { ok: false, failure, durationMs, args, run: result };
        return { ok: true, release: findEmittedRelease(result.stdout), durationMs, args, run: result };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
;// CONCATENATED MODULE: ./src/domain/flyctl/release-assets.ts

/** Where flyctl releases live and how they are named (flyctl-contract §8). */
const DEFAULT_DOWNLOAD_BASE = 'https://github.com/superfly/flyctl/releases/download';
const DEFAULT_RESOLVE_BASE = 'https://api.fly.io/app/flyctl_releases';
function flyctlPlatform(platform, arch) {
    const os = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }[platform];
    const cpu = { x64: 'x86_64', arm64: 'arm64' }[arch];
    if (!os || !cpu)
        throw new errors/* UserError */.yo(`flyctl has no release for ${platform}/${arch}; it ships Linux, macOS and Windows on x64 and arm64`);
    return { os, arch: cpu, ext: os === 'Windows' ? 'zip' : 'tar.gz' };
}
const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
function normaliseVersion(version) {
    return version.trim().replace(/^v/, '');
}
/** The version in a download URL returned by the resolve API, as setup-flyctl extracts it. */
function versionFromDownloadUrl(url) {
    return (/superfly\/flyctl\/releases\/download\/v(\d+\.\d+\.\d+)/.exec(url)?.[1] ??
        /\/v(\d+\.\d+\.\d+)\//.exec(url)?.[1]);
}
function assetName(version, p) {
    return `flyctl_${version}_${p.os}_${p.arch}.${p.ext}`;
}
function releaseUrls(base, version, p) {
    const dir = `${base.replace(/\/+$/, '')}/v${version}`;
    return {
        asset: `${dir}/${assetName(version, p)}`,
        // GoReleaser's default name first; releases up to v0.2.72 used the legacy name.
        checksums: [`${dir}/flyctl_${version}_checksums.txt`, `${dir}/checksums.txt`],
    };
}
/** `<sha256>  <file>` lines, as GoReleaser writes them. */
function parseChecksums(text) {
    const sums = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
        if (match)
            sums.set(match[2], match[1].toLowerCase());
    }
    return sums;
}

;// CONCATENATED MODULE: ./src/io/flyctl-install.ts
/** Finds flyctl on PATH or installs a verified release into the tool cache (flyctl-contract §8). */







// A socket idle this long ends the request ("Request timeout: <path>"); the release download through
// tool-cache has http-client's own 3-minute idle limit.
// tool-cache and http-client (with undici, for proxies) load only when an install is needed: a run that
// finds flyctl on PATH never pays for them.
const http = async (socketTimeout = 30_000) => {
    const { HttpClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 44942));
    return new HttpClient('nuzantara-actions', [], { allowRetries: true, maxRetries: 3, socketTimeout });
};
const toolCache = () => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(88), __webpack_require__.e(942), __webpack_require__.e(241)]).then(__webpack_require__.bind(__webpack_require__, 59241));
async function findFlyctlOnPath() {
    const found = await io.which('flyctl', false);
    return found || undefined;
}
async function resolveVersion(version, resolveBase, os, arch, socketTimeoutMs) {
    const wanted = normaliseVersion(version);
    if (wanted !== 'latest') {
        if (!VERSION_PATTERN.test(wanted)) {
            throw new errors/* UserError */.yo(`Input 'flyctl-version': "${version}" is not a version. Use latest or x.y.z, e.g. 0.4.87.`);
        }
        return wanted;
    }
    const url = `${resolveBase.replace(/\/+$/, '')}/${os}/${arch}/latest`;
    let body;
    try {
        const response = await (await http(socketTimeoutMs)).get(url);
        body = (await response.readBody()).trim();
        if ((response.message.statusCode ?? 0) >= 400)
            throw new Error(`HTTP ${response.message.statusCode}: ${body.slice(0, 200)}`);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Could not resolve the latest flyctl version from ${url}: ${(0,errors/* errorMessage */.gJ)(error)}. Pin a version with flyctl-version: x.y.z.`);
    }
    const resolved = versionFromDownloadUrl(body);
    if (!resolved)
        throw new errors/* UserError */.yo(`The flyctl resolve API at ${url} returned no versioned download URL. Pin a version with flyctl-version: x.y.z.`);
    return resolved;
}
async function fetchText(url, socketTimeoutMs) {
    const response = await (await http(socketTimeoutMs)).get(url);
    return { status: response.message.statusCode ?? 0, body: await response.readBody() };
}
async function sha256(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/** Uses flyctl from PATH for `latest` (setup-flyctl's default), else installs the version asked for and verifies it. */
async function locateOrInstallFlyctl(options) {
    if (options.preferPath ?? normaliseVersion(options.version) === 'latest') {
        const onPath = await findFlyctlOnPath();
        if (onPath)
            return { path: onPath, binDir: undefined, version: undefined, source: 'path' };
    }
    const platform = flyctlPlatform(options.platform ?? process.platform, options.arch ?? process.arch);
    const version = await resolveVersion(options.version, options.resolveBase || DEFAULT_RESOLVE_BASE, platform.os, platform.arch, options.socketTimeoutMs);
    const binary = platform.os === 'Windows' ? 'flyctl.exe' : 'flyctl';
    const tc = await toolCache();
    const cached = tc.find('flyctl', version, platform.arch);
    if (cached)
        return { path: (0,external_node_path_.join)(cached, binary), binDir: cached, version, source: 'cache' };
    const urls = releaseUrls(options.downloadBase || DEFAULT_DOWNLOAD_BASE, version, platform);
    let checksums;
    for (const url of urls.checksums) {
        const { status, body } = await fetchText(url, options.socketTimeoutMs).catch((error) => {
            throw new errors/* UserError */.yo(`Could not download flyctl checksums from ${url}: ${(0,errors/* errorMessage */.gJ)(error)}.`);
        });
        if (status === 404)
            continue;
        if (status >= 400)
            throw new errors/* UserError */.yo(`Could not download flyctl checksums from ${url}: HTTP ${status}.`);
        checksums = parseChecksums(body);
        break;
    }
    const name = assetName(version, platform);
    const expected = checksums?.get(name);
    if (!expected) {
        throw new errors/* UserError */.yo(`flyctl ${version} publishes no SHA-256 checksum for ${name} (looked in ${urls.checksums.join(' and ')}); refusing to install an unverified binary. Pick another version, e.g. latest.`);
    }
    let archive;
    try {
        archive = await tc.downloadTool(urls.asset);
    }
    catch (error) {
        const status = error.httpStatusCode;
        throw new errors/* UserError */.yo(status === 404
            ? `flyctl ${version} has no release asset ${name} at ${urls.asset} (HTTP 404). Check the version on flyctl's releases page, or use latest.`
            : `Could not download ${urls.asset}: ${(0,errors/* errorMessage */.gJ)(error)}.`);
    }
    const actual = await sha256(archive);
    if (actual !== expected) {
        throw new errors/* UserError */.yo(`Checksum mismatch for ${name}: expected SHA-256 ${expected}, got ${actual}. The download is corrupt or tampered with; nothing was installed.`);
    }
    const extracted = platform.ext === 'zip' ? await tc.extractZip(archive) : await tc.extractTar(archive);
    if (platform.os !== 'Windows')
        await (0,external_node_fs_promises_.chmod)((0,external_node_path_.join)(extracted, binary), 0o755);
    const dir = await tc.cacheDir(extracted, 'flyctl', version, platform.arch);
    return { path: (0,external_node_path_.join)(dir, binary), binDir: dir, version, source: 'download' };
}

// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(67336);
;// CONCATENATED MODULE: ./src/commands/flyctl.ts
/** flyctl for a verb: the token as flyctl reads it (every part masked), and flyctl itself, found or installed. */







/**
 * Reads the Fly token the way flyctl does (contract §9) and masks it whole and in every part. `secrets`
 * lists what was masked, for redacting text that leaves the host's masking (report files).
 */
function readFlyToken(host) {
    const env = host.context.env;
    const secrets = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'].flatMap((name) => {
        const value = env[name];
        return value ? (0,token/* tokenSecrets */.RD)(value) : [];
    });
    for (const secret of secrets)
        host.mask(secret);
    return { ...(0,token/* resolveFlyToken */.XD)(env), secrets };
}
/** flyctl for this verb and, like setup-flyctl, on PATH for the job's later steps. */
async function setupFlyctl(host, version) {
    const env = host.context.env;
    const location = await locateOrInstallFlyctl({
        version,
        downloadBase: env.NUZANTARA_FLYCTL_DOWNLOAD_URL,
        resolveBase: env.NUZANTARA_FLYCTL_RESOLVE_URL,
    });
    if (location.binDir)
        host.addPath(location.binDir);
    if (location.source !== 'path')
        host.info(`flyctl ${location.version} ${location.source === 'cache' ? 'from the tool cache' : 'installed (SHA-256 verified)'}: ${location.path}`);
    return location;
}
/** The flyctl client, its retries told to the log and a deploy's output streamed through the host. */
function flyctlClient(host, path, cwd) {
    return new FlyctlClient({
        path,
        cwd,
        log: (line) => host.info(line),
        onOutput: (chunk) => host.stream(chunk),
    });
}
/** The flyctl version in the log helps explain behaviour; FLY_EMIT_RELEASE_JSON needs 0.4.56 or later. */
async function logFlyctlVersion(host, client, path) {
    try {
        const { version } = await client.version();
        host.info(`flyctl ${version} (${path})`);
        if (predatesReleaseJson(version))
            host.info(`flyctl ${version} predates FLY_EMIT_RELEASE_JSON (0.4.56): the new release is read from flyctl status.`);
    }
    catch (error) {
        host.info(`flyctl version unknown (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
}
/** working-directory must be a directory and config (relative to it), when given, a fly.toml. */
async function checkAppPaths(workingDirectory, config) {
    await (0,paths/* checkPaths */.n)([
        { input: 'working-directory', path: workingDirectory, is: 'directory' },
        ...(config
            ? [{ input: 'config', path: (0,external_node_path_.resolve)(workingDirectory, config), is: 'fly-config' }]
            : []),
    ]);
}
/**
 * What a verb that changes an app needs before it starts: a usable token (refused with its problem before
 * anything runs), flyctl found or installed, and its version in the log.
 */
async function readyFlyctl(host, version, cwd) {
    const problem = (0,token/* describeTokenProblem */.kZ)(readFlyToken(host));
    if (problem)
        throw new errors/* UserError */.yo(problem);
    const flyctl = await setupFlyctl(host, version);
    const client = flyctlClient(host, flyctl.path, cwd);
    await logFlyctlVersion(host, client, flyctl.path);
    return client;
}


/***/ }),

/***/ 91244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G2: () => (/* binding */ castToInt),
/* harmony export */   X_: () => (/* binding */ shellSplitError),
/* harmony export */   qA: () => (/* binding */ parseFlySize),
/* harmony export */   wA: () => (/* binding */ castToString)
/* harmony export */ });
/* harmony import */ var _shared_order_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77808);
/**
 * The Go parsers flyctl runs on fly.toml values, ported so fly-validate accepts and rejects exactly what
 * they do (docs/flyctl-contract.md §7): google/shlex for commands, go-units sizes through flyctl's
 * helpers.ParseSize, castToInt and castToString from its loader's patches.
 */

/**
 * Why google/shlex's Split fails on the text, or undefined when it splits. Its only errors are an
 * unclosed quote and a trailing backslash; `#` starts a comment only where a word could start.
 */
function shellSplitError(text) {
    let state = 'start';
    for (const ch of text) {
        switch (state) {
            case 'start':
            case 'word':
                if (ch === '"')
                    state = 'double';
                else if (ch === "'")
                    state = 'single';
                else if (ch === '\\')
                    state = 'escape';
                else if (/[ \t\r\n]/.test(ch))
                    state = 'start';
                else if (ch === '#' && state === 'start')
                    state = 'comment';
                else
                    state = 'word';
                break;
            case 'escape':
                state = 'word';
                break;
            case 'quotedEscape':
                state = 'double';
                break;
            case 'double':
                if (ch === '"')
                    state = 'word';
                else if (ch === '\\')
                    state = 'quotedEscape';
                break;
            case 'single':
                if (ch === "'")
                    state = 'word';
                break;
            case 'comment':
                if (ch === '\n')
                    state = 'start';
                break;
        }
    }
    if (state === 'double' || state === 'single')
        return 'EOF found when expecting closing quote';
    if (state === 'escape' || state === 'quotedEscape')
        return 'EOF found after escape character';
    return undefined;
}
const DECIMAL = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
const BINARY = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
/** go-units parseSize (v0.5.0): a number, an optional space, then b, or k/m/g/t/p with an optional b or ib. */
function unitsParse(text, units) {
    let sep = -1;
    for (let i = text.length - 1; i >= 0; i--) {
        if ('0123456789. '.includes(text[i])) {
            sep = i;
            break;
        }
    }
    if (sep === -1)
        return undefined;
    const num = text[sep] === ' ' ? text.slice(0, sep) : text.slice(0, sep + 1);
    const suffix = text.slice(sep + 1).toLowerCase();
    // strconv.ParseFloat: no surrounding spaces, no empty string.
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(num))
        return undefined;
    const size = Number(num);
    if (size < 0)
        return undefined;
    if (suffix === '' || suffix === 'b')
        return Math.trunc(size);
    if (suffix.length > 3)
        return undefined;
    const multiplier = units[suffix[0]];
    if (multiplier === undefined)
        return undefined;
    if (suffix.length === 2 && suffix[1] !== 'b')
        return undefined;
    if (suffix.length === 3 && suffix.slice(1) !== 'ib')
        return undefined;
    return Math.trunc(size * multiplier);
}
/**
 * flyctl's helpers.ParseSize: a bare integer is already the unit count; anything else is parsed by go-units
 * and divided, truncating. Volumes use decimal units per GB ("1000mb" is 1), memory binary units per MiB.
 */
function parseFlySize(text, kind) {
    if (/^[+-]?\d+$/.test(text))
        return Number(text);
    const bytes = unitsParse(text, kind === 'volume-gb' ? DECIMAL : BINARY);
    if (bytes === undefined)
        return undefined;
    return Math.trunc(bytes / (kind === 'volume-gb' ? 1e9 : 2 ** 20));
}
/** The loader's castToString: Go's `%v` of a TOML value, as far as a JavaScript value can tell. */
function castToString(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return `[${value.map(castToString).join(' ')}]`;
    if (typeof value === 'object' && value !== null && !(value instanceof Date))
        return `map[${Object.entries(value)
            .sort(([a], [b]) => (0,_shared_order_js__WEBPACK_IMPORTED_MODULE_0__/* .byCodeUnit */ .X)(a, b))
            .map(([k, v]) => `${k}:${castToString(v)}`)
            .join(' ')}]`;
    return String(value);
}
/** The loader's castToInt: numbers (truncated) and strconv.Atoi strings; undefined for anything else. */
function castToInt(value) {
    if (typeof value === 'number')
        return Math.trunc(value);
    if (typeof value === 'string' && /^[+-]?\d+$/.test(value))
        return Number(value);
    return undefined;
}


/***/ }),

/***/ 21843:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lH: () => (/* binding */ checkEnvSecrets),
  Ll: () => (/* binding */ checkReadiness),
  qU: () => (/* binding */ httpChecks)
});

// EXTERNAL MODULE: ./src/domain/shared/duration.ts
var duration = __webpack_require__(6234);
;// CONCATENATED MODULE: ./src/domain/shared/secret-detect.ts
/**
 * Heuristics for values and names that look like secrets. Callers must never echo the value. Tuned on the
 * real fly.toml corpus (test/fixtures/fly-toml-corpus): flags, lists, cookie and header names, hostnames,
 * paths, versions and plain identifiers are configuration, not secrets.
 */
/** Names whose value is a secret whatever it looks like (a password is a password). */
const STRONG_NAME = /(^|_)(PASSWORD|PASSWD|PWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_KEY_BASE|SECRET_ACCESS_KEY|CREDENTIALS?|PRIVATE_KEY)$/i;
/** Names that often hold a secret but also a key's name, a cookie name or an id. */
const WEAK_NAME = /(^|_)(PASS|TOKEN|KEY|APIKEY|AUTH|DSN|SALT)$/i;
/** Names ending like a secret that are identifiers or public values. */
const NOT_SECRET_NAME = /(PUBLIC_KEY|PUBLISHABLE_KEY|_KEY_ID|CACHE_KEY|SORT_KEY|PARTITION_KEY|PRIMARY_KEY)$/i;
function looksLikeSecretName(name) {
    return (STRONG_NAME.test(name) || WEAK_NAME.test(name)) && !NOT_SECRET_NAME.test(name);
}
const PREFIXES = [
    [/^FlyV1 /, 'a Fly.io token (FlyV1 …)'],
    [/^fm[12][ar]?_/, 'a Fly.io macaroon token'],
    [/^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/, 'a GitHub token'],
    [/^github_pat_/, 'a GitHub fine-grained token'],
    [/^glpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
    [/^npm_[A-Za-z0-9]{36}$/, 'an npm token'],
    [/^sk-[A-Za-z0-9_-]{16,}/, 'an API secret key (sk-…)'],
    [/^(sk|rk)_(live|test)_/, 'a Stripe secret key'],
    [/^whsec_[A-Za-z0-9]{20,}/, 'a webhook signing secret'],
    [/^shp(at|ss|ca|pa)_[a-fA-F0-9]{32}$/, 'a Shopify access token'],
    [/^SG\.[\w-]{16,}\.[\w-]{16,}$/, 'a SendGrid API key'],
    [/^hf_[A-Za-z0-9]{30,}$/, 'a Hugging Face token'],
    [/^xox[abposr]-/, 'a Slack token'],
    [/(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)/, 'an AWS access key id'],
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
    [/^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, 'a JSON Web Token'],
    [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key'],
    [/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i, 'a URL with an embedded password'],
];
/** Query parameters that carry a credential (`?password=…`, `&api_key=…`). */
const CREDENTIAL_PARAM = /^(password|passwd|pwd|secret|client_secret|token|access_token|auth|api[-_]?key|access[-_]?key|key|sig|signature)$/i;
function entropyPerChar(s) {
    const counts = new Map();
    for (const ch of s)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const n of counts.values()) {
        const p = n / s.length;
        h -= p * Math.log2(p);
    }
    return h;
}
/**
 * Words joined by separators, each letters (optionally followed by digits) or digits only: names such as
 * `_penny-session`, `race_of_sloths_bot`, `SESSION_COOKIE`, `v2`. A generated key mixes letters and digits.
 */
function isIdentifier(v) {
    const words = v.split(/[-_.:]+/).filter(Boolean);
    return words.length > 0 && words.every((w) => /^[a-z]+\d*$/i.test(w) || /^\d+$/.test(w));
}
/** Configuration shapes a secret never has. */
function isPlainConfig(v) {
    return (/\s/.test(v) || // sentences, flags with arguments
        v.startsWith('-') || // flags: --max-old-space-size=4096
        /[,;|]/.test(v) || // lists: a,b,c; k=v,k=v
        /^[./~]/.test(v) || // paths
        /^[a-z][a-z0-9+.-]*:/i.test(v) || // URLs and URIs (those with credentials are caught before)
        /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(v) || // e-mail addresses
        /^v?\d+(\.\d+)+([-+][\w.]+)?$/i.test(v) || // versions
        /^([\w-]+\.)+[a-z]{2,}$/i.test(v) || // hostnames
        /^[+-]?\d+(\.\d+)?$/.test(v) || // numbers
        /^0x[0-9a-f]{40}$/i.test(v) // an Ethereum address (public)
    );
}
/** Values that stand for "nothing here yet". */
const PLACEHOLDER = /^(unused|none|null|nil|empty|dummy|placeholder|example|todo|tbd|n\/a|disabled?|true|false|yes|no|on|off|x+|\*+|<[^>]*>|\$\{?[A-Za-z_]\w*\}?|\{\{.*\}\})$/i;
/** What kind of secret the value looks like on its own, or undefined. */
function secretValueKind(value) {
    const v = value.trim();
    for (const [pattern, kind] of PREFIXES)
        if (pattern.test(v))
            return kind;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && URL.canParse(v)) {
        const url = new URL(v);
        for (const [name, param] of url.searchParams)
            if (CREDENTIAL_PARAM.test(name) && param.length >= 8)
                return 'a URL with a credential in its query';
        return undefined;
    }
    // A long random-looking token: one word of base64/base64url characters, upper and lower case and digits
    // mixed, with high entropy.
    if (v.length >= 24 &&
        /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) &&
        !v.startsWith('/') &&
        !isIdentifier(v) &&
        [/[a-z]/, /[A-Z]/, /[0-9]/].every((r) => r.test(v)) &&
        entropyPerChar(v) >= 4.0)
        return 'a high-entropy string (a generated key or token)';
    return undefined;
}
/**
 * Why an [env] entry looks like a secret from its name and value together, or undefined. A secret-like
 * name is not enough: its value must not be empty, a placeholder or plain configuration, and for names
 * such as *_KEY or *_TOKEN (which also hold key names, cookie names and ids) it must look generated.
 */
function secretNameKind(name, value) {
    if (!looksLikeSecretName(name))
        return undefined;
    const v = value.trim();
    if (v === '' || PLACEHOLDER.test(v))
        return undefined;
    if (STRONG_NAME.test(name))
        return /^[./~]/.test(v) ? undefined : 'a secret-named value';
    if (v.length < 8 || isPlainConfig(v) || isIdentifier(v))
        return undefined;
    return 'a key-like value under a secret-like name';
}

// EXTERNAL MODULE: ./src/domain/fly-config/view.ts
var view = __webpack_require__(18126);
;// CONCATENATED MODULE: ./src/domain/fly-config/readiness.ts
/**
 * Deploy readiness (the app can be deployed and checked from outside) and secrets hygiene in [env]. These
 * are this project's policy, not flyctl's rules: flyctl deploys a config that fails them, so the caller
 * chooses their severity (the `policy` input). Works on the parsed document, read the way flyctl's loader
 * reads it (view.ts); returns path-keyed issues like the model checker.
 */



const httpPathOf = (c) => (typeof c.path === 'string' && c.path ? { httpPath: c.path } : {});
/** The top-level checks, from [checks.<name>] tables or the old [[checks]] list. */
function topLevelChecks(doc) {
    if (Array.isArray(doc.checks))
        return (0,view/* tablesAt */.dy)(doc.checks, 'checks').map((c) => ({ path: c.path, check: c.value }));
    if (!(0,view/* isTable */.bI)(doc.checks))
        return [];
    return Object.entries(doc.checks).flatMap(([name, c]) => (0,view/* isTable */.bI)(c) ? [{ path: `checks.${name}`, check: c }] : []);
}
/** Every HTTP health check with the port it probes and where it is in the file. */
function httpChecks(doc) {
    const found = [];
    if ((0,view/* isTable */.bI)(doc.http_service)) {
        const port = (0,view/* portOf */.HM)(doc.http_service.internal_port, false);
        (0,view/* tablesAt */.dy)(doc.http_service.checks, 'http_service.checks').forEach((c) => {
            if (c.value.path !== undefined || c.value.method !== undefined)
                found.push({
                    path: c.path,
                    ...httpPathOf(c.value),
                    port,
                    gracePeriod: c.value.grace_period,
                });
        });
    }
    for (const service of (0,view/* servicesAt */.IH)(doc)) {
        const port = (0,view/* portOf */.HM)(service.value.internal_port, true);
        for (const c of (0,view/* tablesAt */.dy)(service.value.http_checks, `${service.path}.http_checks`))
            found.push({ path: c.path, ...httpPathOf(c.value), port, gracePeriod: c.value.grace_period });
    }
    for (const { path, check } of topLevelChecks(doc))
        if (check.type === 'http')
            found.push({
                path,
                ...httpPathOf(check),
                port: (0,view/* portOf */.HM)(check.port, false),
                gracePeriod: check.grace_period,
            });
    return found;
}
function servedPorts(doc) {
    const ports = [];
    const httpPort = (0,view/* isTable */.bI)(doc.http_service) ? (0,view/* portOf */.HM)(doc.http_service.internal_port, false) : undefined;
    if (httpPort !== undefined)
        ports.push(httpPort);
    for (const s of (0,view/* servicesAt */.IH)(doc)) {
        const port = (0,view/* portOf */.HM)(s.value.internal_port, true);
        if (port !== undefined)
            ports.push(port);
    }
    return ports;
}
/** Readiness rules (`ready/*`), each reported at `severity`. */
function checkReadiness(doc, severity = 'warning') {
    const issues = [];
    if (typeof doc.primary_region !== 'string' || doc.primary_region.trim() === '') {
        issues.push({
            rule: 'ready/primary-region',
            severity,
            path: 'primary_region',
            message: 'No `primary_region`: new machines would land wherever flyctl guesses.',
            fix: 'Add primary_region = "sin" (or your region code).',
        });
    }
    const ports = servedPorts(doc);
    if (ports.length === 0) {
        issues.push({
            rule: 'ready/service',
            severity,
            path: 'http_service',
            message: 'No [http_service] or [[services]] with an internal_port: nothing would receive traffic or be health checked.',
            fix: 'Add [http_service] with internal_port = <the port your app listens on>.',
        });
    }
    const checks = httpChecks(doc);
    if (checks.length === 0) {
        issues.push({
            rule: 'ready/health-check',
            severity,
            path: (0,view/* isTable */.bI)(doc.http_service) ? 'http_service' : 'services',
            message: 'No HTTP health check: a deploy cannot tell a broken release from a good one.',
            fix: 'Add [[http_service.checks]] with path = "/health", interval = "30s", timeout = "10s", grace_period = "30s".',
        });
    }
    for (const check of checks) {
        const grace = typeof check.gracePeriod === 'string' ? (0,duration/* parseGoDuration */.Qu)(check.gracePeriod) : undefined;
        if (check.gracePeriod === undefined || check.gracePeriod === '' || grace === 0) {
            issues.push({
                rule: 'ready/grace-period',
                severity,
                path: check.path,
                message: 'The HTTP health check has no grace period: machines are judged before the app has started.',
                fix: 'Add grace_period = "30s" (longer for slow starts) to the check.',
            });
        }
        if (check.port !== undefined && ports.length > 0 && !ports.includes(check.port)) {
            issues.push({
                rule: 'ready/check-port',
                severity,
                path: `${check.path}.port`,
                message: `The HTTP health check probes port ${check.port}, which no service serves (served: ${ports.join(', ')}).`,
                fix: `Set port = ${ports[0]} on the check.`,
            });
        }
    }
    const stated = (0,view/* mergedTables */.G4)(doc, 'vm').some(({ value: vm }) => (vm.memory !== undefined || vm.memory_mb !== undefined || vm.size !== undefined) &&
        (vm.cpus !== undefined || vm.size !== undefined));
    if (!stated) {
        issues.push({
            rule: 'ready/vm-resources',
            severity,
            path: 'vm',
            message: 'No [[vm]] with CPUs and memory: the app gets the default shared-cpu-1x with 256 MB.',
            fix: 'Add [[vm]] with cpus = 2 and memory = "2gb" (or a size preset).',
        });
    }
    return issues;
}
/**
 * [env] is public config: anything that looks like a secret belongs in `flyctl secrets`. Values are never
 * echoed. Reported at `severity`.
 */
function checkEnvSecrets(doc, severity = 'warning') {
    const issues = [];
    for (const { name, value, path } of (0,view/* envEntries */.IR)(doc)) {
        if (typeof value !== 'string')
            continue;
        const kind = secretValueKind(value);
        if (kind) {
            issues.push({
                rule: 'secrets/env-value',
                severity,
                path,
                message: `[env] ${name} holds what looks like ${kind} (value not shown). fly.toml is committed and [env] is visible to anyone with the config.`,
                fix: `Remove it from fly.toml, rotate it, and set it with \`flyctl secrets set ${name}=…\` (or the secrets input).`,
            });
        }
        else if (secretNameKind(name, value)) {
            issues.push({
                rule: 'secrets/env-name',
                severity,
                path,
                message: `[env] ${name} is named like a secret and its value looks like one (value not shown); [env] values are stored in plain text in fly.toml.`,
                fix: `Move it to Fly secrets: \`flyctl secrets set ${name}=…\`, and delete it from [env].`,
            });
        }
    }
    return issues;
}


/***/ }),

/***/ 18126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ mergedTables),
/* harmony export */   HM: () => (/* binding */ portOf),
/* harmony export */   IH: () => (/* binding */ servicesAt),
/* harmony export */   IR: () => (/* binding */ envEntries),
/* harmony export */   bI: () => (/* binding */ isTable),
/* harmony export */   dy: () => (/* binding */ tablesAt),
/* harmony export */   iw: () => (/* binding */ stringsOf),
/* harmony export */   yh: () => (/* binding */ processNames)
/* harmony export */ });
/* harmony import */ var _go_parsers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91244);
/**
 * The parsed fly.toml seen the way flyctl's loader patches it (docs/flyctl-contract.md §7 "Loading"), with
 * each piece keeping its path in the file so findings land on the right line: single tables where flyctl
 * wraps them, aliases it merges, legacy lists it converts, empty entries it drops.
 */

const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
/** A table, or each table of an array of tables (flyctl's ensureArrayOfMap); other values give nothing. */
function tablesAt(value, path) {
    if (isTable(value))
        return [{ value, path }];
    if (!Array.isArray(value))
        return [];
    return value.flatMap((v, i) => (isTable(v) ? [{ value: v, path: `${path}[${i}]` }] : []));
}
/** Sections flyctl merges from several keys, in its order (patchCompute, patchMounts, patchMetrics). */
const MERGED = {
    vm: ['compute', 'computes', 'vm'],
    mounts: ['mount', 'mounts'],
    metrics: ['metric', 'metrics'],
};
function mergedTables(doc, section) {
    return MERGED[section].flatMap((key) => tablesAt(doc[key], key));
}
/** [[services]] entries as flyctl keeps them: a single [services] table is wrapped, empty entries are dropped. */
function servicesAt(doc) {
    return tablesAt(doc.services, 'services').filter((s) => Object.keys(s.value).length > 0);
}
/** The process groups [processes] defines: table keys, or the names of a legacy [[processes]] list. */
function processNames(doc) {
    const processes = doc.processes;
    if (isTable(processes))
        return Object.keys(processes);
    if (Array.isArray(processes))
        return [
            ...new Set(processes.filter(isTable).flatMap((p) => ('name' in p ? [(0,_go_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .castToString */ .wA)(p.name)] : []))),
        ];
    return [];
}
/** [env] entries after flyctl merges a `[[env]]` list (later tables win), each with its own path. */
function envEntries(doc) {
    const byName = new Map();
    for (const table of tablesAt(doc.env, 'env'))
        for (const [name, value] of Object.entries(table.value))
            byName.set(name, { name, value, path: `${table.path}.${name}` });
    return [...byName.values()];
}
/** A port as flyctl reads it: [[services]] ports and internal_port go through castToInt, [http_service]'s does not. */
function portOf(value, patched) {
    if (patched)
        return (0,_go_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .castToInt */ .G2)(value);
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
/** A list of strings, or nothing when the value is not one. */
function stringsOf(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}


/***/ }),

/***/ 238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   de: () => (/* binding */ encodeSecretsImport)
/* harmony export */ });
/* unused harmony exports MAX_LINE_BYTES, parseSecretsImport */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59677);
/**
 * Encoding secrets for `flyctl secrets import` on stdin so every value arrives byte for byte, under the
 * parser rules of flyctl-contract §5 (`parseSecrets` in internal/command/secrets/parser.go):
 * - single-line state: a line starting with `#` or blank is skipped; split at the first `=`; the value loses
 *   leading spaces; from the first `#` on it is cut (and trailing spaces trimmed) when the text before that
 *   `#` holds an even number of `"`;
 * - then `"""x"""` (≥ 6 chars) is x; a value starting with `"""` opens a multi-line value; else one pair of
 *   surrounding `"…"` or `'…'` is removed;
 * - multi-line state: lines are appended with `\n` until a line ending with `"""`, which is added without it.
 * - bufio.Scanner: lines split at `\n` with a trailing `\r` dropped, and a line over 64 KiB silently ends input.
 * `parseSecretsImport` mirrors the parser so `encodeSecretsImport` can prove each encoding round-trips.
 */

/** bufio.MaxScanTokenSize: a longer line silently stops flyctl's parser. */
const MAX_LINE_BYTES = 64 * 1024 - 1;
const quotesBeforeHash = (text) => {
    const hash = text.indexOf('#');
    return hash < 0 ? undefined : (text.slice(0, hash).match(/"/g)?.length ?? 0);
};
/** A single-line value as the parser sees it after `NAME=`. */
function decodeSingle(raw) {
    let value = raw.replace(/^ +/, '');
    const hash = value.indexOf('#');
    if (hash >= 0 && (value.slice(0, hash).match(/"/g)?.length ?? 0) % 2 === 0)
        value = value.slice(0, hash).replace(/ +$/, '');
    if (value.startsWith('"""') && value.endsWith('"""') && value.length >= 6)
        return { value: value.slice(3, -3), multiline: false };
    if (value.startsWith('"""'))
        return { value: value.slice(3), multiline: true };
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
        return { value: value.slice(1, -1), multiline: false };
    if (value.length >= 2 && value.startsWith("'") && value.endsWith("'"))
        return { value: value.slice(1, -1), multiline: false };
    return { value, multiline: false };
}
/** What flyctl's parser makes of a stdin text (errors as flyctl words them, without echoing lines). */
function parseSecretsImport(text) {
    const secrets = new Map();
    const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    if (lines.at(-1) === '')
        lines.pop();
    let key;
    let collected = '';
    for (const line of lines) {
        if (Buffer.byteLength(line) > MAX_LINE_BYTES)
            break;
        if (key === undefined) {
            if (line.startsWith('#') || line.trim() === '')
                continue;
            const eq = line.indexOf('=');
            if (eq < 0)
                throw new Error('Secrets must be provided as NAME=VALUE pairs');
            const name = line.slice(0, eq).trim();
            const decoded = decodeSingle(line.slice(eq + 1));
            if (decoded.multiline) {
                key = name;
                collected = `${decoded.value}\n`;
            }
            else
                secrets.set(name, decoded.value);
        }
        else if (line.endsWith('"""')) {
            secrets.set(key, collected + line.slice(0, -3));
            key = undefined;
            collected = '';
        }
        else
            collected += `${line}\n`;
    }
    return secrets;
}
/** The line(s) for one pair, or the reason the parser cannot carry the value intact. */
function encodeOne(pair) {
    const { name, value } = pair;
    if (value.includes('\r'))
        return { problem: 'contains a carriage return (\\r), which flyctl drops at line ends' };
    if (!value.includes('\n')) {
        const quotes = quotesBeforeHash(value);
        // An odd count of `"` before the first `#` would, inside double quotes, make the `#` start a comment.
        if (quotes !== undefined && quotes % 2 === 1)
            return { text: `${name}='${value}'` };
        if (value.startsWith('""') || value === '"')
            return { text: `${name}="""${value}"""` };
        return { text: `${name}="${value}"` };
    }
    const lines = value.split('\n');
    const first = lines[0];
    const quotes = quotesBeforeHash(first);
    if (quotes !== undefined && quotes % 2 === 1)
        return {
            problem: 'has an odd number of double quotes before a # on its first line, which flyctl reads as a comment',
        };
    if (first.endsWith('"""'))
        return { problem: 'has a first line ending in """, which flyctl reads as the end of the value' };
    if (lines.slice(1, -1).some((l) => l.endsWith('"""')))
        return {
            problem: 'has a line ending in """ before its last line, which flyctl reads as the end of the value',
        };
    return { text: `${name}="""${lines.join('\n')}"""` };
}
/**
 * The stdin text for `flyctl secrets import`. Throws a UserError naming the secret (never its value) when
 * flyctl's parser cannot carry a value intact.
 */
function encodeSecretsImport(pairs) {
    const out = [];
    for (const pair of pairs) {
        const encoded = encodeOne(pair);
        const problem = 'problem' in encoded
            ? encoded.problem
            : encoded.text.split('\n').some((l) => Buffer.byteLength(l) > MAX_LINE_BYTES)
                ? 'has a line longer than 64 KiB, where flyctl silently stops reading'
                : parseSecretsImport(`${encoded.text}\n`).get(pair.name) !== pair.value
                    ? 'cannot be written in a form flyctl reads back unchanged'
                    : undefined;
        if (problem)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input 'secrets': the value of ${pair.name} ${problem}, so it cannot be staged with \`flyctl secrets import\` without being changed (value hidden). Change the value's form (e.g. base64-encode it and decode it in the app), or set this secret outside the action.`);
        out.push(encoded.text);
    }
    return `${out.join('\n')}\n`;
}


/***/ }),

/***/ 22846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RD: () => (/* binding */ tokenSecrets),
/* harmony export */   XD: () => (/* binding */ resolveFlyToken),
/* harmony export */   kZ: () => (/* binding */ describeTokenProblem)
/* harmony export */ });
/**
 * Fly token facts (flyctl-contract §9): FLY_ACCESS_TOKEN wins over FLY_API_TOKEN even when it is set but
 * empty, and a token is a `FlyV1 `/`Bearer ` scheme plus comma-separated parts, each of which must be masked.
 */
function resolveFlyToken(env) {
    const access = env.FLY_ACCESS_TOKEN;
    const api = env.FLY_API_TOKEN;
    if (access !== undefined) {
        const token = access.trim() === '' ? undefined : access;
        return { token, source: token ? 'FLY_ACCESS_TOKEN' : undefined, shadowed: !token && !!api?.trim() };
    }
    if (api !== undefined && api.trim() !== '')
        return { token: api, source: 'FLY_API_TOKEN', shadowed: false };
    return { token: undefined, source: undefined, shadowed: false };
}
/** Every string that must be masked for a token: the whole value, without its scheme, and each part. */
function tokenSecrets(token) {
    const trimmed = token.trim();
    const withoutScheme = trimmed.replace(/^(FlyV1|Bearer)\s+/i, '');
    const parts = withoutScheme
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p.length >= 8);
    return [...new Set([token, trimmed, withoutScheme, ...parts].filter((s) => s.length > 0))];
}
function describeTokenProblem(state) {
    if (state.shadowed) {
        return 'FLY_ACCESS_TOKEN is set but empty, and flyctl reads it before FLY_API_TOKEN, so flyctl would find no token. Remove FLY_ACCESS_TOKEN from the step env (a missing secret referenced as ${{ secrets.X }} is an empty string).';
    }
    if (!state.token) {
        return 'No Fly token: set FLY_API_TOKEN in the step env from a secret, e.g. `env: FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}` (create one with `flyctl tokens create deploy`).';
    }
    return undefined;
}


/***/ }),

/***/ 28029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Runs a program with an argument array (never a shell) and captures its output. Built on child_process
 * rather than @actions/exec because a hung program (a `flyctl deploy` that never returns) must be
 * stoppable: @actions/exec exposes no way to kill its child.
 *
 * Each program gets its own process group (contract §13), so a timeout stops it and everything it started
 * in that group. The result comes when the program exits, not when its pipes close: a grandchild may hold
 * them open after the program is gone. Because a group of its own no longer hears the terminal's Ctrl-C,
 * SIGINT, SIGTERM and SIGHUP are passed on to every running group, and the groups are killed if this
 * process exits while they run.
 */


/** The longest a Node timer holds; callers validate their inputs against it (TIMER_MAX_MS). */
const TIMER_LIMIT_MS = 2 ** 31 - 1;
const KILL_GRACE_MS = 10_000;
/** After the program exits, how long its pipes may stay open (a grandchild holding them) before it is over. */
const DRAIN_MS = 1_000;
/** After SIGKILL, how long to wait for the exit (a process stuck in the kernel) before giving up on it. */
const REAP_MS = 2_000;
/** Process groups need POSIX; on Windows a program is stopped on its own. */
const GROUPS = process.platform !== 'win32';
const signalNumber = (signal) => node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[signal] ?? 0;
function signalGroup(pid, signal) {
    try {
        process.kill(GROUPS ? -pid : pid, signal);
    }
    catch {
        // Already gone.
    }
}
/** Process groups of programs not finished yet: their kill grace, and whether the program itself exited. */
const running = new Map();
const RELAYED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let stoppingOn;
let exitHookInstalled = false;
function stopNow(signal) {
    for (const pid of running.keys())
        signalGroup(pid, 'SIGKILL');
    process.exit(128 + signalNumber(signal));
}
/**
 * A signal to this process: passed on to every running program's group; this process then ends, as the
 * signal meant it to, once they have exited or after their grace. A second signal ends everything at once.
 */
function relay(signal) {
    if (stoppingOn)
        stopNow(signal);
    stoppingOn = signal;
    process.stderr.write(`\nReceived ${signal}: passing it on to the running program(s), then stopping.\n`);
    for (const pid of running.keys())
        signalGroup(pid, signal);
    const graceMs = Math.max(0, ...[...running.values()].map((r) => r.graceMs));
    setTimeout(() => stopNow(signal), graceMs);
}
function track(pid, graceMs) {
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        // Nothing outlives this process: a group still running when it exits is killed.
        process.on('exit', () => {
            for (const group of running.keys())
                signalGroup(group, 'SIGKILL');
        });
    }
    // Handlers only while something runs: with none, Node's own Ctrl-C behaviour stays.
    if (running.size === 0)
        for (const signal of RELAYED)
            process.on(signal, relay);
    running.set(pid, { graceMs, exited: false });
}
function exited(pid) {
    const entry = running.get(pid);
    if (entry)
        entry.exited = true;
    if (stoppingOn && [...running.values()].every((r) => r.exited))
        stopNow(stoppingOn);
}
function untrack(pid) {
    if (!running.delete(pid))
        return;
    if (stoppingOn) {
        if (running.size === 0)
            stopNow(stoppingOn);
        return;
    }
    if (running.size === 0)
        for (const signal of RELAYED)
            process.off(signal, relay);
}
function runCommand(program, args, options = {}) {
    return new Promise((resolve) => {
        if (stoppingOn) {
            const reason = `not started: this process is stopping on ${stoppingOn}`;
            resolve({ exitCode: 127, stdout: '', stderr: reason, notStarted: reason });
            return;
        }
        const stdout = [];
        const stderr = [];
        const timers = [];
        const after = (ms, work) => void timers.push(setTimeout(work, Math.min(Math.max(0, ms), TIMER_LIMIT_MS)));
        const graceMs = options.killGraceMs ?? KILL_GRACE_MS;
        let settled = false;
        let timedOut = false;
        let exit;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(program, [...args], {
            cwd: options.cwd,
            env: options.env ? { ...process.env, ...options.env } : process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            windowsHide: true,
            detached: GROUPS,
        });
        const pid = child.pid;
        if (pid !== undefined)
            track(pid, graceMs);
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            for (const timer of timers)
                clearTimeout(timer);
            if (pid !== undefined)
                untrack(pid);
            child.stdout.destroy();
            child.stderr.destroy();
            const exitCode = result?.exitCode ??
                (exit ? (exit.code ?? 128 + (exit.signal ? signalNumber(exit.signal) : 0)) : 128 + 9);
            resolve({
                exitCode,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: result?.notStarted ?? Buffer.concat(stderr).toString('utf8'),
                ...(timedOut ? { timedOutAfterMs: options.timeoutMs } : {}),
                ...(result?.notStarted ? { notStarted: result.notStarted } : {}),
            });
        };
        if (options.timeoutMs !== undefined) {
            after(options.timeoutMs, () => {
                timedOut = true;
                if (pid !== undefined)
                    signalGroup(pid, 'SIGTERM');
                after(graceMs, () => {
                    if (pid !== undefined)
                        signalGroup(pid, 'SIGKILL');
                    // SIGKILL cannot be refused, but a process stuck in the kernel may still not exit: stop waiting.
                    after(exit ? 0 : REAP_MS, () => finish());
                });
            });
        }
        child.stdout.on('data', (chunk) => {
            stdout.push(chunk);
            options.onOutput?.(chunk.toString('utf8'));
        });
        child.stderr.on('data', (chunk) => {
            stderr.push(chunk);
            // Both streams go to one log, in the order they come, as @actions/exec does.
            options.onOutput?.(chunk.toString('utf8'));
        });
        // A program that cannot start (ENOENT, EACCES) reports here, as a shell would with 127.
        child.on('error', (error) => {
            if (pid === undefined)
                finish({ exitCode: 127, notStarted: error.message });
        });
        child.on('exit', (code, signal) => {
            exit = { code, signal };
            if (pid !== undefined)
                exited(pid);
            // Whatever still holds the pipes after a short drain is a leftover of the group: stop it and go on.
            after(DRAIN_MS, () => {
                if (pid !== undefined)
                    signalGroup(pid, 'SIGKILL');
                finish();
            });
        });
        // Every pipe closed after the exit: all the output is in.
        child.on('close', () => finish());
        // The program may exit without reading its input; that is not our error.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input ?? '');
    });
}


/***/ })

};

//# sourceMappingURL=709.index.js.map