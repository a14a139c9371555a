export const id = 445;
export const ids = [445];
export const modules = {

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


/***/ }),

/***/ 55445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   changedLines: () => (/* binding */ changedLines)
/* harmony export */ });
/* harmony import */ var _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59677);
/* harmony import */ var _domain_coverage_diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15884);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28029);
/** The lines a pull request changes, from `git diff --unified=0 <base>...HEAD` in the checkout. */



const FETCH_FIX = 'Check out with history: actions/checkout with fetch-depth: 0 (or run git fetch origin <base> before this step).';
/**
 * Diffs the merge base of `base` and HEAD against HEAD (what the pull request adds), with paths relative to
 * `cwd`. HEAD is what was tested; on pull_request events actions/checkout checks out the merge commit.
 */
async function changedLines(cwd, base, input = 'base-ref') {
    const inside = await (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .runCommand */ .d)('git', ['rev-parse', '--is-inside-work-tree'], { cwd });
    if (inside.exitCode !== 0 || inside.stdout.trim() !== 'true') {
        throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `patch coverage needs a git checkout, but ${cwd} is not one (${firstLine(inside.stderr) || 'git rev-parse failed'})`, 'Run actions/checkout before this step, or leave min-patch empty.');
    }
    if (base.startsWith('-'))
        throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${JSON.stringify(base)} is not a git revision`, 'Use a branch name, tag or commit SHA.');
    const verify = await (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .runCommand */ .d)('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`], { cwd });
    if (verify.exitCode !== 0) {
        throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `base ref ${JSON.stringify(base)} was not found in the checkout`, FETCH_FIX);
    }
    const diff = await (0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .runCommand */ .d)('git', [
        '-c',
        'core.quotePath=false',
        'diff',
        '--unified=0',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '--find-renames',
        '--relative',
        '--src-prefix=a/',
        '--dst-prefix=b/',
        `${verify.stdout.trim()}...HEAD`,
        '--',
    ], { cwd });
    if (diff.exitCode !== 0) {
        const reason = firstLine(diff.stderr);
        throw new _domain_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `git diff against ${JSON.stringify(base)} failed${reason ? `: ${reason}` : ''}`, /merge base/i.test(diff.stderr)
            ? `The clone is too shallow to find the merge base. ${FETCH_FIX}`
            : FETCH_FIX);
    }
    return (0,_domain_coverage_diff_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDiff */ .FR)(diff.stdout);
}
function firstLine(text) {
    return text.trim().split('\n')[0]?.trim() ?? '';
}


/***/ })

};

//# sourceMappingURL=445.index.js.map