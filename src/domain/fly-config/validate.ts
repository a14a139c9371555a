/**
 * Validates one fly.toml's text as findings with lines: TOML syntax, then flyctl's own rules (model.ts), then
 * this project's policy rules (readiness and [env] secrets, at the `policy` severity).
 */
import { posix } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import type { Finding } from '../shared/findings.js';
import { KeyLines } from './locate.js';
import { checkModel, type Doc, type PathIssue } from './model.js';
import { checkEnvSecrets, checkReadiness } from './readiness.js';

export interface ConfigResult {
  findings: Finding[];
  /** The parsed document, when the syntax was valid. */
  doc: Doc | undefined;
  /** The unknown keys `flyctl config validate --strict` would list (sorted), whether or not strict is on. */
  strictKeys: string[];
}

/** How this project's own rules (readiness, [env] hygiene) report: flyctl has none of them. */
export type PolicyMode = 'warn' | 'error';

export interface ValidateConfigOptions {
  /** Unknown keys are errors where `flyctl config validate --strict` rejects them. */
  strict: boolean;
  /** Severity of `ready/*` and `secrets/env-*`; warnings unless given. */
  policy?: PolicyMode;
}

export function validateFlyConfig(
  source: string,
  file: string,
  options: ValidateConfigOptions,
): ConfigResult {
  let doc: Doc;
  try {
    doc = parse(source) as Doc;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // Only the first line: smol-toml's code block would quote the source, which may hold a secret.
    const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
    return {
      doc: undefined,
      strictKeys: [],
      findings: [
        {
          rule: 'toml/syntax',
          severity: 'error',
          file,
          line: error.line,
          column: error.column,
          message: `TOML syntax error: ${reason}.`,
          fix: 'Fix the syntax at this line and column (quote strings, close brackets, one key per line).',
        },
      ],
    };
  }
  const lines = new KeyLines(source);
  const toFinding = (issue: PathIssue): Finding => ({
    rule: issue.rule,
    severity: issue.severity,
    file,
    line: lines.lineOf(issue.path) ?? 1,
    message: issue.message,
    fix: issue.fix,
  });
  const model = checkModel(doc, { strict: options.strict });
  const policy = options.policy === 'error' ? 'error' : 'warning';
  const issues = [...model, ...checkReadiness(doc, policy), ...checkEnvSecrets(doc, policy)];
  const strictKeys = model.flatMap((i) => (i.strictKey === undefined ? [] : [i.strictKey])).sort();
  return { doc, findings: issues.map(toFinding), strictKeys };
}

/** The Dockerfile a config builds from (relative to the config's directory), or none for image/buildpack builds. */
export function buildDockerfile(configFile: string, doc: Doc | undefined): string | undefined {
  const build = (doc?.build ?? {}) as Record<string, unknown>;
  if (typeof build.image === 'string' || typeof build.builder === 'string' || Array.isArray(build.buildpacks))
    return undefined;
  return posix.join(
    posix.dirname(configFile),
    typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile',
  );
}
