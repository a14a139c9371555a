/**
 * Heuristics for values and names that look like secrets. Callers must never echo the value. Tuned on the
 * real fly.toml corpus (test/fixtures/fly-toml-corpus): flags, lists, cookie and header names, hostnames,
 * paths, versions and plain identifiers are configuration, not secrets.
 */

/** Names whose value is a secret whatever it looks like (a password is a password). */
const STRONG_NAME =
  /(^|_)(PASSWORD|PASSWD|PWD|PASSPHRASE|SECRET|SECRET_KEY|SECRET_KEY_BASE|SECRET_ACCESS_KEY|CREDENTIALS?|PRIVATE_KEY)$/i;
/** Names that often hold a secret but also a key's name, a cookie name or an id. */
const WEAK_NAME = /(^|_)(PASS|TOKEN|KEY|APIKEY|AUTH|DSN|SALT)$/i;
/** Names ending like a secret that are identifiers or public values. */
const NOT_SECRET_NAME = /(PUBLIC_KEY|PUBLISHABLE_KEY|_KEY_ID|CACHE_KEY|SORT_KEY|PARTITION_KEY|PRIMARY_KEY)$/i;

export function looksLikeSecretName(name: string): boolean {
  return (STRONG_NAME.test(name) || WEAK_NAME.test(name)) && !NOT_SECRET_NAME.test(name);
}

const PREFIXES: [RegExp, string][] = [
  [/^FlyV1 /, 'a Fly.io token (FlyV1 …)'],
  [/^fm[12][ar]?_/, 'a Fly.io macaroon token'],
  [/^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/, 'a GitHub token'],
  [/^github_pat_/, 'a GitHub fine-grained token'],
  [/^glpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/^npm_[A-Za-z0-9]{36}$/, 'an npm token'],
  [/^sk-[A-Za-z0-9_-]{16,}/, 'an API secret key (sk-…)'],
  [/^(sk|rk)_(live|test)_/, 'a Stripe secret key'],
  [/^whsec_[A-Za-z0-9]{20,}/, 'a webhook signing secret'],
  [/^shp(at|ss|ca|pa)_[a-fA-F0-9]{32}$/, 'a Shopify access token'],
  [/^SG\.[\w-]{16,}\.[\w-]{16,}$/, 'a SendGrid API key'],
  [/^hf_[A-Za-z0-9]{30,}$/, 'a Hugging Face token'],
  [/^xox[abposr]-/, 'a Slack token'],
  [/(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, 'a JSON Web Token'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key'],
  [/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i, 'a URL with an embedded password'],
];

/** Query parameters that carry a credential (`?password=…`, `&api_key=…`). */
const CREDENTIAL_PARAM =
  /^(password|passwd|pwd|secret|client_secret|token|access_token|auth|api[-_]?key|access[-_]?key|key|sig|signature)$/i;

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

/**
 * Words joined by separators, each letters (optionally followed by digits) or digits only: names such as
 * `_penny-session`, `race_of_sloths_bot`, `SESSION_COOKIE`, `v2`. A generated key mixes letters and digits.
 */
function isIdentifier(v: string): boolean {
  const words = v.split(/[-_.:]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^[a-z]+\d*$/i.test(w) || /^\d+$/.test(w));
}

/** Configuration shapes a secret never has. */
function isPlainConfig(v: string): boolean {
  return (
    /\s/.test(v) || // sentences, flags with arguments
    v.startsWith('-') || // flags: --max-old-space-size=4096
    /[,;|]/.test(v) || // lists: a,b,c; k=v,k=v
    /^[./~]/.test(v) || // paths
    /^[a-z][a-z0-9+.-]*:/i.test(v) || // URLs and URIs (those with credentials are caught before)
    /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(v) || // e-mail addresses
    /^v?\d+(\.\d+)+([-+][\w.]+)?$/i.test(v) || // versions
    /^([\w-]+\.)+[a-z]{2,}$/i.test(v) || // hostnames
    /^[+-]?\d+(\.\d+)?$/.test(v) || // numbers
    /^0x[0-9a-f]{40}$/i.test(v) // an Ethereum address (public)
  );
}

/** Values that stand for "nothing here yet". */
const PLACEHOLDER =
  /^(unused|none|null|nil|empty|dummy|placeholder|example|todo|tbd|n\/a|disabled?|true|false|yes|no|on|off|x+|\*+|<[^>]*>|\$\{?[A-Za-z_]\w*\}?|\{\{.*\}\})$/i;

/** What kind of secret the value looks like on its own, or undefined. */
export function secretValueKind(value: string): string | undefined {
  const v = value.trim();
  for (const [pattern, kind] of PREFIXES) if (pattern.test(v)) return kind;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && URL.canParse(v)) {
    const url = new URL(v);
    for (const [name, param] of url.searchParams)
      if (CREDENTIAL_PARAM.test(name) && param.length >= 8) return 'a URL with a credential in its query';
    return undefined;
  }
  // A long random-looking token: one word of base64/base64url characters, upper and lower case and digits
  // mixed, with high entropy.
  if (
    v.length >= 24 &&
    /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) &&
    !v.startsWith('/') &&
    !isIdentifier(v) &&
    [/[a-z]/, /[A-Z]/, /[0-9]/].every((r) => r.test(v)) &&
    entropyPerChar(v) >= 4.0
  )
    return 'a high-entropy string (a generated key or token)';
  return undefined;
}

/**
 * Why an [env] entry looks like a secret from its name and value together, or undefined. A secret-like
 * name is not enough: its value must not be empty, a placeholder or plain configuration, and for names
 * such as *_KEY or *_TOKEN (which also hold key names, cookie names and ids) it must look generated.
 */
export function secretNameKind(name: string, value: string): string | undefined {
  if (!looksLikeSecretName(name)) return undefined;
  const v = value.trim();
  if (v === '' || PLACEHOLDER.test(v)) return undefined;
  if (STRONG_NAME.test(name)) return /^[./~]/.test(v) ? undefined : 'a secret-named value';
  if (v.length < 8 || isPlainConfig(v) || isIdentifier(v)) return undefined;
  return 'a key-like value under a secret-like name';
}
