import { resolve } from 'node:path';
/**
 * Errors the user can act on. The CLI and the Action print `message` as one line and exit 2;
 * anything else that escapes is a bug, reported the same way but marked as internal.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
}

/** An input path that cannot be read as any supported format. The message names the path. */
export class InputError extends UserError {
  override readonly name = 'InputError';
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** A policy file that does not parse or does not match schemas/nhi-policy.schema.json. */
export class PolicyError extends UserError {
  override readonly name = 'PolicyError';
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** A bad command line. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
}

/** Turns any thrown value into one line for a terminal, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  // An engine message may quote the data it failed on (a regular expression's source): keep
  // the gist, never the data.
  const gist = detail.startsWith('Invalid regular expression')
    ? 'invalid regular expression'
    : detail.split('\n')[0]!;
  return `internal error: ${gist.length > 200 ? `${gist.slice(0, 200)}…` : gist} (please report this with the input that caused it)`;
}

/**
 * A usage error when a report would be written over one of the inputs being checked
 * (`--output plan.json`, `sarif-file: plan.json`): the report must not destroy what it judged.
 */
export function refuseOverwritingInput(output: string, inputs: readonly string[], what: string): void {
  const target = resolve(output);
  if (inputs.some((input) => resolve(input) === target)) {
    throw new UsageError(`${what} ${output} is one of the inputs being checked; write the report elsewhere`);
  }
}
