/**
 * An error the user can fix. Its message is complete and safe to print: it names what is wrong and how to
 * fix it, and never contains a secret value. Hosts print it as-is, without a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** A check ran and failed (validation errors, a coverage gate, an unhealthy deploy): exit 1, not a usage error. */
export class CheckFailed extends UserError {
  override name = 'CheckFailed';
}

/** A bad input: names the input, the value's problem (value hidden when secret) and the accepted form. */
export class InputError extends UserError {
  override name = 'InputError';
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`Input '${input}': ${problem}. ${fix}`);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
