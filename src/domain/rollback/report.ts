/** What fly-rollback tells people: outputs, the plan, the job summary, the failure story and its record. */
import { buildRecord, recordState, type RecordPayload, type RunFacts } from '../deploy/record.js';
import { releaseName, type ReleaseRef } from '../deploy/types.js';
import { formatLength } from '../shared/duration.js';
import { code, escapeText as text, table } from '../shared/markdown.js';
import { attemptSection, timelineTable } from '../deploy/report.js';
import { driftWarnings, type Drift } from './drift.js';
import type { PrunedImage, RollbackReport } from './flow.js';
import { listedRange, type Candidate, type RollbackPlan } from './target.js';

const ref = (r: ReleaseRef) => `v${r.version} (${r.imageRef})`;
const targetName = (plan: RollbackPlan) =>
  plan.target.version === undefined ? plan.target.imageRef : `v${plan.target.version}`;
const targetRef = (plan: RollbackPlan) =>
  plan.target.version === undefined
    ? `image ${plan.target.imageRef}`
    : `v${plan.target.version} (${plan.target.imageRef})`;
const fromRef = (plan: RollbackPlan) => `v${plan.from.version} (${plan.from.imageRef || 'image unknown'})`;

/** "3h ago", "2d 4h ago" from an RFC 3339 time. */
export function age(createdAt: string, now: number): string {
  const then = Date.parse(createdAt);
  return Number.isNaN(then) ? '?' : `${formatLength(Math.max(0, now - then))} ago`;
}

export function rollbackOutputs(report: RollbackReport, reportPath: string): Record<string, string> {
  const { plan, run } = report;
  return {
    'from-version': String(plan.from.version),
    'to-version': plan.target.version === undefined ? '' : String(plan.target.version),
    'image-ref': plan.target.imageRef,
    'release-version': String(run?.deploy.release?.version ?? ''),
    healthy: run ? String(run.outcome === 'healthy') : '',
    outcome: run ? run.outcome : 'dry-run',
    report: reportPath,
  };
}

/** The plan in a few lines, before anything changes (and all a dry run does). */
export function planLines(plan: RollbackPlan): string[] {
  return [
    `Rollback of ${plan.app}: from ${fromRef(plan)} to ${targetRef(plan)}.`,
    `Why: ${plan.why}.`,
    `Serving now: ${plan.from.machines}.`,
  ];
}

function prunedStory(plan: RollbackPlan, pruned: PrunedImage): string {
  const kept =
    pruned.kept.length > 0
      ? `the images the app's machines run now, those of ${pruned.kept.map(ref).join(', ')}`
      : "none (the app's machines report no image)";
  const newer =
    pruned.newer.length > 0
      ? ` Releases deployed after ${targetName(plan)} are likelier to still have theirs (Fly prunes images not deployed for a while): ${pruned.newer.map(ref).join(', ')}; try version: ${pruned.newer[0]?.version}.`
      : '';
  return `its image ${pruned.image} is no longer in Fly's registry (flyctl could not find it), so nothing was deployed and ${fromRef(plan)} still serves. flyctl cannot list which images Fly still keeps (docs/flyctl-contract.md §12); the only releases known to still have theirs are ${kept}.${newer} To bring ${targetName(plan)}'s code back, rebuild its commit and deploy it with fly-deploy-with-health.`;
}

/** The one message the job fails with, or undefined when the rollback is healthy (or a dry run). */
export function rollbackFailureMessage(report: RollbackReport): string | undefined {
  const { plan, run } = report;
  if (!run || run.outcome === 'healthy') return undefined;
  const head = `Rollback of ${plan.app} to ${targetRef(plan)} failed:`;
  switch (run.outcome) {
    case 'previous-kept':
      return run.pruned
        ? `${head} ${prunedStory(plan, run.pruned)}`
        : `${head} ${run.deploy.story ?? 'flyctl deploy failed'}. flyctl replaced nothing: ${fromRef(plan)} still serves (${run.servingNow ?? plan.from.machines}).`;
    case 'rolled-back':
      return `${head} ${run.deploy.story ?? 'unknown failure'}. ${ref(run.restore?.target ?? { version: plan.from.version, imageRef: plan.from.imageRef })}, which served before, was deployed again${run.restore?.release ? ` as ${releaseName(run.restore.release)}` : ''} and is healthy at ${report.healthUrl}: the app serves what it served before this run.`;
    case 'rollback-failed':
      return `${head} ${run.deploy.story ?? 'unknown failure'}. Deploying ${fromRef(plan)} again, which served before, did not bring the app back either: ${run.restore?.story ?? 'unknown failure'}. Now serving: ${run.servingNow ?? 'unknown'}. Act now: check \`flyctl status --app ${plan.app}\` and deploy a good image with \`flyctl deploy --app ${plan.app} --image <ImageRef> --strategy immediate\`.`;
    default:
      return `${head} ${run.deploy.story ?? 'unknown failure'}. Nothing was deployed again: ${run.noRestore ?? 'no image to restore'}. Now serving: ${run.servingNow ?? 'unknown'}.`;
  }
}

