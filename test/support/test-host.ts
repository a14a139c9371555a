/**
 * A Host that records everything, for running command modules in-process (no bundle, no child process):
 * inputs are the action.yml defaults plus the test's values, as the runner would give them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redact, secretFragments } from '../../src/domain/shared/redact.js';
import type { Host, RunContext, Where } from '../../src/host/host.js';
import { actionDefaults } from './run-action.js';

export interface Recorded {
  level: 'info' | 'debug' | 'notice' | 'warning' | 'error';
  message: string;
  where?: Where;
}

export interface TestHost extends Host {
  logs: Recorded[];
  outputs: Record<string, string>;
  summaries: string[];
  masks: string[];
  results: Record<string, unknown>;
  paths: string[];
  /** Every piece of text the host was given, for "no secret anywhere" checks. */
  allText(): string;
}

export interface TestHostOptions {
  /** The action whose action.yml gives the defaults (none: only `inputs`). */
  action?: string;
  inputs?: Record<string, string>;
  context?: Partial<RunContext>;
}

export function testHost(options: TestHostOptions = {}): TestHost {
  const inputs = { ...(options.action ? actionDefaults(options.action) : {}), ...options.inputs };
  const logs: Recorded[] = [];
  const streamed: string[] = [];
  const record = (level: Recorded['level']) => (message: string, where?: Where) =>
    void logs.push({ level, message, ...(where ? { where } : {}) });
  const host: TestHost = {
    kind: 'github',
    context: {
      workspace: process.cwd(),
      tempDir: mkdtempSync(join(tmpdir(), 'test-host-')),
      env: {},
      apiUrl: 'https://api.github.com',
      interactive: false,
      ...options.context,
    },
    inputs: { get: (name) => inputs[name] ?? '' },
    logs,
    outputs: {},
    summaries: [],
    masks: [],
    results: {},
    paths: [],
    info: record('info'),
    debug: record('debug'),
    notice: record('notice'),
    warning: record('warning'),
    error: record('error'),
    stream: (chunk) => void streamed.push(chunk),
    mask: (secret) => void host.masks.push(secret),
    redact: (text) => redact(text, host.masks.flatMap(secretFragments)),
    summary: async (markdown) => void host.summaries.push(markdown),
    setOutput: (name, value) => void (host.outputs[name] = value),
    result: (data) => void Object.assign(host.results, data),
    addPath: (dir) => void host.paths.push(dir),
    group: (_name, work) => work(),
    progress: () => ({ update: () => undefined, done: () => undefined }),
    allText: () =>
      [
        ...logs.map((l) => l.message),
        ...streamed,
        ...host.summaries,
        JSON.stringify(host.outputs),
        JSON.stringify(host.results),
      ].join('\n'),
  };
  return host;
}
