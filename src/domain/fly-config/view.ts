/**
 * The parsed fly.toml seen the way flyctl's loader patches it (docs/flyctl-contract.md §7 "Loading"), with
 * each piece keeping its path in the file so findings land on the right line: single tables where flyctl
 * wraps them, aliases it merges, legacy lists it converts, empty entries it drops.
 */
import { castToInt, castToString } from './go-parsers.js';

export type Doc = Record<string, unknown>;

export const isTable = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A value and its TOML key path, e.g. `services[0].ports[1]`. */
export interface At<T> {
  value: T;
  path: string;
}

/** A table, or each table of an array of tables (flyctl's ensureArrayOfMap); other values give nothing. */
export function tablesAt(value: unknown, path: string): At<Doc>[] {
  if (isTable(value)) return [{ value, path }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) => (isTable(v) ? [{ value: v, path: `${path}[${i}]` }] : []));
}

/** Sections flyctl merges from several keys, in its order (patchCompute, patchMounts, patchMetrics). */
const MERGED = {
  vm: ['compute', 'computes', 'vm'],
  mounts: ['mount', 'mounts'],
  metrics: ['metric', 'metrics'],
};

export function mergedTables(doc: Doc, section: keyof typeof MERGED): At<Doc>[] {
  return MERGED[section].flatMap((key) => tablesAt(doc[key], key));
}

/** [[services]] entries as flyctl keeps them: a single [services] table is wrapped, empty entries are dropped. */
export function servicesAt(doc: Doc): At<Doc>[] {
  return tablesAt(doc.services, 'services').filter((s) => Object.keys(s.value).length > 0);
}

/** The process groups [processes] defines: table keys, or the names of a legacy [[processes]] list. */
export function processNames(doc: Doc): string[] {
  const processes = doc.processes;
  if (isTable(processes)) return Object.keys(processes);
  if (Array.isArray(processes))
    return [
      ...new Set(processes.filter(isTable).flatMap((p) => ('name' in p ? [castToString(p.name)] : []))),
    ];
  return [];
}

/** [env] entries after flyctl merges a `[[env]]` list (later tables win), each with its own path. */
export function envEntries(doc: Doc): { name: string; value: unknown; path: string }[] {
  const byName = new Map<string, { name: string; value: unknown; path: string }>();
  for (const table of tablesAt(doc.env, 'env'))
    for (const [name, value] of Object.entries(table.value))
      byName.set(name, { name, value, path: `${table.path}.${name}` });
  return [...byName.values()];
}

/** A port as flyctl reads it: [[services]] ports and internal_port go through castToInt, [http_service]'s does not. */
export function portOf(value: unknown, patched: boolean): number | undefined {
  if (patched) return castToInt(value);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A list of strings, or nothing when the value is not one. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
