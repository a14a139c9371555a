/**
 * The monitor's history edge: the data branch (through the GitHub API) or the file the workflow keeps,
 * read once before the checks run and appended to once after. Best effort: a failure is a warning and
 * a note in the summary, never a failed run.
 */
import { resolve } from 'node:path';
import { historyLine, parseHistory, type HistoryRecord } from '../domain/monitor/history.js';
import { errorMessage, InputError } from '../domain/shared/errors.js';
import { code } from '../domain/shared/markdown.js';
import type { Host } from '../host/host.js';
import type { InputReader } from '../host/inputs.js';
import type { HistoryStore } from '../io/history.js';

export interface HistorySettings {
  branch?: string;
  /** Absolute. */
  path?: string;
  chartRuns: number;
}

export function readHistorySettings(input: InputReader, workspace: string): HistorySettings {
  const branch = input.string('history-branch');
  const path = input.string('history-path');
  if (branch && !/^(?!\/|.*(?:\/\/|\.\.|@\{|\.lock$|\/$))[A-Za-z0-9._/-]+$/.test(branch))
    throw new InputError(
      'history-branch',
      `${JSON.stringify(branch.slice(0, 60))} is not a branch name`,
      'Use letters, digits and . _ / - (e.g. monitor-data), or leave it empty to keep no history branch.',
    );
  return {
    ...(branch ? { branch } : {}),
    ...(path ? { path: resolve(workspace, path) } : {}),
    chartRuns: input.integer('chart-runs', { min: 2, max: 500 }),
  };
}

export interface HistoryEdge {
  store?: HistoryStore;
  /** Why there is none, for the summary. */
  off?: string;
}

/** The store the settings name, or why there is none (a warning on a runner when it was asked for). */
export async function historyEdge(
  host: Host,
  settings: HistorySettings,
  token: string | undefined,
): Promise<HistoryEdge> {
  if (settings.path) {
    const { fileHistory } = await import('../io/history.js');
    return { store: fileHistory(settings.path) };
  }
  if (!settings.branch) return { off: 'History: off (history-branch and history-path are empty).' };
  const { repository } = host.context;
  if (!repository || !token) {
    const why = !repository ? 'the repository is unknown (GITHUB_REPOSITORY)' : 'github-token is empty';
    if (host.kind === 'github') host.warning(`No history is kept: ${why}.`);
    return { off: `History: off (${why}).` };
  }
  // Loaded only when needed: the GitHub client is most of the bundle's start-up.
  const { branchHistory } = await import('../io/history.js');
  return {
    store: branchHistory({ token, baseUrl: host.context.apiUrl, ...repository, branch: settings.branch }),
  };
}

/** The recent runs, oldest first; undefined when there is no history or it cannot be read. */
export async function readRecentRuns(
  host: Host,
  edge: HistoryEdge,
  now: Date,
  runs: number,
): Promise<HistoryRecord[] | undefined> {
  if (!edge.store) return undefined;
  try {
    return parseHistory(await edge.store.read(now, runs)).slice(-runs);
  } catch (error) {
    host.warning(
      `Could not read the history from ${edge.store.where} (${errorMessage(error)}); the chart and the status changes go without it.`,
    );
    return undefined;
  }
}

/** Appends this run; the note for the summary says what happened. */
export async function appendRun(host: Host, edge: HistoryEdge, record: HistoryRecord): Promise<string> {
  if (!edge.store) return edge.off ?? 'History: off.';
  try {
    await edge.store.append(new Date(record.at), host.redact(historyLine(record)));
    return `History: appended to ${code(edge.store.where)}.`;
  } catch (error) {
    host.warning(
      `Could not append to the history in ${edge.store.where} (${errorMessage(error)}). Grant the job \`permissions: contents: write\` for a history branch.`,
    );
    return `History: not written (${code(edge.store.where)}: see the warning).`;
  }
}
