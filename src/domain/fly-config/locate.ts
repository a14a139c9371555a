/**
 * Maps TOML key paths to line numbers. smol-toml gives positions only for syntax errors, so findings find
 * their line by scanning headers and `key =` lines. Paths look like `http_service.checks[0].grace_period`.
 */

function splitKey(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '.') {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

export class KeyLines {
  private readonly lines = new Map<string, number>();

  constructor(source: string) {
    const arrayIndex = new Map<string, number>();
    let table = '';
    let inMultiline: string | undefined;
    source.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (inMultiline) {
        if (line.includes(inMultiline)) inMultiline = undefined;
        return;
      }
      const header = /^\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
      if (header) {
        const isArray = header[1] === '[';
        const segments = splitKey(header[2] as string);
        let path = '';
        segments.forEach((segment, k) => {
          path = path ? `${path}.${segment}` : segment;
          const last = k === segments.length - 1;
          if (!last && arrayIndex.has(path)) path += `[${arrayIndex.get(path)}]`;
          if (last && isArray) {
            const index = (arrayIndex.get(path) ?? -1) + 1;
            arrayIndex.set(path, index);
            // The array itself (e.g. a list where flyctl wants a table) is where its first item starts.
            this.set(path, i + 1);
            path += `[${index}]`;
          }
        });
        table = path;
        this.set(path, i + 1);
        return;
      }
      const assignment =
        /^((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=(.*)$/.exec(
          line,
        );
      if (assignment) {
        const key = splitKey(assignment[1] as string).join('.');
        this.set(table ? `${table}.${key}` : key, i + 1);
        const rest = assignment[2] as string;
        for (const delim of ['"""', "'''"]) {
          if (rest.split(delim).length === 2) inMultiline = delim;
        }
      }
    });
  }

  private set(path: string, line: number): void {
    if (!this.lines.has(path)) this.lines.set(path, line);
  }

  /** The line of the path, or of its nearest ancestor that appears in the file. */
  lineOf(path: string): number | undefined {
    let p = path;
    while (p) {
      const line = this.lines.get(p);
      if (line !== undefined) return line;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return undefined;
      p = p.slice(0, cut);
    }
    return undefined;
  }
}
