import { describe, expect, it } from '@jest/globals';
import { completeReleases, rollbackTarget } from '../../../src/domain/deploy/previous.js';
import { parseReleases } from '../../../src/domain/flyctl/shapes.js';
import { pretty, release } from '../../support/flyctl-fixtures.js';

const releases = parseReleases(
  pretty([
    release(5, 'failed', 'img:5'),
    release(3, 'complete', 'img:3'),
    release(4, 'complete', ''),
    release(2, 'interrupted', 'img:2'),
    release(1, 'complete', 'img:1'),
  ]),
);

describe('releases an earlier image can come from', () => {
  it('are the complete ones with an image, newest first', () => {
    expect(completeReleases(releases).map((r) => r.version)).toEqual([3, 1]);
  });

  it('give the deploy its rollback target: the current release when complete, else the newest complete', () => {
    expect(rollbackTarget(releases, 1)?.version).toBe(1);
    expect(rollbackTarget(releases, 5)?.version).toBe(3);
    expect(rollbackTarget([], 5)).toBeUndefined();
  });
});
