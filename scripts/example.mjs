#!/usr/bin/env node
/**
 * `npm run example`: checks the bundled compliant examples (must pass) and the deliberately
 * noncompliant ones (must fail with the controls they were written to break), printing every
 * report. Exits 0 only when every verdict is as expected, so it doubles as a smoke test.
 *
 * The CDKTF examples (examples/cdktf/*.ts) are synthesized first: each app is bundled on the
 * fly with esbuild (cdktf, constructs and the WebAssembly packages stay external) and run with
 * node, writing its synth output under cdktf.out/examples/ (gitignored); the check then reads it.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTsEntry } from './bundle-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const synthRoot = path.join(root, 'cdktf.out', 'examples');

const cases = [
  {
    name: 'cdktf compliant (Lambda, GitHub and issue-tracker tools)',
    synth: { file: 'examples/cdktf/compliant-lambda.ts', build: 'buildCompliantLambdaApp' },
    args: ['--scope', 'all'],
    exit: 0,
    controls: [],
  },
  {
    name: 'cdktf compliant (multi-tenant, ECS Fargate)',
    synth: { file: 'examples/cdktf/multi-tenant-ecs.ts', build: 'buildMultiTenantEcsApp' },
    args: ['--scope', 'all'],
    exit: 0,
    controls: [],
  },
  {
    name: 'cdktf compliant (one identity per tenant, Lambda)',
    synth: { file: 'examples/cdktf/per-tenant-lambda.ts', build: 'buildPerTenantLambdaApp' },
    args: ['--scope', 'all'],
    exit: 0,
    controls: [],
  },
  {
    name: 'cdktf noncompliant',
    synth: { file: 'examples/cdktf/noncompliant.ts', build: 'buildNoncompliantApp' },
    exit: 1,
    controls: [
      'MCP-NHI-001',
      'MCP-NHI-002',
      'MCP-NHI-003',
      'MCP-NHI-005',
      'MCP-NHI-007',
      'MCP-NHI-009',
      'MCP-NHI-010',
      'MCP-NHI-013',
      'MCP-NHI-024',
    ],
  },
  { name: 'compliant', input: 'examples/terraform/compliant', exit: 0, controls: [] },
  {
    name: 'noncompliant',
    input: 'examples/terraform/noncompliant',
    exit: 1,
    controls: [
      'MCP-NHI-002',
      'MCP-NHI-003',
      'MCP-NHI-005',
      'MCP-NHI-007',
      'MCP-NHI-009',
      'MCP-NHI-010',
      'MCP-NHI-013',
    ],
  },
];

/** Bundles one example app and runs it with node, synthesizing into `outdir`. */
async function synthesize({ file, build }, outdir) {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const bundle = path.join(synthRoot, `.${path.basename(file, '.ts')}.mjs`);
  await bundleTsEntry({
    root,
    contents: `import { ${build} } from './${file}';\n${build}({ outdir: process.argv[2] }).synth();\n`,
    sourcefile: 'example-entry.ts',
    outfile: bundle,
  });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bundle, outdir],
      { cwd: root, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({ ok: !error, stdout, stderr });
      },
    );
  });
}

function run(args) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: root, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr });
      },
    );
  });
}

let ok = true;
/** A CDKTF example synthesizes into cdktf.out/examples/<its file name>, and is checked there. */
const inputOf = (example) =>
  example.input ?? path.relative(root, path.join(synthRoot, path.basename(example.synth.file, '.ts')));

for (const example of cases) {
  const input = inputOf(example);
  const args = ['check', input, ...(example.args ?? [])];
  if (example.synth) {
    console.log(`\n━━ ${example.name}: synthesize ${example.synth.file}`);
    const synth = await synthesize(example.synth, path.join(root, input));
    if (!synth.ok) {
      ok = false;
      process.stdout.write(synth.stdout);
      process.stderr.write(synth.stderr);
      console.error(`✗ ${example.name}: synth failed`);
      continue;
    }
  }
  console.log(`\n━━ ${example.name}: mcp-nhi-guard ${args.join(' ')}\n`);
  const text = await run(args);
  process.stdout.write(text.stdout);
  process.stderr.write(text.stderr);
  const json = await run([...args, '--format', 'json']);
  let findings = [];
  try {
    findings = JSON.parse(json.stdout).findings;
  } catch {
    console.error(`✗ ${example.name}: the JSON report did not parse`);
    ok = false;
    continue;
  }
  const found = [...new Set(findings.filter((f) => f.status === 'fail').map((f) => f.control))];
  const missing = example.controls.filter((id) => !found.includes(id));
  // A compliant example passes with no finding at all: not even an unknown or a waived one.
  const extra = example.exit === 0 ? findings.map((f) => `${f.control} ${f.status} ${f.address}`) : [];
  const verdictOk = text.code === example.exit && json.code === example.exit;
  if (!verdictOk || missing.length > 0 || extra.length > 0) {
    ok = false;
    console.error(
      `✗ ${example.name}: exit ${text.code} (expected ${example.exit})` +
        (missing.length ? `; missing findings for ${missing.join(', ')}` : '') +
        (extra.length ? `; expected no findings, got ${extra.length} (${extra.slice(0, 3).join('; ')})` : ''),
    );
  } else {
    console.log(
      `✓ ${example.name}: exit ${text.code} as expected${found.length ? ` (${found.join(', ')})` : ''}`,
    );
  }
}
console.log(ok ? '\nexample: every verdict as expected' : '\nexample: a verdict was not as expected');
process.exit(ok ? 0 : 1);
