import { describe, expect, it } from '@jest/globals';
import type { DeliveryRecord } from '../../../src/domain/deploy/record.js';
import { parseReleases, parseStatus } from '../../../src/domain/flyctl/shapes.js';
import { parseImageRef, parseReleaseVersion } from '../../../src/domain/rollback/inputs.js';
import {
  compareImages,
  matchServing,
  planRollback,
  rollbackCandidates,
  servingNow,
  type TargetRequest,
} from '../../../src/domain/rollback/target.js';
import { InputError, UserError } from '../../../src/domain/shared/errors.js';
import { machine, pretty, release, status } from '../../support/flyctl-fixtures.js';

const img = (tag: string) => `registry.fly.io/demo:${tag}`;
const DIGEST = `sha256:${'a'.repeat(64)}`;

/** An app serving `version` on machines running `image`, with these releases (newest first). */
function app(version: number, image: string, releases: [number, string, string][], digest = '') {
  const m = machine({ version, image });
  m.image_ref.digest = digest;
  const st = parseStatus(pretty(status(version, [m, { ...m, id: '2a' }])));
  const rel = parseReleases(pretty(releases.map(([v, s, i]) => release(v, s, i))));
  const serving = servingNow(st, rel);
  return { serving, candidates: rollbackCandidates(rel, serving), releases: rel };
}

const record = (over: Partial<DeliveryRecord>): DeliveryRecord => ({
  schema: 1,
  kind: 'deploy',
  app: 'demo',
  release: 1,
  image: img('v1'),
  previousRelease: null,
  outcome: 'healthy',
  rolledBackTo: null,
  startedAt: '2026-11-01T00:00:00.000Z',
  finishedAt: '2026-11-01T00:01:00.000Z',
  config: null,
  secrets: {},
  ...over,
});

const plan = (a: ReturnType<typeof app>, request: TargetRequest, records: DeliveryRecord[] = []) =>
  planRollback('demo', a.serving, rollbackCandidates(a.releases, a.serving, records), request, records);

const threw = (work: () => unknown): Error => {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
};

describe('comparing image refs (contract §12)', () => {
  it('decides by digest when both have one, by repository and tag otherwise, and never guesses', () => {
    expect(compareImages(img('a'), img('a'))).toBe('same');
    expect(compareImages(img('a'), img('b'))).toBe('different');
    expect(compareImages('registry.fly.io/other:a', img('a'))).toBe('different');
    expect(compareImages(`registry.fly.io/demo@${DIGEST}`, img('a'), DIGEST)).toBe('same');
    expect(compareImages(`registry.fly.io/demo@${DIGEST}`, img('a'), `sha256:${'b'.repeat(64)}`)).toBe(
      'different',
    );
    // A tag against a bare digest cannot be compared.
    expect(compareImages(`registry.fly.io/demo@${DIGEST}`, img('a'))).toBe('unknown');
  });

  it('calls an image serving only when every app machine runs it', () => {
    const st = parseStatus(
      pretty(
        status(3, [
          machine({ version: 3, image: img('v3') }),
          machine({ id: 'b', version: 2, image: img('v2') }),
        ]),
      ),
    );
    const serving = servingNow(st, []);
    expect(serving.machineImages.map((m) => m.image)).toEqual([img('v3'), img('v2')]);
    expect(serving.imageRef).toBe('');
    expect(matchServing(img('v3'), serving)).toBe('different');
    expect(matchServing(img('v1'), serving)).toBe('different');
  });
});

