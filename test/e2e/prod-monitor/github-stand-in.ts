/**
 * A stateful stand-in for the parts of the GitHub REST API the monitor uses, on the loopback HTTP stub
 * (bundles run as child processes, where nock cannot reach): issues (list with label and state filters,
 * newest first, paginated with a Link header; get, create, update), issue comments, labels, and for the
 * history branch the Contents API (base64 or raw, sha-checked writes: 409 on a stale sha, 422 without one)
 * and the Git Data calls that make an orphan branch (trees, commits, refs). Its own tests
 * (github-stand-in.test.ts) check it against those documented behaviours.
 */
import { createHash } from 'node:crypto';
import { startHttpStub, type HttpStub, type StubReply, type StubRequest } from '../../support/http-stub.js';

export interface StandInIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { name: string }[];
  created_at: string;
  closed_at: string | null;
  pull_request?: { url: string };
  comments: { id: number; body: string; created_at: string }[];
}

interface Commit {
  tree: Map<string, string>;
  parents: string[];
  message: string;
}

export interface GitHubStandInOptions {
  /** Issue creations with the same title wait for one another (up to 3 s): two runs then surely race. */
  raceCreates?: boolean;
  /** Every request to these method+path prefixes answers this status (an outage). */
  fail?: { method?: string; prefix: string; status: number }[];
  /** Called before a Contents API write is handled: a test can write meanwhile, as a racing run would. */
  beforeWrite?: (path: string, branch: string) => void;
}

export interface GitHubStandIn {
  url: string;
  stub: HttpStub;
  issues: StandInIssue[];
  labels: Set<string>;
  /** Branch → commit sha. */
  refs: Map<string, string>;
  commits: Map<string, Commit>;
  /** The text of a file at a branch's head; undefined when absent. */
  file(branch: string, path: string): string | undefined;
  open(label?: string): StandInIssue[];
  /** Commits a file to a branch directly, as another writer would. */
  writeFile(branch: string, path: string, text: string): void;
  /** Adds an issue as a person (or a pull request) would. */
  seed(issue: Partial<StandInIssue> & { title: string }): StandInIssue;
  options: GitHubStandInOptions;
  close(): Promise<void>;
}

const sha = (text: string) => createHash('sha1').update(text).digest('hex');
const blobSha = (text: string) => sha(`blob ${Buffer.byteLength(text)}\0${text}`);
const notFound = (message = 'Not Found'): StubReply => ({
  status: 404,
  body: { message, documentation_url: 'https://docs.github.com/rest' },
});
const validation = (message: string, code = 'invalid'): StubReply => ({
  status: 422,
  body: { message, errors: [{ code }] },
});

/** The Contents API's path: one %2F-encoded segment (Octokit) or several. */
const contentPath = (req: StubRequest) => decodeURIComponent(req.path.split('/contents/')[1] ?? '');

/** Files over this size come back without content in the JSON form, as GitHub's do over 1 MB. */
export const JSON_CONTENT_LIMIT = 1024 * 1024;

