/**
 * fly-validate agrees with flyctl on 129 real fly.toml files (test/fixtures/fly-toml-corpus: provenance and
 * flyctl's verdicts, decided from its source, in manifest.json). For each file, with and without strict:
 * flyctl accepts it ⇔ no error finding (this project's policy rules stay warnings); flyctl rejects it ⇔
 * errors whose rules are exactly the reasons flyctl gives; flyctl's warnings are ours; strict mode lists
 * exactly the unknown keys `config validate --strict` lists, and the keys it never looks at stay warnings
 * that say so.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { checkModel, type Doc } from '../../../src/domain/fly-config/model.js';
import { validateFlyConfig } from '../../../src/domain/fly-config/validate.js';
import { repoRoot } from '../../support/run-action.js';

interface Entry {
  file: string;
  repo: string;
  commit: string;
  flyctl: { valid: boolean; errors: string[]; warnings: string[] };
  strict: {
    valid: boolean;
    unknownKeys: string[];
    notInspected: string[];
    reached?: boolean;
    errors?: string[];
  };
}

const corpus = join(repoRoot, 'test', 'fixtures', 'fly-toml-corpus');
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as Entry[];
const sourceOf = (e: Entry) => readFileSync(join(corpus, e.file), 'utf8');

/** flyctl's error texts and the rule that says the same. */
const FLYCTL_ERRORS: [RegExp, string][] = [
  [/toml: |row \d+ column \d+/, 'toml/syntax'],
  [/missing an app name/, 'config/app-name'],
  [
    /Unknown type for service concurrency|json: cannot unmarshal|Unknown type for cast|Can not convert/,
    'config/type',
  ],
  [/Service has no processes set/, 'config/service-processes'],
  [/no processes are defined with that name/, 'config/unknown-process'],
  [/unsupported deployment strategy/, 'deploy/strategy'],
  [/interval is too short/, 'checks/interval-min'],
  [/timeout is too long/, 'checks/timeout-max'],
  [/invalid restart policy/, 'config/enum'],
];
/** flyctl's warnings and ours. */
const FLYCTL_WARNINGS: [RegExp, string][] = [
  [/Service (TCP|HTTP) check has/, 'checks/service-duration'],
  [/Service must expose at least one port/, 'config/service-ports'],
  [/more than one build configuration/, 'config/build-strategy'],
];
const MIRRORED_WARNINGS = new Set(FLYCTL_WARNINGS.map(([, rule]) => rule));
const POLICY_RULE = /^(ready|secrets)\//;

const rulesFor = (texts: readonly string[], table: [RegExp, string][]) =>
  [
    ...new Set(
      texts.map((text) => {
        const hit = table.find(([pattern]) => pattern.test(text));
        if (!hit) throw new Error(`no rule mirrors flyctl's ${JSON.stringify(text)}`);
        return hit[1];
      }),
    ),
  ].sort();

const uniqueRules = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))].sort();
const strip = (path: string) => path.replace(/\[\d+\]/g, '');

/** The few [env] entries in the corpus that really look like secrets, checked by eye. */
const EXPECTED_SECRETS: Record<string, string[]> = {
  // SHOPIFY_API_KEY = 32 hex characters; Shopify calls it the app's client id, but nothing tells it from a key.
  'files/AB-Insightful__ab-insightful__fly.toml': ['secrets/env-name SHOPIFY_API_KEY'],
  // A database password in plain text.
  'files/AJ-HH__dancerush__fly.toml': ['secrets/env-name SPRING_DATASOURCE_PASSWORD'],
  // A user password in plain text.
  'files/BrunoZarth__equipment-api__fly.toml': ['secrets/env-name USER_PASSWORD'],
};

function verdicts(entry: Entry) {
  const source = sourceOf(entry);
  return {
    loose: validateFlyConfig(source, entry.file, { strict: false }),
    strict: validateFlyConfig(source, entry.file, { strict: true }),
  };
}

describe('the fly.toml corpus', () => {
  it('holds at least 100 real files from distinct repositories, each with its provenance', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(100);
    expect(new Set(manifest.map((e) => e.repo)).size).toBe(manifest.length);
    for (const e of manifest) expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe.each(manifest.map((e) => [e.file.replace(/^files\//, ''), e] as const))('%s', (_name, entry) => {
  const { loose, strict } = verdicts(entry);
  const errors = (r: typeof loose) => r.findings.filter((f) => f.severity === 'error');

  it('gets flyctl config validate’s verdict and reasons', () => {
    expect(uniqueRules(errors(loose))).toEqual(
      entry.flyctl.valid ? [] : rulesFor(entry.flyctl.errors, FLYCTL_ERRORS),
    );
    const mirrored = loose.findings.filter((f) => f.severity === 'warning' && MIRRORED_WARNINGS.has(f.rule));
    expect(uniqueRules(mirrored)).toEqual(rulesFor(entry.flyctl.warnings, FLYCTL_WARNINGS));
    // Readiness and [env] hygiene are this project's policy: warnings unless asked for.
    expect(loose.findings.filter((f) => POLICY_RULE.test(f.rule) && f.severity === 'error')).toEqual([]);
  });

  it('gets flyctl config validate --strict’s verdict and unknown keys', () => {
    const expected = rulesFor(
      entry.strict.reached === false ? (entry.strict.errors ?? []) : entry.flyctl.errors,
      FLYCTL_ERRORS,
    );
    const unknown = errors(strict).filter((f) => f.rule === 'config/unknown-key');
    if (entry.strict.reached === false) {
      // flyctl stops before its strict walk: the load error is the verdict (we may list unknown keys too).
      expect(uniqueRules(errors(strict).filter((f) => f.rule !== 'config/unknown-key'))).toEqual(expected);
      return;
    }
    expect(strict.strictKeys).toEqual([...entry.strict.unknownKeys].sort());
    expect(unknown).toHaveLength(entry.strict.unknownKeys.length);
    for (const f of unknown) expect(f.message).toMatch(/`config validate --strict` rejects it/);
    const rules = [...expected, ...(entry.strict.unknownKeys.length ? ['config/unknown-key'] : [])].sort();
    expect(uniqueRules(errors(strict))).toEqual(entry.strict.valid ? [] : [...new Set(rules)].sort());
  });

  it('keeps unknown keys where flyctl’s strict mode does not look as warnings that say so', () => {
    if (entry.strict.notInspected.length === 0) return;
    const doc = parse(sourceOf(entry)) as Doc;
    const ignored = checkModel(doc, { strict: true }).filter(
      (i) => i.rule === 'config/unknown-key' && i.strictKey === undefined,
    );
    expect([...new Set(ignored.map((i) => strip(i.path)))].sort()).toEqual(
      [...new Set(entry.strict.notInspected.map(strip))].sort(),
    );
    for (const i of ignored) {
      expect(i.severity).not.toBe('error');
      expect(i.message).toMatch(/`config validate --strict` does not look (inside|in)/);
    }
  });

  it('flags only [env] values that really look like secrets', () => {
    const secrets = loose.findings
      .filter((f) => f.rule.startsWith('secrets/'))
      .map((f) => `${f.rule} ${/^\[env\] (\S+)/.exec(f.message)?.[1]}`);
    expect(secrets).toEqual(EXPECTED_SECRETS[entry.file] ?? []);
  });
});
