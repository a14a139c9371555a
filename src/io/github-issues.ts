/**
 * Incident issues through the GitHub REST API (the one client, src/io/github-api.ts): the open issues
 * with a label, the label created when missing, an issue opened so that two runs racing converge on one
 * (after creating, the list is read again and the oldest issue with the marker is kept, newer duplicates
 * closed, as github-comments.ts does for sticky comments), comments, edits and closing. Works with the
 * default GITHUB_TOKEN and `issues: write`.
 */
import type { IssueSnapshot } from '../domain/monitor/incidents.js';
import { GitHubApiError, githubClient, type GitHubClientOptions, type Octokit } from './github-api.js';

export interface IssuesTarget {
  token: string;
  /** The REST API root (GITHUB_API_URL). */
  baseUrl: string;
  owner: string;
  repo: string;
  client?: GitHubClientOptions;
}

interface RawIssue {
  number: number;
  title: string;
  body?: string | null;
  created_at: string;
  pull_request?: unknown;
  html_url?: string;
}

const snapshot = (issue: RawIssue): IssueSnapshot & { url?: string } => ({
  number: issue.number,
  title: issue.title,
  body: issue.body ?? '',
  createdAt: issue.created_at,
  ...(issue.html_url ? { url: issue.html_url } : {}),
});

/** The label's colour when this creates it: red, for incidents. */
const LABEL_COLOR = 'd73a4a';

export function incidentIssues(target: IssuesTarget) {
  // Loaded on first use (githubClient imports Octokit lazily).
  let client: Promise<Octokit> | undefined;
  const api = () => (client ??= githubClient(target.token, target.baseUrl, target.client));
  const repo = { owner: target.owner, repo: target.repo };

  /** Open issues (not pull requests) with the label, every page. */
  async function listOpen(label: string): Promise<IssueSnapshot[]> {
    const octokit = await api();
    const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      labels: label,
      state: 'open',
      per_page: 100,
    })) as RawIssue[];
    return issues.filter((i) => !i.pull_request).map(snapshot);
  }

  /** Creates the label unless it exists; one a racing run created first (422) is fine. */
  async function ensureLabel(label: string): Promise<void> {
    const octokit = await api();
    try {
      await octokit.rest.issues.getLabel({ ...repo, name: label });
      return;
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.kind === 'not-found')) throw error;
    }
    try {
      await octokit.rest.issues.createLabel({
        ...repo,
        name: label,
        color: LABEL_COLOR,
        description: 'Opened and closed by the prod-monitor action',
      });
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.status === 422)) throw error;
    }
  }

  async function get(number: number): Promise<(IssueSnapshot & { state: string }) | undefined> {
    const octokit = await api();
    try {
      const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
      return { ...snapshot(data as RawIssue), state: data.state };
    } catch (error) {
      if (error instanceof GitHubApiError && (error.kind === 'not-found' || error.status === 410))
        return undefined;
      throw error;
    }
  }

  async function comment(number: number, body: string): Promise<void> {
    const octokit = await api();
    await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
  }

  async function update(number: number, fields: { title?: string; body?: string }): Promise<void> {
    const octokit = await api();
    await octokit.rest.issues.update({ ...repo, issue_number: number, ...fields });
  }

  async function close(number: number, reason: 'completed' | 'not_planned'): Promise<void> {
    const octokit = await api();
    await octokit.rest.issues.update({
      ...repo,
      issue_number: number,
      state: 'closed',
      state_reason: reason,
    });
  }

  /**
   * Opens the incident unless one with the marker is open, and converges when runs race. Returns the issue
   * kept and whether this run created it.
   */
  async function open(issue: {
    title: string;
    body: string;
    label: string;
    marker: string;
    duplicateComment: (keep: number) => string;
  }): Promise<{ number: number; created: boolean; url?: string }> {
    const octokit = await api();
    const withMarker = (list: IssueSnapshot[]) =>
      list.filter((i) => i.body.includes(issue.marker)).sort((a, b) => a.number - b.number);
    const existing = withMarker(await listOpen(issue.label))[0];
    if (existing) return { number: existing.number, created: false };
    await ensureLabel(issue.label);
    const { data } = await octokit.rest.issues.create({
      ...repo,
      title: issue.title,
      body: issue.body,
      labels: [issue.label],
    });
    // Another run may have opened one meanwhile: the oldest stays; each racer closes its own if newer (a
    // run that stopped before doing so leaves a duplicate the next run's plan closes).
    const kept = Math.min(data.number, ...withMarker(await listOpen(issue.label)).map((i) => i.number));
    if (kept !== data.number) {
      await comment(data.number, issue.duplicateComment(kept));
      await close(data.number, 'not_planned');
    }
    return {
      number: kept,
      created: kept === data.number,
      ...(kept === data.number ? { url: data.html_url } : {}),
    };
  }

  return { listOpen, ensureLabel, get, comment, update, close, open };
}

export type IncidentIssues = ReturnType<typeof incidentIssues>;
