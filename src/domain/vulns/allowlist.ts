/**
 * The allowlist input: a YAML list of advisories accepted for a time, each with why and until when. An
 * entry applies through its `expires` day; in the last week it warns, and after it the advisory counts again.
 */
import { parse as parseYaml } from 'yaml';
import { InputError } from '../shared/errors.js';
import type { AllowlistEntry, AllowStatus } from './types.js';

const FORM =
  'Give a YAML list such as `- id: GHSA-xxxx-xxxx-xxxx` with `reason: <why it is accepted>` and `expires: YYYY-MM-DD` on the next lines.';

const DAY_MS = 86_400_000;
export const EXPIRY_WARNING_DAYS = 7;

const isDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
};

export function parseAllowlist(name: string, raw: string): AllowlistEntry[] {
  if (raw.trim() === '') return [];
  let doc: unknown;
  try {
    doc = parseYaml(raw);
  } catch (error) {
    throw new InputError(name, `is not valid YAML (${(error as Error).message.split('\n')[0]})`, FORM);
  }
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) throw new InputError(name, 'is not a YAML list', FORM);
  const entries: AllowlistEntry[] = [];
  doc.forEach((item: unknown, i) => {
    const at = `entry ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new InputError(name, `${at} is not a mapping of id, reason and expires`, FORM);
    const { id, reason, expires } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id.trim() === '') throw new InputError(name, `${at} has no id`, FORM);
    if (typeof reason !== 'string' || reason.trim() === '')
      throw new InputError(
        name,
        `${at} (${id}) has no reason`,
        'Say why the advisory is accepted in `reason:`.',
      );
    const day = expires instanceof Date ? expires.toISOString().slice(0, 10) : String(expires ?? '').trim();
    if (!isDate(day))
      throw new InputError(
        name,
        `${at} (${id}) has no valid expires date (${JSON.stringify(day || 'none')})`,
        'Give the last day it applies as `expires: YYYY-MM-DD`.',
      );
    if (entries.some((e) => e.id.toUpperCase() === id.trim().toUpperCase()))
      throw new InputError(name, `${id} is listed twice`, 'List each advisory once.');
    entries.push({ id: id.trim(), reason: reason.trim(), expires: day });
  });
  return entries;
}

/** Whole days from today (UTC) to the expiry day: 0 on the day itself, negative once past. */
export function daysLeft(entry: AllowlistEntry, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${entry.expires}T00:00:00Z`) - today) / DAY_MS);
}

export function allowStatus(entry: AllowlistEntry, now: Date): AllowStatus {
  const left = daysLeft(entry, now);
  if (left < 0) return 'expired';
  return left <= EXPIRY_WARNING_DAYS ? 'expiring' : 'active';
}

/** The entry naming this advisory or one of its aliases (ids compare case-insensitively). */
export function findAllowance(
  entries: readonly AllowlistEntry[],
  ids: readonly string[],
): AllowlistEntry | undefined {
  const wanted = new Set(ids.map((i) => i.toUpperCase()));
  return entries.find((e) => wanted.has(e.id.toUpperCase()));
}
