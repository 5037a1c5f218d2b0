import { setFlagsFromString } from 'node:v8';

/**
 * A check is one burst of work through many functions, each run some thousands of times and
 * then never again. With V8 11 (Node 20) a function goes to the optimising compiler (TurboFan)
 * after a small execution budget; on the bench plan that is about 150 functions and 0.7 s of
 * compile time on a background thread, on a 2-core runner the same cores the check and the
 * garbage collector need. A larger budget leaves TurboFan to the functions that stay hot
 * (`npm run bench`: about 10% off the check's wall time on 20,000 resources; the README has the
 * figures). Only this process is affected, never the caller's.
 *
 * V8 12 (Node 22) replaced that budget with invocation counts and a mid tier (Maglev), and
 * rejects `--interrupt-budget` with an error on stderr. There, raising the TurboFan count
 * (`--invocation-count-for-turbofan`) measured no gain on Node 24, so nothing is set.
 */
export function tuneJitForOneShotRun(): void {
  const flag = jitFlagFor(process.versions.v8);
  if (flag !== undefined) setFlagsFromString(flag);
}

/** The flag for a V8 version (`process.versions.v8`), or undefined when none is worth setting. */
export function jitFlagFor(v8Version: string): string | undefined {
  return Number.parseInt(v8Version, 10) === 11 ? '--interrupt-budget=524288' : undefined;
}
