#!/usr/bin/env node
// Deploy with an external health check and automatic rollback from a terminal: the fly-deploy-with-health
// bundle, e.g.
//   FLY_API_TOKEN=… node scripts/deployment/deploy.mjs --app nuzantara-rag --working-directory apps/backend-rag
import { runActionCli } from './run-action.mjs';

process.exitCode = await runActionCli('fly-deploy-with-health');
