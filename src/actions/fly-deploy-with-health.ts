/** The fly-deploy-with-health action: the `deploy` command on the GitHub runner. */
import { deploy } from '../commands/deploy.js';
import { runAction } from '../host/github.js';

void runAction(deploy);
