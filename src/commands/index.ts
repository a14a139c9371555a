/**
 * Every action's command: what runs, and the reader of every input it takes. The CLI's verbs point here,
 * and the contract test runs each reader with a recording InputSource against the action.yml.
 */
import type { Host, RunContext } from '../host/host.js';
import type { InputReader } from '../host/inputs.js';
import { coverage, readCoverageSettings } from './coverage.js';
import { deploy, readDeploySettings } from './deploy.js';
import { monitor, readMonitorSettings } from './monitor.js';
import { readRollbackSettings, rollback } from './rollback.js';
import { readValidateSettings, validate } from './validate.js';

export interface ActionCommand {
  run(host: Host): Promise<void>;
  /** Reads every input the command takes; nothing else happens. */
  readSettings(input: InputReader, context: RunContext): unknown;
}

export const ACTION_COMMANDS: Readonly<Record<string, ActionCommand>> = {
  'fly-validate': { run: validate, readSettings: readValidateSettings },
  'fly-deploy-with-health': {
    run: deploy,
    readSettings: (input, context) => readDeploySettings(input, context, () => undefined),
  },
  'coverage-gate': { run: coverage, readSettings: readCoverageSettings },
  'fly-rollback': {
    run: rollback,
    readSettings: (input, context) => readRollbackSettings(input, context, () => undefined),
  },
  'prod-monitor': { run: monitor, readSettings: readMonitorSettings },
};
