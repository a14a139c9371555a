/**
 * An advisory's severity: scored from its CVSS vectors (v4.0 and v3.x, through ae-cvss-calculator, a
 * maintained calculator for every CVSS version), else the database's own label
 * (`database_specific.severity`, e.g. GitHub's LOW/MODERATE/HIGH/CRITICAL), else a v2 vector.
 */
import * as calculator from 'ae-cvss-calculator';
import type { AdvisorySeverity, FailOn, SeverityLevel } from './types.js';

// A UMD bundle: Node's ESM loader puts its exports under `default`, a bundler spreads them.
const cvss = ((calculator as unknown as { default?: typeof calculator }).default ??
  calculator) as typeof calculator;

export const LEVELS: readonly SeverityLevel[] = ['none', 'low', 'medium', 'high', 'critical'];

export const levelRank = (level: SeverityLevel): number => LEVELS.indexOf(level);

/** CVSS qualitative rating (the same bands in v2's common use, v3.x and v4.0). */
export function levelOfScore(score: number): SeverityLevel {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

const LABELS: Record<string, SeverityLevel> = {
  none: 'none',
  low: 'low',
  moderate: 'medium',
  medium: 'medium',
  high: 'high',
  important: 'high',
  critical: 'critical',
};

export function levelOfLabel(label: unknown): SeverityLevel | undefined {
  return typeof label === 'string' ? LABELS[label.trim().toLowerCase()] : undefined;
}

/** The base score of a full CVSS vector; undefined for anything incomplete or unreadable. */
export function scoreVector(vector: string): number | undefined {
  try {
    const parsed = cvss.fromVector(vector.trim()) as
      | { isBaseFullyDefined(): boolean; calculateScores(): { base?: number; overall: number } }
      | null
      | undefined;
    if (!parsed || !parsed.isBaseFullyDefined()) return undefined;
    const scores = parsed.calculateScores();
    const score = scores.base ?? scores.overall;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type ScoreType = 'CVSS_V4' | 'CVSS_V3' | 'CVSS_V2';

function severityEntries(list: unknown): { type: ScoreType; score: string }[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (s): s is { type: ScoreType; score: string } =>
      isObject(s) &&
      (s.type === 'CVSS_V4' || s.type === 'CVSS_V3' || s.type === 'CVSS_V2') &&
      typeof s.score === 'string',
  );
}

/**
 * The severity of an OSV record. Of its v4 and v3 vectors (top level and per affected package) the highest
 * score counts, so a gate never passes on the choice of vector.
 */
export function advisorySeverity(vuln: Record<string, unknown>): AdvisorySeverity {
  const affected = Array.isArray(vuln.affected) ? vuln.affected.filter(isObject) : [];
  const entries = [
    ...severityEntries(vuln.severity),
    ...affected.flatMap((a) => severityEntries(a.severity)),
  ];
  const scored = (types: ScoreType[]) =>
    entries
      .filter((e) => types.includes(e.type))
      .map((e) => ({ ...e, value: scoreVector(e.score) }))
      .filter((e): e is typeof e & { value: number } => e.value !== undefined)
      .sort((a, b) => b.value - a.value)[0];
  const best = scored(['CVSS_V4', 'CVSS_V3']);
  if (best)
    return { level: levelOfScore(best.value), score: best.value, vector: best.score, source: best.type };
  const label =
    levelOfLabel(isObject(vuln.database_specific) ? vuln.database_specific.severity : undefined) ??
    affected
      .map(
        (a) =>
          levelOfLabel(isObject(a.database_specific) ? a.database_specific.severity : undefined) ??
          levelOfLabel(isObject(a.ecosystem_specific) ? a.ecosystem_specific.severity : undefined),
      )
      .find((l) => l !== undefined);
  if (label) return { level: label, source: 'label' };
  const v2 = scored(['CVSS_V2']);
  if (v2) return { level: levelOfScore(v2.value), score: v2.value, vector: v2.score, source: 'CVSS_V2' };
  return { source: 'unknown' };
}

/**
 * Whether an advisory meets the gate. An unknown severity meets every gate but `none`: nothing shows it is
 * below the threshold.
 */
export function meetsThreshold(severity: AdvisorySeverity, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  if (severity.level === undefined) return true;
  return levelRank(severity.level) >= levelRank(failOn);
}

export function describeSeverity(severity: AdvisorySeverity): string {
  if (severity.level === undefined) return 'unknown';
  return severity.score === undefined ? severity.level : `${severity.level} (${severity.score.toFixed(1)})`;
}
