/** The fly-validate action: the `validate` command on the GitHub runner. */
import { validate } from '../commands/validate.js';
import { runAction } from '../host/github.js';

void runAction(validate);
