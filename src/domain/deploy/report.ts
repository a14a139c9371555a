/** What fly-deploy-with-health tells people: outputs, the job summary, the failure message, a chat line. */
import { formatDuration } from '../shared/duration.js';
import { code, escapeCell, escapeInline, table } from '../shared/markdown.js';
import { attemptsTable, windowTable } from '../probe/report.js';
import { describeProbe } from '../probe/run.js';
import {
  releaseName,
  type Attempt,
  type DeployOutcome,
  type DeployReport,
  type ReleaseRef,
  type Phase,
} from './types.js';

const ref = (r: ReleaseRef) => `v${r.version} (${r.imageRef})`;

/** Secrets (names only) this run left staged, or put live with the previous image, and what to do. */
function secretsNote(report: DeployReport): string {
  const staged = report.secretsLeftStaged;
  if (staged)
    return ` The secrets this run staged (${staged.names.join(', ')}) ${staged.certain ? 'are still' : 'may still be'} staged on Fly: the next deploy or machine restart of ${report.app} puts them live. To drop them, run \`flyctl secrets unset --stage --app ${report.app} ${staged.names.join(' ')}\` (or stage the old values again), or re-run this job once the cause is fixed.`;
  if (report.secretsLiveWithRollback)
    return ` The rollback deploy runs with the app's current secrets, so the ones this run staged (${report.secretsLiveWithRollback.join(', ')}) are live with the previous image.`;
  return '';
}

export function deployOutputs(report: DeployReport): Record<string, string> {
  const health = report.deploy.health;
  return {
    'release-version': String(report.deploy.release?.version ?? ''),
    'image-ref': report.deploy.release?.imageRef ?? '',
    'previous-version': report.previous ? String(report.previous.version) : '',
    'previous-image-ref': report.previous?.imageRef ?? '',
    url: report.appUrl,
    healthy: String(report.outcome === 'healthy'),
    'rolled-back': String(report.outcome === 'rolled-back'),
    outcome: report.outcome,
    'deploy-seconds': report.deploy.deployMs === undefined ? '' : (report.deploy.deployMs / 1000).toFixed(1),
    'health-attempts': String(health?.attempts.length ?? 0),
    'health-latency-ms': health?.latencyMs === undefined ? '' : String(Math.round(health.latencyMs)),
    ...windowOutputs(report.deploy),
  };
}

/** The verification window's figures; empty when there was none (off, or the release never got that far). */
function windowOutputs(attempt: Attempt): Record<string, string> {
  const w = attempt.window;
  const ms = (v: number | undefined) => (v === undefined ? '' : String(Math.round(v)));
  return {
    'verify-samples': w ? String(w.samples.length) : '',
    'verify-error-rate': w ? String(Number(w.errorRate.toFixed(2))) : '',
    'verify-p50-ms': ms(w?.latency?.p50),
    'verify-p95-ms': ms(w?.latency?.p95),
  };
}

/** The one message the job fails with: both stories when there was a rollback. */
export function failureMessage(report: DeployReport): string | undefined {
  if (report.outcome === 'healthy') return undefined;
  if (report.outcome === 'not-deployed')
    return `Deploy of ${report.app} stopped before deploying: ${report.deploy.story ?? 'the health check fails against the release serving now'}.`;
  const story = `Deploy of ${report.app} failed: ${report.deploy.story ?? 'unknown failure'}.`;
  const secrets = secretsNote(report);
  switch (report.outcome) {
    case 'rolled-back': {
      const rollback = report.rollback;
      if (rollback.unhealthyAsBefore)
        return `${story} Rolled back to ${ref(rollback.target)} as ${rollback.release ? releaseName(rollback.release) : 'a new release'}; like before this run, it fails the health check at ${report.healthUrl} (${rollback.story ?? 'unhealthy'}), as deploy-when-unhealthy allowed.${secrets}`;
      return `${story} Rolled back to ${ref(rollback.target)} as ${rollback.release ? releaseName(rollback.release) : 'a new release'}; it is healthy again at ${report.healthUrl}. The job fails because the new release did not go live.${secrets}`;
    }
    case 'rollback-failed':
      return `${story} ROLLBACK FAILED: redeploying ${ref(report.rollback.target)} did not bring the app back: ${report.rollback.story ?? 'unknown failure'}. Now serving: ${report.servingNow ?? 'unknown'}. Act now: check \`flyctl status --app ${report.app}\` and redeploy a good image with \`flyctl deploy --app ${report.app} --image <ImageRef> --strategy immediate\`.${secrets}`;
    case 'previous-kept':
      return `${story} No rollback was needed: ${report.noRollback}.${secrets}`;
    default:
      return `${story} Nothing was rolled back: ${report.noRollback}. Now serving: ${report.servingNow ?? 'unknown'}.${secrets}`;
  }
}

