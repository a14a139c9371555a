/** Helpers shared by the stand-in's deploy tests. */
import { writeFlyToml, type CheckTimings } from '../support/fly-toml.js';
import { createStandIn, type StandIn, type StandInMachine } from './fly.js';

/** Writes `<dir>/<app>.toml` with an HTTP service check on /health (durations before time scaling). */
export const flyToml = (dir: string, app: string, extra = '', check?: CheckTimings): string =>
  writeFlyToml(dir, `${app}.toml`, { app, extra, ...(check ? { check } : {}) });

export const byRelease = (machines: StandInMachine[]) =>
  machines.map((m) => m.config.metadata.fly_release_version).sort();

/** A fast stand-in with the three images the deploy tests use: good (healthy), bad (503), crash. */
export async function standInWithWebImages(): Promise<StandIn> {
  const fly = await createStandIn({ timeScale: 0.01 });
  await fly.image('registry.fly.io/web:good', 'healthy');
  await fly.image('registry.fly.io/web:bad', 'unhealthy');
  await fly.image('registry.fly.io/web:crash', 'crash');
  return fly;
}
