/**
 * Fly token facts (flyctl-contract §9): FLY_ACCESS_TOKEN wins over FLY_API_TOKEN even when it is set but
 * empty, and a token is a `FlyV1 `/`Bearer ` scheme plus comma-separated parts, each of which must be masked.
 */

export interface FlyTokenState {
  /** The token flyctl would use, or undefined when it would find none. */
  token: string | undefined;
  /** The variable flyctl reads it from. */
  source: 'FLY_ACCESS_TOKEN' | 'FLY_API_TOKEN' | undefined;
  /** FLY_ACCESS_TOKEN is set but empty while FLY_API_TOKEN holds a token flyctl will not see. */
  shadowed: boolean;
}

export function resolveFlyToken(env: Record<string, string | undefined>): FlyTokenState {
  const access = env.FLY_ACCESS_TOKEN;
  const api = env.FLY_API_TOKEN;
  if (access !== undefined) {
    const token = access.trim() === '' ? undefined : access;
    return { token, source: token ? 'FLY_ACCESS_TOKEN' : undefined, shadowed: !token && !!api?.trim() };
  }
  if (api !== undefined && api.trim() !== '') return { token: api, source: 'FLY_API_TOKEN', shadowed: false };
  return { token: undefined, source: undefined, shadowed: false };
}

/** Every string that must be masked for a token: the whole value, without its scheme, and each part. */
export function tokenSecrets(token: string): string[] {
  const trimmed = token.trim();
  const withoutScheme = trimmed.replace(/^(FlyV1|Bearer)\s+/i, '');
  const parts = withoutScheme
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length >= 8);
  return [...new Set([token, trimmed, withoutScheme, ...parts].filter((s) => s.length > 0))];
}

export function describeTokenProblem(state: FlyTokenState): string | undefined {
  if (state.shadowed) {
    return 'FLY_ACCESS_TOKEN is set but empty, and flyctl reads it before FLY_API_TOKEN, so flyctl would find no token. Remove FLY_ACCESS_TOKEN from the step env (a missing secret referenced as ${{ secrets.X }} is an empty string).';
  }
  if (!state.token) {
    return 'No Fly token: set FLY_API_TOKEN in the step env from a secret, e.g. `env: FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}` (create one with `flyctl tokens create deploy`).';
  }
  return undefined;
}
