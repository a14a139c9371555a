/**
 * A report as the parsers see it: the name users know it by, and whether an error may quote its content.
 * Reports are user files; one that resolves outside the workspace (`files: /etc/passwd`, a symlink out)
 * must never have its content echoed into a log, so its errors name lines and counts only.
 */
export interface ReportSource {
  /** As the user should see it (workspace-relative). */
  display: string;
  /** False for a report outside the workspace: errors name lines, never quote them. */
  quote: boolean;
}

export function reportSource(source: string | ReportSource): ReportSource {
  return typeof source === 'string' ? { display: source, quote: true } : source;
}

/** At most `max` characters of report text, as a JSON string (control characters escaped, one line). */
export function excerpt(text: string, max = 40): string {
  const chars = [...text.slice(0, max * 2)];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join(''));
}

/**
 * A copy that shares no memory with the text it was cut from. Parsers hand out slices of the chunk they
 * read; keeping one per file (its path) would keep every chunk alive.
 */
export const detached = (text: string): string =>
  text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
