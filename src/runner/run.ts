import * as core from '@actions/core';
import { UserError } from '../domain/errors.js';

/**
 * Runs an action's main function. A UserError fails the step with its message only; anything else also
 * fails it, with the stack behind core.debug (visible only with ACTIONS_STEP_DEBUG) so no stack trace is
 * printed by default.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UserError) {
      core.setFailed(error.message);
    } else {
      const err = error instanceof Error ? error : new Error(String(error));
      core.debug(err.stack ?? err.message);
      core.setFailed(`Unexpected error: ${err.message}`);
    }
  }
}
