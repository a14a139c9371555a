/** The one fly.toml writer for tests: an app on port 8080 with [env], and an HTTP service check on /health. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CheckTimings {
  grace: string;
  interval: string;
  timeout: string;
}

export interface FlyTomlOptions {
  /** The `app =` line; none when omitted (the app then comes from --app). */
  app?: string;
  /** Lines after primary_region, e.g. a [deploy] table. */
  extra?: string;
  /** The [[http_service.checks]] on /health (durations before the stand-in's time scaling); false: none. */
  check?: CheckTimings | false;
}

export const FAST_CHECK: CheckTimings = { grace: '1s', interval: '2s', timeout: '2s' };

export function flyTomlText(options: FlyTomlOptions = {}): string {
  const check = options.check ?? FAST_CHECK;
  return [
    ...(options.app ? [`app = "${options.app}"`] : []),
    'primary_region = "sin"',
    ...(options.extra ? [options.extra] : []),
    '[env]',
    '  MODE = "production"',
    '[http_service]',
    '  internal_port = 8080',
    ...(check
      ? [
          '  [[http_service.checks]]',
          `    grace_period = "${check.grace}"`,
          `    interval = "${check.interval}"`,
          `    timeout = "${check.timeout}"`,
          '    method = "GET"',
          '    path = "/health"',
        ]
      : []),
    '',
  ].join('\n');
}

/** Writes `<dir>/<file>` and returns its path. */
export function writeFlyToml(dir: string, file: string, options: FlyTomlOptions = {}): string {
  const path = join(dir, file);
  writeFileSync(path, flyTomlText(options));
  return path;
}

/**
 * A project dir with three configs and no app line (the app comes from --app): `checks.toml` (an HTTP
 * service check flyctl waits for), `bluegreen.toml` (the same with `[deploy] strategy = "bluegreen"`)
 * and `plain.toml` (no check).
 */
export function projectDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-e2e-'));
  writeFlyToml(dir, 'checks.toml');
  writeFlyToml(dir, 'bluegreen.toml', {
    extra: '[deploy]\n  strategy = "bluegreen"\n  wait_timeout = "10m"',
  });
  writeFlyToml(dir, 'plain.toml', { check: false });
  return dir;
}
