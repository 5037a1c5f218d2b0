#!/usr/bin/env node
/**
 * The GitHub Action's cold start: `node dist/index.js` from process start to verdict on
 * examples/terraform/noncompliant, as a ratio to a bare `node -e 0` measured in the same run
 * (ratios, not absolute times, since machines differ). A push event, so no comment and no
 * API; summary, outputs and reports go to temporary files. Median of BENCH_RUNS (default 7)
 * runs each, alternated so drift on the machine hits both sides alike.
 *
 * Prints one markdown table row (with a header when run on its own); `--row` prints the row only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const rowOnly = process.argv.includes('--row');

const temp = mkdtempSync(path.join(tmpdir(), 'nhi-bench-action-'));
const summary = path.join(temp, 'summary.md');
const output = path.join(temp, 'output.txt');
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? temp,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY: 'acme/infra',
  GITHUB_RUN_ID: '1',
  GITHUB_WORKSPACE: root,
  GITHUB_STEP_SUMMARY: summary,
  GITHUB_OUTPUT: output,
  RUNNER_TEMP: temp,
  INPUT_PLAN: 'examples/terraform/noncompliant',
  'INPUT_FAIL-ON': 'high',
  INPUT_COMMENT: 'true',
  INPUT_ANNOTATIONS: 'true',
  'INPUT_SARIF-FILE': path.join(temp, 'out.sarif'),
  'INPUT_WORKING-DIRECTORY': '.',
};

function time(args, expectCode) {
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== expectCode) {
    console.error(`bench-action: ${args.join(' ')} exited ${result.status}, expected ${expectCode}`);
    console.error(result.stdout.slice(-2000), result.stderr.slice(-2000));
    process.exit(1);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// One warm-up of each, so the first measured run does not pay for a cold disk cache.
time(['-e', '0'], 0);
time([path.join(root, 'dist', 'index.js')], 1);
const bare = [];
const action = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0'], 0));
  // The noncompliant example must fail: exit 1 is the verdict, not an error.
  action.push(time([path.join(root, 'dist', 'index.js')], 1));
}
rmSync(temp, { recursive: true, force: true });

const b = median(bare);
const a = median(action);
const row = `| Action cold start (dist/index.js → verdict, examples/terraform/noncompliant) | ${b.toFixed(0)} ms | ${a.toFixed(0)} ms | ${(a / b).toFixed(2)}× |`;
if (!rowOnly) {
  console.log(`\nAction cold start, median of ${RUNS} (Node ${process.versions.node})\n`);
  console.log('| measure | node -e 0 | Action | ratio (Action / node -e 0) |');
  console.log('| --- | --- | --- | --- |');
}
console.log(row);
