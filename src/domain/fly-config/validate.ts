/** Validates one fly.toml's text: syntax, model, readiness and [env] secrets, as findings with lines. */
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
}

export function validateFlyConfig(source: string, file: string, options: { strict: boolean }): ConfigResult {
  let doc: Doc;
  try {
    doc = parse(source) as Doc;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // Only the first line: smol-toml's code block would quote the source, which may hold a secret.
    const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
    return {
      doc: undefined,
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
  const issues = [...checkModel(doc, options), ...checkReadiness(doc), ...checkEnvSecrets(doc)];
  return { doc, findings: issues.map(toFinding) };
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
