/** Heuristics for values and names that look like secrets. Callers must never echo the value. */

const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|PWD|TOKEN|SECRET|KEY|APIKEY|CREDENTIALS?|PRIVATE_KEY|DSN)$/i;
/** Names ending in KEY that are identifiers, not secrets. */
const NOT_SECRET_NAME = /(PUBLIC_KEY|PUBLISHABLE_KEY|_KEY_ID|CACHE_KEY|SORT_KEY|PARTITION_KEY|PRIMARY_KEY)$/i;

export function looksLikeSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

const PREFIXES: [RegExp, string][] = [
  [/^FlyV1 /, 'a Fly.io token (FlyV1 …)'],
  [/^fm[12][ar]?_/, 'a Fly.io macaroon token'],
  [/^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/, 'a GitHub token'],
  [/^github_pat_/, 'a GitHub fine-grained token'],
  [/^sk-[A-Za-z0-9_-]{16,}/, 'an API secret key (sk-…)'],
  [/^(sk|rk)_(live|test)_/, 'a Stripe secret key'],
  [/^xox[abposr]-/, 'a Slack token'],
  [/(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, 'a JSON Web Token'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key'],
  [/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/, 'a URL with an embedded password'],
];

function entropyPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** What kind of secret the value looks like, or undefined. */
export function secretValueKind(value: string): string | undefined {
  const v = value.trim();
  for (const [pattern, kind] of PREFIXES) if (pattern.test(v)) return kind;
  // A long random-looking token: no spaces, mixed classes, high entropy. Paths, URLs and hostnames are not.
  if (
    v.length >= 24 &&
    !/\s/.test(v) &&
    !/^[a-z]+:\/\//i.test(v) &&
    !v.includes('/') &&
    !/^[\w.-]+\.(com|dev|io|net|org|app)$/i.test(v)
  ) {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(v)).length;
    if (classes >= 2 && entropyPerChar(v) >= 4.0) return 'a high-entropy string (a generated key or token)';
  }
  return undefined;
}
