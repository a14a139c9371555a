import * as core from '@actions/core';
import {
  locateOrInstallFlyctl,
  type FlyctlInstallOptions,
  type FlyctlLocation,
} from '../io/flyctl-install.js';

/** flyctl for this step and, like setup-flyctl, on PATH for the job's later steps. */
export async function setupFlyctl(options: FlyctlInstallOptions): Promise<FlyctlLocation> {
  const location = await locateOrInstallFlyctl(options);
  if (location.binDir) core.addPath(location.binDir);
  if (location.source !== 'path')
    core.info(
      `flyctl ${location.version} ${location.source === 'cache' ? 'from the tool cache' : 'installed (SHA-256 verified)'}: ${location.path}`,
    );
  return location;
}
