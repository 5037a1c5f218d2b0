/**
 * Retry with exponential backoff under one total time budget. The API is a courtesy: a
 * comment that cannot be posted must never hold a pull request's check hostage, so every
 * call shares a deadline and gives up cleanly when it passes.
 */

/** Env var that overrides the total API time budget in milliseconds (tests use a short one). */
export const BUDGET_ENV = 'MCP_NHI_GUARD_API_BUDGET_MS';
export const DEFAULT_BUDGET_MS = 20_000;
/** One request never waits longer than this, so a hanging server still leaves time to retry. */
const ATTEMPT_TIMEOUT_MS = 10_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The deadline every API call of one run shares. */
export class Deadline {
  private readonly end: number;
  constructor(
    readonly budgetMs: number,
    readonly clock: Clock = realClock,
  ) {
    this.end = clock.now() + budgetMs;
  }
  remaining(): number {
    return Math.max(0, this.end - this.clock.now());
  }
}

export function budgetFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[BUDGET_ENV];
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_BUDGET_MS;
}

/** What went wrong with one attempt, as far as retrying is concerned. */
export interface Failure {
  /** HTTP status, absent for network errors and timeouts. */
  readonly status?: number;
  readonly retryable: boolean;
  /** Server-requested wait (Retry-After, rate-limit reset), in ms. */
  readonly retryAfterMs?: number;
  readonly message: string;
}

/** Thrown when the API gives up: the message is one line fit for core.warning. */
export class ApiUnavailable extends Error {
  override readonly name = 'ApiUnavailable';
  constructor(
    message: string,
    readonly status?: number,
    /** Whether trying again later might work (false: permissions, not found, validation). */
    readonly transient = false,
    /** What the server asked to wait before the next request (Retry-After, rate-limit reset), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Classifies an error thrown by Octokit (RequestError has `status` and `response.headers`)
 * or by fetch (no status: network error, abort, timeout).
 */
export function classify(error: unknown): Failure {
  const err = error as {
    status?: unknown;
    message?: unknown;
    name?: unknown;
    response?: { headers?: Record<string, string | undefined> };
  };
  const status = typeof err?.status === 'number' && err.status > 0 ? err.status : undefined;
  const rawMessage = typeof err?.message === 'string' ? err.message : String(error);
  const message = rawMessage.split('\n')[0] ?? '';
  const headers = err?.response?.headers ?? {};
  const retryAfterMs = retryAfter(headers);
  if (status === undefined) {
    const timeout =
      err?.name === 'TimeoutError' || err?.name === 'AbortError' || /abort|timeout/i.test(message);
    return { retryable: true, message: timeout ? 'request timed out' : `network error: ${message}` };
  }
  const rateLimited =
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)));
  const retryable = rateLimited || status === 408 || status >= 500;
  return {
    status,
    retryable,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    message: `HTTP ${status}${message ? `: ${message}` : ''}`,
  };
}

function retryAfter(headers: Record<string, string | undefined>): number | undefined {
  const after = headers['retry-after'];
  if (after !== undefined && /^\d+$/.test(after.trim())) return Number(after) * 1000;
  const reset = headers['x-ratelimit-reset'];
  if (headers['x-ratelimit-remaining'] === '0' && reset !== undefined && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - Date.now());
  }
  return undefined;
}

/**
 * Waits before the caller tries again after `error` (its `attempt`-th transient failure), as
 * withRetry would between attempts: the backoff, or longer when the server asked for it. False,
 * without waiting, when the wait would outlast the deadline: give up now.
 */
export async function pauseBeforeRetry(
  error: ApiUnavailable,
  attempt: number,
  deadline: Deadline,
  random: () => number = Math.random,
): Promise<boolean> {
  const wait = Math.max(backoffMs(attempt, random), error.retryAfterMs ?? 0);
  if (wait >= deadline.remaining()) return false;
  await deadline.clock.sleep(wait);
  return true;
}

/** The backoff before attempt `attempt + 1`: exponential with full jitter, capped. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs `attempt` until it succeeds, fails permanently, or the deadline passes. Each attempt
 * gets an AbortSignal that fires at its own timeout or the deadline, whichever is sooner.
 */
export async function withRetry<T>(
  what: string,
  attempt: (signal: AbortSignal) => Promise<T>,
  deadline: Deadline,
  options: { readonly maxAttempts?: number; readonly random?: () => number } = {},
): Promise<T> {
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  let last: Failure | undefined;
  for (let n = 0; n < maxAttempts; n++) {
    const remaining = deadline.remaining();
    if (remaining <= 0) break;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.min(ATTEMPT_TIMEOUT_MS, remaining));
    try {
      return await attempt(controller.signal);
    } catch (error) {
      last = classify(
        controller.signal.aborted ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : error,
      );
      if (!last.retryable) throw new ApiUnavailable(`${what}: ${last.message}`, last.status);
    } finally {
      clearTimeout(timer);
    }
    if (n + 1 >= maxAttempts) break;
    const wait = Math.max(backoffMs(n, random), last.retryAfterMs ?? 0);
    // Waiting past the deadline only to give up is pointless; give up now.
    if (wait >= deadline.remaining()) break;
    await deadline.clock.sleep(wait);
  }
  const seconds = (deadline.budgetMs / 1000).toFixed(1);
  const why = last?.message ?? 'no time left in the API budget';
  throw new ApiUnavailable(
    maxAttempts === 1 ? `${what}: ${why}` : `${what}: gave up within ${seconds} s (${why})`,
    last?.status,
    last?.retryable ?? true,
    last?.retryAfterMs,
  );
}
