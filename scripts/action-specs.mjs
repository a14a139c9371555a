// The CLI's flags come from the actions' contracts: this turns actions/*/action.yml into a TypeScript module
// (src/cli/action-specs.ts) that the CLI bundle imports, so flags, defaults and help text never drift.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SPECS_FILE = join('src', 'cli', 'action-specs.ts');

export function actionNames(root) {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml')))
    .map((d) => d.name)
    .sort();
}

export function actionSpecsSource(root) {
  const specs = {};
  for (const name of actionNames(root)) {
    const doc = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8'));
    specs[name] = {
      name: doc.name,
      description: doc.description,
      inputs: Object.fromEntries(
        Object.entries(doc.inputs ?? {}).map(([input, def]) => [
          input,
          {
            description: def.description ?? '',
            required: def.required === true,
            default: def.default === undefined ? '' : String(def.default),
          },
        ]),
      ),
      outputs: Object.fromEntries(
        Object.entries(doc.outputs ?? {}).map(([output, def]) => [output, def.description ?? '']),
      ),
    };
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return [
    '// Generated from actions/*/action.yml by scripts/build.mjs (npm run build); do not edit.',
    "import type { ActionSpec } from './spec-types.js';",
    '',
    `export const VERSION = ${JSON.stringify(version)};`,
    '',
    `export const ACTION_SPECS: Readonly<Record<string, ActionSpec>> = ${JSON.stringify(specs, null, 2)};`,
    '',
  ].join('\n');
}
