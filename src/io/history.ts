/**
 * Where the monitor's JSON lines are kept. A data branch through the GitHub API, no checkout needed: one
 * file per UTC day (src/domain/monitor/history.ts), appended with the Contents API against the file's
 * sha so a concurrent write is seen (409) and redone; the branch is created as an orphan (its own root
 * commit with a README) when missing, so the main branch never grows. Or a file on disk the workflow
 * keeps (a cache, an artifact), bounded to the newest runs.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HISTORY_README, appendBounded, historyDayFile, historyDayFiles } from '../domain/monitor/history.js';
import { GitHubApiError, githubClient, type GitHubClientOptions, type Octokit } from './github-api.js';

export interface HistoryStore {
  /** For messages: `branch monitor-data` or the path. */
  where: string;
  /** The JSON-lines text of recent runs, oldest first; '' when there is none yet. */
  read(now: Date, runs: number): Promise<string>;
  append(now: Date, line: string): Promise<void>;
}

export interface BranchHistoryTarget {
  token: string;
  baseUrl: string;
  owner: string;
  repo: string;
  branch: string;
  client?: GitHubClientOptions;
}

/** Octokit gives a raw body as text or, for a media type it does not know as text, as bytes. */
function rawText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data))
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  throw new Error('the raw file came back in a form that is not text');
}

const countLines = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

/** Writes racing this one: the file's sha moved on (409), or it appeared meanwhile (422). */
const isConflict = (error: unknown) =>
  error instanceof GitHubApiError && (error.status === 409 || error.status === 422);

const MAX_WRITE_TRIES = 4;

export function branchHistory(target: BranchHistoryTarget): HistoryStore {
  // Loaded on first use (githubClient imports Octokit lazily).
  let client: Promise<Octokit> | undefined;
  const api = () => (client ??= githubClient(target.token, target.baseUrl, target.client));
  const repo = { owner: target.owner, repo: target.repo };

  /** The file's text and sha on the branch; undefined when the branch or the file does not exist. */
  async function getFile(path: string): Promise<{ text: string; sha: string } | undefined> {
    const octokit = await api();
    let data: { sha: string; content?: string; encoding?: string; size?: number; type?: string };
    try {
      ({ data } = (await octokit.rest.repos.getContent({ ...repo, path, ref: target.branch })) as {
        data: typeof data;
      });
    } catch (error) {
      if (error instanceof GitHubApiError && error.kind === 'not-found') return undefined;
      throw error;
    }
    if (data.type !== undefined && data.type !== 'file')
      throw new Error(`${path} on ${target.branch} is not a file`);
    if (data.encoding === 'base64' && data.content !== undefined)
      return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
    // Over 1 MB the JSON form carries no content: ask for the raw file.
    const raw = await octokit.rest.repos.getContent({
      ...repo,
      path,
      ref: target.branch,
      mediaType: { format: 'raw' },
    });
    return { text: rawText(raw.data), sha: data.sha };
  }

  async function branchExists(): Promise<boolean> {
    const octokit = await api();
    try {
      await octokit.rest.git.getRef({ ...repo, ref: `heads/${target.branch}` });
      return true;
    } catch (error) {
      if (error instanceof GitHubApiError && error.kind === 'not-found') return false;
      throw error;
    }
  }

  /** An orphan branch: a root commit holding only the README. One a racing run made first is fine. */
  async function createBranch(): Promise<void> {
    const octokit = await api();
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: HISTORY_README }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      ...repo,
      message: 'Monitor history',
      tree: tree.sha,
      parents: [],
    });
    try {
      await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${target.branch}`, sha: commit.sha });
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.status === 422)) throw error;
    }
  }

  return {
    where: `branch ${target.branch}`,
    async read(now, runs) {
      const parts: string[] = [];
      let count = 0;
      for (const path of historyDayFiles(now)) {
        const file = await getFile(path);
        if (!file) continue;
        parts.unshift(file.text.endsWith('\n') || file.text === '' ? file.text : `${file.text}\n`);
        count += countLines(file.text);
        if (count >= runs) break;
      }
      return parts.join('');
    },
    async append(now, line) {
      const octokit = await api();
      if (!(await branchExists())) await createBranch();
      const path = historyDayFile(now);
      for (let attempt = 1; ; attempt++) {
        const file = await getFile(path);
        const text = `${file?.text ?? ''}${file && file.text !== '' && !file.text.endsWith('\n') ? '\n' : ''}${line}`;
        try {
          await octokit.rest.repos.createOrUpdateFileContents({
            ...repo,
            path,
            branch: target.branch,
            message: `monitor: ${now.toISOString()}`,
            content: Buffer.from(text).toString('base64'),
            ...(file ? { sha: file.sha } : {}),
          });
          return;
        } catch (error) {
          if (!isConflict(error) || attempt >= MAX_WRITE_TRIES) throw error;
        }
      }
    },
  };
}

export function fileHistory(path: string): HistoryStore {
  const read = async () => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  };
  return {
    where: path,
    read: () => read(),
    async append(_now, line) {
      const text = appendBounded(await read(), line);
      await mkdir(dirname(path), { recursive: true });
      // A whole file or the old one, never half of the new one.
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, text);
      await rename(temp, path);
    },
  };
}
