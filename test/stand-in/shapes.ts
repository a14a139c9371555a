/**
 * The JSON shapes of docs/flyctl-contract.md, written out as exact key sets with types,
 * so the stand-in's output is checked against the contract, not against itself.
 */
import { expect } from '@jest/globals';

type Type = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'integer';
export type Shape = { [key: string]: Type | Shape | [Shape] };

function typeOf(value: unknown): Type {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Type;
}

/**
 * Asserts `value` has exactly the keys of `shape` (in that order when `ordered`) with matching types. A key
 * written `name?` is Go `omitempty`: absent when empty, type-checked when present.
 */
export function expectShape(value: unknown, shape: Shape, where = '$', ordered = false): void {
  expect(typeOf(value)).toBe('object');
  const object = value as Record<string, unknown>;
  const keys = Object.keys(shape)
    .map((key) => key.replace(/\?$/, ''))
    .filter((key) => !(`${key}?` in shape) || key in object);
  if (ordered) expect({ where, keys: Object.keys(object) }).toEqual({ where, keys });
  else expect({ where, keys: Object.keys(object).sort() }).toEqual({ where, keys: [...keys].sort() });
  for (const key of keys) {
    const want = (shape[key] ?? shape[`${key}?`]) as Type | Shape | [Shape];
    const got = object[key];
    if (Array.isArray(want)) {
      expect({ where: `${where}.${key}`, type: typeOf(got) }).toEqual({
        where: `${where}.${key}`,
        type: 'array',
      });
      (got as unknown[]).forEach((item, i) =>
        expectShape(item, want[0] as Shape, `${where}.${key}[${i}]`, ordered),
      );
    } else if (typeof want === 'object') {
      expectShape(got, want, `${where}.${key}`, ordered);
    } else if (want === 'integer') {
      expect({ where: `${where}.${key}`, integer: Number.isInteger(got) }).toEqual({
        where: `${where}.${key}`,
        integer: true,
      });
    } else {
      expect({ where: `${where}.${key}`, type: typeOf(got) }).toEqual({
        where: `${where}.${key}`,
        type: want,
      });
    }
  }
}

/** fly-go Release (contract §2): Go field order, PascalCase, no json tags. */
export const releaseShape: Shape = {
  ID: 'string',
  Version: 'integer',
  Stable: 'boolean',
  InProgress: 'boolean',
  Reason: 'string',
  Description: 'string',
  Status: 'string',
  DeploymentStrategy: 'string',
  Metadata: 'null',
  User: { ID: 'string', Name: 'string', Email: 'string', EnablePaidHobby: 'boolean' },
  EvaluationID: 'string',
  CreatedAt: 'string',
  ImageRef: 'string',
};

export const checkShape: Shape = { name: 'string', status: 'string', output: 'string', updated_at: 'string' };

/**
 * fly.Machine (contract §3; fly-go machine_types.go): snake_case tags in struct order, `omitempty` on all but
 * `image_ref` and `cordoned`, and on every image_ref part.
 */
export const machineShape: Shape = {
  id: 'string',
  name: 'string',
  state: 'string',
  region: 'string',
  image_ref: {
    'registry?': 'string',
    'repository?': 'string',
    'tag?': 'string',
    'digest?': 'string',
    'labels?': 'object',
  },
  instance_id: 'string',
  version: 'string',
  'private_ip?': 'string',
  created_at: 'string',
  updated_at: 'string',
  config: 'object',
  'events?': 'array',
  'checks?': [checkShape],
  'host_status?': 'string',
  cordoned: 'boolean',
};

/** `flyctl status --json` (contract §3): a Go map, so keys are sorted. */
export const statusShape: Shape = {
  AppURL: 'string',
  Deployed: 'boolean',
  Hostname: 'string',
  ID: 'string',
  Machines: 'array',
  Name: 'string',
  Organization: {
    ID: 'string',
    InternalNumericID: 'number',
    Name: 'string',
    Slug: 'string',
    RawSlug: 'string',
    PaidPlan: 'boolean',
  },
  PlatformVersion: 'string',
  Status: 'string',
  Version: 'integer',
};

export const versionShape: Shape = {
  Name: 'string',
  Version: 'string',
  Commit: 'string',
  BranchName: 'string',
  BuildDate: 'string',
  OS: 'string',
  Architecture: 'string',
  Environment: 'string',
};

export const secretShape: Shape = { name: 'string', digest: 'string', status: 'string' };

/** render.JSON: json.Encoder with SetIndent("", "    "), a trailing newline and Go's HTML escaping. */
export function expectFlyctlJson(text: string): unknown {
  const value = JSON.parse(text);
  const go = JSON.stringify(value, null, 4).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  expect(text).toBe(go + '\n');
  return value;
}
