import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { corpusFiles, repoRoot } from '../helpers/paths.js';

const compliant = path.join(repoRoot, 'examples/terraform/compliant');
const noncompliant = path.join(repoRoot, 'examples/terraform/noncompliant');
const tmp = mkdtempSync(path.join(tmpdir(), 'nhi-cli-'));
const file = (name: string, content: string) => {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
};

describe('exit codes', () => {
  it('0 on the compliant example', async () => {
    const run = await cli('check', compliant);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/PASS/);
    expect(run.code).toBe(0);
  });

  it('1 on the noncompliant example', async () => {
    const run = await cli('check', noncompliant);
    expect(run.stdout).toMatch(/FAIL/);
    expect(run.code).toBe(1);
  });

  it('0 with --fail-on never, 1 with --fail-on medium', async () => {
    expect((await cli('check', noncompliant, '--fail-on', 'never')).code).toBe(0);
    expect((await cli('check', noncompliant, '--fail-on', 'medium')).code).toBe(1);
  });
});

describe('--help', () => {
  it('names every option the parser accepts, with its short form, and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    for (const option of [
      '--policy',
      '--scope',
      '--format',
      '-o, --output',
      '--fail-on',
      '--date',
      '-h, --help',
      '-v, --version',
    ])
      expect(run.stdout).toContain(option);
    // The policy's scope applies when --scope is not given, as for --fail-on.
    expect(run.stdout).toMatch(/--scope[^\n]*\n[^\n]*default: the policy's, else mcp/);
  });
});

