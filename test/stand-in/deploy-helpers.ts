/** Helpers shared by the stand-in's deploy tests. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStandIn, type StandIn, type StandInMachine } from './fly.js';

/** Writes `<dir>/<app>.toml` with an HTTP service check on /health (durations before time scaling). */
export function flyToml(
  dir: string,
  app: string,
  extra = '',
  check = { grace: '1s', interval: '2s', timeout: '2s' },
): string {
  const path = join(dir, `${app}.toml`);
  writeFileSync(
    path,
    [
      `app = "${app}"`,
      'primary_region = "sin"',
      extra,
      '[env]',
      '  MODE = "production"',
      '[http_service]',
      '  internal_port = 8080',
      '  [[http_service.checks]]',
      `    grace_period = "${check.grace}"`,
      `    interval = "${check.interval}"`,
      `    timeout = "${check.timeout}"`,
      '    method = "GET"',
      '    path = "/health"',
      '',
    ].join('\n'),
  );
  return path;
}

export const byRelease = (machines: StandInMachine[]) =>
  machines.map((m) => m.config.metadata.fly_release_version).sort();

export async function get(
  url: string,
  timeoutMs = 2000,
): Promise<{ status: number; body: string } | 'timeout'> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await response.text() };
  } catch {
    return 'timeout';
  }
}

/** A fast stand-in with the three images the deploy tests use: good (healthy), bad (503), crash. */
export async function standInWithWebImages(): Promise<StandIn> {
  const fly = await createStandIn({ timeScale: 0.01 });
  await fly.image('registry.fly.io/web:good', 'healthy');
  await fly.image('registry.fly.io/web:bad', 'unhealthy');
  await fly.image('registry.fly.io/web:crash', 'crash');
  return fly;
}
