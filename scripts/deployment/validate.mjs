#!/usr/bin/env node
// Pre-deploy validation from a terminal: the fly-validate action's bundle, e.g.
//   node scripts/deployment/validate.mjs --config apps/backend-rag/fly.toml --strict
import { runActionCli } from './run-action.mjs';

process.exitCode = await runActionCli('fly-validate');