describe('bad input: exit 2 and one line naming the file', () => {
  const truncated = readFileSync(corpusFiles('plans')[0]!, 'utf8').slice(0, 500);
  const cases: [string, () => string[]][] = [
    ['a missing path', () => ['check', path.join(tmp, 'nope.json')]],
    ['an empty file', () => ['check', file('empty.json', '')]],
    ['an HTML page', () => ['check', file('page.json', '<!doctype html><html><body>502</body></html>')]],
    ['JSON that is not a plan', () => ['check', file('package.json', '{"name":"x","version":"1.0.0"}')]],
    ['a truncated plan', () => ['check', file('truncated.json', truncated)]],
    ['a folder with nothing to read', () => ['check', mkdtempSync(path.join(tmp, 'empty-dir-'))]],
    [
      'an invalid policy file',
      () => ['check', compliant, '--policy', file('policy.yml', 'version: 1\nfailOn: hgh\n')],
    ],
  ];
  it.each(cases)('%s', async (_name, args) => {
    const argv = args();
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const named = argv.includes('--policy') ? argv.at(-1)! : argv[1]!;
    expect(lines[0]).toContain(named);
  });

  it.each([
    ['an unknown flag', ['check', compliant, '--colour']],
    ['a bad format', ['check', compliant, '--format', 'pdf']],
    ['no command', []],
    ['no path', ['check']],
    ['an unknown command', ['lint', compliant]],
    // Compared as text, a day that does not exist would bring back waivers that have expired.
    ['a date that does not exist', ['check', compliant, '--date', '2026-02-30']],
    ['a month 0', ['check', compliant, '--date', '2025-00-00']],
    ['an empty policy path', ['check', compliant, '--policy', '']],
  ])('usage error: %s', async (_name, argv) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

it('refuses to write the report over an input it checks, and leaves the input as it was', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-cli-overwrite-'));
  const main = path.join(dir, 'main.tf');
  const text = readFileSync(path.join(compliant, 'main.tf'), 'utf8');
  writeFileSync(main, text);
  const run = await cli('check', main, '--output', main);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('is one of the inputs being checked');
  expect(readFileSync(main, 'utf8')).toBe(text);
});

describe('report order', () => {
  it('markdown lists blocking controls by severity first: criticals before a high with more findings', async () => {
    const run = await cli('check', noncompliant, '--format', 'markdown');
    const headings = run.stdout.split('\n').filter((line) => /^#### .* MCP-NHI-\d+/.test(line));
    const position = (id: string) => headings.findIndex((line) => line.includes(id));
    expect(position('MCP-NHI-007')).toBeLessThan(position('MCP-NHI-009'));
    expect(position('MCP-NHI-002')).toBeLessThan(position('MCP-NHI-009'));
    expect(position('MCP-NHI-009')).toBeLessThan(position('MCP-NHI-024'));
  });
});

describe('options', () => {
  it('--output writes the report and prints the verdict', async () => {
    const out = path.join(tmp, 'report.sarif');
    const run = await cli('check', noncompliant, '--format', 'sarif', '--output', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(out);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('a waiver in the policy file waives a finding, and an unused one is reported', async () => {
    const policy = file(
      'waivers.yml',
      [
        'version: 1',
        'waivers:',
        '  - control: MCP-NHI-010',
        '    address: aws_lambda_function_url.ops',
        '    reason: public demo endpoint behind a WAF until 2027',
        '    owner: platform-security@example.com',
        '    expires: "2099-01-01"',
        '  - control: MCP-NHI-005',
        '    address: aws_iam_role.does_not_exist',
        '    reason: a waiver that matches nothing at all',
        '    owner: platform-security@example.com',
        '    expires: "2099-01-01"',
      ].join('\n'),
    );
    const run = await cli('check', noncompliant, '--policy', policy, '--format', 'json');
    const report = JSON.parse(run.stdout);
    const url = report.findings.filter((f: { control: string }) => f.control === 'MCP-NHI-010');
    expect(url.length).toBeGreaterThan(0);
    expect(url.every((f: { status: string }) => f.status === 'waived')).toBe(true);
    expect(report.summary.waivers.unused).toEqual([
      expect.objectContaining({ address: 'aws_iam_role.does_not_exist' }),
    ]);
  });
});

describe('the bundled CLI (dist/cli.js)', () => {
  const bin = path.join(repoRoot, 'dist', 'cli.js');
  it('prints one line and no stack trace on bad input', () => {
    const run = spawnSync(process.execPath, [bin, 'check', path.join(tmp, 'nope.json')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('judges exactly like the source (its control validators are compiled at build time)', async () => {
    for (const input of [
      noncompliant,
      corpusFiles('plans').find((f) => f.endsWith('checkov__plan_with_iam_policies.json'))!,
    ]) {
      const args = ['check', input, '--scope', 'all', '--format', 'json', '--date', '2026-11-25'];
      const bundled = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      const source = await cli(...args);
      expect(bundled.status).toBe(source.code);
      expect(JSON.parse(bundled.stdout).findings).toEqual(JSON.parse(source.stdout).findings);
    }
  });

  it("judges a policy's custom controls with the validators the policy loader compiled", async () => {
    // The bundle has no Ajv of its own for controls (see compile-control.ts): it loads the
    // policy loader on demand, and that compiles the custom control the check then runs.
    const policy = file(
      'custom.yml',
      `version: 1
customControls:
  - x-nhi-control: { id: ACME-009, title: Servers run in the lab, severity: high, scope: server }
    type: object
    properties:
      servers: { type: array, items: { type: object, required: [environment], properties: { environment: { const: lab } } } }
`,
    );
    const args = ['check', compliant, '--policy', policy, '--format', 'json', '--date', '2026-11-25'];
    const bundled = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    const source = await cli(...args);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(1);
    const found = JSON.parse(bundled.stdout).findings;
    expect(found).toEqual(JSON.parse(source.stdout).findings);
    expect(found.filter((f: { control: string }) => f.control === 'ACME-009')).toEqual([
      expect.objectContaining({ status: 'fail', server: 'issues-mcp' }),
    ]);
  });

  it('stops quietly when the reader of its output goes away (`check … | head`), exit code still the verdict', async () => {
    // The reader closes before the first write, so every write meets a closed pipe.
    const child = spawn(process.execPath, [bin, 'check', noncompliant, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('runs from a copy of dist/ alone, as the Action runs from a checkout without node_modules', () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'nhi-dist-')), 'dist');
    cpSync(path.join(repoRoot, 'dist'), copy, { recursive: true });
    // HCL input loads the parser from dist/node_modules, and with it what the parser requires.
    const run = spawnSync(
      process.execPath,
      [path.join(copy, 'cli.js'), 'check', noncompliant, '--format', 'json'],
      {
        encoding: 'utf8',
        env: { ...process.env, NODE_PATH: '' },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.verdict).toBe('fail');
  });

  it('checks HCL, with the WebAssembly parser shipped beside the bundle', () => {
    const run = spawnSync(process.execPath, [bin, 'check', noncompliant, '--format', 'json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.verdict).toBe('fail');
  });
});
