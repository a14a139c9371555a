/**
 * Maps `git diff --unified=0` output to the lines each file gained or changed, by path in the new tree.
 * Renames land on the new path (only their edited lines count), deleted files have no lines, new files
 * have all of theirs. Hunk bodies are skipped by counting, so a content line that looks like a header
 * (`+++ x`) is never taken for one.
 */

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'deleted';

export interface ChangedFile {
  path: string;
  oldPath?: string;
  status: ChangeStatus;
  binary: boolean;
  /** Added or changed line numbers in the new file, ascending. */
  lines: number[];
}

/** Undoes git's C-style quoting of unusual paths: "a/tab\there" and octal UTF-8 bytes such as \303\251. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const body = text.slice(1, -1);
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string, prefix: 'a/' | 'b/'): string {
  const p = unquoteGitPath(path.replace(/\t.*$/, ''));
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parseDiff(text: string): Map<string, ChangedFile> {
  const files = new Map<string, ChangedFile>();
  let file: ChangedFile | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  const finish = () => {
    if (file && file.path) files.set(file.path, file);
    file = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk body.
      const c = line[0];
      if (c === '+') newLeft--;
      else if (c === '-') oldLeft--;
      else if (c === ' ') {
        oldLeft--;
        newLeft--;
      }
      // "\ No newline at end of file" counts for neither side.
      continue;
    }
    if (line.startsWith('diff --git ')) {
      finish();
      // The header names both sides; later lines (+++ / rename to) are more reliable and override it.
      const header = /^diff --git (?:"(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|.+)$/.exec(line);
      file = {
        path: header ? stripPrefix(header[1] as string, 'b/') : '',
        status: 'modified',
        binary: false,
        lines: [],
      };
      continue;
    }
    if (!file) continue;
    if (line.startsWith('new file mode')) file.status = 'added';
    else if (line.startsWith('deleted file mode')) file.status = 'deleted';
    else if (line.startsWith('rename from ')) {
      file.status = 'renamed';
      file.oldPath = unquoteGitPath(line.slice('rename from '.length));
    } else if (line.startsWith('rename to ')) file.path = unquoteGitPath(line.slice('rename to '.length));
    else if (line.startsWith('copy from ')) {
      file.status = 'copied';
      file.oldPath = unquoteGitPath(line.slice('copy from '.length));
    } else if (line.startsWith('copy to ')) file.path = unquoteGitPath(line.slice('copy to '.length));
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') file.binary = true;
    else if (line.startsWith('--- ')) {
      const from = line.slice(4);
      if (from !== '/dev/null' && !file.oldPath && file.status === 'modified') {
        const old = stripPrefix(from, 'a/');
        if (old !== file.path) file.oldPath = old;
      }
    } else if (line.startsWith('+++ ')) {
      const to = line.slice(4);
      if (to === '/dev/null') file.status = 'deleted';
      else file.path = stripPrefix(to, 'b/');
    } else {
      const hunk = HUNK.exec(line);
      if (!hunk) continue;
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      const start = Number(hunk[3]);
      const count = hunk[4] === undefined ? 1 : Number(hunk[4]);
      newLeft = count;
      for (let n = start; n < start + count; n++) file.lines.push(n);
    }
  }
  finish();
  for (const changed of files.values()) {
    if (changed.status === 'deleted') changed.lines = [];
    changed.lines.sort((a, b) => a - b);
  }
  return files;
}

/** Groups ascending line numbers into ranges: [3,4,5,9] → [[3,5],[9,9]]. */
export function lineRanges(lines: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const line of lines) {
    const last = ranges[ranges.length - 1];
    if (last && line === last[1] + 1) last[1] = line;
    else if (!last || line > last[1]) ranges.push([line, line]);
  }
  return ranges;
}

export function formatRanges(ranges: readonly [number, number][]): string {
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}
