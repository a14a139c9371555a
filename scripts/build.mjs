// Bundles each action (actions/<name>/action.yml) from src/actions/<name>.ts into dist/<name>/, and the
// `nuzantara` command from src/cli/main.ts into dist/cli/, after generating the CLI's flags from the
// action.yml files. `--check` builds into memory and fails when dist/ or the generated module differs, so a
// stale commit cannot pass CI.
//
// Like eslint's and prettier's --cache, a check remembers (in node_modules/.cache, never committed) the
// fingerprint of everything a build reads and writes once a build or a full check has vouched for it, and
// skips the rebuild while nothing changed; `--no-cache` forces it. A fresh clone always rebuilds.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPECS_FILE, actionNames, actionSpecsSource } from './action-specs.mjs';
import { buildFingerprint, listFiles } from './lib/build-fingerprint.mjs';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const useCache = !process.argv.includes('--no-cache');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const bundles = [
  ...actionNames(root).map((name) => ({ name, entry: join(root, 'src', 'actions', `${name}.ts`) })),
  { name: 'cli', entry: join(root, 'src', 'cli', 'main.ts') },
].filter(({ name }) => only.length === 0 || only.includes(name));

const CACHE = join(root, 'node_modules', '.cache', 'check-dist.json');

function vouched(print) {
  try {
    return JSON.parse(readFileSync(CACHE, 'utf8')).fingerprint === print;
  } catch {
    return false;
  }
}

function remember(print) {
  mkdirSync(dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify({ fingerprint: print }));
}

const whole = only.length === 0;
if (check && whole && useCache && vouched(buildFingerprint(root))) {
  console.log(`dist/ matches the sources (${bundles.length} bundles; nothing changed since the last check)`);
  process.exit(0);
}

const stale = [];
const specs = actionSpecsSource(root);
const specsPath = join(root, SPECS_FILE);
if (check) {
  if (!existsSync(specsPath) || readFileSync(specsPath, 'utf8') !== specs)
    stale.push(`${SPECS_FILE} (generated from actions/*/action.yml)`);
} else writeFileSync(specsPath, specs);

async function bundle(entry) {
  const { code, map, assets } = await ncc(entry, {
    minify: true,
    // Types are checked once, by `npm run typecheck`; the bundler only transpiles.
    transpileOnly: true,
    // Maps for readable stacks of unexpected errors (src/io/source-map.ts reads them only then), so no
    // source-map-support at start-up.
    sourceMap: true,
    sourceMapRegister: false,
    quiet: true,
    target: 'es2023',
    license: 'licenses.txt',
  });
  const files = new Map([
    ['index.js', code],
    ['index.js.map', map],
  ]);
  for (const [file, asset] of Object.entries(assets)) files.set(file, asset.source);
  // A stack needs the mappings, not the sources' text: without it the maps are about a third the size.
  for (const [file, content] of files)
    if (file.endsWith('.js.map')) {
      const parsed = JSON.parse(String(content));
      delete parsed.sourcesContent;
      // ncc adds the CLI's #! line after mapping: the map must skip it.
      if (String(files.get(file.slice(0, -'.map'.length))).startsWith('#!'))
        parsed.mappings = `;${parsed.mappings}`;
      files.set(file, JSON.stringify(parsed));
    }
  return files;
}

for (const { name, entry } of bundles) {
  let files;
  try {
    files = await bundle(entry);
  } catch (error) {
    // ncc's own stack points into its minified bundle; the message holds the compiler errors.
    console.error(`build of ${name} failed:\n${String(error?.message ?? error).split('\n    at ')[0]}`);
    process.exit(1);
  }
  const out = join(root, 'dist', name);
  if (check) {
    const onDisk = new Set(listFiles(out));
    for (const [file, content] of files) {
      const path = join(out, file);
      if (!existsSync(path) || !Buffer.from(content).equals(readFileSync(path)))
        stale.push(`dist/${name}/${file}`);
      onDisk.delete(file);
    }
    for (const extra of onDisk) stale.push(`dist/${name}/${extra} (not produced by the build)`);
  } else {
    rmSync(out, { recursive: true, force: true });
    for (const [file, content] of files) {
      mkdirSync(dirname(join(out, file)), { recursive: true });
      writeFileSync(join(out, file), content);
    }
    console.log(
      `built dist/${name}/ (${files.size} files, ${Buffer.byteLength(files.get('index.js'))} bytes)`,
    );
  }
}

if (check) {
  if (stale.length > 0) {
    console.error(`dist/ is stale; run \`npm run build\` and commit the result:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`dist/ matches the sources (${bundles.length} bundles)`);
}
if (whole) remember(buildFingerprint(root));
