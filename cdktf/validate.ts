/** Early, specific errors for bad props: each message says what to change. */

export class McpConstructError extends Error {
  override readonly name = 'McpConstructError';
}

export function fail(message: string): never {
  throw new McpConstructError(message);
}

export function requireText(value: unknown, what: string, hint: string): void {
  if (typeof value !== 'string' || value.trim() === '') fail(`${what} is empty: ${hint}.`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function requireDate(value: unknown, what: string): void {
  if (!isDate(value)) {
    fail(`${what} is ${JSON.stringify(value)}, not a date: write it as YYYY-MM-DD (e.g. "2027-06-30").`);
  }
}

export function requireAccount(value: unknown, what: string): void {
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) {
    fail(`${what} is ${JSON.stringify(value)}: give the 12-digit AWS account ID.`);
  }
}

/** Image references must name a digest: `repo@sha256:<64 hex>`. */
export function requireDigest(image: unknown, what: string): void {
  if (typeof image !== 'string' || !/@sha256:[0-9a-f]{64}$/.test(image)) {
    fail(
      `${what} ${JSON.stringify(image)} is not pinned by digest: use "<repository>@sha256:<64 hex digits>" ` +
        '(e.g. from `docker buildx imagetools inspect` or the ECR console), not a tag.',
    );
  }
}

export function requireSeconds(value: number, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(`${what} is ${value}: use a whole number of seconds from ${min} to ${max}.`);
  }
}
