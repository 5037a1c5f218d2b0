#!/usr/bin/env node
/**
 * Bundles the CLI (dist/cli.js) and the GitHub Action (dist/index.js) with esbuild. dist/ is
 * committed so the GitHub Action runs without an install; `--check` rebuilds in memory and
 * fails when the committed dist/ is stale.
 *
 * @cdktn/hcl2json stays external: it loads its WebAssembly from files next to its own code,
 * so a copy of the package, and of the packages it requires, ships in dist/node_modules where
 * Node's resolution finds it. Code loaded on demand (the policy loader, the HCL and Terraform
 * JSON readers, the GitHub client) goes in dist/chunks.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ESM_REQUIRE_BANNER } from './bundle-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const check = process.argv.includes('--check');

// index: the GitHub Action (action.yml `main`); cli: the command line.
const entries = { cli: 'action/cli-bin.ts', index: 'action/index.ts' };
const external = ['@cdktn/hcl2json'];

/**
 * Replaces action/controls/precompiled.ts with Ajv's standalone validators of the built-in
 * control schemas, compiled with the options control-ajv.ts uses (control-ajv-options.json).
 */
const precompiledControls = {
  name: 'precompiled-controls',
  setup(build) {
    build.onLoad({ filter: /[\\/]action[\\/]controls[\\/]precompiled\.ts$/ }, async () => {
      const { Ajv2020 } = await import('ajv/dist/2020.js');
      const standalone = (await import('ajv/dist/standalone/index.js')).default;
      const options = JSON.parse(
        await readFile(path.join(root, 'action', 'controls', 'control-ajv-options.json'), 'utf8'),
      );
      const ajv = new Ajv2020({ ...options, code: { source: true, esm: true } });
      ajv.addKeyword({ keyword: 'x-nhi-control', schemaType: 'object' });
      ajv.addKeyword({ keyword: 'x-nhi-message', schemaType: 'string' });
      const dir = path.join(root, 'schemas', 'controls');
      const exports = {};
      for (const file of (await readdir(dir)).sort()) {
        const schema = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
        ajv.addSchema(schema);
        exports[`control${Object.keys(exports).length}`] = schema.$id;
      }
      const code = standalone.default ? standalone.default(ajv, exports) : standalone(ajv, exports);
      const byId = Object.entries(exports).map(([name, id]) => `  ${JSON.stringify(id)}: ${name},`);
      return {
        contents: `${code}\nexport const precompiledControls = {\n${byId.join('\n')}\n};\n`,
        loader: 'js',
        resolveDir: path.join(root, 'action', 'controls'),
      };
    });
  },
};

/**
 * Replaces action/controls/compile-control.ts, whose Ajv the bundle never needs: built-in
 * controls are precompiled above, custom ones compiled by the policy loader. Reaching it is a
 * bug, said so, rather than a silent pass.
 */
const noRuntimeCompile = {
  name: 'no-runtime-compile',
  setup(build) {
    build.onLoad({ filter: /[\\/]action[\\/]controls[\\/]compile-control\.ts$/ }, () => ({
      contents:
        'export function compileControl(schema) {\n' +
        "  const id = schema['x-nhi-control']?.id ?? schema.$id;\n" +
        '  throw new Error(`control ${id} was not compiled by the policy loader`);\n' +
        '}\n',
      loader: 'js',
    }));
  },
};

/** Replaces action/version.ts with the version alone, so the bundle does not embed package.json. */
const versionOnly = {
  name: 'version-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]action[\\/]version\.ts$/ }, async () => {
      const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
      return { contents: `export const VERSION = ${JSON.stringify(version)};\n`, loader: 'js' };
    });
  },
};

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: entries,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: dist,
  write: false,
  external,
  legalComments: 'none',
  plugins: [precompiledControls, noRuntimeCompile, versionOnly],
  // The policy loader is imported on demand, in a chunk of its own with YAML and Ajv.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  banner: { js: ESM_REQUIRE_BANNER },
});

const files = new Map(
  result.outputFiles.map((file) => [path.relative(root, file.path), Buffer.from(file.contents)]),
);
// The external packages and everything they require at run time: the Action runs from a checkout
// of this repository, where dist/node_modules is all there is (@cdktn/hcl2json needs fs-extra).
for (const dir of await runtimeClosure(external)) {
  const from = path.join(root, dir);
  for (const file of await listFiles(from)) {
    if (/\.(d\.ts|map)$|^\.|eslint/.test(file) || file.startsWith(`node_modules${path.sep}`)) continue;
    files.set(path.join('dist', dir, file), await readFile(path.join(from, file)));
  }
}

// dist/ is ESM whatever the package around it says.
files.set(path.join('dist', 'package.json'), Buffer.from('{ "type": "module" }\n'));

if (check) {
  const stale = [];
  for (const [file, contents] of files) {
    const committed = await readFile(path.join(root, file)).catch(() => undefined);
    if (!committed?.equals(contents)) stale.push(file);
  }
  const extra = (await listFiles(dist).catch(() => []))
    .map((f) => path.join('dist', f))
    .filter((f) => !files.has(f));
  if (stale.length > 0 || extra.length > 0) {
    console.error(
      `dist/ is stale: ${[...stale, ...extra].join(', ')}. Run \`npm run build\` and commit dist/.`,
    );
    process.exit(1);
  }
  console.log(`dist/ is up to date (${files.size} files).`);
} else {
  await rm(dist, { recursive: true, force: true });
  for (const [file, contents] of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), contents);
  }
}

/**
 * The installed folders (`node_modules/a`, `node_modules/a/node_modules/b`) of `packages` and of
 * their dependencies, transitively, found as Node finds them: nearest node_modules first.
 * Optional dependencies count when installed.
 */
async function runtimeClosure(packages) {
  const found = new Set();
  const visit = async (name, from, optional) => {
    // From `from` up to the root, the node_modules folders of every directory that is none.
    const dirs = [];
    for (let dir = from; ; dir = path.dirname(dir)) {
      if (path.basename(dir) !== 'node_modules') dirs.push(dir);
      if (dir === '.') break;
    }
    const folder = dirs
      .map((dir) => path.join(dir, 'node_modules', name))
      .find((candidate) => existsSync(path.join(root, candidate, 'package.json')));
    if (folder === undefined) {
      if (optional) return;
      throw new Error(`${name}, needed by ${from === '.' ? 'the bundle' : from}, is not installed`);
    }
    if (found.has(folder)) return;
    found.add(folder);
    const manifest = JSON.parse(await readFile(path.join(root, folder, 'package.json'), 'utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) await visit(dep, folder, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) await visit(dep, folder, true);
  };
  for (const name of packages) await visit(name, '.', false);
  return [...found].sort();
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)));
  }
  return out.sort();
}
