/**
 * The monitor's incidents on GitHub: the plan (src/domain/monitor/incidents.ts) carried out through
 * src/io/github-issues.ts. Best effort: a GitHub failure is a warning and the next action still runs; an
 * issue is read again right before it is changed, so a run racing this one does not comment twice.
 */
import type { TargetResult } from '../domain/monitor/check.js';
import {
  planIncidents,
  readIncident,
  type IncidentAction,
  type IssueSnapshot,
} from '../domain/monitor/incidents.js';
import { errorMessage } from '../domain/shared/errors.js';
import { code } from '../domain/shared/markdown.js';
import type { Host } from '../host/host.js';
import type { IncidentIssues } from '../io/github-issues.js';

export interface IncidentsEdge {
  label: string;
  client: () => Promise<IncidentIssues>;
  /** The open incidents, or undefined (with a warning) when they cannot be read. */
  list(): Promise<IssueSnapshot[] | undefined>;
}

const permissionHint = 'Grant the job `permissions: issues: write`.';

/** The incidents edge when a label, a repository and a token are there; undefined otherwise. */
export function incidentsFor(
  host: Host,
  label: string | undefined,
  token: string | undefined,
): IncidentsEdge | undefined {
  const { repository } = host.context;
  if (!label) return undefined;
  if (!repository || !token) {
    if (host.kind === 'github')
      host.warning(
        `No incident issues: ${!repository ? 'the repository is unknown (GITHUB_REPOSITORY)' : 'github-token is empty'}.`,
      );
    return undefined;
  }
  let made: Promise<IncidentIssues> | undefined;
  // Loaded only when incidents are on: the GitHub client is most of the bundle's start-up.
  const client = () =>
    (made ??= import('../io/github-issues.js').then(({ incidentIssues }) =>
      incidentIssues({ token, baseUrl: host.context.apiUrl, ...repository }),
    ));
  return {
    label,
    client,
    async list() {
      try {
        return await (await client()).listOpen(label);
      } catch (error) {
        host.warning(`Could not read the open incident issues (${errorMessage(error)}). ${permissionHint}`);
        return undefined;
      }
    },
  };
}

export interface ActionRecord {
  kind: IncidentAction['kind'];
  target: string;
  number?: number;
  done: boolean;
  note?: string;
}

async function apply(
  host: Host,
  issues: IncidentIssues,
  label: string,
  action: IncidentAction,
): Promise<{ done: boolean; number?: number; note?: string }> {
  const who = code(action.target);
  switch (action.kind) {
    case 'open': {
      const opened = await issues.open({
        title: action.title,
        body: host.redact(action.body),
        label,
        marker: action.marker,
        duplicateComment: (keep) => `Duplicate of #${keep} (two monitor runs opened one at once).`,
      });
      host.info(
        `Incident #${opened.number} ${opened.created ? 'opened' : 'already open'} for ${action.target}.`,
      );
      return {
        done: opened.created,
        number: opened.number,
        note: opened.created
          ? `Incident #${opened.number} opened for ${who}.`
          : `Incident #${opened.number} for ${who} was opened by a concurrent run.`,
      };
    }
    case 'change': {
      const fresh = await issues.get(action.number);
      const state = fresh && fresh.state === 'open' ? readIncident(fresh) : undefined;
      if (!state || state.status === action.to) return { done: false, number: action.number };
      await issues.update(action.number, { title: action.title, body: host.redact(action.body) });
      await issues.comment(action.number, host.redact(action.comment));
      host.info(`Incident #${action.number}: ${action.target} ${action.from} → ${action.to}.`);
      return {
        done: true,
        number: action.number,
        note: `Incident #${action.number} for ${who}: now ${action.to} (was ${action.from}).`,
      };
    }
    case 'close': {
      const fresh = await issues.get(action.number);
      if (!fresh || fresh.state !== 'open') return { done: false, number: action.number };
      await issues.comment(action.number, host.redact(action.comment));
      await issues.close(action.number, 'completed');
      host.info(`Incident #${action.number} closed: ${action.target} is up again.`);
      return {
        done: true,
        number: action.number,
        note: `Incident #${action.number} for ${who} closed: up again.`,
      };
    }
    case 'duplicate': {
      await issues.comment(action.number, action.comment);
      await issues.close(action.number, 'not_planned');
      return {
        done: true,
        number: action.number,
        note: `Closed #${action.number}, a duplicate of #${action.keep}.`,
      };
    }
  }
}

export async function syncIncidents(
  host: Host,
  edge: IncidentsEdge,
  results: readonly TargetResult[],
  open: readonly IssueSnapshot[],
): Promise<{ notes: string[]; actions: ActionRecord[] }> {
  const plan = planIncidents(results, open, {
    now: new Date(),
    ...(host.context.runUrl ? { runUrl: host.context.runUrl } : {}),
  });
  const notes: string[] = [];
  const actions: ActionRecord[] = [];
  if (plan.length === 0) {
    const count = open.filter((i) => readIncident(i)).length;
    notes.push(count ? `Incidents: ${count} open, no change.` : 'Incidents: none open.');
    return { notes, actions };
  }
  const issues = await edge.client();
  for (const action of plan) {
    try {
      const outcome = await apply(host, issues, edge.label, action);
      actions.push({ kind: action.kind, target: action.target, ...outcome });
      if (outcome.note) notes.push(outcome.note);
    } catch (error) {
      host.warning(
        `Could not ${action.kind} the incident issue of ${action.target} (${errorMessage(error)}). ${permissionHint}`,
      );
      actions.push({ kind: action.kind, target: action.target, done: false, note: errorMessage(error) });
    }
  }
  return { notes, actions };
}
