import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../action/check.js';
import { buildCompliantLambdaApp } from '../../examples/cdktf/compliant-lambda.js';
import { buildMultiTenantEcsApp } from '../../examples/cdktf/multi-tenant-ecs.js';
import { buildNoncompliantApp } from '../../examples/cdktf/noncompliant.js';
import { buildPerTenantLambdaApp } from '../../examples/cdktf/per-tenant-lambda.js';
import { synthApp, type Tf, TODAY } from './helpers.js';

describe('the CDKTF examples, checked on their cdktf.out', () => {
  for (const [name, build, servers, tools] of [
    ['compliant Lambda server', buildCompliantLambdaApp, 1, 4],
    ['multi-tenant ECS Fargate server', buildMultiTenantEcsApp, 1, 3],
    // 3 tools × 2 tenants: the manifest declares each tenant's identity as `<tool>@<tenant>`.
    ['per-tenant Lambda server (one identity per tool per tenant)', buildPerTenantLambdaApp, 1, 6],
  ] as const) {
    it(`${name}: zero findings of every control, with --scope mcp and --scope all`, async () => {
      const outdir = synthApp(build);
      for (const scope of ['mcp', 'all'] as const) {
        const { report } = await checkPaths([outdir], { scope, today: TODAY, failOn: 'low' });
        expect(report.findings.map((f) => `${f.control} ${f.status} ${f.address} ${f.message}`)).toEqual([]);
        expect(report.summary.verdict).toBe('pass');
        expect(report.summary.servers).toBe(servers);
        expect(report.summary.tools).toBe(tools);
        expect(report.inputs[0]?.format).toBe('cdktf');
      }
    });
  }

  it('the manifest names the server and every tool identity by full address', () => {
    const outdir = synthApp(buildCompliantLambdaApp);
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'issues-mcp', 'cdk.tf.json'), 'utf8'));
    const [manifest] = Object.values<Tf>(json.resource.terraform_data);
    const server = manifest.input.servers[0];
    expect(manifest.input.schema).toBe('mcp-nhi-manifest/v1');
    expect(server.identity).toMatch(/^aws_iam_role\.IssuesMcp_ServerRole_/);
    for (const tool of server.tools) {
      const [, name] = tool.identity.split('.');
      expect(json.resource.aws_iam_role[name].tags['mcp-nhi:tool']).toBe(tool.name);
    }
    expect(server.tools.find((t: Tf) => t.name === 'list_pull_requests').scopes).toEqual([
      'repo:status',
      'read:org',
    ]);
  });

  it('the noncompliant example fails with the controls it breaks', async () => {
    const outdir = synthApp(buildNoncompliantApp);
    const { report } = await checkPaths([outdir], { today: TODAY });
    const failed = new Set(report.findings.filter((f) => f.status === 'fail').map((f) => f.control));
    for (const control of ['001', '002', '003', '005', '007', '009', '010', '013', '024']) {
      expect(failed).toContain(`MCP-NHI-${control}`);
    }
    expect(report.summary.verdict).toBe('fail');
  });
});
