/** Shared setup for end-to-end tests of fly-deploy-with-health against the local Fly stand-in. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A project dir with three configs: `checks.toml` (an HTTP service check flyctl waits for), `bluegreen.toml`
 * (the same with `[deploy] strategy = "bluegreen"` and `wait_timeout`) and `plain.toml` (no check).
 */
export function projectDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-e2e-'));
  const check = [
    '  [[http_service.checks]]',
    '    grace_period = "1s"',
    '    interval = "2s"',
    '    timeout = "2s"',
    '    method = "GET"',
    '    path = "/health"',
  ];
  const base = [
    'primary_region = "sin"',
    '[env]',
    '  MODE = "production"',
    '[http_service]',
    '  internal_port = 8080',
  ];
  writeFileSync(join(dir, 'checks.toml'), [...base, ...check, ''].join('\n'));
  writeFileSync(
    join(dir, 'bluegreen.toml'),
    [...base, ...check, '[deploy]', '  strategy = "bluegreen"', '  wait_timeout = "10m"', ''].join('\n'),
  );
  writeFileSync(join(dir, 'plain.toml'), `${base.join('\n')}\n`);
  return dir;
}

/** Fast probe settings: the stand-in answers on loopback in milliseconds. */
export const fastHealth = {
  'health-retries': '5',
  'health-interval': '300ms',
  'health-timeout': '1s',
  'health-schedule': 'fixed',
  'rollout-timeout': '5s',
  'wait-timeout': '5m',
};

export async function getJson(
  url: string,
): Promise<{ status: number; body: Record<string, unknown> | string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: text };
  }
}