describe('choosing the rollback target', () => {
  const releases: [number, string, string][] = [
    [6, 'complete', img('v3')],
    [5, 'failed', img('broken')],
    [4, 'complete', img('v3')],
    [3, 'complete', img('v2')],
    [2, 'complete', ''],
    [1, 'complete', img('v1')],
  ];

  it('defaults to the newest complete release older than the serving one with another image', () => {
    const result = plan(app(6, img('v3'), releases), {});
    expect(result.target).toMatchObject({ version: 3, imageRef: img('v2') });
    expect(result.from).toMatchObject({ version: 6, imageRef: img('v3') });
    expect(result.source).toBe('default');
    expect(result.why).toBe(
      'v3 is the newest complete release older than the serving v6 whose image differs from the one serving; passed over: v5 (failed: only complete releases are rollback targets), v4 (the image serving now)',
    );
    expect(result.warnings).toEqual([]);
  });

  it('passes over a release whose GitHub Deployment says it failed, but lets it be asked for', () => {
    const failed = [record({ release: 3, image: img('v2'), outcome: 'rolled-back' })];
    const a = app(6, img('v3'), releases);
    expect(plan(a, {}, failed).target.version).toBe(1);
    const asked = plan(a, { version: 3 }, failed);
    expect(asked.target.version).toBe(3);
    expect(asked.warnings).toEqual([
      'v3 failed its checks when deployed (GitHub Deployment: rolled-back); rolling back to it as asked.',
    ]);
  });

  it('takes a given version, and refuses one that cannot be a target with the fix', () => {
    const a = app(6, img('v3'), releases);
    expect(plan(a, { version: 1 }).target).toMatchObject({ version: 1, imageRef: img('v1') });
    const cases: [number, string][] = [
      [6, "Input 'version': v6 is the release serving now."],
      [4, "Input 'version': v4 runs registry.fly.io/demo:v3, the image serving now (v6)."],
      [
        5,
        "Input 'version': v5 is failed, not complete: its image never served as a finished release. Pick a complete release, or set image: registry.fly.io/demo:broken to deploy it anyway.",
      ],
      [2, "Input 'version': v2 has no image recorded, so there is nothing to deploy."],
      [9, "Input 'version': demo has no release v9 (the newest is v6). Use a version flyctl releases lists."],
    ];
    for (const [version, message] of cases) {
      const error = threw(() => plan(a, { version }));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message.startsWith(message)).toBe(true);
    }
  });

  it('says how to pass image for a version older than the 25 listed, naming it when a record has it', () => {
    const listed: [number, string, string][] = Array.from({ length: 25 }, (_, i) => [
      40 - i,
      'complete',
      img(`t${40 - i}`),
    ]);
    const a = app(40, img('t40'), listed);
    expect(threw(() => plan(a, { version: 3 })).message).toBe(
      "Input 'version': v3 is not among the 25 release(s), v16 to v40 that flyctl lists for demo. flyctl lists only the 25 newest releases (docs/flyctl-contract.md §12), so deploy its image instead: set image to its ImageRef (from the GitHub Deployment or the job log of the run that deployed it).",
    );
    expect(
      threw(() => plan(a, { version: 3 }, [record({ release: 3, image: img('old3') })])).message,
    ).toMatch(
      /the GitHub Deployment recorded for v3 names it, so set image: registry\.fly\.io\/demo:old3\.$/,
    );
  });

  it('takes an image, matching it to a listed release when one has it, and refuses the image serving', () => {
    const a = app(6, img('v3'), releases);
    expect(plan(a, { image: img('v2') }).target).toMatchObject({ version: 3, imageRef: img('v2') });
    const unlisted = plan(a, { image: img('v0') });
    expect(unlisted.target).toEqual({ imageRef: img('v0') });
    expect(unlisted.why).toBe('image was given; none of the listed releases has it');
    expect(threw(() => plan(a, { image: img('v3') })).message).toMatch(
      /^Input 'image': registry\.fly\.io\/demo:v3 is the image serving now \(v6\)\./,
    );
  });

  it('warns rather than guesses when the image forms cannot be compared', () => {
    const a = app(2, `registry.fly.io/demo@${DIGEST}`, [
      [2, 'complete', `registry.fly.io/demo@${DIGEST}`],
      [1, 'complete', img('v1')],
    ]);
    const result = plan(a, {});
    expect(result.target.version).toBe(1);
    expect(result.warnings[0]).toMatch(
      /^Cannot tell whether v1's image registry\.fly\.io\/demo:v1 is the one serving now/,
    );
  });

  it('explains when there is nothing to roll back to, or nothing serving', () => {
    const only = app(1, img('v1'), [[1, 'complete', img('v1')]]);
    const none = threw(() => plan(only, {}));
    expect(none).toBeInstanceOf(UserError);
    expect(none.message).toBe(
      'No release to roll back to: flyctl lists 1 release(s), v1 to v1 for demo, and none older than the serving v1 is complete with an image other than the one serving (registry.fly.io/demo:v1). Set version to a listed release, or image to an ImageRef.',
    );
    const first = app(0, img('v1'), []);
    expect(threw(() => plan(first, {})).message).toMatch(/^demo has no current release/);
  });
});

describe("fly-rollback's input parsers", () => {
  it('reads a release number as flyctl prints it', () => {
    expect(parseReleaseVersion('version', '')).toBeUndefined();
    expect(parseReleaseVersion('version', ' 41 ')).toBe(41);
    expect(parseReleaseVersion('version', 'v41')).toBe(41);
    for (const bad of ['0', '-3', '4.5', 'latest', 'v'])
      expect(() => parseReleaseVersion('version', bad)).toThrow(
        /^Input 'version': ".*" is not a release number\./,
      );
  });

  it('accepts ImageRefs in tag and digest form and refuses anything else', () => {
    for (const ok of [
      'registry.fly.io/nuzantara-rag:deployment-01JABCDEF',
      `registry.fly.io/nuzantara-rag@${DIGEST}`,
      `registry.fly.io/nuzantara-rag:deployment-01J@${DIGEST}`,
      'nginx:1.27',
      'localhost:5000/team/app:v1',
    ])
      expect(parseImageRef('image', ok)).toBe(ok);
    expect(parseImageRef('image', '  ')).toBeUndefined();
    for (const bad of ['registry.fly.io/App:v1', 'x; rm -rf /', 'registry.fly.io/demo@sha256:abc', 'a b'])
      expect(() => parseImageRef('image', bad)).toThrow(/^Input 'image': ".*" is not an image reference\./);
  });
});
