import { describe, expect, it } from '@jest/globals';
import { resolveFlyToken, tokenSecrets } from '../../../src/domain/flyctl/token.js';

describe('Fly token resolution (contract §9)', () => {
  it('prefers FLY_ACCESS_TOKEN', () => {
    expect(resolveFlyToken({ FLY_ACCESS_TOKEN: 'a', FLY_API_TOKEN: 'b' })).toEqual({
      token: 'a',
      source: 'FLY_ACCESS_TOKEN',
      shadowed: false,
    });
  });
  it('reports an empty FLY_ACCESS_TOKEN that hides FLY_API_TOKEN', () => {
    expect(resolveFlyToken({ FLY_ACCESS_TOKEN: '', FLY_API_TOKEN: 'b' })).toEqual({
      token: undefined,
      source: undefined,
      shadowed: true,
    });
  });
  it('uses FLY_API_TOKEN alone, and finds nothing when neither is set', () => {
    expect(resolveFlyToken({ FLY_API_TOKEN: 'b' }).source).toBe('FLY_API_TOKEN');
    expect(resolveFlyToken({})).toEqual({ token: undefined, source: undefined, shadowed: false });
  });
  it('masks the token whole, without its scheme, and each comma-separated part', () => {
    const secrets = tokenSecrets('FlyV1 fm2_aaaaaaaaaa,fm2_bbbbbbbbbb');
    expect(secrets).toEqual(
      expect.arrayContaining([
        'FlyV1 fm2_aaaaaaaaaa,fm2_bbbbbbbbbb',
        'fm2_aaaaaaaaaa,fm2_bbbbbbbbbb',
        'fm2_aaaaaaaaaa',
        'fm2_bbbbbbbbbb',
      ]),
    );
  });
});
