/**
 * Several configurations checked at once (the prod and staging plans of one module, the stacks
 * of one CDKTF app per environment) have the same addresses. Each must be judged on its own:
 * one configuration's clean resource must not hide the other's noncompliant one at that address.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../action/findings.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'nhi-configurations-'));
const WIDE = { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' };
const NARROW = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' };

function planFile(name: string, statement: object, address = 'aws_iam_role_policy.tool'): string {
  const [type, resourceName] = address.split('.');
  const plan = {
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: [
      {
        address,
        mode: 'managed',
        type,
        name: resourceName,
        change: {
          actions: ['create'],
          before: null,
          after: { name: 'tool', role: 'tool-role', policy: JSON.stringify({ Statement: [statement] }) },
          after_unknown: {},
          after_sensitive: {},
        },
      },
    ],
  };
  const file = path.join(tmp, name);
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

async function wideGrants(...inputs: string[]): Promise<{ findings: Finding[]; notes: string[] }> {
  const run = await cli('check', ...inputs, '--scope', 'all', '--format', 'json', '--fail-on', 'never');
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout);
  return {
    findings: report.findings.filter((f: Finding) => f.control === 'MCP-NHI-007'),
    notes: report.summary.notes,
  };
}

describe('configurations that share addresses', () => {
  it('judges each plan on its own, in either order', async () => {
    const prod = planFile('prod.json', NARROW);
    const staging = planFile('staging.json', WIDE);
    for (const inputs of [
      [prod, staging],
      [staging, prod],
    ]) {
      const { findings, notes } = await wideGrants(...inputs);
      expect(findings).toEqual([
        expect.objectContaining({ address: 'aws_iam_role_policy.tool', source: { file: staging } }),
      ]);
      expect(notes).toContainEqual(expect.stringContaining('2 configurations share resource addresses'));
    }
  });

  it('reports the same grant once per plan that makes it', async () => {
    const { findings } = await wideGrants(planFile('a.json', WIDE), planFile('b.json', WIDE));
    expect(findings.map((f) => f.source?.file)).toEqual([path.join(tmp, 'a.json'), path.join(tmp, 'b.json')]);
  });

  it('names the file beside a shared address, and SARIF tells the two results apart', async () => {
    const inputs = [planFile('x.json', WIDE), planFile('y.json', WIDE)];
    for (const format of ['text', 'markdown', 'junit']) {
      const run = await cli('check', ...inputs, '--scope', 'all', '--format', format, '--fail-on', 'never');
      expect(run.stdout).toContain('x.json');
      expect(run.stdout).toContain('y.json');
    }
    const sarif = await cli('check', ...inputs, '--scope', 'all', '--format', 'sarif', '--fail-on', 'never');
    const results = JSON.parse(sarif.stdout).runs[0].results as { partialFingerprints: object }[];
    const fingerprints = new Set(results.map((result) => JSON.stringify(result.partialFingerprints)));
    expect(fingerprints.size).toBe(results.length);
  });

  it('names the file beside a shared address and keeps its fingerprint, whether or not the other plan fails there too', async () => {
    const prod = planFile('fp-prod.json', WIDE);
    const sarifOf = async (staging: string) => {
      const run = await cli(
        'check',
        prod,
        staging,
        '--scope',
        'all',
        '--format',
        'sarif',
        '--fail-on',
        'never',
      );
      const results = JSON.parse(run.stdout).runs[0].results as {
        ruleId: string;
        partialFingerprints: Record<string, string>;
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
      return results
        .filter(
          (r) =>
            r.ruleId === 'MCP-NHI-007' &&
            r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('fp-prod.json'),
        )
        .map((r) => r.partialFingerprints);
    };
    // Before, prod's finding had no file in its fingerprint while staging was clean, and one
    // once staging failed too: code scanning closed the alert and opened another.
    const alone = await sarifOf(planFile('fp-staging-clean.json', NARROW));
    expect(alone).toHaveLength(1);
    expect(await sarifOf(planFile('fp-staging-wide.json', WIDE))).toEqual(alone);
    const text = await cli(
      'check',
      prod,
      planFile('fp-staging-clean.json', NARROW),
      '--scope',
      'all',
      '--fail-on',
      'never',
    );
    expect(text.stdout).toContain('aws_iam_role_policy.tool (policy.Statement[0].Resource) in ');
  });

  it('tells apart HCL roots that call one shared module, by the input that read it', async () => {
    const repo = path.join(tmp, 'hcl-repo');
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    };
    write(
      'modules/mcp/main.tf',
      `resource "aws_iam_role_policy" "tool" {
  name   = "tool"
  role   = "tool-role"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "*" }] })
}
`,
    );
    for (const env of ['prod', 'staging'])
      write(`envs/${env}/main.tf`, 'module "mcp" {\n  source = "../../modules/mcp"\n}\n');
    const prod = path.join(repo, 'envs/prod');
    const staging = path.join(repo, 'envs/staging');
    const { findings } = await wideGrants(prod, staging);
    expect(findings.map((f) => f.source?.input)).toEqual([prod, staging]);
    const text = await cli('check', prod, staging, '--scope', 'all', '--fail-on', 'never');
    expect(text.stdout).toContain(`in ${prod}`);
    expect(text.stdout).toContain(`in ${staging}`);
    const sarif = await cli(
      'check',
      prod,
      staging,
      '--scope',
      'all',
      '--format',
      'sarif',
      '--fail-on',
      'never',
    );
    const results = JSON.parse(sarif.stdout).runs[0].results as { partialFingerprints: object }[];
    expect(new Set(results.map((r) => JSON.stringify(r.partialFingerprints))).size).toBe(results.length);
  });

  it('judges the stacks of one CDKTF app on their own', async () => {
    const out = path.join(tmp, 'cdktf.out');
    const stacks: Record<string, object> = {};
    for (const [stack, statement] of [
      ['prod', NARROW],
      ['staging', WIDE],
    ] as const) {
      mkdirSync(path.join(out, 'stacks', stack), { recursive: true });
      const config = {
        resource: {
          aws_iam_role_policy: {
            tool: { name: 'tool', role: 'tool-role', policy: JSON.stringify({ Statement: [statement] }) },
          },
        },
      };
      writeFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), JSON.stringify(config));
      stacks[stack] = { name: stack, synthesizedStackPath: `stacks/${stack}/cdk.tf.json` };
    }
    writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ version: '0.20.0', stacks }));
    const { findings } = await wideGrants(out);
    expect(findings).toEqual([
      expect.objectContaining({
        source: expect.objectContaining({ file: path.join(out, 'stacks/staging/cdk.tf.json') }),
      }),
    ]);
  });

  it('judges each environment with the stacks that share no address, such as the audit trail', async () => {
    const out = path.join(tmp, 'cdktf-audit.out');
    const stacks: Record<string, object> = {};
    const role = (name: string, principal: object = { Service: 'lambda.amazonaws.com' }) => ({
      name,
      max_session_duration: 3600,
      assume_role_policy: JSON.stringify({
        Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
      }),
      tags: { 'mcp-nhi:server': 'github', 'mcp-nhi:owner': 'platform@example.com' },
    });
    const trail = {
      name: 'org',
      s3_bucket_name: 'org-trail',
      is_multi_region_trail: true,
      enable_log_file_validation: true,
      tags: { 'mcp-nhi:owner': 'platform@example.com' },
    };
    for (const [stack, resource] of [
      [
        'audit',
        {
          aws_cloudtrail: { org: trail },
          aws_iam_role: {
            trail_writer: {
              ...role('trail-writer', { AWS: 'arn:aws:iam::111122223333:root' }),
              tags: { 'mcp-nhi:owner': 'platform@example.com' },
            },
          },
        },
      ],
      ['prod', { aws_iam_role: { server: role('prod-server') } }],
      ['staging', { aws_iam_role: { server: role('staging-server') } }],
    ] as const) {
      mkdirSync(path.join(out, 'stacks', stack), { recursive: true });
      writeFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), JSON.stringify({ resource }));
      stacks[stack] = { name: stack, synthesizedStackPath: `stacks/${stack}/cdk.tf.json` };
    }
    writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ version: '0.20.0', stacks }));
    const run = await cli('check', out, '--scope', 'all', '--format', 'json', '--fail-on', 'never');
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    // The audit stack's role trusts an account root: judged with each environment, reported once.
    // Before, prod and staging were judged without the audit stack: no trail, MCP-NHI-022.
    expect(report.findings.filter((f: Finding) => f.control === 'MCP-NHI-022')).toEqual([]);
    const trailWriter = report.findings.filter((f: Finding) => f.address === 'aws_iam_role.trail_writer');
    expect(trailWriter.length).toBeGreaterThan(0);
    expect(new Set(trailWriter.map((f: Finding) => JSON.stringify(f))).size).toBe(trailWriter.length);
    expect(report.inventory.identities).toHaveLength(3);
    expect(report.summary.notes).toContainEqual(
      expect.stringContaining('each was judged on its own, with the one that shares none'),
    );
  });

  it('judges a server the policy declares only in the configurations that hold it', async () => {
    // The MCP server's plan and an unrelated plan checked beside it, which share one address.
    const change = (address: string, after: object) => {
      const [type, name] = address.split('.');
      return {
        address,
        mode: 'managed',
        type,
        name,
        change: { actions: ['create'], before: null, after, after_unknown: {}, after_sensitive: {} },
      };
    };
    const plan = (name: string, ...changes: object[]) => {
      const file = path.join(tmp, name);
      writeFileSync(file, JSON.stringify({ format_version: '1.2', resource_changes: changes }));
      return file;
    };
    const logs = (bucket: string) => change('aws_s3_bucket.logs', { bucket });
    const mcp = plan(
      'server.json',
      change('aws_iam_role.search', {
        name: 'search',
        assume_role_policy: JSON.stringify({
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
      logs('mcp-logs'),
    );
    const other = plan('platform.json', logs('platform-logs'));
    const policy = path.join(tmp, 'policy.yml');
    writeFileSync(
      policy,
      [
        'version: 1',
        'servers:',
        '  - name: github',
        '    select: ["aws_lambda_function.server"]',
        '    tools:',
        '      - name: search',
        '        select: ["aws_iam_role.search"]',
        '  - name: planned',
        '    select: ["aws_lambda_function.later"]',
        '    tools: []',
        '',
      ].join('\n'),
    );
    for (const inputs of [
      [mcp, other],
      [other, mcp],
    ]) {
      const run = await cli('check', ...inputs, '--policy', policy, '--format', 'json', '--fail-on', 'never');
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout);
      // Before, the platform plan had a server github whose tool had no identity (MCP-NHI-001).
      expect(report.inventory.servers.map((server: { name: string }) => server.name).sort()).toEqual([
        'github',
        'planned',
      ]);
      expect(report.findings.filter((f: Finding) => f.control === 'MCP-NHI-001')).toEqual([]);
    }
  });

  it('judges configurations with addresses of their own together, with no note', async () => {
    const { findings, notes } = await wideGrants(
      planFile('one.json', NARROW, 'aws_iam_role_policy.one'),
      planFile('two.json', WIDE, 'aws_iam_role_policy.two'),
    );
    expect(findings.map((f) => f.address)).toEqual(['aws_iam_role_policy.two']);
    expect(notes.join('\n')).not.toContain('share resource addresses');
  });
});
