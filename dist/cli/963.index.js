export const id = 963;
export const ids = [963];
export const modules = {

/***/ 5963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readValidateSettings: () => (/* binding */ readValidateSettings),
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/domain/shared/errors.ts
var errors = __webpack_require__(59677);
// EXTERNAL MODULE: ./src/domain/shared/redact.ts
var redact = __webpack_require__(60931);
;// CONCATENATED MODULE: ./src/domain/fly-config/locate.ts
/**
 * Maps TOML key paths to line numbers. smol-toml gives positions only for syntax errors, so findings find
 * their line by scanning headers and `key =` lines. Paths look like `http_service.checks[0].grace_period`.
 */
function splitKey(text) {
    const parts = [];
    let current = '';
    let quote;
    for (const ch of text) {
        if (quote) {
            if (ch === quote)
                quote = undefined;
            else
                current += ch;
        }
        else if (ch === '"' || ch === "'")
            quote = ch;
        else if (ch === '.') {
            parts.push(current.trim());
            current = '';
        }
        else
            current += ch;
    }
    parts.push(current.trim());
    return parts;
}
class KeyLines {
    lines = new Map();
    constructor(source) {
        const arrayIndex = new Map();
        let table = '';
        let inMultiline;
        source.split(/\r?\n/).forEach((raw, i) => {
            const line = raw.trim();
            if (inMultiline) {
                if (line.includes(inMultiline))
                    inMultiline = undefined;
                return;
            }
            const header = /^\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
            if (header) {
                const isArray = header[1] === '[';
                const segments = splitKey(header[2]);
                let path = '';
                segments.forEach((segment, k) => {
                    path = path ? `${path}.${segment}` : segment;
                    const last = k === segments.length - 1;
                    if (!last && arrayIndex.has(path))
                        path += `[${arrayIndex.get(path)}]`;
                    if (last && isArray) {
                        const index = (arrayIndex.get(path) ?? -1) + 1;
                        arrayIndex.set(path, index);
                        // The array itself (e.g. a list where flyctl wants a table) is where its first item starts.
                        this.set(path, i + 1);
                        path += `[${index}]`;
                    }
                });
                table = path;
                this.set(path, i + 1);
                return;
            }
            const assignment = /^((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=(.*)$/.exec(line);
            if (assignment) {
                const key = splitKey(assignment[1]).join('.');
                this.set(table ? `${table}.${key}` : key, i + 1);
                const rest = assignment[2];
                for (const delim of ['"""', "'''"]) {
                    if (rest.split(delim).length === 2)
                        inMultiline = delim;
                }
            }
        });
    }
    set(path, line) {
        if (!this.lines.has(path))
            this.lines.set(path, line);
    }
    /** The line of the path, or of its nearest ancestor that appears in the file. */
    lineOf(path) {
        let p = path;
        while (p) {
            const line = this.lines.get(p);
            if (line !== undefined)
                return line;
            const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0)
                return undefined;
            p = p.slice(0, cut);
        }
        return undefined;
    }
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/domain/shared/duration.ts
var duration = __webpack_require__(6234);
// EXTERNAL MODULE: ./src/domain/fly-config/go-parsers.ts
var go_parsers = __webpack_require__(91244);
;// CONCATENATED MODULE: ./src/domain/fly-config/schema.ts
/**
 * The fly.toml model as flyctl loads it (docs/flyctl-contract.md §7): what its loader's patches accept and
 * convert, then what its JSON decode into the Go structs accepts. Data only: model.ts walks a parsed
 * document against it. Where a kind says "patched", flyctl converts the value before decoding.
 */
const string = { kind: 'string' };
const schema_int = { kind: 'int' };
const bool = { kind: 'bool' };
const strings = { kind: 'strings' };
const table = (fields) => ({ kind: 'table', fields });
const array = (of, options = {}) => ({
    kind: 'array',
    of,
    ...options,
});
const schema_duration = (bare) => ({ kind: 'duration', bare });
const advised = (values) => ({ kind: 'enum', values });
const port = { kind: 'int', advise: { min: 1, max: 65535 } };
const concurrency = table({
    type: advised(['connections', 'requests']),
    hard_limit: schema_int,
    soft_limit: schema_int,
});
const tlsOptions = table({ alpn: strings, versions: strings, default_self_signed: bool });
const httpOptions = table({
    compress: bool,
    response: table({ headers: { kind: 'anyTable' }, pristine: bool }),
    h2_backend: bool,
    idle_timeout: { kind: 'int', unsigned: true },
    headers_read_timeout: { kind: 'int', unsigned: true },
    replay_cache: array(table({ path_prefix: string, ttl_seconds: schema_int, type: string, name: string, allow_bypass: bool })),
});
/** Service checks are patched (bare numbers are ms, headers converted) except under [http_service]. */
const httpCheck = (patched) => table({
    interval: schema_duration(patched ? 'milliseconds' : 'nanoseconds'),
    timeout: schema_duration(patched ? 'milliseconds' : 'nanoseconds'),
    grace_period: schema_duration(patched ? 'milliseconds' : 'nanoseconds'),
    method: string,
    path: string,
    protocol: advised(['http', 'https']),
    tls_skip_verify: bool,
    tls_server_name: string,
    headers: patched ? { kind: 'headers' } : { kind: 'stringMap' },
});
const machineCheck = table({
    command: strings,
    image: string,
    entrypoint: strings,
    kill_signal: string,
    kill_timeout: schema_duration('nanoseconds'),
});
/** Compute with fly-go's MachineGuest inlined; only top-level [[vm]] memory is converted from a number. */
const vm = (memoryNumbers) => table({
    size: string,
    memory: { kind: 'memory', numbers: memoryNumbers },
    processes: strings,
    cpu_kind: advised(['shared', 'performance']),
    cpus: { kind: 'int', advise: { min: 1 } },
    memory_mb: { kind: 'int', advise: { min: 1 } },
    max_memory_mb: schema_int,
    gpus: schema_int,
    gpu_kind: string,
    host_dedication_id: string,
    persist_rootfs: advised(['never', 'always', 'restart']),
    kernel_args: strings,
});
const SERVICES_OPAQUE = 'inside [[services]]';
const services = array(table({
    protocol: advised(['tcp', 'udp']),
    internal_port: { kind: 'int', cast: true, advise: { min: 1, max: 65535 } },
    auto_stop_machines: { kind: 'autostop' },
    auto_start_machines: bool,
    min_machines_running: { kind: 'int', advise: { min: 0 } },
    processes: strings,
    concurrency: { kind: 'concurrency', table: concurrency },
    ports: array(table({
        port: { kind: 'int', cast: true, advise: { min: 1, max: 65535 } },
        start_port: port,
        end_port: port,
        handlers: strings,
        force_https: bool,
        tls_options: tlsOptions,
        http_options: httpOptions,
        proxy_proto_options: table({ version: string }),
    }), { wraps: true }),
    tcp_checks: array(table({
        interval: schema_duration('milliseconds'),
        timeout: schema_duration('milliseconds'),
        grace_period: schema_duration('milliseconds'),
    }), { wraps: true }),
    http_checks: array(httpCheck(true), { wraps: true }),
    machine_checks: array(machineCheck),
}), { wraps: true, opaque: SERVICES_OPAQUE });
const topLevelCheck = table({
    port: schema_int,
    type: string,
    interval: schema_duration('milliseconds'),
    timeout: schema_duration('milliseconds'),
    grace_period: schema_duration('milliseconds'),
    method: string,
    path: string,
    protocol: advised(['http', 'https']),
    tls_skip_verify: bool,
    tls_server_name: string,
    headers: { kind: 'headers' },
    processes: strings,
});
const mounts = array(table({
    source: string,
    destination: string,
    processes: strings,
    initial_size: { kind: 'size', numbers: true },
    snapshot_retention: schema_int,
    scheduled_snapshots: bool,
    auto_extend_size_threshold: schema_int,
    auto_extend_size_increment: { kind: 'size', numbers: false },
    auto_extend_size_limit: { kind: 'size', numbers: false },
}), { wraps: true, opaque: 'inside [[mounts]]' });
const compute = array(vm(true), { wraps: true, opaque: 'inside [[vm]]' });
const metrics = array(table({ port, path: string, https: bool, processes: strings }), {
    wraps: true,
    opaque: 'inside [[metrics]]',
});
const FLY_CONFIG = table({
    app: string,
    primary_region: string,
    kill_signal: string,
    kill_timeout: schema_duration('seconds'),
    swap_size_mb: schema_int,
    console_command: string,
    host_dedication_id: string,
    machine_config: string,
    container: string,
    processes: { kind: 'processes' },
    build: table({
        builder: string,
        image: string,
        builtin: string,
        dockerfile: string,
        ignorefile: string,
        'build-target': string,
        build_target: string, // renamed to build-target by patchBuild
        compression: { kind: 'enum', values: ['gzip', 'zstd'], enforced: true },
        compression_level: schema_int,
        args: { kind: 'stringMap' },
        buildpacks: strings,
        settings: { kind: 'anyTable' },
        compose: table({ file: string }),
    }),
    deploy: table({
        strategy: {
            kind: 'enum',
            values: ['canary', 'rolling', 'immediate', 'bluegreen'],
            enforced: true,
            rule: 'deploy/strategy',
        },
        max_unavailable: { kind: 'float' },
        wait_timeout: schema_duration('nanoseconds'),
        release_command: string,
        release_command_timeout: schema_duration('nanoseconds'),
        release_command_vm: vm(false),
        seed_command: string,
    }),
    env: { kind: 'env' },
    http_service: table({
        internal_port: port,
        force_https: bool,
        auto_stop_machines: { kind: 'autostop' },
        auto_start_machines: bool,
        min_machines_running: { kind: 'int', advise: { min: 0 } },
        processes: strings,
        concurrency,
        tls_options: tlsOptions,
        http_options: httpOptions,
        checks: array(httpCheck(false)),
        machine_checks: array(machineCheck),
    }),
    services,
    checks: { kind: 'map', legacyArray: true, of: topLevelCheck },
    // Aliases flyctl's patches fold into vm, mounts and metrics before anything else looks at them.
    vm: compute,
    compute,
    computes: compute,
    mounts,
    mount: mounts,
    metrics,
    metric: metrics,
    statics: array(table({ guest_path: string, url_prefix: string, tigris_bucket: string, index_document: string })),
    files: array(table({
        guest_path: string,
        local_path: string,
        secret_name: string,
        raw_value: string,
        processes: strings,
    })),
    restart: array(table({
        policy: { kind: 'enum', values: ['always', 'on-failure', 'never'], enforced: true },
        retries: schema_int,
        processes: strings,
    })),
    machine_checks: array(machineCheck),
    experimental: table({
        cmd: { kind: 'stringOrStrings' },
        entrypoint: { kind: 'stringOrStrings' },
        exec: { kind: 'stringOrStrings' },
        auto_rollback: bool,
        enable_consul: bool,
        enable_etcd: bool,
        lazy_load_images: bool,
        attached: table({ secrets: table({ export: { kind: 'stringMap' } }) }),
        machine_config: string,
        kill_timeout: { kind: 'legacy', of: schema_duration('seconds'), movedTo: 'kill_timeout at the top level' },
        metrics_port: { kind: 'legacy', of: port, movedTo: '[[metrics]] port' },
        metrics_path: { kind: 'legacy', of: string, movedTo: '[[metrics]] path' },
    }),
});
/** Keys of the Nomad-era (Apps v1) format that Machines apps no longer read; old `flyctl launch` wrote them. */
const LEGACY_KEYS = new Set([
    'script_checks',
    'restart_limit',
    'allowed_public_ports',
    'private_network',
]);

// EXTERNAL MODULE: ./src/domain/fly-config/view.ts
var view = __webpack_require__(18126);
;// CONCATENATED MODULE: ./src/domain/fly-config/model.ts
/**
 * Checks a parsed fly.toml the way flyctl loads and validates it (docs/flyctl-contract.md §6, §7): what its
 * loader's patches normalise is accepted (a warning at most, where the result may surprise), what the
 * patches or the JSON decode into its structs cannot take is an error, then the rules of its
 * `Config.Validate`. Unknown keys are errors under `strict` only where `config validate --strict` looks.
 * Returns issues keyed by TOML path; the caller turns paths into file lines.
 */




function typeName(v) {
    if (Array.isArray(v))
        return 'an array';
    if ((0,view/* isTable */.bI)(v))
        return 'a table';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'an integer' : 'a float';
    if (typeof v === 'boolean')
        return 'a boolean';
    if (typeof v === 'string')
        return 'a string';
    if (v instanceof Date)
        return 'a date';
    return typeof v;
}
/** A value to show in a fix: numbers and booleans as written; anything else may hold a secret, so not shown. */
const quotable = (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : '…');
const join = (path, key) => (path ? `${path}.${key}` : key);
const lastKey = (path) => (path.split('.').pop() ?? path).replace(/\[\d+\]/g, '');
const section = (path) => path.replace(/\[\d+\]/g, '');
const TOP_LEVEL_KEYS = new Set(Object.keys(FLY_CONFIG.fields));
/** Milliseconds as flyctl ends up with them, or undefined when the value is not a duration it reads. */
function effectiveMs(value, bare) {
    if (typeof value === 'number')
        return bare === 'nanoseconds' ? value / 1e6 : Math.trunc(value) * (bare === 'seconds' ? 1000 : 1);
    return typeof value === 'string' && value !== '' ? (0,duration/* parseGoDuration */.Qu)(value) : undefined;
}
/** docker units.RAMInBytes through flyctl's ParseSize: MiB for a `[[vm]] memory` value (a bare integer is MiB). */
function sizeInMiB(text) {
    return (0,go_parsers/* parseFlySize */.qA)(text, 'memory-mib');
}
function checkModel(doc, options) {
    const issues = [];
    const add = (issue) => {
        issues.push(issue);
    };
    /** flyctl cannot load the file: a patch or the JSON decode fails on this value (§7 "Loading"). */
    const cannotLoad = (path, value, expected, example, why = '') => add({
        rule: 'config/type',
        severity: 'error',
        path,
        message: `\`${lastKey(path)}\` is ${typeName(value)}, but flyctl expects ${expected}${why}: it cannot load the file.`,
        fix: `Write it as ${example}.`,
    });
    const unknownKey = (at, key, known) => {
        const strictKey = at.strict === undefined ? undefined : join(at.strict, key);
        const legacy = LEGACY_KEYS.has(key);
        const where = at.path ? ` in [${section(at.path)}]` : ' at the top level';
        const what = legacy
            ? `\`${key}\`${where} is a key of the old Nomad-era format, which flyctl no longer reads`
            : `Unknown key \`${key}\`${where}: flyctl ignores it`;
        const strictNote = strictKey === undefined
            ? `; \`config validate --strict\` does not look ${at.opaque}, so flyctl never reports it.`
            : options.strict
                ? `, and \`config validate --strict\` rejects it (as \`${strictKey}\`).`
                : ` (\`config validate --strict\` would reject it, as \`${strictKey}\`).`;
        const near = nearest(key, known);
        add({
            rule: 'config/unknown-key',
            severity: strictKey !== undefined && options.strict ? 'error' : legacy ? 'notice' : 'warning',
            path: join(at.path, key),
            message: what + strictNote,
            fix: legacy
                ? 'Remove it.'
                : at.path && TOP_LEVEL_KEYS.has(key)
                    ? `\`${key}\` is a top-level key: move it above the first [section] header (TOML puts a key written after a header into that table).`
                    : near
                        ? `Did you mean \`${near}\`? Otherwise remove it.`
                        : 'Remove it or move it to the section it belongs to.',
            ...(strictKey === undefined ? {} : { strictKey }),
        });
    };
    const child = (at, key, spec) => {
        const opaque = spec.kind === 'array' && spec.opaque !== undefined;
        return {
            path: join(at.path, key),
            strict: opaque || at.strict === undefined ? undefined : join(at.strict, key),
            opaque: opaque ? spec.opaque : at.opaque,
        };
    };
    const walk = (value, spec, at) => {
        const { path } = at;
        const key = lastKey(path);
        switch (spec.kind) {
            case 'string':
                if (typeof value !== 'string')
                    cannotLoad(path, value, 'a string', `${key} = "${quotable(value)}"`);
                return;
            case 'int': {
                const n = spec.cast ? (0,go_parsers/* castToInt */.G2)(value) : Number.isInteger(value) ? value : undefined;
                if (n === undefined)
                    return cannotLoad(path, value, 'an integer', `${key} = ${(0,go_parsers/* castToInt */.G2)(value) ?? 1}`, typeof value === 'string' ? ' (flyctl converts strings to numbers only in [[services]])' : '');
                if (spec.unsigned && n < 0)
                    return cannotLoad(path, value, 'a number of 0 or more', `${key} = 0`);
                const { min, max } = spec.advise ?? {};
                if ((min !== undefined && n < min) || (max !== undefined && n > max))
                    add({
                        rule: 'config/range',
                        severity: 'warning',
                        path,
                        message: `\`${key}\` is ${n}, outside ${min ?? '-∞'}..${max ?? '∞'}. flyctl does not check it; the Machines API may refuse it at deploy.`,
                        fix: `Use a value from ${min ?? '-∞'} to ${max ?? '∞'}.`,
                    });
                return;
            }
            case 'float':
                if (typeof value !== 'number')
                    cannotLoad(path, value, 'a number', `${key} = 0.33`);
                return;
            case 'bool':
                if (typeof value !== 'boolean')
                    cannotLoad(path, value, 'a boolean', `${key} = true`);
                return;
            case 'enum':
                if (typeof value !== 'string')
                    return cannotLoad(path, value, 'a string', `${key} = "${spec.values[0]}"`);
                if (value === '' || spec.values.includes(value))
                    return;
                add({
                    rule: spec.rule ?? 'config/enum',
                    severity: spec.enforced ? 'error' : 'warning',
                    path,
                    message: `\`${key}\` is ${JSON.stringify(value)}; ${spec.enforced ? 'flyctl accepts only' : 'flyctl does not check it, but Fly knows only'} ${spec.values.map((v) => `"${v}"`).join(', ')}.`,
                    fix: `Set ${key} = "${spec.values[0]}" or another accepted value.`,
                });
                return;
            case 'autostop':
                if (typeof value === 'boolean')
                    return;
                if (typeof value !== 'string' || !['off', 'stop', 'suspend'].includes(value))
                    add({
                        rule: 'config/auto-stop',
                        severity: 'error',
                        path,
                        message: `\`auto_stop_machines\` is ${JSON.stringify(value)}; flyctl accepts "off", "stop", "suspend" or a boolean and cannot load anything else.`,
                        fix: 'Use auto_stop_machines = "stop" (or "off", "suspend", true, false).',
                    });
                return;
            case 'duration':
                return checkDuration(value, spec.bare, path, add);
            case 'memory': {
                if (!(typeof value === 'string' || (spec.numbers && typeof value === 'number')))
                    return cannotLoad(path, value, 'a string', `${key} = "1gb"`);
                const mib = sizeInMiB((0,go_parsers/* castToString */.wA)(value));
                if (mib === undefined || mib === 0)
                    add({
                        rule: 'config/memory',
                        severity: 'error',
                        path,
                        message: `\`${key}\` is ${JSON.stringify(value)}, which is ${mib === 0 ? 'zero' : 'not a memory size'}: \`fly deploy\` fails on it when it builds the machines (\`config validate\` does not check memory).`,
                        fix: `Write ${key} = "1gb", "512mb" or a number of MiB such as ${key} = 1024.`,
                    });
                return;
            }
            case 'size':
                if (!(typeof value === 'string' || (spec.numbers && typeof value === 'number')))
                    cannotLoad(path, value, 'a string', `${key} = "10gb"`, spec.numbers ? '' : ' (only initial_size is converted)');
                return;
            case 'strings':
                if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
                    cannotLoad(path, value, 'an array of strings', `${key} = ["a", "b"]`);
                return;
            case 'stringOrStrings':
                if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string')))
                    cannotLoad(path, value, 'a string or an array of strings', `${key} = ["a", "b"]`);
                return;
            case 'stringMap':
                if (!(0,view/* isTable */.bI)(value))
                    return cannotLoad(path, value, 'a table', `[${section(path)}]`);
                for (const [k, v] of Object.entries(value))
                    if (typeof v !== 'string')
                        cannotLoad(join(path, k), v, 'a string', `${k} = "${quotable(v)}"`, ' (flyctl does not convert values here)');
                return;
            case 'anyTable':
                if (!(0,view/* isTable */.bI)(value))
                    cannotLoad(path, value, 'a table', `[${section(path)}]`);
                return;
            case 'env':
                return checkEnv(value, path, add, cannotLoad);
            case 'processes':
                return checkProcesses(value, path, add, cannotLoad);
            case 'concurrency':
                if ((0,view/* isTable */.bI)(value))
                    return walk(value, spec.table, at);
                if (typeof value === 'string') {
                    const comma = value.indexOf(',');
                    if (comma >= 0 &&
                        /^[+-]?\d+$/.test(value.slice(0, comma)) &&
                        /^[+-]?\d+$/.test(value.slice(comma + 1)))
                        return;
                }
                return cannotLoad(path, value, 'a [services.concurrency] table (or the old "soft,hard" string)', '[services.concurrency] with type = "requests", soft_limit = 20, hard_limit = 25', Array.isArray(value) ? ' (flyctl stops with "Unknown type for service concurrency")' : '');
            case 'headers':
                if ((0,view/* isTable */.bI)(value))
                    return;
                if (Array.isArray(value) && value.every((h) => (0,view/* isTable */.bI)(h) && 'name' in h))
                    return;
                return cannotLoad(path, value, 'a table of header names and values', `[${section(path)}] with Name = "value"`);
            case 'legacy':
                walk(value, spec.of, at);
                if (at.strict !== undefined)
                    add({
                        rule: 'config/unknown-key',
                        severity: options.strict ? 'error' : 'notice',
                        path,
                        message: `\`${key}\` in [${section(path).replace(/\.[^.]+$/, '')}] is an old key: flyctl still moves it to ${spec.movedTo}, but \`config validate --strict\` ${options.strict ? 'rejects' : 'would reject'} it (as \`${at.strict}\`).`,
                        fix: `Set ${spec.movedTo} instead.`,
                        strictKey: at.strict,
                    });
                return;
            case 'table': {
                if (!(0,view/* isTable */.bI)(value))
                    return cannotLoad(path, value, 'a table', `[${section(path)}]`);
                const known = Object.keys(spec.fields);
                for (const [k, v] of Object.entries(value)) {
                    const fieldSpec = spec.fields[k];
                    if (fieldSpec)
                        walk(v, fieldSpec, child(at, k, fieldSpec));
                    else
                        unknownKey(at, k, known);
                }
                return;
            }
            case 'array':
                if (Array.isArray(value))
                    return value.forEach((item, i) => walk(item, spec.of, {
                        path: `${path}[${i}]`,
                        strict: at.strict === undefined ? undefined : `${at.strict}[${i}]`,
                        opaque: at.opaque,
                    }));
                if ((0,view/* isTable */.bI)(value) && spec.wraps)
                    return walk(value, spec.of, at);
                return cannotLoad(path, value, spec.wraps ? 'a table or an array of tables' : 'an array of tables', `[[${section(path)}]] (with double brackets)`, (0,view/* isTable */.bI)(value) ? ` (a single [${section(path)}] table is not wrapped into a list here)` : '');
            case 'map':
                if (spec.legacyArray && Array.isArray(value)) {
                    value.forEach((item, i) => {
                        const itemPath = `${path}[${i}]`;
                        if (!(0,view/* isTable */.bI)(item) || typeof item.name !== 'string')
                            return cannotLoad(itemPath, (0,view/* isTable */.bI)(item) ? item.name : item, 'a [[checks]] item with a string `name`', `[checks.<name>]`);
                        const { name, ...rest } = item;
                        const strictPath = at.strict === undefined ? undefined : `${at.strict}.${name}`;
                        walk(rest, spec.of, { path: itemPath, strict: strictPath, opaque: at.opaque });
                        if (strictPath !== undefined)
                            add({
                                rule: 'config/unknown-key',
                                severity: options.strict ? 'error' : 'notice',
                                path: `${itemPath}.name`,
                                message: `flyctl still reads the old [[checks]] list, but \`config validate --strict\` ${options.strict ? 'rejects' : 'would reject'} its \`name\` key (as \`${strictPath}.name\`).`,
                                fix: `Write the check as [checks.${name}] without a name key.`,
                                strictKey: `${strictPath}.name`,
                            });
                    });
                    return;
                }
                if (!(0,view/* isTable */.bI)(value))
                    return cannotLoad(path, value, 'a table', `[${section(path)}.<name>]`);
                for (const [k, v] of Object.entries(value))
                    walk(v, spec.of, {
                        path: join(path, k),
                        strict: at.strict === undefined ? undefined : join(at.strict, k),
                        opaque: at.opaque,
                    });
                return;
        }
    };
    walk(doc, FLY_CONFIG, { path: '', strict: '', opaque: '' });
    checkRules(doc, add);
    return issues;
}
function checkDuration(value, bare, path, add) {
    const key = lastKey(path);
    // Patched fields (castDuration) silently drop what is neither a string nor a number; others fail to decode.
    const patched = bare !== 'nanoseconds';
    if (typeof value === 'number') {
        const ms = effectiveMs(value, bare);
        add({
            rule: 'duration/bare-number',
            severity: 'warning',
            path,
            message: patched
                ? `\`${key}\` is the bare number ${value}, which flyctl reads as ${bare} here (${(0,duration/* formatDuration */.a3)(ms)}); other fields read bare numbers differently.`
                : `\`${key}\` is the bare number ${value}, which flyctl reads as ${value} nanoseconds here (this field is not converted), effectively zero.`,
            fix: `Write it as a string with a unit: ${key} = "${patched ? (0,duration/* formatDuration */.a3)(ms) : `${value}s`}".`,
        });
        return;
    }
    if (typeof value !== 'string') {
        add(patched
            ? {
                rule: 'config/ignored',
                severity: 'warning',
                path,
                message: `\`${key}\` is ${typeName(value)}, not a duration: flyctl drops it without a word, so the default applies.`,
                fix: `Write ${key} = "10s".`,
            }
            : {
                rule: 'config/type',
                severity: 'error',
                path,
                message: `\`${key}\` is ${typeName(value)}, not a duration: flyctl cannot load the file.`,
                fix: `Write ${key} = "10s".`,
            });
        return;
    }
    if (value === '' && patched)
        return; // "unset" for castDuration
    if ((0,duration/* parseGoDuration */.Qu)(value) === undefined) {
        const days = /^(\d+)d$/.exec(value.trim());
        add({
            rule: 'duration/format',
            severity: 'error',
            path,
            message: `\`${key}\` is ${JSON.stringify(value)}, which is not a Go duration (units: ns, us, ms, s, m, h; no days): flyctl cannot load the file.`,
            fix: `Write ${key} = "${days ? `${Number(days[1]) * 24}h` : '10s'}".`,
        });
    }
}
function checkEnv(value, path, add, cannotLoad) {
    if (!(0,view/* isTable */.bI)(value) && !(Array.isArray(value) && value.every(view/* isTable */.bI)))
        return cannotLoad(path, value, 'a table', '[env] with NAME = "value" lines', ' ("Do not know how to process \'env\' section")');
    for (const table of (0,view/* tablesAt */.dy)(value, path))
        for (const [name, v] of Object.entries(table.value))
            if (typeof v === 'object' && v !== null && !(v instanceof Date))
                add({
                    rule: 'config/converted',
                    severity: 'warning',
                    path: `${table.path}.${name}`,
                    message: `[env] ${name} is ${typeName(v)}; flyctl turns it into Go's text form of it (such as "[a b]" or "map[k:v]"), value not shown.`,
                    fix: `Write ${name} as one string: ${name} = "value".`,
                });
}
function checkProcesses(value, path, add, cannotLoad) {
    if ((0,view/* isTable */.bI)(value)) {
        for (const [name, command] of Object.entries(value))
            if (typeof command !== 'string')
                cannotLoad(`${path}.${name}`, command, 'a command string', `${name} = "${quotable(command)}"`);
        return;
    }
    if (!Array.isArray(value))
        return cannotLoad(path, value, 'a table of process groups', '[processes] with app = "<command>"');
    // The old `processes = []` and [[processes]] lists: flyctl keeps items with a name, drops the rest.
    value.forEach((item, i) => {
        if (!(0,view/* isTable */.bI)(item) || !('name' in item))
            add({
                rule: 'config/ignored',
                severity: 'warning',
                path: `${path}[${i}]`,
                message: `This [processes] list item is not a table with a \`name\`; flyctl drops it.`,
                fix: 'Define process groups as [processes] with name = "<command>" lines.',
            });
        else
            for (const k of Object.keys(item))
                if (k !== 'name' && k !== 'command')
                    add({
                        rule: 'config/unknown-key',
                        severity: 'warning',
                        path: `${path}[${i}].${k}`,
                        message: `Unknown key \`${k}\` in a [[processes]] item: flyctl reads only name and command; \`config validate --strict\` does not look here, so flyctl never reports it.`,
                        fix: 'Define process groups as [processes] with name = "<command>" lines.',
                    });
    });
}
const serviceCheckDuration = (kind, field, ms, path) => {
    const grace = field === 'grace_period';
    const tooShort = grace ? ms !== 0 && ms < 1000 : ms < 1000;
    if (!tooShort && ms <= 60_000)
        return undefined;
    return {
        rule: 'checks/service-duration',
        severity: 'warning',
        path,
        message: `The service ${kind} check's \`${field}\` is ${(0,duration/* formatDuration */.a3)(ms)}; flyctl ${tooShort ? 'raises it to 1 second' : 'lowers it to 1 minute'} ("this will be ${tooShort ? 'raised to 1 second' : 'lowered to 1 minute'}").`,
        fix: `Use a value between 1s and 1m.`,
    };
};
/** The rules of flyctl's Config.Validate (internal/appconfig/validation.go), in its order. */
function checkRules(doc, add) {
    const table = (v) => ((0,view/* isTable */.bI)(v) ? v : {});
    if (typeof doc.app !== 'string' || doc.app.trim() === '')
        add({
            rule: 'config/app-name',
            severity: 'error',
            path: 'app',
            message: 'No `app` name: `flyctl config validate` and `fly deploy` stop with "the config for your app is missing an app name" unless given -a or FLY_APP.',
            fix: 'Add app = "<your-app>" at the top of the file.',
        });
    // validateBuildStrategies: a warning only.
    const build = table(doc.build);
    const nonEmpty = (v) => typeof v === 'string' && v !== '';
    const strategies = [
        nonEmpty(build.image) && `the "${String(build.image)}" docker image`,
        (nonEmpty(build.builder) || (0,view/* stringsOf */.iw)(build.buildpacks).length > 0) && 'a buildpack',
        (nonEmpty(build.dockerfile) || nonEmpty(build['build-target']) || nonEmpty(build.build_target)) &&
            'a dockerfile',
        nonEmpty(build.builtin) && `the "${String(build.builtin)}" builtin image`,
    ].filter((s) => typeof s === 'string');
    if (strategies.length > 1)
        add({
            rule: 'config/build-strategy',
            severity: 'warning',
            path: 'build',
            message: `[build] names more than one way to build: ${strategies.join(', ')}; flyctl warns and picks one.`,
            fix: 'Keep one of image, builder/buildpacks, dockerfile or builtin.',
        });
    // validateDeploySection
    const deploy = table(doc.deploy);
    const shlex = (path, command, what) => {
        if (typeof command !== 'string')
            return;
        const problem = (0,go_parsers/* shellSplitError */.X_)(command);
        if (problem)
            add({
                rule: 'config/command',
                severity: 'error',
                path,
                message: `flyctl cannot split ${what} as a shell command (${problem}), so it rejects the config.`,
                fix: 'Close every quote and do not end the command with a backslash.',
            });
    };
    shlex('deploy.release_command', deploy.release_command, 'release_command');
    const mounts = (0,view/* mergedTables */.G4)(doc, 'mounts');
    if (deploy.strategy === 'canary' && mounts.length > 0)
        add({
            rule: 'deploy/canary-mounts',
            severity: 'error',
            path: 'deploy.strategy',
            message: 'The canary strategy cannot be used with [mounts] (flyctl: "canary deployment strategy is not supported when using mounted volumes").',
            fix: 'Use strategy = "rolling" (or "immediate") for apps with volumes.',
        });
    // validateChecksSection: top-level [checks.<name>] (or the old [[checks]] list).
    const topChecks = Array.isArray(doc.checks)
        ? (0,view/* tablesAt */.dy)(doc.checks, 'checks').map((c) => [String(c.value.name), c.path, c.value])
        : Object.entries(table(doc.checks)).flatMap(([name, c]) => (0,view/* isTable */.bI)(c) ? [[name, `checks.${name}`, c]] : []);
    for (const [name, path, check] of topChecks) {
        if (check.type !== 'http' && check.type !== 'tcp')
            add({
                rule: 'checks/type',
                severity: 'error',
                path: check.type === undefined ? path : `${path}.type`,
                message: `Check \`${name}\` has ${check.type === undefined ? 'no `type`' : `type ${JSON.stringify(check.type)}`}; flyctl rejects it ("Missing or invalid check type, must be 'http' or 'tcp'").`,
                fix: 'Set type = "http" or type = "tcp".',
            });
        const interval = effectiveMs(check.interval, 'milliseconds');
        if (interval !== undefined && interval < 2000)
            add({
                rule: 'checks/interval-min',
                severity: 'error',
                path: `${path}.interval`,
                message: `Check \`${name}\` runs every ${(0,duration/* formatDuration */.a3)(interval)}; flyctl requires at least 2s ("interval is too short").`,
                fix: 'Set interval = "15s" or any value of 2s or more.',
            });
        const timeout = effectiveMs(check.timeout, 'milliseconds');
        if (timeout !== undefined && timeout > 60_000)
            add({
                rule: 'checks/timeout-max',
                severity: 'error',
                path: `${path}.timeout`,
                message: `Check \`${name}\` has a ${(0,duration/* formatDuration */.a3)(timeout)} timeout; flyctl allows at most 60s ("timeout is too long").`,
                fix: 'Set timeout = "10s" or any value up to 60s.',
            });
    }
    // validateServicesSection: [http_service] (converted to a service) and each [[services]] entry.
    const groups = (0,view/* processNames */.yh)(doc);
    const valid = groups.length > 0 ? groups : ['app'];
    const unknownGroups = (path, names, owner) => {
        for (const group of names.filter((g) => !valid.includes(g)))
            add({
                rule: 'config/unknown-process',
                severity: 'error',
                path,
                message: `${owner} names process group "${group}", which [processes] does not define; flyctl rejects it.`,
                fix: groups.length
                    ? `Use one of: ${groups.join(', ')}.`
                    : 'Remove processes or define the group under [processes].',
            });
    };
    const services = [
        ...((0,view/* isTable */.bI)(doc.http_service) ? [{ value: doc.http_service, path: 'http_service', patched: false }] : []),
        ...(0,view/* servicesAt */.IH)(doc).map((s) => ({ ...s, patched: true })),
    ];
    for (const service of services) {
        const names = (0,view/* stringsOf */.iw)(service.value.processes);
        const label = service.patched ? `[[services]] entry \`${service.path}\`` : '[http_service]';
        if (names.length === 0 && groups.length > 0)
            add({
                rule: 'config/service-processes',
                severity: 'error',
                path: service.path,
                message: `${label} has no \`processes\`, but [processes] defines ${groups.length} group(s); flyctl rejects it ("Service has no processes set but app has ${groups.length} processes defined").`,
                fix: `Add processes = ["${groups[0]}"] (the group that serves it) to the service.`,
            });
        else
            unknownGroups(`${service.path}.processes`, names, label);
        if (service.patched && (0,view/* tablesAt */.dy)(service.value.ports, `${service.path}.ports`).length === 0)
            add({
                rule: 'config/service-ports',
                severity: 'warning',
                path: service.path,
                message: `${label} exposes no port; flyctl warns "Service must expose at least one port".`,
                fix: 'Add [[services.ports]] with port = 443 and handlers = ["tls", "http"] (or remove the service).',
            });
        const checkLists = service.patched
            ? [
                ['TCP', 'tcp_checks'],
                ['HTTP', 'http_checks'],
            ]
            : [['HTTP', 'checks']];
        for (const [kind, list] of checkLists)
            for (const check of (0,view/* tablesAt */.dy)(service.value[list], `${service.path}.${list}`))
                for (const field of ['interval', 'timeout', 'grace_period']) {
                    const raw = check.value[field];
                    if (raw === undefined || (!service.patched && typeof raw === 'number'))
                        continue; // bare ns: warned already
                    const ms = effectiveMs(raw, service.patched ? 'milliseconds' : 'nanoseconds');
                    const issue = ms === undefined ? undefined : serviceCheckDuration(kind, field, ms, `${check.path}.${field}`);
                    if (issue)
                        add(issue);
                }
    }
    // validateProcessesSection, validateConsoleCommand
    if ((0,view/* isTable */.bI)(doc.processes))
        for (const [name, command] of Object.entries(doc.processes))
            if (command !== '')
                shlex(`processes.${name}`, command, `the command of process group "${name}"`);
    shlex('console_command', doc.console_command, 'console_command');
    // validateMounts (sizes in decimal units: "1000mb" is 1 GB).
    for (const mount of mounts) {
        const m = mount.value;
        const label = `Mount \`${typeof m.source === 'string' ? m.source : mount.path}\``;
        // Only initial_size is converted from a number; a number elsewhere is already a load error.
        const size = (field, minimumOnly) => {
            const raw = m[field];
            if (typeof raw !== 'string' && !(minimumOnly && typeof raw === 'number'))
                return 0;
            const text = (0,go_parsers/* castToString */.wA)(raw);
            if (text === '')
                return 0;
            const gb = (0,go_parsers/* parseFlySize */.qA)(text, 'volume-gb');
            if (gb === undefined)
                add({
                    rule: 'config/size',
                    severity: 'error',
                    path: `${mount.path}.${field}`,
                    message: `${label}: \`${field}\` is ${JSON.stringify(raw)}, not a size flyctl can read ("invalid size").`,
                    fix: `Write ${field} = "10gb" (decimal units: gb, mb; a bare number is GB).`,
                });
            else if (gb < 1)
                add({
                    rule: minimumOnly ? 'mounts/initial-size' : 'mounts/auto-extend',
                    severity: 'error',
                    path: `${mount.path}.${field}`,
                    message: `${label}: \`${field}\` is ${JSON.stringify(raw)}, below 1GB (flyctl reads sizes in decimal units and truncates); flyctl rejects it.`,
                    fix: `Set ${field} = "1gb" or larger.`,
                });
            return gb ?? 0;
        };
        size('initial_size', true);
        const retention = m.snapshot_retention;
        if (Number.isInteger(retention) && (retention < 1 || retention > 60))
            add({
                rule: 'config/range',
                severity: 'error',
                path: `${mount.path}.snapshot_retention`,
                message: `${label}: \`snapshot_retention\` is ${String(retention)}; flyctl requires 1 to 60 days.`,
                fix: 'Use a value from 1 to 60.',
            });
        const increment = size('auto_extend_size_increment', false);
        const limit = size('auto_extend_size_limit', false);
        const threshold = Number.isInteger(m.auto_extend_size_threshold)
            ? m.auto_extend_size_threshold
            : 0;
        // flyctl checks auto-extend only when one of the three is set (0 means unset).
        if (threshold !== 0 || increment !== 0 || limit !== 0) {
            const autoExtend = (field, problem) => add({
                rule: 'mounts/auto-extend',
                severity: 'error',
                // A missing key is reported where the auto-extend keys that are set are.
                path: m[field] !== undefined
                    ? `${mount.path}.${field}`
                    : m.auto_extend_size_threshold !== undefined
                        ? `${mount.path}.auto_extend_size_threshold`
                        : mount.path,
                message: `${label}: ${problem}; flyctl rejects it.`,
                fix: 'Set auto_extend_size_threshold (50-99), auto_extend_size_increment ("1gb"-"100gb") and optionally auto_extend_size_limit ("1gb"-"500gb"), or none of them.',
            });
            if (threshold !== 0 && increment === 0 && limit === 0)
                autoExtend('auto_extend_size_threshold', 'auto_extend_size_threshold is set without an increment or a limit');
            if (threshold < 50 || threshold > 99)
                autoExtend('auto_extend_size_threshold', `auto_extend_size_threshold is ${threshold}, outside 50..99`);
            if (increment < 1 || increment > 100)
                autoExtend('auto_extend_size_increment', `auto_extend_size_increment is ${increment}GB, outside 1GB..100GB`);
            if (limit !== 0 && (limit < 1 || limit > 500))
                autoExtend('auto_extend_size_limit', `auto_extend_size_limit is ${limit}GB, outside 1GB..500GB`);
        }
    }
    // validateRestartPolicy (only a [[restart]] list decodes; a single table is already a load error).
    if (Array.isArray(doc.restart))
        for (const restart of (0,view/* tablesAt */.dy)(doc.restart, 'restart')) {
            unknownGroups(`${restart.path}.processes`, (0,view/* stringsOf */.iw)(restart.value.processes), '[[restart]]');
            if (restart.value.policy === undefined || restart.value.policy === '')
                add({
                    rule: 'config/enum',
                    severity: 'error',
                    path: restart.path,
                    message: '[[restart]] has no `policy`; flyctl rejects it ("invalid restart policy").',
                    fix: 'Add policy = "on-failure" (or "always", "never").',
                });
        }
    // validateCompression (the compression value itself is an enforced enum in the schema).
    const level = build.compression_level;
    if (Number.isInteger(level) && (level < 0 || level > 9))
        add({
            rule: 'config/range',
            severity: 'error',
            path: 'build.compression_level',
            message: `\`compression_level\` is ${String(level)}; flyctl accepts 0 to 9 ("Invalid value for compression level").`,
            fix: 'Use a value from 0 to 9, or remove it.',
        });
}
function nearest(word, candidates) {
    let best;
    let bestDistance = 3;
    for (const c of candidates) {
        const d = levenshtein(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}
function levenshtein(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}

// EXTERNAL MODULE: ./src/domain/fly-config/readiness.ts + 1 modules
var readiness = __webpack_require__(21843);
;// CONCATENATED MODULE: ./src/domain/fly-config/validate.ts
/**
 * Validates one fly.toml's text as findings with lines: TOML syntax, then flyctl's own rules (model.ts), then
 * this project's policy rules (readiness and [env] secrets, at the `policy` severity).
 */





function validateFlyConfig(source, file, options) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(source);
    }
    catch (error) {
        if (!(error instanceof dist/* TomlError */.zx))
            throw error;
        // Only the first line: smol-toml's code block would quote the source, which may hold a secret.
        const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
        return {
            doc: undefined,
            strictKeys: [],
            findings: [
                {
                    rule: 'toml/syntax',
                    severity: 'error',
                    file,
                    line: error.line,
                    column: error.column,
                    message: `TOML syntax error: ${reason}.`,
                    fix: 'Fix the syntax at this line and column (quote strings, close brackets, one key per line).',
                },
            ],
        };
    }
    const lines = new KeyLines(source);
    const toFinding = (issue) => ({
        rule: issue.rule,
        severity: issue.severity,
        file,
        line: lines.lineOf(issue.path) ?? 1,
        message: issue.message,
        fix: issue.fix,
    });
    const model = checkModel(doc, { strict: options.strict });
    const policy = options.policy === 'error' ? 'error' : 'warning';
    const issues = [...model, ...(0,readiness/* checkReadiness */.Ll)(doc, policy), ...(0,readiness/* checkEnvSecrets */.lH)(doc, policy)];
    const strictKeys = model.flatMap((i) => (i.strictKey === undefined ? [] : [i.strictKey])).sort();
    return { doc, findings: issues.map(toFinding), strictKeys };
}
/** The Dockerfile a config builds from (relative to the config's directory), or none for image/buildpack builds. */
function buildDockerfile(configFile, doc) {
    const build = (doc?.build ?? {});
    if (typeof build.image === 'string' || typeof build.builder === 'string' || Array.isArray(build.buildpacks))
        return undefined;
    return external_node_path_.posix.join(external_node_path_.posix.dirname(configFile), typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile');
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/domain/validate/dockerfile-policy.ts
/**
 * Container policy from the seed's container security rules: a multi-stage build whose final stage runs
 * as a non-root user on a pinned, minimal base image. Parsed with dockerfile-ast (the VS Code Docker parser).
 */

const MINIMAL = /(alpine|slim|distroless|scratch|chainguard|wolfi|micro|minimal|busybox)/i;
const ROOT_USERS = new Set(['root', '0', 'root:root', '0:0', 'root:0', '0:root']);
function checkDockerfile(source, file) {
    const findings = [];
    const add = (f) => findings.push({ file, ...f });
    const dockerfile = main.DockerfileParser.parse(source);
    const froms = dockerfile.getFROMs();
    if (froms.length === 0) {
        add({
            rule: 'docker/no-from',
            severity: 'error',
            line: 1,
            message: 'The Dockerfile has no FROM instruction.',
            fix: 'Start each stage with FROM <image>:<tag>.',
        });
        return findings;
    }
    const stages = froms.map((from) => ({
        from,
        line: from.getRange().start.line + 1,
        name: from.getBuildStage()?.toLowerCase() ?? undefined,
        user: undefined,
    }));
    for (const instruction of dockerfile.getInstructions()) {
        if (instruction.getKeyword() !== 'USER')
            continue;
        const line = instruction.getRange().start.line + 1;
        const stage = [...stages].reverse().find((s) => s.line <= line);
        if (stage)
            stage.user = { value: instruction.getArgumentsContent()?.trim() ?? '', line };
    }
    const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
    for (const stage of stages) {
        const image = stage.from.getImageName() ?? '';
        const ref = stage.from.getImage() ?? '';
        if (image === '' || stageNames.has(image.toLowerCase()) || image === 'scratch')
            continue;
        if (ref.includes('$')) {
            add({
                rule: 'docker/unresolved-base',
                severity: 'warning',
                line: stage.line,
                message: `FROM ${ref} uses a build argument, so its pin cannot be checked.`,
                fix: 'Give the ARG a pinned default (e.g. ARG BASE=python:3.12-slim) or write the image directly.',
            });
            continue;
        }
        const tag = stage.from.getImageTag();
        const digest = stage.from.getImageDigest();
        if (!digest && (!tag || tag === 'latest')) {
            add({
                rule: 'docker/unpinned-base',
                severity: 'error',
                line: stage.line,
                message: `FROM ${ref} is not pinned: ${tag ? '`latest`' : 'no tag means `latest`'}, which changes under you between builds.`,
                fix: `Pin a version, e.g. FROM ${image}:<version>-slim, ideally with @sha256:<digest>.`,
            });
        }
        else if (!digest) {
            add({
                rule: 'docker/digest',
                severity: 'notice',
                line: stage.line,
                message: `FROM ${ref} is pinned by tag only; a tag can be re-pushed.`,
                fix: `Add the digest: FROM ${ref}@sha256:<digest> (docker buildx imagetools inspect ${ref}).`,
            });
        }
    }
    const final = stages[stages.length - 1];
    if (stages.length < 2) {
        add({
            rule: 'docker/multi-stage',
            severity: 'warning',
            line: final.line,
            message: 'Single-stage build: build tools and caches ship in the runtime image.',
            fix: 'Build in one stage (FROM … AS build) and COPY --from=build only what runs into a slim final stage.',
        });
    }
    // The final stage's user, inherited through stages it is built FROM.
    let stage = final;
    let user;
    const seen = new Set();
    while (stage && !seen.has(stage)) {
        seen.add(stage);
        if (stage.user) {
            user = stage.user;
            break;
        }
        const base = stage.from.getImageName()?.toLowerCase();
        const before = stage.line;
        stage = stages.find((s) => s.name !== undefined && s.name === base && s.line < before);
    }
    const finalBase = finalImage(stages, final);
    const nonRootBase = /nonroot/i.test(finalBase);
    if (!user && !nonRootBase) {
        add({
            rule: 'docker/root-user',
            severity: 'error',
            line: final.line,
            message: 'The final stage has no USER, so the app runs as root.',
            fix: 'Add a user and switch to it: RUN adduser -D app (or useradd) then USER app.',
        });
    }
    else if (user && ROOT_USERS.has(user.value.toLowerCase())) {
        add({
            rule: 'docker/root-user',
            severity: 'error',
            line: user.line,
            message: `The final stage runs as ${user.value}.`,
            fix: 'Switch to an unprivileged user: USER app (or a numeric uid such as 10001).',
        });
    }
    if (finalBase !== 'scratch' && !MINIMAL.test(finalBase)) {
        add({
            rule: 'docker/base-not-minimal',
            severity: 'warning',
            line: final.line,
            message: `The final stage is based on ${finalBase}, a full OS image with a larger attack surface.`,
            fix: 'Use a -slim, -alpine or distroless base for the runtime stage.',
        });
    }
    return findings;
}
/** The external image a stage ultimately builds on. */
function finalImage(stages, stage) {
    let current = stage;
    for (let i = 0; i < stages.length && current; i++) {
        const image = current.from.getImage() ?? '';
        const parent = stages.find((s) => s.name !== undefined &&
            s.name === current?.from.getImageName()?.toLowerCase() &&
            s.line < current.line);
        if (!parent)
            return image;
        current = parent;
    }
    return current?.from.getImage() ?? '';
}

// EXTERNAL MODULE: ./src/domain/flyctl/token.ts
var token = __webpack_require__(22846);
;// CONCATENATED MODULE: ./src/domain/validate/preflight.ts

const ENV = '';
function requiredSecretFindings(names, env) {
    return names
        .filter((name) => (env[name] ?? '').trim() === '')
        .map((name) => ({
        rule: 'secrets/required-missing',
        severity: 'error',
        file: ENV,
        message: `Required secret ${name} is ${env[name] === undefined ? 'not set' : 'set but empty'} in this step's environment.`,
        fix: `Add \`${name}: \${{ secrets.${name} }}\` under the step's env: and make sure the repository or environment secret exists.`,
    }));
}
function tokenFindings(state, required) {
    const problem = (0,token/* describeTokenProblem */.kZ)(state);
    if (!problem)
        return [];
    if (state.shadowed)
        return [
            {
                rule: 'auth/token-shadowed',
                severity: required ? 'error' : 'warning',
                file: ENV,
                message: problem.split('. ')[0] + '.',
                fix: problem.split('. ').slice(1).join('. '),
            },
        ];
    if (!required)
        return [];
    return [
        {
            rule: 'auth/token-missing',
            severity: 'error',
            file: ENV,
            message: 'No Fly token in FLY_API_TOKEN or FLY_ACCESS_TOKEN, and this check needs one.',
            fix: problem.replace(/^No Fly token: /, ''),
        },
    ];
}
function gitFindings(state, requireClean) {
    if (!requireClean)
        return {
            findings: [],
            check: { name: 'Git working tree', status: 'skipped', detail: 'require-clean-git is false' },
        };
    if (!state.isRepo) {
        return {
            findings: [
                {
                    rule: 'git/not-a-repo',
                    severity: 'error',
                    file: ENV,
                    message: 'The working directory is not a git checkout, so its state cannot be checked.',
                    fix: 'Run actions/checkout first, or set require-clean-git: false.',
                },
            ],
            check: { name: 'Git working tree', status: 'failed', detail: 'not a git repository' },
        };
    }
    if (state.dirty.length === 0)
        return { findings: [], check: { name: 'Git working tree', status: 'passed', detail: 'clean' } };
    const shown = state.dirty.slice(0, 20).join(', ');
    const more = state.dirty.length > 20 ? ` and ${state.dirty.length - 20} more` : '';
    return {
        findings: [
            {
                rule: 'git/dirty',
                severity: 'error',
                file: ENV,
                message: `The working tree has ${state.dirty.length} uncommitted change(s): ${shown}${more}. A deploy would ship code that is in no commit.`,
                fix: 'Commit or discard these changes (or add generated files to .gitignore) before deploying.',
            },
        ],
        check: {
            name: 'Git working tree',
            status: 'failed',
            detail: `${state.dirty.length} uncommitted path(s)`,
        },
    };
}
/** Secrets the app must have on Fly, compared with `flyctl secrets list --json` (names and status only). */
function flySecretFindings(app, file, line, required, entries) {
    const byName = new Map(entries.map((e) => [e.name, e]));
    const missing = required.filter((name) => !byName.has(name));
    const findings = [];
    if (missing.length > 0) {
        findings.push({
            rule: 'secrets/fly-missing',
            severity: 'error',
            file,
            line,
            message: `Fly app ${app} has no secret ${missing.join(', ')} (it has ${entries.length} secret(s)); the release would start without ${missing.length === 1 ? 'it' : 'them'}.`,
            fix: `Set ${missing.length === 1 ? 'it' : 'them'} before deploying: \`flyctl secrets set ${missing.map((n) => `${n}=…`).join(' ')} -a ${app} --stage\`, or pass ${missing.length === 1 ? 'it' : 'them'} in fly-deploy-with-health's secrets input.`,
        });
    }
    const staged = required.filter((name) => byName.get(name)?.status === 'Staged');
    if (staged.length > 0) {
        findings.push({
            rule: 'secrets/fly-staged',
            severity: 'notice',
            file,
            line,
            message: `Fly app ${app} has ${staged.join(', ')} staged but not yet on its machines.`,
            fix: 'Nothing to do if a deploy follows: it rolls staged secrets out.',
        });
    }
    return findings;
}

// EXTERNAL MODULE: ./src/domain/shared/findings.ts
var shared_findings = __webpack_require__(37684);
// EXTERNAL MODULE: ./src/domain/shared/markdown.ts
var markdown = __webpack_require__(55523);
// EXTERNAL MODULE: ./src/domain/shared/order.ts
var order = __webpack_require__(77808);
;// CONCATENATED MODULE: ./src/domain/validate/report.ts
/** The fly-validate report: JSON for machines, Markdown for the job summary. Pure functions of findings. */



function buildReport(files, checks, findings) {
    const counts = (0,shared_findings/* countBySeverity */.Ot)(findings);
    return {
        // No config checked is not a valid config, whatever else passed.
        valid: counts.error === 0 && files.length > 0,
        errors: counts.error,
        warnings: counts.warning,
        notices: counts.notice,
        files,
        checks,
        findings: (0,shared_findings/* sortFindings */.Tc)(findings),
    };
}
const ICON = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' };
const STATUS = { passed: '✅ passed', failed: '❌ failed', skipped: '⏭️ skipped' };
function reportMarkdown(report) {
    const parts = [];
    parts.push(`## fly-validate: ${report.valid ? '✅ ready to deploy' : '❌ not ready to deploy'}`);
    parts.push(`${report.errors} error(s), ${report.warnings} warning(s), ${report.notices} notice(s) in ${report.files.length} config file(s).`);
    parts.push((0,markdown/* table */.tp)(['Check', 'Result', 'Detail'], report.checks.map((c) => [c.name, STATUS[c.status], c.detail])));
    const byFile = new Map();
    for (const f of report.findings)
        byFile.set(f.file || '(environment)', [...(byFile.get(f.file || '(environment)') ?? []), f]);
    for (const file of report.files)
        if (!byFile.has(file))
            byFile.set(file, []);
    for (const [file, findings] of [...byFile].sort(([a], [b]) => (0,order/* byCodeUnit */.X)(a, b))) {
        parts.push(`### ${(0,markdown/* code */.aY)(file)}`);
        parts.push(findings.length === 0
            ? 'No findings.'
            : (0,markdown/* table */.tp)(['Severity', 'Rule', 'Line', 'Problem', 'Fix'], findings.map((f) => [
                ICON[f.severity],
                (0,markdown/* code */.aY)(f.rule),
                f.line === undefined ? '' : String(f.line),
                f.message,
                f.fix,
            ])));
    }
    return `${parts.join('\n\n')}\n`;
}
/** Which rules fail which check: a check with an error from its rules is failed, whatever it reported. */
const CHECK_RULES = {
    'fly.toml model': [
        'toml/',
        'config/',
        'deploy/',
        'checks/',
        'duration/',
        'mounts/',
        'ready/',
        'secrets/env',
    ],
    'Dockerfile policy': ['docker/'],
    'Required secrets': ['secrets/required'],
    Tools: ['tools/', 'auth/'],
    'Git working tree': ['git/'],
    'flyctl config validate': ['flyctl/'],
    'Fly secrets': ['secrets/fly-'],
};
function markFailures(checks, findings) {
    const failedBy = (prefixes) => findings.some((f) => f.severity === 'error' && prefixes.some((p) => f.rule.startsWith(p)));
    return checks.map((c) => {
        const rules = CHECK_RULES[c.name];
        return c.status === 'passed' && rules && failedBy(rules) ? { ...c, status: 'failed' } : c;
    });
}

;// CONCATENATED MODULE: ./src/domain/validate/flow.ts
/**
 * fly-validate as one flow over injected edges: each config's model, readiness and [env] hygiene, the
 * Dockerfile it builds from, the environment (required secrets, the Fly token, tools, git), and, when asked
 * for or possible, flyctl's own `config validate` and the app's secrets on Fly. Returns the report.
 */








async function runValidation(settings, ports, 
/** Values to redact from anything flyctl or docker print. */
secrets) {
    const cwd = settings.workingDirectory;
    const findings = [];
    const checks = [];
    // Each config file, and the Dockerfile it builds from.
    const { files, unmatched } = await ports.expandGlobs(cwd, settings.configPatterns);
    const exclusions = settings.configPatterns.filter((p) => p.startsWith('!'));
    const excluding = exclusions.length ? ` once ${exclusions.join(', ')} are excluded` : '';
    for (const pattern of unmatched) {
        findings.push({
            rule: 'config/not-found',
            severity: 'error',
            file: '',
            message: `No fly.toml matches ${JSON.stringify(pattern)} in ${cwd}${excluding}.`,
            fix: 'Check the config input: paths are relative to working-directory.',
        });
    }
    // Nothing to validate is never a pass, even when no single pattern is to blame (only exclusions, none at all).
    if (files.length === 0 && unmatched.length === 0) {
        findings.push({
            rule: 'config/not-found',
            severity: 'error',
            file: '',
            message: `Nothing to validate: the config input (${settings.configPatterns.length ? settings.configPatterns.map((p) => JSON.stringify(p)).join(', ') : 'empty'}) selects no file in ${cwd}.`,
            fix: 'Give at least one path or glob to include, e.g. fly.toml or apps/*/fly.toml, before any ! exclusions.',
        });
    }
    const parsed = new Map();
    for (const file of files) {
        const source = await ports.readText((0,external_node_path_.join)(cwd, file));
        const result = validateFlyConfig(source, file, { strict: settings.strict, policy: settings.policy });
        parsed.set(file, { source, doc: result.doc });
        findings.push(...result.findings);
    }
    checks.push({
        name: 'fly.toml model',
        status: files.length === 0 ? 'failed' : 'passed',
        detail: `${files.length} file(s)${settings.strict ? ', strict' : ''}`,
    });
    const builds = new Map();
    if (settings.dockerfileChecks || settings.dockerBuild) {
        for (const [file, { doc }] of parsed) {
            const dockerfile = buildDockerfile(file, doc);
            if (!dockerfile)
                continue;
            if (!(await ports.isFile((0,external_node_path_.join)(cwd, dockerfile)))) {
                findings.push({
                    rule: 'docker/missing',
                    severity: 'error',
                    file,
                    line: 1,
                    message: `${file} builds from ${dockerfile}, which does not exist.`,
                    fix: 'Add the Dockerfile, set [build] dockerfile to its path, or set [build] image to a prebuilt image.',
                });
                continue;
            }
            // flyctl builds with the app's directory (the config's) as the context.
            builds.set(dockerfile, { config: file, context: (0,external_node_path_.dirname)(file) });
        }
    }
    if (settings.dockerfileChecks) {
        for (const dockerfile of builds.keys())
            findings.push(...checkDockerfile(await ports.readText((0,external_node_path_.join)(cwd, dockerfile)), dockerfile));
        checks.push({
            name: 'Dockerfile policy',
            status: 'passed',
            detail: builds.size ? [...builds.keys()].join(', ') : 'no Dockerfile to check',
        });
    }
    else
        checks.push({ name: 'Dockerfile policy', status: 'skipped', detail: 'dockerfile-checks is false' });
    // Tools, the token and the required secrets.
    findings.push(...requiredSecretFindings(settings.requiredSecrets, ports.env));
    checks.push({
        name: 'Required secrets',
        status: settings.requiredSecrets.length ? 'passed' : 'skipped',
        detail: settings.requiredSecrets.length ? `${settings.requiredSecrets.length} name(s)` : 'none listed',
    });
    const token = ports.token;
    const needsFlyctl = settings.flyctlValidate === 'true' || settings.flySecrets.length > 0;
    findings.push(...tokenFindings(token, settings.requireFlyToken || needsFlyctl));
    const gitPath = await ports.which('git');
    const flyctlOnPath = await ports.which('flyctl');
    checks.push({
        name: 'Tools',
        status: gitPath ? 'passed' : 'failed',
        detail: `git: ${gitPath || 'missing'}; flyctl: ${flyctlOnPath ?? `not on PATH (installable: ${settings.flyctlVersion}, SHA-256 verified)`}; Fly token: ${token.source ?? (token.shadowed ? 'hidden by an empty FLY_ACCESS_TOKEN' : 'none')}`,
    });
    if (!gitPath) {
        findings.push({
            rule: 'tools/git',
            severity: settings.requireCleanGit ? 'error' : 'warning',
            file: '',
            message: 'git is not on PATH.',
            fix: 'Install git on the runner (it is on every GitHub-hosted runner).',
        });
    }
    const git = gitFindings(await ports.gitState(cwd), settings.requireCleanGit);
    findings.push(...git.findings);
    checks.push(git.check);
    // flyctl's own validation, when asked for or possible.
    let flyctlPath;
    if (needsFlyctl) {
        try {
            flyctlPath = await ports.installFlyctl(settings.flyctlVersion);
        }
        catch (error) {
            findings.push({
                rule: 'tools/flyctl',
                severity: 'error',
                file: '',
                message: `flyctl is not on PATH and could not be installed: ${(0,errors/* errorMessage */.gJ)(error)}`,
                fix: 'Check flyctl-version, or install flyctl before this step.',
            });
        }
    }
    else if (settings.flyctlValidate === 'auto' && token.token)
        flyctlPath = flyctlOnPath;
    const client = flyctlPath && token.token ? ports.flyctl(flyctlPath, cwd) : undefined;
    if (settings.flyctlValidate !== 'false' && client) {
        for (const file of files) {
            const problems = await client.validateConfig(file, { strict: settings.strict });
            if (problems.length > 0)
                findings.push({
                    rule: 'flyctl/config-invalid',
                    severity: 'error',
                    file,
                    line: 1,
                    message: `flyctl config validate failed: ${(0,redact/* redact */.E)(problems.join(' / '), secrets)}`,
                    fix: `Run \`flyctl config validate${settings.strict ? ' --strict' : ''} -c ${file}\` locally and fix what it reports.`,
                });
        }
        checks.push({ name: 'flyctl config validate', status: 'passed', detail: `${files.length} file(s)` });
    }
    else {
        checks.push({
            name: 'flyctl config validate',
            status: 'skipped',
            detail: settings.flyctlValidate === 'false'
                ? 'flyctl-validate is false'
                : !token.token
                    ? 'no Fly token'
                    : 'flyctl not on PATH',
        });
    }
    // Secrets the apps must already have on Fly.
    if (settings.flySecrets.length > 0 && client) {
        for (const [file, { source, doc }] of parsed) {
            if (typeof doc?.app !== 'string')
                continue;
            const line = new KeyLines(source).lineOf('app');
            try {
                findings.push(...flySecretFindings(doc.app, file, line, settings.flySecrets, await client.listSecrets(doc.app)));
            }
            catch (error) {
                findings.push({
                    rule: 'secrets/fly-unchecked',
                    severity: 'error',
                    file,
                    line,
                    message: `Could not list the secrets of Fly app ${doc.app}: ${(0,errors/* errorMessage */.gJ)(error)}`,
                    fix: 'Check that the token may read this app (a deploy token for it, or an org token) and that the app exists.',
                });
            }
        }
        checks.push({
            name: 'Fly secrets',
            status: 'passed',
            detail: `${settings.flySecrets.length} name(s) on ${parsed.size} app(s)`,
        });
    }
    else {
        checks.push({
            name: 'Fly secrets',
            status: 'skipped',
            detail: settings.flySecrets.length ? 'no flyctl or no Fly token' : 'fly-secrets is empty',
        });
    }
    // A Docker build as a test, when an engine is there.
    if (settings.dockerBuild) {
        const engine = await ports.dockerEngine();
        if (!engine.reachable) {
            ports.notice(`Docker build skipped: ${engine.reason}.`);
            checks.push({ name: 'Docker build', status: 'skipped', detail: engine.reason });
        }
        else {
            for (const [dockerfile, { context }] of builds) {
                const result = await ports.dockerBuild((0,external_node_path_.join)(cwd, dockerfile), (0,external_node_path_.join)(cwd, context));
                if (result.exitCode !== 0) {
                    const tail = (0,redact/* redact */.E)(`${result.stdout}\n${result.stderr}`, secrets)
                        .trim()
                        .split('\n')
                        .slice(-5)
                        .join(' / ');
                    findings.push({
                        rule: 'docker/build-failed',
                        severity: 'error',
                        file: dockerfile,
                        line: 1,
                        message: `docker build failed (exit ${result.exitCode}): ${tail}`,
                        fix: 'Reproduce with docker build locally and fix the failing instruction.',
                    });
                }
            }
            checks.push({
                name: 'Docker build',
                status: 'passed',
                detail: `${builds.size} image(s) on ${engine.reason}`,
            });
        }
    }
    else
        checks.push({ name: 'Docker build', status: 'skipped', detail: 'docker-build is false' });
    const kept = findings.filter((f) => !settings.ignoreRules.includes(f.rule));
    return buildReport(files, markFailures(checks, kept), kept);
}

// EXTERNAL MODULE: ./src/host/inputs.ts
var inputs = __webpack_require__(39973);
// EXTERNAL MODULE: ./src/io/command.ts
var command = __webpack_require__(28029);
;// CONCATENATED MODULE: ./src/io/docker.ts

/** Whether a Docker engine answers (the client alone is not enough to build). */
async function dockerEngineReachable() {
    const result = await (0,command/* runCommand */.d)('docker', ['info', '--format', '{{.ServerVersion}}']);
    if (result.exitCode === 127)
        return { reachable: false, reason: 'the docker command is not installed' };
    if (result.exitCode !== 0)
        return { reachable: false, reason: 'no Docker engine is reachable (docker info failed)' };
    return { reachable: true, reason: `Docker engine ${result.stdout.trim()}` };
}
function dockerBuild(dockerfile, context) {
    return (0,command/* runCommand */.d)('docker', ['build', '--file', dockerfile, '--progress', 'plain', context]);
}

// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(33839);
;// CONCATENATED MODULE: ./src/io/git.ts

async function gitState(cwd) {
    const result = await (0,command/* runCommand */.d)('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
        cwd,
    });
    if (result.exitCode !== 0)
        return { isRepo: false, dirty: [] };
    const entries = result.stdout.split('\0').filter(Boolean);
    const dirty = [];
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        dirty.push(`${entry.slice(0, 2).trim()} ${entry.slice(3)}`);
        // A rename or copy is followed by its source path.
        if (entry[0] === 'R' || entry[0] === 'C')
            i++;
    }
    return { isRepo: true, dirty };
}

// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(67336);
// EXTERNAL MODULE: ./src/commands/flyctl.ts + 7 modules
var flyctl = __webpack_require__(53983);
// EXTERNAL MODULE: ./src/commands/report.ts
var commands_report = __webpack_require__(8938);
;// CONCATENATED MODULE: ./src/commands/validate.ts
/** `validate` (the fly-validate action): the pre-deploy gate. Settings, edges, the flow, the report. */












function readValidateSettings(input, context) {
    const workingDirectory = (0,external_node_path_.resolve)(context.workspace, input.string('working-directory') || '.');
    return {
        configPatterns: input.globs('config', { required: true }),
        strict: input.boolean('strict'),
        policy: input.choice('policy', ['warn', 'error']),
        requiredSecrets: input.names('required-secrets'),
        flySecrets: input.names('fly-secrets'),
        requireCleanGit: input.boolean('require-clean-git'),
        dockerfileChecks: input.boolean('dockerfile-checks'),
        flyctlValidate: input.choice('flyctl-validate', ['auto', 'true', 'false']),
        dockerBuild: input.boolean('docker-build'),
        requireFlyToken: input.boolean('require-fly-token'),
        flyctlVersion: input.string('flyctl-version') || 'latest',
        ignoreRules: input.list('ignore-rules'),
        workingDirectory,
        reportPath: (0,external_node_path_.resolve)(workingDirectory, input.optional('report-path') ?? (0,external_node_path_.join)(context.tempDir, 'fly-validate-report.json')),
    };
}
async function validate(host) {
    const settings = readValidateSettings((0,inputs/* inputReader */.c)(host), host.context);
    await (0,paths/* checkPaths */.n)([
        { input: 'working-directory', path: settings.workingDirectory, is: 'directory' },
        { input: 'config', globs: settings.configPatterns, base: settings.workingDirectory, is: 'globs' },
        { input: 'report-path', path: settings.reportPath, is: 'output-file' },
    ]);
    const env = host.context.env;
    // Mask before anything can print: required secrets and every part of the Fly token.
    const secrets = [];
    for (const name of settings.requiredSecrets) {
        const value = env[name];
        if (value) {
            host.mask(value);
            secrets.push(value);
        }
    }
    const token = (0,flyctl/* readFlyToken */.R3)(host);
    secrets.push(...token.secrets);
    const report = await runValidation(settings, {
        expandGlobs: files/* expandGlobs */.GE,
        readText: files/* readText */.yR,
        isFile: files/* isFile */.fo,
        which: files/* which */.K7,
        gitState: gitState,
        env,
        token,
        installFlyctl: async (version) => (await (0,flyctl/* setupFlyctl */.qU)(host, version)).path,
        flyctl: (path, cwd) => (0,flyctl/* flyctlClient */.qg)(host, path, cwd),
        dockerEngine: dockerEngineReachable,
        dockerBuild: dockerBuild,
        notice: (message) => host.notice(message),
    }, secrets);
    for (const finding of report.findings)
        (0,commands_report/* annotate */.fz)(host, finding);
    await (0,commands_report/* writeJsonReport */.a_)(settings.reportPath, report, host);
    await host.summary((0,redact/* redact */.E)(reportMarkdown(report), secrets));
    (0,commands_report/* setOutputs */.n0)(host, {
        valid: report.valid,
        errors: report.errors,
        warnings: report.warnings,
        report: settings.reportPath,
    });
    host.result({ report: JSON.parse((0,redact/* redact */.E)(JSON.stringify(report), secrets)) });
    if (!report.valid)
        throw new errors/* CheckFailed */.EC(report.files.length === 0
            ? 'fly-validate checked no config file; see the config input and the job summary.'
            : `fly-validate found ${report.errors} error(s) and ${report.warnings} warning(s); see the annotations and the job summary.`);
    host.info(`fly-validate passed: ${report.files.length} config(s), ${report.warnings} warning(s).`);
}


/***/ }),

/***/ 33839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GE: () => (/* binding */ expandGlobs),
/* harmony export */   K7: () => (/* binding */ which),
/* harmony export */   fo: () => (/* binding */ isFile),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);



