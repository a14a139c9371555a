/**
 * A stand-in for GitHub's Deployments REST API on the HTTP stub, for bundles run as child processes: it keeps
 * what is created and lists it back as GitHub does (newest first, `per_page`/`page`, a `Link: rel="next"`
 * header, the payload as sent, statuses newest first). Its own test is github-fake.test.ts.
 */
import { startHttpStub, type HttpStub, type StubRequest } from '../../support/http-stub.js';

export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  description: string | null;
  payload: unknown;
  created_at: string;
  statuses: {
    id: number;
    state: string;
    description: string;
    environment_url?: string;
    log_url?: string;
    created_at: string;
  }[];
}

export interface GitHubFake {
  stub: HttpStub;
  url: string;
  deployments: FakeDeployment[];
  /** Adds a deployment as if an earlier run had created it. */
  seed(deployment: Partial<FakeDeployment> & { environment: string; payload: unknown }): FakeDeployment;
  close(): Promise<void>;
}

export async function startGitHubFake(): Promise<GitHubFake> {
  const stub = await startHttpStub();
  const deployments: FakeDeployment[] = [];
  let nextId = 1000;
  let clock = Date.parse('2026-11-01T00:00:00Z');
  // Strictly increasing times, so "newest first" is well defined within one test.
  const now = () => new Date((clock += 1000)).toISOString();
  const view = ({ statuses: _statuses, ...d }: FakeDeployment) => ({
    ...d,
    url: `${stub.url}/repos/nuzantara/example/deployments/${d.id}`,
  });
  const seed: GitHubFake['seed'] = (d) => {
    const created: FakeDeployment = {
      id: ++nextId,
      sha: '0123456789abcdef0123456789abcdef01234567',
      ref: 'main',
      description: null,
      created_at: now(),
      statuses: [],
      ...d,
    };
    deployments.push(created);
    return created;
  };

  stub.on('POST', '/repos/:owner/:repo/deployments', (r: StubRequest) => {
    const body = r.json as { ref: string; environment?: string; description?: string; payload?: unknown };
    const created = seed({
      ref: body.ref,
      sha: body.ref,
      environment: body.environment ?? 'production',
      description: body.description ?? null,
      payload: body.payload ?? {},
    });
    return { status: 201, body: view(created) };
  });
  stub.on('POST', '/repos/:owner/:repo/deployments/:id/statuses', (r: StubRequest) => {
    const deployment = deployments.find((d) => String(d.id) === r.params.id);
    if (!deployment) return { status: 404, body: { message: 'Not Found' } };
    const body = r.json as {
      state: string;
      description?: string;
      environment_url?: string;
      log_url?: string;
    };
    const status = { id: ++nextId, ...body, description: body.description ?? '', created_at: now() };
    deployment.statuses.push(status);
    return { status: 201, body: status };
  });
  stub.on('GET', '/repos/:owner/:repo/deployments', (r: StubRequest) => {
    const environment = r.query.get('environment');
    const perPage = Number(r.query.get('per_page') ?? 30);
    const page = Number(r.query.get('page') ?? 1);
    const matching = deployments
      .filter((d) => !environment || d.environment === environment)
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    const slice = matching.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < matching.length) {
      const next = new URL(`${stub.url}${r.path}`);
      for (const [k, v] of r.query) next.searchParams.set(k, v);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return { status: 200, headers, body: slice.map(view) };
  });
  stub.on('GET', '/repos/:owner/:repo/deployments/:id/statuses', (r: StubRequest) => {
    const deployment = deployments.find((d) => String(d.id) === r.params.id);
    if (!deployment) return { status: 404, body: { message: 'Not Found' } };
    return { status: 200, body: [...deployment.statuses].reverse() };
  });
  return { stub, url: stub.url, deployments, seed, close: () => stub.close() };
}
