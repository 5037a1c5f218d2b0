/**
 * Runs TypeScript apps (the CDKTF examples, the synth bench) without a TypeScript runtime:
 * esbuild bundles an entry written as source text to an ESM file, keeping the packages that
 * must stay the user's own (cdktf, constructs) or load files beside themselves external.
 */
import * as esbuild from 'esbuild';

/** Bundled CommonJS (ajv, yaml) may call require(); ESM output gets one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __nhiCreateRequire } from 'node:module';\nconst require = __nhiCreateRequire(import.meta.url);";

/**
 * @param {{ root: string, contents: string, sourcefile: string, outfile: string }} options
 *   `contents` is TypeScript; its relative imports resolve from `root`.
 */
export async function bundleTsEntry({ root, contents, sourcefile, outfile }) {
  await esbuild.build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, sourcefile, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['cdktf', 'constructs', '@cedar-policy/cedar-wasm', '@cdktn/hcl2json'],
    logLevel: 'warning',
    banner: { js: ESM_REQUIRE_BANNER },
  });
}
