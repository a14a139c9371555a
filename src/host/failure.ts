/** How a failed verb is told, the same on both hosts: a UserError as its message, anything else as unexpected. */
import { InputError, UserError } from '../domain/shared/errors.js';
import { readableStack } from '../io/source-map.js';

export interface Failure {
  message: string;
  /** 2 for a usage error (a bad input or flag), 1 for everything else. */
  exitCode: 1 | 2;
  /** Not a UserError: a bug or an environment problem the code did not foresee. */
  unexpected: boolean;
  stack?: string;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof InputError) return { message: error.message, exitCode: 2, unexpected: false };
  if (error instanceof UserError) return { message: error.message, exitCode: 1, unexpected: false };
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    message: `Unexpected error: ${err.message}.`.replace(/\.\.$/, '.'),
    exitCode: 1,
    unexpected: true,
    // Through the bundles' source maps: src/…ts:line:column rather than a column of minified code.
    ...(err.stack ? { stack: readableStack(err.stack) } : {}),
  };
}
