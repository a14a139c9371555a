/** The fly-rollback action: the `rollback` command on the GitHub runner. */
import { rollback } from '../commands/rollback.js';
import { runAction } from '../host/github.js';

void runAction(rollback);
