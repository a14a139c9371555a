/**
 * The fixed version of an advisory for the installed version, from its OSV `affected` ranges
 * (osv-schema: events sorted by version; a version is affected from an `introduced` up to the next `fixed`
 * or through a `last_affected`). Versions compare with each ecosystem's own rules: semver for npm, PEP 440
 * for PyPI.
 */
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';
import { normalizePypiName } from './lockfiles.js';
import type { Ecosystem } from './types.js';
import { byCodeUnit } from '../shared/order.js';

type Compare = (a: string, b: string) => number | undefined;

const compareNpm: Compare = (a, b) => {
  const x = semver.valid(a, { loose: true });
  const y = semver.valid(b, { loose: true });
  return x && y ? semver.compare(x, y) : undefined;
};

const comparePypi: Compare = (a, b) =>
  pep440.valid(a) && pep440.valid(b) ? pep440.compare(a, b) : undefined;

/** a vs b by the ecosystem's rules (the OSV "0" sorts first); undefined when either cannot be read. */
export function compareVersions(ecosystem: Ecosystem, a: string, b: string): number | undefined {
  if (a === b) return 0;
  if (a === '0') return -1;
  if (b === '0') return 1;
  return (ecosystem === 'npm' ? compareNpm : comparePypi)(a, b);
}

interface RangeEvent {
  kind: 'introduced' | 'fixed' | 'last_affected' | 'limit';
  version: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function eventsOf(range: Record<string, unknown>): RangeEvent[] {
  const events: RangeEvent[] = [];
  for (const e of Array.isArray(range.events) ? range.events : []) {
    if (!isObject(e)) continue;
    for (const kind of ['introduced', 'fixed', 'last_affected', 'limit'] as const)
      if (typeof e[kind] === 'string') events.push({ kind, version: e[kind] });
  }
  return events;
}

/** The package's entries of an advisory's `affected` list (names compared as each ecosystem writes them). */
function entriesFor(affected: readonly unknown[], ecosystem: Ecosystem, name: string) {
  const same = (n: string) => (ecosystem === 'PyPI' ? normalizePypiName(n) === name : n === name);
  return affected.filter(
    (a): a is Record<string, unknown> =>
      isObject(a) &&
      isObject(a.package) &&
      a.package.ecosystem === ecosystem &&
      typeof a.package.name === 'string' &&
      same(a.package.name),
  );
}

/**
 * The version that fixes `version` of the package: the `fixed` event closing the range that holds it.
 * When no range can be evaluated (versions that do not parse), the fixed versions above the installed one,
 * or all of them, joined with `, `; undefined when the advisory names no fix.
 */
export function fixedVersion(
  affected: readonly unknown[],
  ecosystem: Ecosystem,
  name: string,
  version: string,
): string | undefined {
  const fixes = new Set<string>();
  for (const entry of entriesFor(affected, ecosystem, name)) {
    for (const range of Array.isArray(entry.ranges) ? entry.ranges : []) {
      if (!isObject(range) || (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER')) continue;
      const events = eventsOf(range);
      for (const e of events) if (e.kind === 'fixed') fixes.add(e.version);
      const found = fixInRange(events, ecosystem, version);
      if (found.affected && found.fixed) return found.fixed;
    }
  }
  if (fixes.size === 0) return undefined;
  const above = [...fixes].filter((f) => (compareVersions(ecosystem, f, version) ?? 1) > 0);
  const sorted = (above.length > 0 ? above : [...fixes]).sort(
    (a, b) => compareVersions(ecosystem, a, b) ?? byCodeUnit(a, b),
  );
  return sorted.join(', ');
}

function fixInRange(
  events: RangeEvent[],
  ecosystem: Ecosystem,
  version: string,
): { affected: boolean; fixed?: string } {
  const cmp = (a: string, b: string) => compareVersions(ecosystem, a, b);
  if (events.some((e) => cmp(e.version, version) === undefined)) return { affected: false };
  const sorted = [...events].sort((a, b) => cmp(a.version, b.version) as number);
  let affected = false;
  for (const e of sorted) {
    const c = cmp(e.version, version) as number;
    if (e.kind === 'introduced') {
      if (c <= 0) affected = true;
      else if (affected) return { affected: true };
    } else if (e.kind === 'fixed') {
      if (c <= 0) affected = false;
      else return affected ? { affected: true, fixed: e.version } : { affected: false };
    } else if (e.kind === 'last_affected') {
      if (c < 0) affected = false;
      else return { affected };
    } else if (c <= 0) affected = false;
  }
  return { affected };
}