/** The GitHub Deployment status of a finished rollback. */
export function rollbackStatus(report: RollbackReport): {
  state: 'success' | 'failure' | 'error';
  description: string;
} {
  const run = report.run;
  const outcome = run?.outcome ?? 'failed';
  const to = targetName(report.plan);
  const description: Record<typeof outcome, string> = {
    healthy: `Rolled back to ${to}${run?.deploy.release?.version ? ` as v${run.deploy.release.version}` : ''}, healthy`,
    'previous-kept': `Rollback to ${to} failed; v${report.plan.from.version} still serving`,
    'rolled-back': `Rollback to ${to} failed; v${report.plan.from.version} restored`,
    'rollback-failed': `Rollback to ${to} failed, and so did restoring v${report.plan.from.version}`,
    failed: `Rollback to ${to} failed`,
  };
  return { state: recordState(outcome), description: description[outcome] };
}

/** The Deployment payload of a rollback run (contract: src/domain/deploy/record.ts). */
export function rollbackRecord(report: RollbackReport, facts: RunFacts): RecordPayload {
  const run = report.run;
  const outcome = run?.outcome ?? 'failed';
  const rolledBackTo =
    outcome === 'healthy'
      ? (report.plan.target.version ?? null)
      : outcome === 'rolled-back' || outcome === 'rollback-failed'
        ? report.plan.from.version
        : null;
  return buildRecord(
    {
      kind: 'rollback',
      app: report.app,
      release: run?.deploy.release?.version ?? null,
      image: report.plan.target.imageRef,
      previousRelease: report.plan.from.version,
      outcome,
      rolledBackTo,
    },
    facts,
  );
}

/** The releases table: version, status, age, image, and what each is to this rollback. */
export function releasesTable(candidates: readonly Candidate[], now: number, target?: number): string {
  const mark = (c: Candidate) =>
    c.serving ? '● serving now' : c.version === target ? `→ target${c.note ? ` (${c.note})` : ''}` : c.note;
  return table(
    ['version', 'status', 'age', 'image', ''],
    candidates.map((c) => [
      `v${c.version}`,
      c.status,
      age(c.createdAt, now),
      c.imageRef ? code(c.imageRef) : '—',
      mark(c),
    ]),
  );
}

/** The prompt's choices: every listed release, the ones that cannot be targets shown but disabled. */
export function releaseChoices(candidates: readonly Candidate[], now: number) {
  const width = Math.max(...candidates.map((c) => `v${c.version}`.length), 2);
  return candidates.map((c) => ({
    value: c.version,
    label: `${`v${c.version}`.padEnd(width)}  ${c.status.padEnd(9)}  ${age(c.createdAt, now).padEnd(8)}  ${c.imageRef || '(no image)'}${c.serving ? '  ← serving' : ''}`,
    ...(c.note && !c.serving ? { hint: c.note } : {}),
    ...(c.selectable ? {} : { disabled: true }),
  }));
}

const HEADLINE: Record<NonNullable<RollbackReport['run']>['outcome'], string> = {
  healthy: '✅ rolled back and healthy',
  'previous-kept': '❌ rollback failed, nothing changed',
  'rolled-back': '↩️ rollback failed, the release serving before was restored',
  'rollback-failed': '🚨 rollback failed, and so did restoring the release serving before',
  failed: '❌ rollback failed',
};

function driftSection(drift: Drift): string[] {
  const warnings = driftWarnings(drift);
  const lines = [`### What changed since ${drift.target} (a rollback does not undo it)`, ''];
  if (warnings.length === 0)
    return [...lines, 'Nothing: the secrets and the fly.toml are as they were when it was deployed.', ''];
  return [...lines, ...warnings.map((w) => `- ${text(w)}`), ''];
}

export function rollbackSummary(report: RollbackReport, now: number): string {
  const { plan, run } = report;
  const headline = run ? HEADLINE[run.outcome] : `📝 dry run: would roll back to ${targetName(plan)}`;
  const lines = [`## fly-rollback: ${plan.app} ${headline}`, ''];
  const failure = rollbackFailureMessage(report);
  if (failure)
    lines.push(
      run?.outcome === 'rollback-failed' ? `> [!CAUTION]\n> ${text(failure)}` : `> ${text(failure)}`,
      '',
    );
  if (report.dryRun) lines.push('> Dry run: nothing was deployed.', '');
  lines.push(
    `From ${code(fromRef(plan))} to ${code(targetRef(plan))} · health URL: ${code(report.healthUrl)}`,
    '',
    `**Why ${text(targetName(plan))}:** ${text(plan.why)}.`,
    '',
  );
  for (const warning of plan.warnings) lines.push(`> [!WARNING]\n> ${text(warning)}`, '');
  lines.push(
    `### Releases considered (${listedRange(plan.candidates)})`,
    '',
    releasesTable(plan.candidates, now, plan.target.version),
    '',
  );
  lines.push(...driftSection(report.drift));
  if (report.phases.length > 0) lines.push('### Timeline', '', timelineTable(report.phases), '');
  if (run) {
    lines.push(
      ...attemptSection(`Deploy of ${targetName(plan)}'s image`, run.deploy, { describeHealth: true }),
    );
    if (run.restore)
      lines.push(
        ...attemptSection(`Restore of ${ref(run.restore.target)}`, run.restore, {
          describeHealth: true,
        }),
      );
    if (run.servingNow) lines.push('### Serving now', '', text(run.servingNow), '');
  }
  return lines.join('\n');
}

/** A failure before anything changed, for the job summary. */
export function notStartedSummary(
  app: string,
  message: string,
  candidates: readonly Candidate[] | undefined,
  now: number,
): string {
  const lines = [`## fly-rollback: ${app} ❌ did not roll back`, '', `> ${text(message)}`, ''];
  if (candidates)
    lines.push(
      `### Releases considered (${listedRange(candidates)})`,
      '',
      releasesTable(candidates, now),
      '',
    );
  return lines.join('\n');
}
