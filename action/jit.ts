import { setFlagsFromString } from 'node:v8';

/**
 * A check is one burst of work through many functions, each run some thousands of times and
 * then never again. By default V8 hands a function to its optimising compiler (TurboFan) after
 * a small execution budget; on the bench plan that is about 150 functions and 0.7 s of compile
 * time on a background thread, on a 2-core runner the same cores the check and the garbage
 * collector need. A larger budget leaves TurboFan to the functions that stay hot
 * (`npm run bench`: about 10% off the check's wall time on 20,000 resources; the README has the
 * figures). Baseline compilers (Sparkplug, and Maglev where V8 has it) are unaffected.
 *
 * `--interrupt-budget` has been TurboFan's tier-up budget from Node 20 (V8 11, 66 KiB) to
 * Node 24 (V8 13, 132 KiB). Only this process is affected, never the caller's.
 */
export function tuneJitForOneShotRun(): void {
  setFlagsFromString('--interrupt-budget=524288');
}