const toPosix = (path) => path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
/**
 * Expands glob patterns relative to cwd into sorted, workspace-relative POSIX paths. A `!pattern` removes
 * what it matches (on the relative path) from every other pattern's results; node_modules is never
 * searched. `unmatched` lists the patterns that left no file.
 */
async function expandGlobs(cwd, patterns) {
    const excluded = picomatch__WEBPACK_IMPORTED_MODULE_2___default()(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), { dot: true });
    const files = new Set();
    const unmatched = [];
    for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
        const found = [];
        if (!/[*?[{]/.test(pattern)) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(pattern) ? pattern : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, pattern);
            if (await isFile(path))
                found.push(toPosix((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, path)) || pattern);
        }
        else {
            // tinyglobby rather than fs.glob: the same results on every Node the CLI supports (fs.glob is
            // experimental before 22.17 and in early 24.x, and warns).
            // Loaded when a pattern has wildcards: most runs name their files.
            const { glob } = await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 73382));
            const entries = await glob(pattern, {
                cwd,
                ignore: ['**/node_modules/**'],
                onlyFiles: true,
                expandDirectories: false,
            });
            found.push(...entries.map(toPosix));
        }
        const kept = found.filter((path) => !excluded(path));
        for (const path of kept)
            files.add(path);
        if (kept.length === 0)
            unmatched.push(pattern);
    }
    return { files: [...files].sort(), unmatched };
}
async function isFile(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).then((s) => s.isFile(), () => false);
}
async function readText(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
}
/** A program's path on PATH, or undefined. */
async function which(tool) {
    const io = await __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 88701));
    return (await io.which(tool, false)) || undefined;
}


/***/ })

};

//# sourceMappingURL=963.index.js.map