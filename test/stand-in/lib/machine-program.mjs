// The process of a machine whose image runs a real program (`standin image <ref> --run <program>`): it picks a
// free loopback port, starts the program (an argument array, no shell) with the machine's environment and
// PORT set to that port, and writes the machine's run file once the port accepts connections, so checks, the
// front door and `status` reach the real app as they reach the fixture service. It is the machine's process:
// it exits with the program's exit code when the program exits, and stops the program (SIGTERM, then SIGKILL)
// when it is stopped itself or orphaned (its state dir is gone, its owner died, its instance was revoked).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { setInterval, setTimeout } from 'node:timers';
import { readJson, writeAtomic } from './state.mjs';
import { pidAlive } from './util.mjs';

const env = process.env;
const stateDir = env.STANDIN_STATE;
const machine = env.STANDIN_MACHINE_ID;
const instance = env.STANDIN_INSTANCE_ID;
const runFile = env.STANDIN_RUN_FILE;
const ownerPid = Number(env.STANDIN_OWNER_PID || 0);
const program = JSON.parse(env.STANDIN_PROGRAM);
/** How long the program gets to exit after SIGTERM; below stopProcess's 500 ms before it kills us. */
const TERM_GRACE_MS = 300;

const log = (text) => process.stdout.write(`[${machine}] ${text}\n`);

/** The environment the program sees: the machine's, without the stand-in's plumbing, PORT last (it wins). */
function programEnv(port) {
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    // STANDIN_STATE and STANDIN_INSTANCE_ID stay: they mark the program as this machine's process.
    if (name.startsWith('STANDIN_') && name !== 'STANDIN_STATE' && name !== 'STANDIN_INSTANCE_ID') continue;
    out[name] = value;
  }
  out.PORT = String(port);
  return out;
}

/** A loopback port nobody listens on now (the program binds it a moment later). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    setTimeout(() => done(false), 250).unref();
  });
}

const port = await freePort();
let stopping = false;
let exited = false;
let listening = false;
let child;
try {
  child = spawn(program.program, program.args ?? [], {
    cwd: program.cwd,
    env: programEnv(port),
    stdio: ['ignore', 'inherit', 'inherit'],
    // A group of its own, so stopping the machine stops whatever the program started too.
    detached: true,
  });
} catch (error) {
  log(`could not start ${program.program}: ${error.message}`);
  process.exit(1);
}
child.once('error', (error) => {
  // ENOENT, EACCES: the image's program cannot run; the machine crashes at start, as on Fly.
  log(`could not start ${program.program}: ${error.message}`);
  exited = true;
  process.exit(1);
});
child.once('exit', (code, signal) => {
  exited = true;
  if (!stopping) log(`${program.program} exited with ${signal ? `signal ${signal}` : `code ${code}`}`);
  process.exit(stopping ? 0 : (code ?? 1));
});
log(`started ${program.program} (pid ${child.pid}) with PORT=${port}`);

function signalProgram(signal) {
  if (exited || !child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function stop() {
  if (stopping) return;
  stopping = true;
  if (exited) process.exit(0);
  signalProgram('SIGTERM');
  setTimeout(() => {
    signalProgram('SIGKILL');
    process.exit(0);
  }, TERM_GRACE_MS);
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, stop);

let tick = 0;
/** The same rules as the fixture service (machine-service.mjs). */
function orphaned() {
  if (!existsSync(stateDir)) return true;
  if (ownerPid && !pidAlive(ownerPid)) return true;
  if (listening && !existsSync(runFile)) return true;
  if (++tick % 8 !== 0) return false;
  try {
    const record = readJson(join(stateDir, 'machines.json'), {})[machine];
    return !record || record.instance_id !== instance || record.destroyed === true;
  } catch {
    return false; // a concurrent rename; look again next time
  }
}
setInterval(() => {
  if (orphaned()) stop();
}, 250);

// Ready once the program accepts connections on its port: then the run file says where the machine listens.
while (!listening && !exited && !stopping) {
  if (await accepts(port)) {
    listening = true;
    writeAtomic(runFile, JSON.stringify({ pid: process.pid, port, instance, program_pid: child.pid }));
  } else {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
