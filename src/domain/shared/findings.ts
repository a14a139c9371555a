/** A finding is one problem a check found: a rule id, a severity, where, what, and a one-line fix. */
import { byCodeUnit } from './order.js';

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line?: number;
  column?: number;
  message: string;
  fix: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      byCodeUnit(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      ORDER[a.severity] - ORDER[b.severity] ||
      byCodeUnit(a.rule, b.rule),
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function location(f: Pick<Finding, 'file' | 'line' | 'column'>): string {
  if (!f.file) return '(environment)';
  return f.line === undefined
    ? f.file
    : f.column === undefined
      ? `${f.file}:${f.line}`
      : `${f.file}:${f.line}:${f.column}`;
}

/** A finding's text without its place, which each host shows its own way: `[deploy/strategy] … Fix: …`. */
export function formatFinding(f: Finding): string {
  return `[${f.rule}] ${f.message} Fix: ${f.fix}`;
}
