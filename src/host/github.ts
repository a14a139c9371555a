/**
 * The GitHub runner as a Host: the only module that talks to the runner (@actions/core) and reads the
 * run's context (GITHUB_* variables and the event payload).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { location } from '../domain/shared/findings.js';
import { secretFragments } from '../domain/shared/redact.js';
import { describeFailure } from './failure.js';
import type { Host, PullRequest, RunContext, Where } from './host.js';

function eventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The run's context from the runner's environment, as @actions/github's `context` builds it. */
export function runnerContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const payload = eventPayload(env);
  const pr = payload.pull_request as { number?: unknown; base?: { sha?: unknown } } | undefined;
  const pullRequest: PullRequest | undefined =
    pr && typeof pr.number === 'number'
      ? { number: pr.number, ...(typeof pr.base?.sha === 'string' ? { baseSha: pr.base.sha } : {}) }
      : undefined;
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || tmpdir(),
    env,
    ...(owner && repo ? { repository: { owner, repo } } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    ...(owner && repo && env.GITHUB_RUN_ID
      ? { runUrl: `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` }
      : {}),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    interactive: false,
  };
}

/** The log shows annotations without their place, so it goes into the text too. */
const placed = (message: string, where?: Where) =>
  where?.file
    ? `${location({ file: where.file, line: where.line, column: where.column })} ${message}`
    : message;

const properties = (where?: Where): core.AnnotationProperties | undefined =>
  where && {
    title: where.title,
    file: where.file || undefined,
    startLine: where.file ? where.line : undefined,
    endLine: where.file ? where.endLine : undefined,
    startColumn: where.file ? where.column : undefined,
  };

export function githubHost(): Host {
  const context = runnerContext();
  return {
    kind: 'github',
    context,
    inputs: { get: (name) => core.getInput(name, { trimWhitespace: false }) },
    info: (message) => core.info(message),
    debug: (message) => core.debug(message),
    notice: (message, where) => core.notice(placed(message, where), properties(where)),
    warning: (message, where) => core.warning(placed(message, where), properties(where)),
    error: (message, where) => core.error(placed(message, where), properties(where)),
    stream: (chunk) => void process.stdout.write(chunk),
    mask: (secret) => {
      for (const fragment of secretFragments(secret)) core.setSecret(fragment);
    },
    async summary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    setOutput: (name, value) => core.setOutput(name, value),
    result: () => undefined,
    addPath: (dir) => core.addPath(dir),
    group: (name, work) => core.group(name, work),
    progress(label) {
      core.info(`${label}…`);
      return { update: () => undefined, done: (text) => text && core.info(text) };
    },
  };
}

/**
 * Runs a verb as a step: a UserError fails the step with its message only; anything else also fails it,
 * with the stack behind step debug logging (ACTIONS_STEP_DEBUG), so no stack trace is printed by default.
 */
export async function runAction(verb: (host: Host) => Promise<void>): Promise<void> {
  const host = githubHost();
  try {
    await verb(host);
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.stack) core.debug(failure.stack);
    core.setFailed(
      failure.unexpected
        ? `${failure.message} To see more, re-run the job with debug logging enabled (ACTIONS_STEP_DEBUG).`
        : failure.message,
    );
  }
}
