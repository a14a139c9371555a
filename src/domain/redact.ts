/** Replaces every occurrence of each secret (longest first) with ***; used on text that leaves the runner's masking, e.g. report files. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***');
  }
  return out;
}
