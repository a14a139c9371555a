/** Replaces every occurrence of each secret (longest first) with ***; used on text that leaves the runner's masking, e.g. report files. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***');
  }
  return out;
}

/**
 * The strings to hide for one secret value: the value, and each line of a multi-line value (logs are
 * masked line by line). Lines under 4 characters are left out: hiding `a` would hide every `a`.
 */
export function secretFragments(value: string): string[] {
  if (!value) return [];
  const lines = value.includes('\n')
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length >= 4)
    : [];
  return [...new Set([value, ...lines])];
}
