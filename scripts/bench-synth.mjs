#!/usr/bin/env node
/**
 * Measures CDKTF synth of 100 MCP servers × 10 tools (construction, the synth-time check and
 * writing cdktf.out), against synthesizing the same number of bare resources (1,000 plain
 * `aws_iam_role`s, 100 per stack-equivalent) in the same run, and prints one markdown table
 * row: the median time of each and their ratio. The constructs are bundled on the fly with
 * esbuild, as `npm run example` does; output goes to cdktf.out/bench (gitignored).
 *
 * Usage: node scripts/bench-synth.mjs [--servers 100] [--tools 10] [--runs 3]
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleTsEntry } from './bundle-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const servers = arg('servers', 100);
const tools = arg('tools', 10);
const runs = arg('runs', 3);
const work = path.join(root, 'cdktf.out', 'bench');
await mkdir(work, { recursive: true });

const bundle = path.join(work, 'bench-synth-entry.mjs');
await bundleTsEntry({
  root,
  contents: `
import { App, TerraformStack } from 'cdktf';
import { AwsProvider, Grant, IamRole, McpServer, SynthCheck } from './cdktf/index.ts';
const ACCOUNT = '111122223333';
const IMAGE = ACCOUNT + '.dkr.ecr.eu-west-1.amazonaws.com/mcp@sha256:' + 'ab'.repeat(32);
export function servers(outdir, count, tools) {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  SynthCheck.of(stack).configure({ today: '2026-11-25' });
  for (let s = 0; s < count; s++) {
    const table = 'arn:aws:dynamodb:eu-west-1:' + ACCOUNT + ':table/t' + s;
    new McpServer(stack, 'Server' + s, {
      name: 'mcp-' + s, owner: 'team@example.com', environment: 'prod', reviewBy: '2027-06-30',
      account: ACCOUNT, region: 'eu-west-1', lambda: { imageUri: IMAGE },
      tools: Array.from({ length: tools }, (_, t) => ({
        name: 'tool_' + t,
        writeCapable: t % 2 === 1,
        grants: [Grant.allow(t % 2 ? ['dynamodb:PutItem'] : ['dynamodb:Query'], [table])],
      })),
    });
  }
  app.synth();
}
export function bare(outdir, count) {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  for (let i = 0; i < count; i++) {
    new IamRole(stack, 'Role' + i, { name: 'role-' + i, assumeRolePolicy: '{}' });
  }
  app.synth();
}
`,
  sourcefile: 'bench-synth-entry.ts',
  outfile: bundle,
});
const entry = await import(pathToFileURL(bundle).href);

async function time(fn) {
  const outdir = path.join(work, 'out');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  fn(outdir);
  return Number(process.hrtime.bigint() - start) / 1e9;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One warm-up of each, so module loading and JIT are not measured.
await time((outdir) => entry.servers(outdir, 2, tools));
await time((outdir) => entry.bare(outdir, 20));
const constructs = [];
const bare = [];
for (let i = 0; i < runs; i++) {
  constructs.push(await time((outdir) => entry.servers(outdir, servers, tools)));
  bare.push(await time((outdir) => entry.bare(outdir, servers * tools)));
}
const c = median(constructs);
const b = median(bare);
console.log(
  `| CDKTF synth, ${servers} servers × ${tools} tools (with the synth-time check) | ${c.toFixed(2)} s | ` +
    `${(c / b).toFixed(1)}× synth of ${servers * tools} bare aws_iam_role (${b.toFixed(2)} s) |`,
);
await rm(work, { recursive: true, force: true });