export type DeploymentState = 'success' | 'failure' | 'error';

/** The GitHub Deployment status for a finished run (no report: the deploy could not start). */
export function deploymentStatus(
  report: DeployReport | undefined,
  error?: string,
): { state: DeploymentState; description: string } {
  if (!report) return { state: 'error', description: `Deploy did not start: ${error ?? 'unknown error'}` };
  switch (report.outcome) {
    case 'healthy':
      return {
        state: 'success',
        description:
          report.deploy.release?.version === undefined
            ? 'New release healthy'
            : `Release v${report.deploy.release.version} healthy`,
      };
    case 'rolled-back':
      return { state: 'failure', description: `Failed; rolled back to v${report.rollback.target.version}` };
    case 'not-deployed':
      return {
        state: 'failure',
        description: `Not deployed: the health check fails against v${report.servingProbe.version}`,
      };
    case 'previous-kept':
      return { state: 'failure', description: `Failed; v${report.previous?.version} still serving` };
    case 'rollback-failed':
      return { state: 'error', description: 'Failed; rollback failed' };
    default:
      return { state: 'failure', description: 'Failed; nothing rolled back' };
  }
}

const HEADLINE: Record<DeployOutcome, string> = {
  healthy: '✅ deployed and healthy',
  'rolled-back': '↩️ failed, rolled back',
  'rollback-failed': '🚨 failed, and the ROLLBACK FAILED',
  'previous-kept': '↩️ failed, previous release still serving',
  failed: '❌ failed, nothing rolled back',
  'not-deployed': '🛑 not deployed: the health check fails against the release serving now',
};

/** The phases of a deploy or rollback, with when each started, how long it took and how it ended. */
export function timelineTable(phases: readonly Phase[]): string {
  return table(
    ['phase', 'started (UTC)', 'duration', 'result'],
    phases.map((p) => [
      p.name,
      new Date(p.startedAt).toISOString().slice(11, 19),
      formatDuration(p.durationMs),
      `${p.ok ? (p.warning ? '⚠' : '✔') : '✘'} ${p.detail}`,
    ]),
  );
}

/**
 * One attempt (a deploy, a rollback, a restore) as a summary section: its release, flyctl's failure, the
 * rollout when incomplete, the probe and the verification window. `describeHealth`: a line saying what the
 * probe concluded, above its attempts.
 */
export function attemptSection(
  title: string,
  attempt: Attempt,
  options: { describeHealth?: boolean } = {},
): string[] {
  const lines = [`### ${title}`, ''];
  if (attempt.release)
    lines.push(
      `Release ${attempt.release.version === undefined ? 'version unread' : code(`v${attempt.release.version}`)}, image ${attempt.release.imageRef ? code(attempt.release.imageRef) : 'unread'}.`,
      '',
    );
  if (attempt.deployFailure) lines.push(`flyctl deploy failed: ${escapeCell(attempt.deployFailure)}`, '');
  if (attempt.rolloutUnverified)
    lines.push(
      `> [!WARNING]\n> Rollout unverified: ${escapeInline(attempt.rolloutUnverified)}. The health probe decided alone.`,
      '',
    );
  if (attempt.rollout && !attempt.rollout.complete && !attempt.rolloutUnverified)
    lines.push(
      table(
        ['machine', 'region', 'state', 'release', 'checks', 'problems'],
        attempt.rollout.machines.map((m) => [
          m.id,
          m.region,
          m.state,
          m.version,
          m.checks,
          m.problems.join('; ') || 'ok',
        ]),
      ),
      '',
    );
  if (attempt.health && options.describeHealth)
    lines.push(`Health: ${escapeInline(describeProbe(attempt.health))}.`, '');
  if (attempt.health) lines.push(attemptsTable(attempt.health), '');
  if (attempt.window)
    lines.push(
      '#### Verification window',
      '',
      windowTable(attempt.window),
      '',
      ...(attempt.window.passed ? [] : [escapeCell(attempt.window.problems.join('; ')), '']),
      ...windowFailures(attempt),
    );
  return lines;
}

