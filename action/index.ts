/** The Action's entry point (dist/index.js): all logic is in main.ts, where tests can reach it. */
import { tuneJitForOneShotRun } from './jit.js';
import { run } from './main.js';

tuneJitForOneShotRun();
await run();
