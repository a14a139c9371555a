#!/usr/bin/env node
/** The `nuzantara` command's entry (bundled to dist/cli/index.js). */
import { runCli } from './run.js';

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
