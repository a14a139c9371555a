/** The coverage-gate action: the `coverage` command on the GitHub runner. */
import { coverage } from '../commands/coverage.js';
import { runAction } from '../host/github.js';

void runAction(coverage);
