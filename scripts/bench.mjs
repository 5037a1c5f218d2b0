#!/usr/bin/env node
/**
 * `npm run bench`: the check's speed and memory on a large plan, as ratios to a baseline
 * measured in the same run on the same machine (never absolute thresholds).
 *
 * The plan: every AWS resource change in ../shared/corpus/plans replicated under new
 * addresses (`module.mcp["svc-N"]...`) until there are at least 20,000 resources, with the
 * MCP attribution tags on half of the services so the inventory has real work, plus the
 * configuration block that resolves references inside the module.
 *
 * Baseline: a Node process that reads the file and JSON.parses it. Candidates: the bundled
 * CLI (dist/cli.js) checking the same file as users run it (see `cases`). Each runs in its own
 * process (so peak RSS is its own), five times; the medians are compared.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'plans');
const out = path.join(root, 'bench-out');
const NAME_KEYS = new Set([
  'name',
  'user',
  'users',
  'role',
  'roles',
  'group',
  'groups',
  'role_name',
  'function_name',
]);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = Number(process.env.BENCH_RESOURCES ?? 20_000);

mkdirSync(out, { recursive: true });
const planPath = path.join(out, `plan-${TARGET}.json`);
const count = buildPlan(planPath);
const size = statSync(planPath).size;
console.log(
  `bench plan: ${count} resources, ${(size / 1048576).toFixed(1)} MiB (${path.relative(root, planPath)})`,
);

const parse = measure('JSON.parse baseline', [
  '-e',
  'const t=process.hrtime.bigint();JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));',
  planPath,
]);
const cli = path.join(root, 'dist', 'cli.js');
// What users run: the default (scope mcp, text to the terminal), and the heaviest output: every
// identity judged, the whole JSON report (findings plus inventory) or SARIF written to a file.
const cases = [
  { label: '`check plan.json` (defaults: --scope mcp, text)', args: [] },
  {
    label: '`--scope all --format json --output report.json`',
    args: ['--scope', 'all', '--format', 'json', '--output', path.join(out, 'report.json')],
  },
  {
    label: '`--scope all --format sarif --output report.sarif`',
    args: ['--scope', 'all', '--format', 'sarif', '--output', path.join(out, 'report.sarif')],
  },
];
const results = cases.map((c) => ({
  ...c,
  ...measure(`check ${c.args.join(' ') || '(defaults)'}`, [
    cli,
    'check',
    planPath,
    ...c.args,
    '--fail-on',
    'never',
  ]),
}));

const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
console.log(
  `\n--scope all finds ${report.findings.length} findings on ${report.summary.resources} resources (${report.summary.identities} identities)`,
);
console.log(
  `\n| check on ${count} resources | wall time, median of ${RUNS} | ratio to parse (${parse.ms.toFixed(0)} ms) | peak RSS | ratio to parse (${parse.rssMiB.toFixed(0)} MiB) |`,
);
console.log('| --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.label} | ${r.ms.toFixed(0)} ms | ${(r.ms / parse.ms).toFixed(2)}× | ${r.rssMiB.toFixed(0)} MiB | ${(r.rssMiB / parse.rssMiB).toFixed(2)}× |`,
  );
}
const worst = Math.max(...results.map((r) => r.ms / parse.ms));
console.log(`\ntarget for the check: ≤ 2.00× parse time; slowest case now ${worst.toFixed(2)}×`);

function measure(label, args) {
  const times = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--max-old-space-size=8192', ...wrap(args)], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
      console.error(`${label} failed (exit ${result.status}): ${result.stderr.split('\n')[0]}`);
      process.exit(1);
    }
    const maxRss = Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1] ?? 0);
    times.push(ms);
    rss.push(maxRss / 1024);
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const result = { ms: med(times), rssMiB: med(rss) };
  console.log(
    `${label}: ${times.map((t) => t.toFixed(0)).join(', ')} ms; peak RSS ${result.rssMiB.toFixed(0)} MiB`,
  );
  return result;
}

/** Runs the command and reports its peak RSS (KiB) on stderr when it exits. */
function wrap(args) {
  const report =
    'process.on("exit",()=>process.stderr.write("MAXRSS "+process.resourceUsage().maxRSS+"\\n"));';
  if (args[0] === '-e') return ['-e', report + args[1], args[2]];
  return ['--import', `data:text/javascript,${encodeURIComponent(report)}`, ...args];
}

function buildPlan(file) {
  const templates = [];
  const configs = [];
  for (const name of readdirSync(corpus)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const plan = JSON.parse(readFileSync(path.join(corpus, name), 'utf8').replace(/^\uFEFF/, ''));
    for (const change of plan.resource_changes ?? []) {
      if (!change.type.startsWith('aws_') || change.change.actions.includes('delete')) continue;
      templates.push(change);
    }
    collectConfig(plan.configuration?.root_module, configs);
  }
  // IAM names are unique in an account: give each service's copies names of their own, and
  // rename the literal references to them (`user = "name"`, `roles = ["name"]`) alike.
  const names = new Set(
    templates.map((t) => t.change.after?.name).filter((n) => typeof n === 'string' && n !== ''),
  );
  const services = Math.ceil(TARGET / templates.length);
  const changes = [];
  for (let s = 0; s < services; s++) {
    const key = `svc-${s}`;
    const attributed = s % 2 === 0;
    for (const template of templates) {
      const address = `module.mcp["${key}"].${template.mode === 'data' ? 'data.' : ''}${template.type}.${template.name}${
        template.index === undefined ? '' : `[${JSON.stringify(template.index)}]`
      }`;
      const after = template.change.after ? renamed(template.change.after, names, s) : null;
      if (after && attributed && ('tags' in after || template.type === 'aws_iam_role')) {
        after.tags = { ...(after.tags ?? {}), 'mcp-nhi:server': key, 'mcp-nhi:owner': 'bench@example.com' };
        if (template.type === 'aws_iam_role') after.tags['mcp-nhi:tool'] = `${template.name}-${s}`;
      }
      changes.push({
        ...template,
        address,
        module_address: `module.mcp["${key}"]`,
        change: { ...template.change, after },
      });
    }
  }
  const plan = {
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: changes,
    configuration: {
      root_module: { module_calls: { mcp: { source: './mcp', module: { resources: configs } } } },
    },
  };
  writeFileSync(file, JSON.stringify(plan));
  return changes.length;
}

function renamed(after, names, service) {
  const out = { ...after };
  const rename = (value) => (typeof value === 'string' && names.has(value) ? `${value}-${service}` : value);
  for (const key of Object.keys(out)) {
    if (!NAME_KEYS.has(key)) continue;
    out[key] = Array.isArray(out[key]) ? out[key].map(rename) : rename(out[key]);
  }
  return out;
}

function collectConfig(module, into) {
  if (!module) return;
  for (const resource of module.resources ?? []) into.push(resource);
  for (const call of Object.values(module.module_calls ?? {})) collectConfig(call.module, into);
}