/** The window's failed samples by reason, e.g. "12× status (last: HTTP 503, expected 200-299)". */
function windowFailures(attempt: Attempt): string[] {
  const failed = attempt.window?.samples.filter((s) => !s.ok) ?? [];
  if (failed.length === 0) return [];
  const byReason = new Map<string, { count: number; last: string }>();
  for (const s of failed)
    byReason.set(s.reason, { count: (byReason.get(s.reason)?.count ?? 0) + 1, last: s.detail });
  const mix = [...byReason].map(([r, v]) => `${v.count}× ${r} (last: ${v.last})`).join('; ');
  return [`Failed samples: ${escapeCell(mix)}`, ''];
}

function servingSection(report: DeployReport): string[] {
  const probe = report.servingProbe;
  if (!probe || probe.health.healthy) return [];
  return [
    `### Release serving before (v${probe.version})`,
    '',
    probe.deployedAnyway
      ? 'It failed the health check before this run; deployed anyway (`deploy-when-unhealthy: true`).'
      : 'It fails the health check, so nothing was deployed. Check the health URL and expectations; if production is down and this deploy is the fix, set `deploy-when-unhealthy: true`.',
    '',
    attemptsTable(probe.health),
    '',
  ];
}

export function summaryMarkdown(report: DeployReport): string {
  const lines = [`## fly-deploy-with-health: ${report.app} ${HEADLINE[report.outcome]}`, ''];
  const failure = failureMessage(report);
  if (failure)
    lines.push(
      report.outcome === 'rollback-failed'
        ? `> [!CAUTION]\n> ${escapeInline(failure)}`
        : `> ${escapeInline(failure)}`,
      '',
    );
  lines.push(
    `Previous release: ${report.previous ? `${code(ref(report.previous))}${report.previousSource === 'machines' ? ' (from the machines: flyctl releases lists no complete release with an image)' : ''}` : 'none'} · health URL: ${code(report.healthUrl)}${report.healthUrlSource ? ` (${escapeCell(report.healthUrlSource)})` : ''}`,
    '',
    '### Timeline',
    '',
    timelineTable(report.phases),
    '',
  );
  lines.push(...servingSection(report));
  if (report.outcome === 'not-deployed') return lines.join('\n');
  lines.push(...attemptSection('New release', report.deploy));
  if ('rollback' in report)
    lines.push(...attemptSection(`Rollback to ${ref(report.rollback.target)}`, report.rollback));
  else if ('noRollback' in report)
    lines.push('### Rollback', '', `No rollback: ${escapeInline(report.noRollback)}.`, '');
  if (report.servingNow) lines.push('### Serving now', '', escapeInline(report.servingNow), '');
  return lines.join('\n');
}

/** A Slack-compatible message (mrkdwn text). */
export function notificationText(report: DeployReport, runUrl?: string): string {
  const head = `*${report.app}* deploy ${HEADLINE[report.outcome]}`;
  const detail =
    report.outcome === 'healthy'
      ? `Release ${report.deploy.release?.version === undefined ? '(version unread)' : `v${report.deploy.release.version}`} is live at ${report.appUrl}.`
      : (failureMessage(report) ?? '');
  return [head, detail, runUrl ? `<${runUrl}|workflow run>` : ''].filter(Boolean).join('\n');
}
