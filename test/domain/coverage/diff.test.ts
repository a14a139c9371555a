import { describe, expect, it } from '@jest/globals';
import { git } from '../../support/git.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRanges, lineRanges, parseDiff, unquoteGitPath } from '../../../src/domain/coverage/diff.js';
import { changedLines } from '../../../src/io/coverage-git.js';

const DIFF = `diff --git a/src/keep.ts b/src/keep.ts
index 1111111..2222222 100644
--- a/src/keep.ts
+++ b/src/keep.ts
@@ -3 +3 @@ export function a() {
-  return 1;
+  return 2;
@@ -10,0 +11,3 @@ export function b() {
+++ looks like a header but is content
+--- and so is this
+diff --git a/x b/x
@@ -20,2 +23,0 @@
-gone
-gone too
diff --git a/src/old name.ts b/src/new name.ts
similarity index 90%
rename from src/old name.ts
rename to src/new name.ts
index 3333333..4444444 100644
--- a/src/old name.ts
+++ b/src/new name.ts
@@ -5 +5,2 @@
-x
+y
+z
diff --git a/src/moved.ts b/lib/moved.ts
similarity index 100%
rename from src/moved.ts
rename to lib/moved.ts
diff --git a/src/added.ts b/src/added.ts
new file mode 100644
index 0000000..5555555
--- /dev/null
+++ b/src/added.ts
@@ -0,0 +1,4 @@
+a
+b
+c
+d
diff --git a/src/deleted.ts b/src/deleted.ts
deleted file mode 100644
index 6666666..0000000
--- a/src/deleted.ts
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
diff --git a/img.png b/img.png
index 7777777..8888888 100644
Binary files a/img.png and b/img.png differ
diff --git "a/src/caf\\303\\251 \\"q\\".ts" "b/src/caf\\303\\251 \\"q\\".ts"
index 9999999..aaaaaaa 100644
--- "a/src/caf\\303\\251 \\"q\\".ts"
+++ "b/src/caf\\303\\251 \\"q\\".ts"
@@ -1 +1 @@
-x
+y
`;

describe('parseDiff', () => {
  const files = parseDiff(DIFF);

  it('maps modified files to added/changed lines and skips hunk bodies that look like headers', () => {
    expect(files.get('src/keep.ts')).toMatchObject({ status: 'modified', lines: [3, 11, 12, 13] });
    expect(files.has('x')).toBe(false);
  });

  it('puts renames under the new path with only the edited lines', () => {
    expect(files.get('src/new name.ts')).toMatchObject({
      status: 'renamed',
      oldPath: 'src/old name.ts',
      lines: [5, 6],
    });
    expect(files.get('lib/moved.ts')).toMatchObject({
      status: 'renamed',
      oldPath: 'src/moved.ts',
      lines: [],
    });
    expect(files.has('src/old name.ts')).toBe(false);
  });

  it('gives new files all their lines and deleted files none', () => {
    expect(files.get('src/added.ts')).toMatchObject({ status: 'added', lines: [1, 2, 3, 4] });
    expect(files.get('src/deleted.ts')).toMatchObject({ status: 'deleted', lines: [] });
    expect(files.get('img.png')).toMatchObject({ binary: true, lines: [] });
  });

  it('unquotes C-style quoted paths with octal UTF-8', () => {
    expect(unquoteGitPath('"a/caf\\303\\251\\ttab"')).toBe('a/café\ttab');
    expect(files.get('src/café "q".ts')!.lines).toEqual([1]);
  });

  it('groups lines into ranges', () => {
    expect(formatRanges(lineRanges([1, 2, 3, 7, 9, 10]))).toBe('1-3, 7, 9-10');
  });
});

describe('changedLines (git)', () => {
  it('diffs base...HEAD in a real repository: renames, deletions, new files, a subdirectory', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'cov-git-'));
    try {
      git(repo, 'init', '-q', '-b', 'main');
      mkdirSync(join(repo, 'app', 'src'), { recursive: true });
      const body = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n');
      writeFileSync(join(repo, 'app', 'src', 'keep.ts'), `${body}\n`);
      writeFileSync(join(repo, 'app', 'src', 'old.ts'), `${body}\nold tail\n`);
      writeFileSync(join(repo, 'app', 'src', 'gone.ts'), 'x\n');
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'base');
      const base = git(repo, 'rev-parse', 'HEAD').trim();
      git(repo, 'checkout', '-q', '-b', 'feature');
      writeFileSync(join(repo, 'app', 'src', 'keep.ts'), `${body.replace('line 5', 'line five')}\nline 31\n`);
      git(repo, 'mv', 'app/src/old.ts', 'app/src/renamed.ts');
      writeFileSync(join(repo, 'app', 'src', 'renamed.ts'), `${body}\nnew tail\n`);
      git(repo, 'rm', '-q', 'app/src/gone.ts');
      writeFileSync(join(repo, 'app', 'src', 'new.ts'), 'a\nb\n');
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'feature');

      const changes = await changedLines(join(repo, 'app'), base);
      expect(changes.get('src/keep.ts')!.lines).toEqual([5, 31]);
      expect(changes.get('src/renamed.ts')).toMatchObject({
        status: 'renamed',
        oldPath: 'src/old.ts',
        lines: [31],
      });
      expect(changes.get('src/new.ts')).toMatchObject({ status: 'added', lines: [1, 2] });
      expect(changes.get('src/gone.ts')).toMatchObject({ status: 'deleted', lines: [] });

      await expect(changedLines(repo, 'no-such-branch')).rejects.toThrow(
        /Input 'base-ref': base ref "no-such-branch" was not found in the checkout\. .*fetch-depth: 0/,
      );
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('says when the directory is not a git checkout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cov-nogit-'));
    try {
      await expect(changedLines(dir, 'main')).rejects.toThrow(/patch coverage needs a git checkout/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
