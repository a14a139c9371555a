// The stand-in's state directory: one JSON file per kind, written atomically (temp file + rename) under a
// lock directory, so concurrent invocations and a flyctl killed mid-deploy never leave a torn file.
import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { FlyError, pidAlive, sleepSync } from './util.mjs';

export const KINDS = ['apps', 'images', 'releases', 'secrets', 'machines'];
const EMPTY = { apps: {}, images: {}, releases: {}, secrets: {}, machines: {} };
const LOCK_STALE_MS = 15000;

export function stateDirFromEnv(env = process.env) {
  const dir = env.FLY_STANDIN_STATE;
  if (!dir) {
    throw new FlyError(
      'FLY_STANDIN_STATE is not set: the stand-in flyctl keeps its apps, releases and machines in that directory',
    );
  }
  return dir;
}

export class State {
  constructor(dir) {
    this.dir = dir;
    mkdirSync(join(dir, 'run'), { recursive: true });
    mkdirSync(join(dir, 'logs'), { recursive: true });
  }

  path(...parts) {
    return join(this.dir, ...parts);
  }

  /** A fresh, lock-free read: files are only ever replaced whole. */
  read(kind) {
    return readJson(this.path(`${kind}.json`), structuredClone(EMPTY[kind]));
  }

  readAll() {
    return Object.fromEntries(KINDS.map((kind) => [kind, this.read(kind)]));
  }

  /** Read-modify-write every kind under the lock; `fn` mutates the data in place and may return a value. */
  update(fn) {
    this.lock();
    try {
      const data = this.readAll();
      const before = Object.fromEntries(KINDS.map((kind) => [kind, JSON.stringify(data[kind])]));
      const result = fn(data);
      for (const kind of KINDS) {
        const text = JSON.stringify(data[kind]);
        if (text !== before[kind]) writeAtomic(this.path(`${kind}.json`), text);
      }
      return result;
    } finally {
      this.unlock();
    }
  }

  lock() {
    const lockDir = this.path('.lock');
    const deadline = Date.now() + 30000;
    for (;;) {
      try {
        mkdirSync(lockDir);
        writeFileSync(join(lockDir, 'owner'), String(process.pid));
        this.locked = true;
        return;
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
      if (this.lockIsStale(lockDir)) {
        // Rename first so two stealers cannot both remove a fresh lock.
        const grave = `${lockDir}.stale-${process.pid}-${Date.now()}`;
        try {
          renameSync(lockDir, grave);
          rmSync(grave, { recursive: true, force: true });
        } catch {
          // someone else stole it first
        }
        continue;
      }
      if (Date.now() > deadline) throw new FlyError(`stand-in state is locked: ${lockDir}`);
      sleepSync(5);
    }
  }

  lockIsStale(lockDir) {
    try {
      const owner = Number(readFileSync(join(lockDir, 'owner'), 'utf8'));
      if (owner && !pidAlive(owner)) return true;
      if (!owner) return Date.now() - statSync(lockDir).mtimeMs > 2000;
      return Date.now() - statSync(lockDir).mtimeMs > LOCK_STALE_MS;
    } catch {
      return false;
    }
  }

  unlock() {
    if (!this.locked) return;
    this.locked = false;
    rmSync(this.path('.lock'), { recursive: true, force: true });
  }

  logInvocation(entry) {
    appendFileSync(this.path('invocations.jsonl'), JSON.stringify(entry) + '\n');
  }
}

export function readJson(file, fallback) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  }
  return JSON.parse(text);
}

export function writeAtomic(file, text) {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
