import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests that read ../shared (the external corpus, CONTROLS.md, the official SARIF schema, the
 * provider schemas). The workplace's CI lays ../shared beside the clone and .ci/run refuses to
 * run without it; a plain GitHub checkout has none, so there these files are left out, and the
 * run says so, rather than failing on a missing folder.
 */
const NEEDS_SHARED = [
  'test/action/e2e.test.ts',
  'test/cdktf/provider-schema.test.ts',
  'test/e2e/cli.test.ts',
  'test/e2e/corpus.test.ts',
  'test/inventory/aws/iam/corpus.test.ts',
  'test/inventory/aws/runtime/corpus.test.ts',
  'test/read/fuzz.test.ts',
  'test/read/hcl/fuzz-hcl.test.ts',
  'test/read/hcl/read-hcl.test.ts',
  'test/read/plan-json.test.ts',
  'test/read/read-inputs.test.ts',
  'test/read/tfjson/read-tfjson.test.ts',
  'test/report/sarif.test.ts',
  'test/schemas.test.ts',
];

const root = path.dirname(fileURLToPath(import.meta.url));
const hasShared = existsSync(path.resolve(root, '..', 'shared', 'corpus'));
if (!hasShared) {
  console.warn(
    `../shared is not beside this checkout: ${NEEDS_SHARED.length} test files that read the external corpus and schemas are left out (${NEEDS_SHARED.join(', ')}).`,
  );
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: hasShared ? [] : NEEDS_SHARED,
    // The corpus and fuzz suites spawn the CLI; two cores, so keep workers to two.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
