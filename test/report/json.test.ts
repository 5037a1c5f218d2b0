import { describe, expect, it } from 'vitest';
import { renderJson } from '../../action/report/json.js';
import { finding, sampleReport } from './sample-report.js';

describe('renderJson', () => {
  it('has the contract keys in a stable order', () => {
    const json = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(json)).toEqual([
      'version',
      'tool',
      'scope',
      'inputs',
      'findings',
      'inventory',
      'summary',
      'controls',
    ]);
    expect(json.version).toBe(1);
    expect(Object.keys(json.findings[0])).toEqual([
      'control',
      'severity',
      'status',
      'address',
      'attribute',
      'server',
      'tool',
      'message',
      'fix',
      'frameworks',
      'source',
    ]);
    expect(Object.keys(json.findings[0].frameworks)).toEqual(['NHI', 'ASI', 'MCP', 'MAESTRO', 'CSF']);
    expect(Object.keys(json.summary)).toEqual([
      'verdict',
      'failOn',
      'unknownBlocks',
      'blocking',
      'counts',
      'bySeverity',
      'resources',
      'servers',
      'tools',
      'identities',
      'notes',
      'waivers',
    ]);
    expect(Object.keys(json.inventory)).toEqual([
      'version',
      'parameters',
      'servers',
      'tools',
      'identities',
      'credentials',
      'workloads',
      'secrets',
      'policies',
    ]);
  });

  it('does not depend on the key order of the objects it is given', () => {
    const report = sampleReport();
    const shuffled = {
      ...report,
      findings: report.findings.map((f) => Object.fromEntries(Object.entries(f).reverse()) as typeof f),
      summary: Object.fromEntries(Object.entries(report.summary).reverse()) as typeof report.summary,
      inventory: Object.fromEntries(Object.entries(report.inventory).reverse()) as typeof report.inventory,
    };
    expect(renderJson(shuffled)).toBe(renderJson(report));
  });

  it('omits undefined keys', () => {
    const text = renderJson(
      sampleReport({
        findings: [
          finding('MCP-NHI-001', 'aws_iam_role.a', {
            attribute: undefined,
            server: undefined,
            refs: undefined,
          }),
        ],
      }),
    );
    const json = JSON.parse(text);
    expect(json.findings[0]).not.toHaveProperty('attribute');
    expect(json.findings[0]).not.toHaveProperty('server');
    expect(json.findings[0]).not.toHaveProperty('tool');
    expect(json.findings[0]).not.toHaveProperty('refs');
    expect(text).not.toContain('undefined');
    expect(json.inputs[1]).toEqual({ path: 'infra/calendar', format: 'hcl', resources: 5 });
  });

  it('round-trips: parsed output equals the report', () => {
    const report = sampleReport();
    const text = renderJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
    const parsed = JSON.parse(text);
    // Same data as the report, with undefined keys dropped.
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    expect(renderJson(parsed)).toBe(text);
  });

  it('keeps unknown and waived details', () => {
    const json = JSON.parse(renderJson(sampleReport()));
    const unknown = json.findings.find((f: { status: string }) => f.status === 'unknown');
    expect(unknown.refs).toEqual(['data.aws_ssm_parameter.session_seconds']);
    const waived = json.findings.find((f: { status: string }) => f.status === 'waived');
    expect(waived.waiver).toEqual({
      reason: 'Vendor integration, migration ticket SEC-123',
      owner: 'team-platform',
      expires: '2026-03-31',
    });
    expect(json.summary.counts).toEqual({ fail: 6, unknown: 1, waived: 1 });
    expect(json.summary.notes).toEqual([]);
  });
});
