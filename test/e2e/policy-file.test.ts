/** A policy file changes the verdict the way it says: custom controls, overrides, parameters. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../action/findings.js';
import { cli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'nhi-policy-e2e-'));
const compliant = path.join(repoRoot, 'examples/terraform/compliant');
const noncompliant = path.join(repoRoot, 'examples/terraform/noncompliant');

function policyFile(name: string, yaml: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, yaml);
  return file;
}

async function findings(input: string, policy: string): Promise<{ code: number; findings: Finding[] }> {
  const run = await cli('check', input, '--policy', policy, '--format', 'json');
  expect(run.stderr).toBe('');
  return { code: run.code, findings: JSON.parse(run.stdout).findings };
}

const acme = `version: 1
customControls:
  - x-nhi-control:
      id: ACME-001
      title: Every server declares its environment
      severity: high
      scope: server
      frameworks: { NHI: [NHI1] }
      fix: Tag the server's resources with mcp-nhi:environment.
    type: object
    properties:
      servers:
        type: array
        items:
          type: object
          required: [environment]
          properties:
            environment: { type: string, minLength: 1 }
`;

describe('policy files end to end', () => {
  it('a custom control passes a server that satisfies it', async () => {
    const result = await findings(compliant, policyFile('acme.yml', acme));
    expect(result.findings.filter((f) => f.control === 'ACME-001')).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('a custom control fails a server that does not, with its own metadata', async () => {
    const dir = mkdtempSync(path.join(tmp, 'no-env-'));
    cpSync(compliant, dir, { recursive: true });
    const main = path.join(dir, 'main.tf');
    writeFileSync(main, readFileSync(main, 'utf8').replace('"mcp-nhi:environment" = "prod"', ''));
    const result = await findings(dir, policyFile('acme2.yml', acme));
    expect(result.findings.filter((f) => f.control === 'ACME-001')).toEqual([
      expect.objectContaining({
        severity: 'high',
        status: 'fail',
        server: 'issues-mcp',
        frameworks: { NHI: ['NHI1'] },
        // In words, without the array index or the server object as "[object Object]".
        message: "must have required property 'environment'",
      }),
    ]);
    expect(result.code).toBe(1);
  });

  it('a disabled control and a lowered severity change the verdict', async () => {
    const policy = policyFile(
      'overrides.yml',
      `version: 1
failOn: high
controls:
  MCP-NHI-002: { enabled: false }
  MCP-NHI-003: { severity: low }
`,
    );
    const result = await findings(noncompliant, policy);
    expect(result.findings.some((f) => f.control === 'MCP-NHI-002')).toBe(false);
    expect(result.findings.filter((f) => f.control === 'MCP-NHI-003').map((f) => f.severity)).toEqual([
      'low',
    ]);
  });

  it('a parameter changes what a control accepts', async () => {
    const policy = policyFile(
      'session.yml',
      `version: 1
controls:
  MCP-NHI-005: { maxSessionSeconds: 43200 }
`,
    );
    const result = await findings(noncompliant, policy);
    expect(result.findings.filter((f) => f.control === 'MCP-NHI-005')).toEqual([]);
  });
});
