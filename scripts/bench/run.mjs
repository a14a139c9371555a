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

// Rows with a `goal` and a `met` verdict are listed again at the end, so no goal hides in a table.
const goals = [];
for (const file of benches) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  console.log(`\n## ${mod.title ?? file}`);
  const rows = await mod.default();
  if (rows?.length) console.table(rows);
  for (const row of rows ?? []) if (row.goal && row.met) goals.push(row);
}
if (goals.length > 0) {
  console.log('\n## Goals');
  for (const g of goals)
    console.log(
      `${g.met === 'yes' ? '✔ met' : g.met === 'no' ? '✘ NOT MET' : `– ${g.met}`}: ${g.measure}: ${g.value ?? ''} (${g.ratio} of baseline); goal ${g.goal}`,
    );
}
