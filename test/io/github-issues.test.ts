/** src/io/github-issues.ts against the GitHub stand-in: listing, labels, and converging when runs race. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { incidentIssues } from '../../src/io/github-issues.js';
import { startGitHubStandIn, type GitHubStandIn } from '../e2e/prod-monitor/github-stand-in.js';

let gh: GitHubStandIn;
beforeEach(async () => {
  gh = await startGitHubStandIn();
});
afterEach(async () => {
  await gh.close();
});

const client = () =>
  incidentIssues({
    token: 'ghs_fake_test_token',
    baseUrl: gh.url,
    owner: 'nuzantara',
    repo: 'example',
    client: { backoffMs: 1, attempts: 2 },
  });
const issue = (marker: string) => ({
  title: 'rag is down',
  body: `body\n${marker}`,
  label: 'incident',
  marker,
  duplicateComment: (keep: number) => `Duplicate of #${keep}`,
});

describe('incident issues on GitHub', () => {
  it('lists open issues with the label over every page, leaving out pull requests and closed ones', async () => {
    for (let i = 0; i < 130; i++) gh.seed({ title: `i${i}`, labels: [{ name: 'incident' }] });
    gh.seed({ title: 'pr', labels: [{ name: 'incident' }], pull_request: { url: 'x' } });
    gh.seed({ title: 'closed', labels: [{ name: 'incident' }], state: 'closed' });
    gh.seed({ title: 'unlabelled' });
    const open = await client().listOpen('incident');
    expect(open).toHaveLength(130);
    expect(open.some((i) => i.title === 'pr' || i.title === 'closed')).toBe(false);
  });

  it('creates the label when missing, then opens one issue; a second open finds it', async () => {
    const first = await client().open(issue('<!-- m=a -->'));
    expect(first).toMatchObject({ number: 1, created: true });
    expect(gh.labels.has('incident')).toBe(true);
    expect(gh.stub.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))).toHaveLength(1);
    expect(await client().open(issue('<!-- m=a -->'))).toEqual({ number: 1, created: false });
    expect(gh.open('incident')).toHaveLength(1);
  });

  it('two runs opening at once converge on the oldest; the newer is closed as a duplicate', async () => {
    gh.options.raceCreates = true;
    const [a, b] = await Promise.all([
      client().open(issue('<!-- m=x -->')),
      client().open(issue('<!-- m=x -->')),
    ]);
    expect([a?.number, b?.number]).toEqual([1, 1]);
    expect([a?.created, b?.created].sort()).toEqual([false, true]);
    expect(gh.issues.filter((i) => i.title === 'rag is down')).toHaveLength(2);
    expect(gh.open('incident').map((i) => i.number)).toEqual([1]);
    const dup = gh.issues.find((i) => i.number === 2);
    expect(dup).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(dup?.comments.map((c) => c.body)).toEqual(['Duplicate of #1']);
  });

  it('passes a GitHub outage on as an error the caller can warn about', async () => {
    gh.options.fail = [{ prefix: '/repos/nuzantara/example/issues', status: 503 }];
    await expect(client().listOpen('incident')).rejects.toThrow(/GitHub refused GET .*HTTP 503/);
  });
});
