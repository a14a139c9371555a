/** The health path an app declares in its fly.toml: what a deploy probes when no health URL is given. */
import { parse, TomlError } from 'smol-toml';
import type { Doc } from '../fly-config/model.js';
import { httpChecks } from '../fly-config/readiness.js';
import { InputError } from '../shared/errors.js';

export interface DeclaredHealthPath {
  /** Starts with `/`. */
  path: string;
  /** Where it came from, for the log: "http_service.checks[0] in fly.toml". */
  source: string;
}

/** Used when the config declares no HTTP check with a path. */
export const FALLBACK_HEALTH_PATH = '/health';

/**
 * The path of the first HTTP check with one: [[http_service.checks]], then [[services.http_checks]], then
 * [checks.*] of type http (the order httpChecks returns them). Only the public service's checks have a
 * public URL (contract §14); the others are taken as the app's own word for its health endpoint.
 * Invalid TOML is an InputError on `input`: flyctl could not deploy it either.
 */
export function declaredHealthPath(
  text: string,
  file: string,
  input: string,
): DeclaredHealthPath | undefined {
  let doc: Doc;
  try {
    doc = parse(text) as Doc;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // Only the first line: smol-toml's code block would quote the source, which may hold a secret.
    const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
    throw new InputError(
      input,
      `${file} is not valid TOML (line ${error.line}: ${reason})`,
      'Fix the file (`nuzantara validate` names the problem), or set health-url to the URL to probe.',
    );
  }
  const check = httpChecks(doc).find((c) => c.httpPath !== undefined);
  if (!check?.httpPath) return undefined;
  // Key names and values come from the file: no control character may reach a log line or the URL.
  const source = `${check.path.replace(/[\p{Cc}\s]/gu, '?')} in ${file}`;
  if (/[\p{Cc}\s]/u.test(check.httpPath))
    throw new InputError(
      input,
      `the path of ${source} holds whitespace or control characters, so it is not a URL path`,
      'Fix the check path in the file (e.g. path = "/health"), or set health-url to the URL to probe.',
    );
  const path = check.httpPath.startsWith('/') ? check.httpPath : `/${check.httpPath}`;
  return { path, source };
}
