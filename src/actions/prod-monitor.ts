/** The prod-monitor action: the `monitor` command on the GitHub runner. */
import { monitor } from '../commands/monitor.js';
import { runAction } from '../host/github.js';

void runAction(monitor);
