/**
 * coverage-gate when GitHub fails (the bundle, run as the runner does): a rate limit, an outage, a
 * read-only token or silence each cost a warning; the verdict is the gates' alone. And no report content
 * or input can write a workflow command or break out of the summary and the comment.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../support/run-action.js';
import { startHttpStub, type HttpStub, type StubHandler } from '../../support/http-stub.js';
import { runnerAnnotations } from './runner-commands.js';
import { startSilentServer, type SilentServer } from './silent-server.js';

const COMMENTS = '/repos/nuzantara/example/issues/12/comments';
const HOSTILE_FILE = 'src/we`ird|<img src=x onerror=alert(1)>@octocat.ts';
let workspace: string;
let silent: SilentServer;
const stubs: HttpStub[] = [];

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'coverage-faults-'));
  mkdirSync(join(workspace, 'coverage'));
  writeFileSync(
    join(workspace, 'coverage/lcov.info'),
    `SF:src/a.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\nSF:${HOSTILE_FILE}\nDA:1,0\nLF:1\nLH:0\nend_of_record\n`,
  );
  silent = await startSilentServer();
});
afterAll(async () => {
  for (const stub of stubs) await stub.close();
  await silent.close();
  rmSync(workspace, { recursive: true, force: true });
});

async function github(routes: Record<string, StubHandler>): Promise<HttpStub> {
  const stub = await startHttpStub();
  stubs.push(stub);
  stub.on('GET', '/user', () => ({
    status: 403,
    body: { message: 'Resource not accessible by integration' },
  }));
  for (const [route, handler] of Object.entries(routes)) {
    const [method, path] = route.split(' ') as [string, string];
    stub.on(method, path, handler);
  }
  return stub;
}

const gate = (apiUrl: string, inputs: Record<string, string> = {}) =>
  runAction('coverage-gate', {
    inputs: { files: 'coverage/lcov.info', 'min-lines': '10', ...inputs },
    cwd: workspace,
    env: { GITHUB_API_URL: apiUrl },
    githubToken: 'ghs_zzsecretToken000000000000000000000',
    event: { name: 'pull_request', payload: { pull_request: { number: 12 } } },
    timeoutMs: 110_000,
  });

const warnings = (r: Awaited<ReturnType<typeof gate>>) =>
  r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

describe('coverage-gate when GitHub fails', () => {
  it('a secondary rate limit is a warning that says so, not a read-only token; the gate passes', async () => {
    const stub = await github({
      [`GET ${COMMENTS}`]: () => ({
        status: 403,
        headers: { 'retry-after': '600' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      }),
    });
    const result = await gate(stub.url);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(warnings(result).join('\n')).toMatch(/rate limit .*not a permission problem/);
    expect(warnings(result).join('\n')).not.toMatch(/read-only/);
  });

  it('an outage (503 after the retries) is a warning; a failing gate still fails for its own reason', async () => {
    const stub = await github({
      [`GET ${COMMENTS}`]: () => ({ status: 200, body: [] }),
      [`POST ${COMMENTS}`]: () => ({ status: 503, body: { message: 'Service Unavailable' } }),
    });
    const result = await gate(stub.url, { 'min-lines': '90' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^Coverage gate failed: min-lines/,
    );
    expect(warnings(result).join('\n')).toMatch(
      /Could not write the pull request comment: GitHub refused POST .*HTTP 503.*3 tries/,
    );
    expect(stub.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
  });

  it('a read-only token (a fork) is a warning naming it', async () => {
    const stub = await github({
      [`GET ${COMMENTS}`]: () => ({ status: 200, body: [] }),
      [`POST ${COMMENTS}`]: () => ({
        status: 403,
        body: { message: 'Resource not accessible by integration' },
      }),
    });
    const result = await gate(stub.url);
    expect(result.exitCode).toBe(0);
    expect(warnings(result).join('\n')).toMatch(/Cannot comment on pull request #12 .*read-only/);
  });

  it('GitHub accepting and never answering ends at the request time limit and is a warning', async () => {
    silent.hits.length = 0;
    const result = await gate(silent.url);
    expect(result.exitCode).toBe(0);
    expect(warnings(result).join('\n')).toMatch(
      /GitHub did not answer GET \/user: no complete answer within 15s \(2 tries\)/,
    );
    expect(silent.hits).toEqual(['GET /user', 'GET /user']);
  });
});

describe('coverage-gate with hostile report content and inputs', () => {
  it('no workflow command from the title, no HTML, mention or fake marker in the summary or the comment', async () => {
    const stub = await github({
      [`GET ${COMMENTS}`]: () => ({ status: 200, body: [] }),
      [`POST ${COMMENTS}`]: () => ({ status: 201, body: { id: 1, html_url: 'https://github.example/c/1' } }),
    });
    const result = await gate(stub.url, {
      title: 'Cov\n::error::pwned-title\n##[warning]pwned-legacy <!-- coverage-gate:other --> @octocat',
      'worst-files': '5',
    });
    expect(result.exitCode).toBe(0);
    expect(runnerAnnotations(result.stdout).filter((a) => a.data.includes('pwned'))).toEqual([]);
    const body = String((stub.requests.find((r) => r.method === 'POST')?.json as { body?: string })?.body);
    for (const markdown of [result.summary, body]) {
      expect(markdown).toContain('octocat');
      // Inside a code span, HTML is shown as text and a mention notifies no one: look outside them.
      const outsideCode = markdown.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
      expect(outsideCode).not.toMatch(/<img|<!-- coverage-gate:other|(^|[^\u200d])@octocat/);
      expect(markdown).toContain(`\`\`src/we\`ird\\|<img src=x onerror=alert(1)>@octocat.ts\`\``);
    }
    expect(body.match(/<!-- coverage-gate:/g)).toHaveLength(1);
  });
});
