import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPaths } from '../../action/check.js';
import { planAnnotations } from '../../action/github/annotations.js';
import { createRedactor } from '../../action/redact.js';
import { duration, renderBlastRadius } from '../../action/report/mermaid.js';
import { repoRoot } from '../helpers/paths.js';
import { record } from '../helpers/records.js';
import { finding, sampleReport } from '../report/sample-report.js';

const example = (kind: string) => path.join('examples', 'terraform', kind);

describe('renderBlastRadius', () => {
  it('draws server → tools → identities → reach, blocking nodes and edges in red', async () => {
    const { report } = await checkPaths([path.join(repoRoot, example('noncompliant'))]);
    const text = renderBlastRadius(report);
    expect(text).toContain('### Blast radius');
    expect(text).toContain('```mermaid\nflowchart LR');
    expect(text).toMatch(/\["server ops-mcp"\]/);
    expect(text).toMatch(/\["tool run_command"\]/);
    expect(text).toMatch(/\["aws_iam_role\.ops_tools<br\/>session 12 h"\]:::fail/);
    expect(text).toMatch(/static key aws_iam_access_key\.deployer"\]:::fail/);
    expect(text).toMatch(/-->\|"may: ❌ MCP-NHI-007"\|/);
    expect(text).toMatch(/-->\|"signs in as: ❌ MCP-NHI-002"\|/);
    expect(text).toMatch(/linkStyle [\d,]+ stroke:#d1242f/);
  });

  it('draws a compliant server without red', async () => {
    const { report } = await checkPaths([path.join(repoRoot, example('compliant'))]);
    const text = renderBlastRadius(report);
    expect(text).toMatch(/session 1 h/);
    expect(text).not.toContain(':::fail');
    expect(text).not.toContain('linkStyle');
  });

  it('keeps crafted names from breaking out of the fence or the label', () => {
    const report = sampleReport();
    const evil = 'x"]\n```\n<img src=x onerror=alert(1)> @org/team';
    const inventory = {
      ...report.inventory,
      servers: report.inventory.servers.map((server) => ({ ...server, name: evil })),
      tools: report.inventory.tools.map((tool) => ({ ...tool, server: evil, name: `${evil}-tool` })),
    };
    const text = renderBlastRadius({ ...report, inventory });
    expect(text.match(/```/g)).toHaveLength(2 * inventory.servers.length);
    expect(text).not.toContain('<img');
    expect(text).toContain('x#34;]<br/>#96;#96;#96;<br/>#60;img');
    expect(text).not.toContain('x"]');
    expect(text).not.toContain('@org');
  });

  it('scrubs secrets from labels before they are encoded or cut short', async () => {
    const { report } = await checkPaths([path.join(repoRoot, example('noncompliant'))]);
    const secret = 'ops#Falcon-77-zq';
    const longSecret = `Quartz-Meadow-5521-${'q'.repeat(60)}`;
    const redactor = createRedactor([
      record('aws_lambda_function.f', {
        environment: [{ variables: { A_PASSWORD: secret, B_TOKEN: longSecret } }],
      }),
    ]);
    const inventory = {
      ...report.inventory,
      servers: report.inventory.servers.map((server) => ({ ...server, name: secret })),
      tools: report.inventory.tools.map((tool) => ({ ...tool, server: secret })),
      identities: report.inventory.identities.map((identity) => ({
        ...identity,
        servers: identity.servers.map(() => secret),
        // Past the 60 characters a label keeps: only its head would be left to find.
        broadGrants: identity.broadGrants.map((grant) => ({
          ...grant,
          detail: `${'y'.repeat(40)} ${longSecret}`,
        })),
      })),
    };
    const text = renderBlastRadius({ ...report, inventory }, { scrub: redactor.scrub });
    expect(text).toContain('server [redacted]');
    expect(text).toContain(`${'y'.repeat(40)} [redacted]`);
    expect(text).not.toMatch(/Falcon|Quartz/);
  });

  it("cuts long names short, so a diagram stays under Mermaid's 50,000 characters of text", () => {
    const report = sampleReport();
    const long = `module.tenants["${'t'.repeat(20_000)}"]`;
    const inventory = {
      ...report.inventory,
      tools: report.inventory.tools.map((tool) => ({ ...tool, name: `${long}-${tool.name}` })),
    };
    const text = renderBlastRadius({ ...report, inventory });
    for (const diagram of text.split('```mermaid').slice(1)) {
      expect(diagram.length).toBeLessThan(50_000);
    }
    expect(text).toContain('…');
  });

  it('is empty without servers and caps the node count', () => {
    const report = sampleReport();
    expect(renderBlastRadius({ ...report, inventory: { ...report.inventory, servers: [] } })).toBe('');
    const text = renderBlastRadius(report, { maxNodes: 2 });
    expect(text).toMatch(/more\["…and \d+ more nodes?"\]/);
  });

  it('formats durations', () => {
    expect(duration(900)).toBe('15 min');
    expect(duration(43_200)).toBe('12 h');
    expect(duration(90)).toBe('90 s');
  });
});

describe('planAnnotations', () => {
  it('caps each level below GitHub’s 10 and counts the rest', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      finding('MCP-NHI-007', `aws_iam_role.r${i}`, { severity: i % 2 ? 'critical' : 'medium' }),
    );
    const plan = planAnnotations(sampleReport({ findings: many }), repoRoot, repoRoot);
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(9);
    expect(plan.omitted).toEqual({ error: 6, warning: 6 });
  });

  it('points at file and line for .tf input, names the construct path for cdktf', () => {
    const report = sampleReport({
      findings: [
        finding('MCP-NHI-007', 'aws_iam_role.a', { source: { file: 'infra/main.tf', line: 12 } }),
        finding('MCP-NHI-007', 'aws_iam_role.b', {
          source: { file: 'cdktf.out/stacks/app/cdk.tf.json', constructPath: 'app/server/role' },
        }),
      ],
    });
    const [tf, cdktf] = planAnnotations(report, repoRoot, repoRoot).annotations;
    expect(tf?.properties).toMatchObject({ file: 'infra/main.tf', startLine: 12 });
    expect(cdktf?.properties.file).toBeUndefined();
    expect(cdktf?.message).toContain('construct: app/server/role');
  });
});
