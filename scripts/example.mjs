#!/usr/bin/env node
/**
 * `npm run example`: checks the bundled compliant example (must pass) and the deliberately
 * noncompliant one (must fail with the controls it was written to break), printing both
 * reports. Exits 0 only when both verdicts are as expected, so it doubles as a smoke test.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');

const cases = [
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
for (const example of cases) {
  console.log(`\n━━ ${example.name}: mcp-nhi-guard check ${example.input}\n`);
  const text = await run(['check', example.input]);
  process.stdout.write(text.stdout);
  process.stderr.write(text.stderr);
  const json = await run(['check', example.input, '--format', 'json']);
  let found = [];
  try {
    found = [
      ...new Set(
        JSON.parse(json.stdout)
          .findings.filter((f) => f.status === 'fail')
          .map((f) => f.control),
      ),
    ];
  } catch {
    console.error(`✗ ${example.name}: the JSON report did not parse`);
    ok = false;
    continue;
  }
  const missing = example.controls.filter((id) => !found.includes(id));
  const verdictOk = text.code === example.exit && json.code === example.exit;
  if (!verdictOk || missing.length > 0) {
    ok = false;
    console.error(
      `✗ ${example.name}: exit ${text.code} (expected ${example.exit})` +
        (missing.length ? `; missing findings for ${missing.join(', ')}` : ''),
    );
  } else {
    console.log(
      `✓ ${example.name}: exit ${text.code} as expected${found.length ? ` (${found.join(', ')})` : ''}`,
    );
  }
}
console.log(ok ? '\nexample: both verdicts as expected' : '\nexample: a verdict was not as expected');
process.exit(ok ? 0 : 1);
