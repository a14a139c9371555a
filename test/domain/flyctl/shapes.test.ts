import { describe, expect, it } from '@jest/globals';
import {
  findEmittedRelease,
  parseMachines,
  parseReleases,
  parseSecretsList,
  parseStatus,
  parseVersion,
} from '../../../src/domain/flyctl/shapes.js';
import { rollbackTarget } from '../../../src/domain/deploy/previous.js';
import { FlyctlOutputError } from '../../../src/domain/flyctl/json.js';
import { machine, pretty, release, status } from '../../support/flyctl-fixtures.js';

describe('flyctl JSON replies', () => {
  it('reads releases in both ImageRef forms, newest first', () => {
    const releases = parseReleases(
      pretty([
        release(5, 'failed', 'registry.fly.io/demo:deployment-01J5'),
        release(4, 'complete', 'registry.fly.io/demo@sha256:abc123'),
        release(3, 'complete', 'registry.fly.io/demo:deployment-01J3'),
      ]),
    );
    expect(releases.map((r) => [r.version, r.status, r.imageRef])).toEqual([
      [5, 'failed', 'registry.fly.io/demo:deployment-01J5'],
      [4, 'complete', 'registry.fly.io/demo@sha256:abc123'],
      [3, 'complete', 'registry.fly.io/demo:deployment-01J3'],
    ]);
    expect(releases[0]?.user).toBe('ci@example.com');
  });

  it('picks the rollback target: the current complete release, never a failed one', () => {
    const releases = parseReleases(
      pretty([
        release(5, 'failed', 'img:5'),
        release(4, 'complete', 'img:4'),
        release(3, 'complete', 'img:3'),
      ]),
    );
    expect(rollbackTarget(releases, 4)?.version).toBe(4);
    expect(rollbackTarget(releases, 5)?.version).toBe(4);
    expect(rollbackTarget(releases, 3)?.version).toBe(3);
    expect(rollbackTarget([], 0)).toBeUndefined();
    expect(rollbackTarget(parseReleases(pretty([release(1, 'failed', 'img:1')])), 1)).toBeUndefined();
  });

  it('reads status with machines, metadata and checks', () => {
    const app = parseStatus(
      pretty(status(4, [machine({ id: 'm1' }), machine({ id: 'm2', state: 'stopped' })])),
    );
    expect(app.hostname).toBe('demo.fly.dev');
    expect(app.version).toBe(4);
    expect(app.machines.map((m) => [m.id, m.state, m.metadata.fly_release_version])).toEqual([
      ['m1', 'started', '4'],
      ['m2', 'stopped', '4'],
    ]);
    expect(app.machines[0]?.checks[0]?.status).toBe('passing');
    expect(app.machines[0]?.hasConfiguredChecks).toBe(true);
    expect(app.machines[0]?.image).toBe('registry.fly.io/demo:deployment-01J2');
  });

  it('treats null Machines (a Go nil slice) as none', () => {
    expect(parseStatus(pretty({ ...status(0, []), Machines: null })).machines).toEqual([]);
  });

  it('reads machine list, secrets list and version', () => {
    expect(parseMachines(pretty([machine({ id: 'x' })]))[0]?.id).toBe('x');
    expect(parseMachines('[]\n')).toEqual([]);
    expect(
      parseSecretsList(
        pretty([
          { name: 'DATABASE_URL', digest: 'abc', status: 'Staged' },
          { name: 'B', digest: 'd' },
        ]),
      ),
    ).toEqual([
      { name: 'DATABASE_URL', digest: 'abc', status: 'Staged' },
      { name: 'B', digest: 'd' },
    ]);
    expect(
      parseVersion(
        pretty({
          Name: 'flyctl',
          Version: '0.4.87',
          Commit: 'ad0172fac',
          BranchName: '',
          BuildDate: '2026-08-20T00:00:00Z',
          OS: 'linux',
          Architecture: 'amd64',
          Environment: 'production',
        }),
      ).version,
    ).toBe('0.4.87');
  });

  it('finds the FLY_EMIT_RELEASE_JSON line amid deploy output', () => {
    const out = [
      '==> Verifying app config',
      '--> Verified app config',
      'Updating existing machines in demo with rolling strategy',
      '{"id":"rel_7","version":7,"image_ref":"registry.fly.io/demo:deployment-01J7"}',
      'Visit your newly deployed app at https://demo.fly.dev/',
    ].join('\n');
    expect(findEmittedRelease(out)).toEqual({
      id: 'rel_7',
      version: 7,
      imageRef: 'registry.fly.io/demo:deployment-01J7',
    });
    expect(findEmittedRelease('Visit your newly deployed app')).toBeUndefined();
    expect(findEmittedRelease('{"id":"x","version":"7","image_ref":"i"}')).toBeUndefined();
  });

  it('tolerates a notice line before the JSON', () => {
    const text = `A new version of flyctl is available\n${pretty([release(1, 'complete', 'img:1')])}`;
    expect(parseReleases(text)).toHaveLength(1);
  });

  it('fails clearly when flyctl prints something unexpected', () => {
    expect(() => parseReleases('Error: not json')).toThrow(FlyctlOutputError);
    expect(() => parseReleases('Error: not json')).toThrow(/releases --json.*not JSON.*Error: not json/);
    expect(() => parseReleases(pretty({ Version: 1 }))).toThrow(/not an array/);
    expect(() => parseReleases(pretty([{ Version: '1', Status: 'complete', ImageRef: 'x' }]))).toThrow(
      /\[0\]\.Version is "1", not a number/,
    );
    expect(() => parseReleases(pretty([{ Version: 1, Status: 'complete' }]))).toThrow(/ImageRef is missing/);
    expect(() => parseStatus('')).toThrow(/no output/);
    expect(() => parseStatus(pretty({ ...status(1, []), Machines: [{ state: 'started' }] }))).toThrow(
      /Machines\[0\]\.id is missing/,
    );
    expect(() => parseVersion(pretty([]))).toThrow(/not an object/);
  });
});
