/** Parsers for fly-deploy-with-health's own inputs: each takes the input's text and names the input on error. */
import { parseGoDuration } from '../shared/duration.js';
import { InputError } from '../shared/errors.js';

/** Fly app names: lower-case letters, digits and hyphens, starting with a letter or digit. */
export function parseAppName(name: string, raw: string): string {
  const app = raw.trim();
  if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(app)) return app;
  throw new InputError(
    name,
    app === '' ? 'is required but empty' : `${JSON.stringify(app)} is not a Fly app name`,
    'Use lower-case letters, digits and hyphens, e.g. nuzantara-rag.',
  );
}

/** flyctl's own --wait-timeout forms (contract §4): a Go duration, whole seconds, or none. Empty: not passed. */
export function parseWaitTimeout(name: string, raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (value === 'none' || /^\d+$/.test(value) || (parseGoDuration(value) ?? -1) > 0) return value;
  throw new InputError(
    name,
    `${JSON.stringify(value)} is not a wait timeout`,
    "Use a duration such as 5m or 180s, a number of seconds, or none; leave it empty for fly.toml's value.",
  );
}
