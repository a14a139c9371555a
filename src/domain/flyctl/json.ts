/**
 * Reading flyctl's JSON replies. flyctl pretty-prints with render.JSON (flyctl-contract §2/§3), but stray
 * notices may precede it, so the JSON is taken from the first line that opens an array or object.
 */
import { UserError } from '../shared/errors.js';

/** flyctl printed something that is not the shape the contract documents. */
export class FlyctlOutputError extends UserError {
  override name = 'FlyctlOutputError';
}

const excerpt = (text: string): string => {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat || '(nothing)';
};

export function unexpected(command: string, expected: string, problem: string, text?: string): never {
  const seen = text === undefined ? '' : ` It printed: ${excerpt(text)}`;
  throw new FlyctlOutputError(
    `\`flyctl ${command}\` printed something unexpected: ${problem} (expected ${expected}).${seen} Check the flyctl version (flyctl-version input) or report this with the output above.`,
  );
}

export function parseJsonReply(command: string, expected: string, stdout: string): unknown {
  const text = stdout.trim();
  if (text === '') unexpected(command, expected, 'no output', stdout);
  try {
    return JSON.parse(text);
  } catch {
    const lines = text.split('\n');
    const start = lines.findIndex((line) => line.startsWith('[') || line.startsWith('{'));
    if (start > 0) {
      try {
        return JSON.parse(lines.slice(start).join('\n'));
      } catch {
        // fall through to the error below
      }
    }
  }
  return unexpected(command, expected, 'output is not JSON', stdout);
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
