import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus and fuzz suites spawn the CLI; two cores, so keep workers to two.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
