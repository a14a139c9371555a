// Runs every scripts/bench/*.bench.mjs and prints its rows. Each bench measures its baseline in the same
// run and reports ratios against it, never absolute pass/fail times.
// Usage: npm run bench [-- name-filter]
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs') && (!filter || f.includes(filter)))
  .sort();

for (const file of benches) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  console.log(`\n## ${mod.title ?? file}`);
  const rows = await mod.default();
  if (rows?.length) console.table(rows);
}
