/** src/io/history.ts: the data branch against the GitHub stand-in, and the file on disk. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branchHistory, fileHistory } from '../../src/io/history.js';
import { startGitHubStandIn, type GitHubStandIn } from '../e2e/prod-monitor/github-stand-in.js';

let gh: GitHubStandIn;
beforeEach(async () => {
  gh = await startGitHubStandIn();
});
afterEach(async () => {
  await gh.close();
});

const store = () =>
  branchHistory({
    token: 'ghs_fake_test_token',
    baseUrl: gh.url,
    owner: 'nuzantara',
    repo: 'example',
    branch: 'monitor-data',
    client: { backoffMs: 1, attempts: 2 },
  });
const day = (iso: string) => new Date(iso);

describe('the history branch', () => {
  it('is created as an orphan with a README, then takes one line per run in a file per day', async () => {
    expect(await store().read(day('2026-09-14T10:00:00Z'), 24)).toBe('');
    await store().append(day('2026-09-13T23:00:00Z'), '{"n":1}\n');
    await store().append(day('2026-09-14T00:00:00Z'), '{"n":2}\n');
    await store().append(day('2026-09-14T01:00:00Z'), '{"n":3}\n');
    const head = gh.refs.get('monitor-data') as string;
    let root = head;
    while ((gh.commits.get(root)?.parents.length ?? 0) > 0) root = gh.commits.get(root)?.parents[0] as string;
    expect(gh.commits.get(root)?.parents).toEqual([]);
    expect([...(gh.commits.get(root)?.tree.keys() ?? [])]).toEqual(['README.md']);
    expect(gh.file('monitor-data', 'history/2026-09-13.jsonl')).toBe('{"n":1}\n');
    expect(gh.file('monitor-data', 'history/2026-09-14.jsonl')).toBe('{"n":2}\n{"n":3}\n');
    // Oldest first, across days; stops reading once it has enough.
    expect(await store().read(day('2026-09-14T02:00:00Z'), 24)).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    expect(await store().read(day('2026-09-14T02:00:00Z'), 2)).toBe('{"n":2}\n{"n":3}\n');
  });

  it('redoes a write that raced another (409 on a stale sha), losing no line', async () => {
    await store().append(day('2026-09-14T00:00:00Z'), 'a\n');
    let raced = 0;
    gh.options.beforeWrite = (path, branch) => {
      // Another run appends between this run's read and its write, once.
      if (raced++ === 0) gh.writeFile(branch, path, `${gh.file(branch, path)}c\n`);
    };
    await store().append(day('2026-09-14T01:00:00Z'), 'b\n');
    expect(raced).toBe(2);
    expect(gh.file('monitor-data', 'history/2026-09-14.jsonl')).toBe('a\nc\nb\n');
  });

  it('gives up after a few conflicts with an error the caller can warn about', async () => {
    await store().append(day('2026-09-14T00:00:00Z'), 'a\n');
    gh.options.beforeWrite = (path, branch) => gh.writeFile(branch, path, `${gh.file(branch, path)}x\n`);
    await expect(store().append(day('2026-09-14T01:00:00Z'), 'b\n')).rejects.toThrow(/HTTP 409/);
  });

  it('reads a day file over 1 MB through the raw media type', async () => {
    const big = `${'x'.repeat(1024 * 1024 + 10)}\n`;
    await store().append(day('2026-09-14T00:00:00Z'), big);
    expect((await store().read(day('2026-09-14T01:00:00Z'), 1)).length).toBe(big.length);
  });
});

describe('the history file', () => {
  it('appends, keeps the newest runs, and reads nothing before the first run', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'history-')), 'nested', 'monitor.jsonl');
    const file = fileHistory(path);
    expect(await file.read(new Date(), 24)).toBe('');
    await file.append(new Date(), '{"n":1}\n');
    await file.append(new Date(), '{"n":2}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
    writeFileSync(path, `${Array.from({ length: 5000 }, (_, i) => `{"n":${i}}`).join('\n')}\n`);
    await file.append(new Date(), '{"n":"new"}\n');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5000);
    expect(lines[0]).toBe('{"n":1}');
    expect(lines.at(-1)).toBe('{"n":"new"}');
  });
});
