#!/usr/bin/env node
/**
 * What a user of the published package gets: `npm pack` this repository, install the tarball
 * (with cdktf and constructs, its peers) into an empty project, then use each face from there:
 * the `mcp-nhi-guard` bin, the check API (`import 'mcp-nhi-guard'`) and the constructs
 * (`import 'mcp-nhi-guard/cdktf'`). Guards `exports`, `bin`, `files` and the lib/ build, which
 * the tests (run from source) never touch. Needs the npm registry for the peers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version, peerDependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const project = mkdtempSync(path.join(tmpdir(), 'nhi-consumer-'));
const run = (cmd, args, cwd = project) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

try {
  run('npm', ['pack', '--silent', '--pack-destination', project], root);
  writeFileSync(
    path.join(project, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    `./mcp-nhi-guard-${version}.tgz`,
    `cdktf@${peerDependencies.cdktf}`,
    `constructs@${peerDependencies.constructs}`,
  ]);

  const bin = path.join(project, 'node_modules', '.bin', 'mcp-nhi-guard');
  let cliExit = 0;
  try {
    run(bin, ['check', path.join(root, 'examples/terraform/noncompliant'), '--format', 'json']);
  } catch (error) {
    cliExit = error.status;
  }

  writeFileSync(
    path.join(project, 'use.mjs'),
    `import { checkPaths } from 'mcp-nhi-guard';
import { App, TerraformStack } from 'cdktf';
import { AwsProvider, Grant, McpServer } from 'mcp-nhi-guard/cdktf';
const api = await checkPaths([${JSON.stringify(path.join(root, 'examples/terraform/compliant'))}]);
const app = new App({ outdir: 'out' });
const stack = new TerraformStack(app, 'issues');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
new McpServer(stack, 'Issues', {
  name: 'issues-mcp', owner: 'sec@example.com', environment: 'prod', reviewBy: '2099-12-31',
  account: '111122223333', region: 'eu-west-1',
  lambda: { imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/issues@sha256:${'ab'.repeat(32)}' },
  tools: [{ name: 'search_issues', grants: [Grant.allow(['dynamodb:Query'], ['arn:aws:dynamodb:eu-west-1:111122223333:table/issues'])] }],
});
app.synth();
const synth = await checkPaths(['out'], { scope: 'all' });
console.log(JSON.stringify({ api: api.report.findings.length, synth: synth.report.findings.length }));
`,
  );
  const used = JSON.parse(run(process.execPath, ['use.mjs']).trim().split('\n').at(-1));
  const ok = cliExit === 1 && used.api === 0 && used.synth === 0;
  console.log(
    `package: bin exit ${cliExit} on the noncompliant example (want 1); API ${used.api} findings on the compliant one (want 0); constructs synth ${used.synth} findings (want 0)`,
  );
  if (!ok) process.exit(1);
} finally {
  rmSync(project, { recursive: true, force: true });
}
