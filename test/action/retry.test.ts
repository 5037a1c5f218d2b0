import { describe, expect, it } from 'vitest';
import {
  ApiUnavailable,
  backoffMs,
  budgetFromEnv,
  type Clock,
  classify,
  DEFAULT_BUDGET_MS,
  Deadline,
  pauseBeforeRetry,
  withRetry,
} from '../../action/github/retry.js';

/** A clock whose sleep advances time instantly, recording each wait. */
function fakeClock(): Clock & { waits: number[]; t: number } {
  const clock = {
    t: 0,
    waits: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

const httpError = (status: number, message = 'x', headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { headers } });

describe('classify', () => {
  it('retries 5xx, 429, 408, rate-limit 403s, timeouts and network errors', () => {
    expect(classify(httpError(500)).retryable).toBe(true);
    expect(classify(httpError(502)).retryable).toBe(true);
    expect(classify(httpError(429)).retryable).toBe(true);
    expect(classify(httpError(408)).retryable).toBe(true);
    expect(classify(httpError(403, 'You have exceeded a secondary rate limit')).retryable).toBe(true);
    expect(classify(httpError(403, 'x', { 'x-ratelimit-remaining': '0' })).retryable).toBe(true);
    expect(classify(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toMatchObject({
      retryable: true,
      message: 'request timed out',
    });
    expect(classify(new TypeError('fetch failed')).retryable).toBe(true);
  });

  it('does not retry what time will not fix: a read-only token, not found, validation', () => {
    expect(classify(httpError(403, 'Resource not accessible by integration')).retryable).toBe(false);
    expect(classify(httpError(401)).retryable).toBe(false);
    expect(classify(httpError(404)).retryable).toBe(false);
    expect(classify(httpError(422)).retryable).toBe(false);
  });

  it('reads Retry-After', () => {
    expect(classify(httpError(429, 'slow down', { 'retry-after': '3' })).retryAfterMs).toBe(3000);
  });
});

describe('backoffMs', () => {
  it('grows exponentially with jitter and is capped', () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4000);
    expect(backoffMs(20, () => 1)).toBe(5000);
  });
});

describe('budgetFromEnv', () => {
  it('defaults to 20 s and takes a number from the environment', () => {
    expect(budgetFromEnv({})).toBe(DEFAULT_BUDGET_MS);
    expect(DEFAULT_BUDGET_MS).toBe(20_000);
    expect(budgetFromEnv({ MCP_NHI_GUARD_API_BUDGET_MS: '1500' })).toBe(1500);
    expect(budgetFromEnv({ MCP_NHI_GUARD_API_BUDGET_MS: 'soon' })).toBe(DEFAULT_BUDGET_MS);
  });
});

describe('withRetry', () => {
  it('retries until success', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await withRetry(
      'listing',
      async () => {
        calls += 1;
        if (calls < 3) throw httpError(503);
        return 'ok';
      },
      new Deadline(20_000, clock),
      { random: () => 1 },
    );
    expect(result).toBe('ok');
    expect(clock.waits).toEqual([500, 1000]);
  });

  it('gives up when the total budget is spent, never waiting past it', async () => {
    const clock = fakeClock();
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      throw httpError(500, 'Server Error');
    };
    await expect(
      withRetry('listing', attempt, new Deadline(20_000, clock), { random: () => 1 }),
    ).rejects.toThrow(/listing: gave up within 20\.0 s \(HTTP 500: Server Error\)/);
    expect(clock.t).toBeLessThanOrEqual(20_000);
    expect(calls).toBeGreaterThan(3);
  });

  it('stops at once on a permanent error', async () => {
    const clock = fakeClock();
    const error = await withRetry(
      'creating',
      async () => {
        throw httpError(403, 'Resource not accessible by integration');
      },
      new Deadline(20_000, clock),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiUnavailable);
    expect((error as ApiUnavailable).status).toBe(403);
    expect((error as ApiUnavailable).transient).toBe(false);
    expect(clock.waits).toEqual([]);
  });

  it('honours Retry-After when it is longer than the backoff', async () => {
    const clock = fakeClock();
    let calls = 0;
    await withRetry(
      'x',
      async () => {
        calls += 1;
        if (calls === 1) throw httpError(429, 'slow', { 'retry-after': '4' });
        return 1;
      },
      new Deadline(20_000, clock),
      { random: () => 0 },
    );
    expect(clock.waits).toEqual([4000]);
  });

  it('aborts an attempt that hangs, at the deadline', async () => {
    const started = Date.now();
    const hang = (signal: AbortSignal) =>
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    await expect(withRetry('x', hang, new Deadline(150))).rejects.toThrow(/request timed out/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('tries a non-idempotent call once', async () => {
    const clock = fakeClock();
    let calls = 0;
    const error = await withRetry(
      'creating',
      async () => {
        calls += 1;
        throw httpError(502);
      },
      new Deadline(20_000, clock),
      { maxAttempts: 1 },
    ).catch((e: unknown) => e as ApiUnavailable);
    expect(calls).toBe(1);
    expect(error.transient).toBe(true);
  });
});

describe('pauseBeforeRetry', () => {
  it('waits the backoff, or the Retry-After the last failure carried when longer', async () => {
    const clock = fakeClock();
    const deadline = new Deadline(20_000, clock);
    const half = () => 0.5;
    expect(await pauseBeforeRetry(new ApiUnavailable('x', 502, true), 0, deadline, half)).toBe(true);
    expect(await pauseBeforeRetry(new ApiUnavailable('x', 403, true, 3_000), 1, deadline, half)).toBe(true);
    expect(clock.waits).toEqual([backoffMs(0, half), 3_000]);
  });

  it('gives up at once when the wait would outlast the deadline', async () => {
    const clock = fakeClock();
    const deadline = new Deadline(20_000, clock);
    expect(await pauseBeforeRetry(new ApiUnavailable('x', 403, true, 60_000), 0, deadline)).toBe(false);
    expect(clock.waits).toEqual([]);
  });
});

describe('withRetry, giving up', () => {
  it('hands the server-requested wait of its last failure to the caller', async () => {
    const deadline = new Deadline(20_000, fakeClock());
    const failing = async () => {
      throw httpError(403, 'You have exceeded a secondary rate limit', { 'retry-after': '60' });
    };
    await expect(withRetry('creating', failing, deadline, { maxAttempts: 1 })).rejects.toMatchObject({
      transient: true,
      retryAfterMs: 60_000,
    });
  });
});