export async function startGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const stub = await startHttpStub();
  const issues: StandInIssue[] = [];
  const labels = new Set<string>();
  const refs = new Map<string, string>();
  const commits = new Map<string, Commit>();
  const trees = new Map<string, Map<string, string>>();
  let nextNumber = 1;
  let nextComment = 1000;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date((clock += 1000)).toISOString();
  const waiting = new Map<string, () => void>();

  const view = (issue: StandInIssue) => ({
    id: issue.number * 10,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels,
    user: { login: 'github-actions[bot]', type: 'Bot' },
    created_at: issue.created_at,
    closed_at: issue.closed_at,
    comments: issue.comments.length,
    html_url: `https://github.com/nuzantara/example/issues/${issue.number}`,
    ...(issue.pull_request ? { pull_request: issue.pull_request } : {}),
  });

  const failing = (req: StubRequest): StubReply | undefined => {
    const hit = (options.fail ?? []).find(
      (f) => (!f.method || f.method === req.method) && req.path.startsWith(f.prefix),
    );
    return hit ? { status: hit.status, body: { message: 'Server Error' } } : undefined;
  };
  const route = (
    method: string,
    pattern: string,
    handler: (req: StubRequest) => StubReply | Promise<StubReply>,
  ) => stub.on(method, pattern, (req) => failing(req) ?? handler(req));

  const findIssue = (req: StubRequest) => issues.find((i) => String(i.number) === req.params.n);

  route('GET', '/repos/:o/:r/issues', (req) => {
    const state = req.query.get('state') ?? 'open';
    const wanted = (req.query.get('labels') ?? '').split(',').filter(Boolean);
    const perPage = Math.min(100, Number(req.query.get('per_page') ?? 30));
    const page = Number(req.query.get('page') ?? 1);
    const matching = issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => wanted.every((l) => i.labels.some((x) => x.name === l)))
      .sort((a, b) => b.number - a.number);
    const pages = Math.max(1, Math.ceil(matching.length / perPage));
    const headers: Record<string, string> = {};
    if (page < pages) {
      const next = new URL(`${stub.url}${req.path}`);
      for (const [k, v] of req.query) next.searchParams.set(k, v);
      next.searchParams.set('page', String(page + 1));
      const last = new URL(next);
      last.searchParams.set('page', String(pages));
      headers.link = `<${next}>; rel="next", <${last}>; rel="last"`;
    }
    return { headers, body: matching.slice((page - 1) * perPage, page * perPage).map(view) };
  });

  route('GET', '/repos/:o/:r/issues/:n', (req) => {
    const issue = findIssue(req);
    return issue ? { body: view(issue) } : notFound();
  });

  route('POST', '/repos/:o/:r/issues', async (req) => {
    const input = req.json as { title?: string; body?: string; labels?: string[] };
    if (!input?.title) return validation('Validation Failed', 'missing_field');
    if (options.raceCreates) {
      const other = waiting.get(input.title);
      if (other) {
        waiting.delete(input.title);
        other();
      } else
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 3000);
          waiting.set(input.title as string, () => {
            clearTimeout(timer);
            resolve();
          });
        });
    }
    for (const label of input.labels ?? []) labels.add(label);
    const issue: StandInIssue = {
      number: nextNumber++,
      title: input.title,
      body: input.body ?? '',
      state: 'open',
      state_reason: null,
      labels: (input.labels ?? []).map((name) => ({ name })),
      created_at: now(),
      closed_at: null,
      comments: [],
    };
    issues.push(issue);
    return { status: 201, body: view(issue) };
  });

  route('PATCH', '/repos/:o/:r/issues/:n', (req) => {
    const issue = findIssue(req);
    if (!issue) return notFound();
    const input = req.json as Partial<StandInIssue>;
    if (input.state !== undefined && input.state !== 'open' && input.state !== 'closed')
      return validation('Validation Failed');
    if (input.title !== undefined) issue.title = input.title;
    if (input.body !== undefined) issue.body = input.body;
    if (input.state === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closed_at = now();
      issue.state_reason = input.state_reason ?? 'completed';
    } else if (input.state === 'open') {
      issue.state = 'open';
      issue.closed_at = null;
      issue.state_reason = 'reopened';
    }
    return { body: view(issue) };
  });

  route('GET', '/repos/:o/:r/issues/:n/comments', (req) => {
    const issue = findIssue(req);
    return issue ? { body: issue.comments } : notFound();
  });

  route('POST', '/repos/:o/:r/issues/:n/comments', (req) => {
    const issue = findIssue(req);
    if (!issue) return notFound();
    const body = (req.json as { body?: string })?.body;
    if (!body) return validation('Validation Failed', 'missing_field');
    const comment = { id: nextComment++, body, created_at: now() };
    issue.comments.push(comment);
    return { status: 201, body: { ...comment, html_url: `https://github.com/x/y/issues/${issue.number}#c` } };
  });

  route('GET', '/repos/:o/:r/labels/:name', (req) =>
    labels.has(req.params.name as string) ? { body: { name: req.params.name, color: 'ededed' } } : notFound(),
  );
  route('POST', '/repos/:o/:r/labels', (req) => {
    const { name, color } = (req.json ?? {}) as { name?: string; color?: string };
    if (!name) return validation('Validation Failed', 'missing_field');
    if (labels.has(name)) return validation('Validation Failed', 'already_exists');
    labels.add(name);
    return { status: 201, body: { name, color } };
  });

  // The history branch.
  const headTree = (branch: string) => {
    const head = refs.get(branch);
    return head ? commits.get(head)?.tree : undefined;
  };
  const getContents = (req: StubRequest): StubReply => {
    const path = contentPath(req);
    const branch = req.query.get('ref') ?? 'main';
    const tree = headTree(branch);
    if (!tree) return notFound(`No commit found for the ref ${branch}`);
    const text = tree.get(path);
    if (text === undefined) return notFound();
    // application/vnd.github.raw, or .v3.raw as Octokit's mediaType: { format: 'raw' } asks.
    if (/application\/vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? '')))
      return { headers: { 'content-type': 'application/vnd.github.raw' }, body: text };
    const big = Buffer.byteLength(text) > JSON_CONTENT_LIMIT;
    return {
      body: {
        type: 'file',
        path,
        sha: blobSha(text),
        size: Buffer.byteLength(text),
        encoding: big ? 'none' : 'base64',
        content: big ? '' : Buffer.from(text).toString('base64'),
      },
    };
  };
  const commitFile = (branch: string, path: string, text: string, message: string): string => {
    const head = refs.get(branch) as string;
    const tree = new Map(commits.get(head)?.tree);
    tree.set(path, text);
    const commitSha = sha(`${head}${path}${text}${now()}`);
    commits.set(commitSha, { tree, parents: [head], message });
    refs.set(branch, commitSha);
    return commitSha;
  };
  const putContents = (req: StubRequest): StubReply => {
    const path = contentPath(req);
    const input = (req.json ?? {}) as { message?: string; content?: string; sha?: string; branch?: string };
    const branch = input.branch ?? 'main';
    options.beforeWrite?.(path, branch);
    const head = refs.get(branch);
    if (!head) return notFound(`Branch ${branch} not found`);
    if (!input.message || input.content === undefined) return validation('Invalid request.', 'missing_field');
    const existing = commits.get(head)?.tree.get(path);
    if (existing !== undefined && !input.sha)
      return validation('Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing !== undefined && input.sha !== blobSha(existing))
      return { status: 409, body: { message: `${path} does not match ${input.sha}` } };
    const text = Buffer.from(input.content, 'base64').toString('utf8');
    const commitSha = commitFile(branch, path, text, input.message);
    return {
      status: existing === undefined ? 201 : 200,
      body: { content: { path, sha: blobSha(text) }, commit: { sha: commitSha } },
    };
  };
  for (const pattern of ['/repos/:o/:r/contents/:a', '/repos/:o/:r/contents/:a/:b']) {
    route('GET', pattern, getContents);
    route('PUT', pattern, putContents);
  }

  const getRef = (req: StubRequest): StubReply => {
    const ref = decodeURIComponent(req.path.split('/git/ref/')[1] ?? '');
    const branch = ref.replace(/^heads\//, '');
    const head = refs.get(branch);
    return head
      ? { body: { ref: `refs/heads/${branch}`, object: { sha: head, type: 'commit' } } }
      : notFound();
  };
  route('GET', '/repos/:o/:r/git/ref/:a', getRef);
  route('GET', '/repos/:o/:r/git/ref/:a/:b', getRef);
  route('POST', '/repos/:o/:r/git/trees', (req) => {
    const input = (req.json ?? {}) as { tree?: { path: string; content?: string }[]; base_tree?: string };
    const tree = new Map(input.base_tree ? trees.get(input.base_tree) : undefined);
    for (const entry of input.tree ?? []) tree.set(entry.path, entry.content ?? '');
    const treeSha = sha(`tree${JSON.stringify([...tree])}`);
    trees.set(treeSha, tree);
    return { status: 201, body: { sha: treeSha } };
  });
  route('POST', '/repos/:o/:r/git/commits', (req) => {
    const input = (req.json ?? {}) as { message?: string; tree?: string; parents?: string[] };
    const tree = input.tree ? trees.get(input.tree) : undefined;
    if (!tree || !input.message) return validation('Tree SHA does not exist');
    const commitSha = sha(`commit${input.tree}${now()}`);
    commits.set(commitSha, { tree, parents: input.parents ?? [], message: input.message });
    return { status: 201, body: { sha: commitSha } };
  });
  route('POST', '/repos/:o/:r/git/refs', (req) => {
    const input = (req.json ?? {}) as { ref?: string; sha?: string };
    const branch = (input.ref ?? '').replace(/^refs\/heads\//, '');
    if (!input.ref?.startsWith('refs/') || !input.sha || !commits.has(input.sha))
      return validation('Reference update failed');
    if (refs.has(branch)) return validation('Reference already exists');
    refs.set(branch, input.sha);
    return { status: 201, body: { ref: input.ref, object: { sha: input.sha } } };
  });

  return {
    url: stub.url,
    stub,
    issues,
    labels,
    refs,
    commits,
    options,
    file: (branch, path) => headTree(branch)?.get(path),
    writeFile: (branch, path, text) => void commitFile(branch, path, text, 'another writer'),
    open: (label) =>
      issues.filter((i) => i.state === 'open' && (!label || i.labels.some((l) => l.name === label))),
    seed(partial) {
      const issue: StandInIssue = {
        number: nextNumber++,
        body: '',
        state: 'open',
        state_reason: null,
        labels: [],
        created_at: now(),
        closed_at: null,
        comments: [],
        ...partial,
      };
      issues.push(issue);
      return issue;
    },
    close: () => stub.close(),
  };
}
