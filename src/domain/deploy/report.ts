/** What fly-deploy-with-health tells people: outputs, the job summary, the failure message, a chat line. */
import { formatDuration } from '../duration.js';
import { code, escapeCell, table } from '../markdown.js';
import { attemptsTable } from '../probe/report.js';
import type { Attempt, DeployReport, ReleaseRef } from './flow.js';

const ref = (r: ReleaseRef) => `v${r.version} (${r.imageRef})`;

export function deployOutputs(report: DeployReport): Record<string, string> {
  const health = report.deploy.health;
  return {
    'release-version': report.deploy.release ? String(report.deploy.release.version) : '',
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
  };
}

/** The one message the job fails with: both stories when there was a rollback. */
export function failureMessage(report: DeployReport): string | undefined {
  if (report.outcome === 'healthy') return undefined;
  const story = `Deploy of ${report.app} failed: ${report.deploy.story ?? 'unknown failure'}.`;
  const rollback = report.rollback;
  switch (report.outcome) {
    case 'rolled-back':
      return `${story} Rolled back to ${ref(rollback!.target)} as release v${rollback!.release?.version ?? '?'}; it is healthy again at ${report.healthUrl}. The job fails because the new release did not go live.`;
    case 'rollback-failed':
      return `${story} ROLLBACK FAILED: redeploying ${ref(rollback!.target)} did not bring the app back: ${rollback!.story ?? 'unknown failure'}. Now serving: ${report.servingNow ?? 'unknown'}. Act now: check \`flyctl status --app ${report.app}\` and redeploy a good image with \`flyctl deploy --app ${report.app} --image <ImageRef> --strategy immediate\`.`;
    case 'previous-kept':
      return `${story} No rollback was needed: ${report.noRollback}.`;
    default:
      return `${story} Nothing was rolled back: ${report.noRollback}. Now serving: ${report.servingNow ?? 'unknown'}.`;
  }
}

const HEADLINE: Record<DeployReport['outcome'], string> = {
  healthy: '✅ deployed and healthy',
  'rolled-back': '↩️ failed, rolled back',
  'rollback-failed': '🚨 failed, and the ROLLBACK FAILED',
  'previous-kept': '↩️ failed, previous release still serving',
  failed: '❌ failed, nothing rolled back',
};

function attemptSection(title: string, attempt: Attempt): string[] {
  const lines = [`### ${title}`, ''];
  if (attempt.release)
    lines.push(
      `Release ${code(`v${attempt.release.version}`)}, image ${code(attempt.release.imageRef)}.`,
      '',
    );
  if (attempt.deployFailure) lines.push(`flyctl deploy failed: ${escapeCell(attempt.deployFailure)}`, '');
  if (attempt.rollout && !attempt.rollout.complete)
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
  if (attempt.health) lines.push(attemptsTable(attempt.health), '');
  return lines;
}

export function summaryMarkdown(report: DeployReport): string {
  const lines = [`## fly-deploy-with-health: ${report.app} ${HEADLINE[report.outcome]}`, ''];
  const failure = failureMessage(report);
  if (failure)
    lines.push(report.outcome === 'rollback-failed' ? `> [!CAUTION]\n> ${failure}` : `> ${failure}`, '');
  lines.push(
    `Previous release: ${report.previous ? code(ref(report.previous)) : 'none (first deploy)'} · health URL: ${code(report.healthUrl)}`,
    '',
    '### Timeline',
    '',
    table(
      ['phase', 'started (UTC)', 'duration', 'result'],
      report.phases.map((p) => [
        p.name,
        new Date(p.startedAt).toISOString().slice(11, 19),
        formatDuration(p.durationMs),
        `${p.ok ? '✔' : '✘'} ${p.detail}`,
      ]),
    ),
    '',
  );
  lines.push(...attemptSection('New release', report.deploy));
  if (report.rollback)
    lines.push(...attemptSection(`Rollback to ${ref(report.rollback.target)}`, report.rollback));
  else if (report.noRollback && report.outcome !== 'healthy')
    lines.push('### Rollback', '', `No rollback: ${report.noRollback}.`, '');
  if (report.servingNow) lines.push('### Serving now', '', report.servingNow, '');
  return lines.join('\n');
}

/** A Slack-compatible message (mrkdwn text). */
export function notificationText(report: DeployReport, runUrl?: string): string {
  const head = `*${report.app}* deploy ${HEADLINE[report.outcome]}`;
  const detail =
    report.outcome === 'healthy'
      ? `Release v${report.deploy.release?.version ?? '?'} is live at ${report.appUrl}.`
      : (failureMessage(report) ?? '');
  return [head, detail, runUrl ? `<${runUrl}|workflow run>` : ''].filter(Boolean).join('\n');
}
