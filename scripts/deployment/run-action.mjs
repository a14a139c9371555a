// Runs an action bundle from a terminal the way the runner does, and prints its findings readably.
// Inputs come from `--<input-name> <value>` (repeat an input for multi-line lists; a bare flag means true).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function usage(name, spec) {
  const lines = [`Usage: ${name} [--input value]...`, '', spec.description, '', 'Inputs:'];
  for (const [input, def] of Object.entries(spec.inputs ?? {})) {
    lines.push(
      `  --${input}${def.default !== undefined && def.default !== '' ? ` (default: ${def.default})` : ''}`,
    );
    lines.push(`      ${def.description}`);
  }
  return lines.join('\n');
}

export async function runActionCli(name, argv = process.argv.slice(2)) {
  const spec = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8'));
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage(name, spec));
    return 0;
  }
  const inputs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const key = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (!key || !(key in (spec.inputs ?? {}))) {
      console.error(`Unknown argument ${JSON.stringify(arg)}. Run with --help to list the inputs.`);
      return 2;
    }
    const next = argv[i + 1];
    const value = next === undefined || next.startsWith('--') ? 'true' : (i++, next);
    inputs[key] = inputs[key] === undefined ? value : `${inputs[key]}\n${value}`;
  }
  const work = mkdtempSync(join(tmpdir(), `${name}-`));
  const files = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STEP_SUMMARY: 'summary.md',
    GITHUB_ENV: 'env',
    GITHUB_PATH: 'path',
    GITHUB_STATE: 'state',
  };
  const env = { ...process.env, RUNNER_TEMP: work, RUNNER_TOOL_CACHE: join(work, 'tools') };
  for (const [variable, file] of Object.entries(files)) {
    env[variable] = join(work, file);
    writeFileSync(env[variable], '');
  }
  for (const [input, def] of Object.entries(spec.inputs ?? {})) {
    const value = inputs[input] ?? String(def.default ?? '').replace(/\$\{\{[^}]*\}\}/g, '');
    env[`INPUT_${input.toUpperCase()}`] = value;
  }
  // Spawned directly, never through a shell: a shell would drop INPUT_ names that contain hyphens.
  const child = spawn(process.execPath, [join(root, 'dist', name, 'index.js')], {
    env,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) printLine(line);
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (buffered) printLine(buffered);
  const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8');
  if (outputs.trim()) {
    console.log('\nOutputs:');
    for (const match of outputs.matchAll(/^([^\s<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
      console.log(`  ${match[1]} = ${match[3]}`);
  }
  console.log(`\nJob summary: ${env.GITHUB_STEP_SUMMARY}`);
  return code ?? 1;
}

function printLine(line) {
  const command = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line);
  if (command)
    console.log(`${command[1].toUpperCase()}: ${command[2].replace(/%0A/g, '\n').replace(/%25/g, '%')}`);
  else if (line.startsWith('::add-mask::') || line.startsWith('::debug::')) return;
  else console.log(line);
}
