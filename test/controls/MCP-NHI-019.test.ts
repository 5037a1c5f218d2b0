import { describe, expect, it } from 'vitest';
import { compliantServer, judge, of, toolRole, toolTags, withRecords } from '../helpers/records.js';

describe('MCP-NHI-019 Every identity has an owner and a review date', () => {
  it('passes tool roles with an owner and a future review date', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-019')).toEqual([]);
  });

  it('flags a tool role without an owner tag', () => {
    const { 'mcp-nhi:owner': _owner, ...tags } = toolTags('search_issues');
    const findings = of(
      judge(withRecords(compliantServer(), toolRole('search_issues', { tags }))),
      'MCP-NHI-019',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        address: 'aws_iam_role.search_issues',
        message: expect.stringContaining('owner'),
      }),
    ]);
  });

  it('flags a review date in the past', () => {
    const tags = { ...toolTags('search_issues'), 'mcp-nhi:review-by': '2025-01-31' };
    const findings = of(
      judge(withRecords(compliantServer(), toolRole('search_issues', { tags }))),
      'MCP-NHI-019',
    );
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringContaining('review-by') })]);
  });

  it('uses the tag names of the policy', () => {
    const policy = {
      tags: {
        server: 'mcp-nhi:server',
        tool: 'mcp-nhi:tool',
        tenant: 'mcp-nhi:tenant',
        owner: 'team',
        reviewBy: 'mcp-nhi:review-by',
        environment: 'mcp-nhi:environment',
      },
    };
    const findings = of(judge(compliantServer(), { policy }), 'MCP-NHI-019');
    expect(findings.map((f) => f.address).sort()).toEqual([
      'aws_iam_role.create_issue',
      'aws_iam_role.search_issues',
    ]);
  });
});

describe('MCP-NHI-019 requiredTags', () => {
  const policy = { controls: { 'MCP-NHI-019': { parameters: { requiredTags: ['cost-center'] } } } };

  it('passes tool roles that carry the tags the policy requires', () => {
    const tagged = ['search_issues', 'create_issue'].map((tool) =>
      toolRole(tool, { tags: { ...toolTags(tool), 'cost-center': 'cc-42' } }),
    );
    expect(of(judge(withRecords(compliantServer(), ...tagged), { policy }), 'MCP-NHI-019')).toEqual([]);
  });

  it('flags a tool role without a required tag, naming it', () => {
    expect(of(judge(compliantServer(), { policy }), 'MCP-NHI-019')).toContainEqual(
      expect.objectContaining({
        address: 'aws_iam_role.search_issues',
        message: expect.stringContaining('cost-center'),
      }),
    );
  });
});

describe('MCP-NHI-019 orphans', () => {
  it('flags an identity with a tool tag and no server tag, which no declared tool claims', () => {
    const stray = toolRole('stray_tool', {
      tags: { 'mcp-nhi:tool': 'stray_tool', 'mcp-nhi:owner': 'a', 'mcp-nhi:review-by': '2027-01-01' },
    });
    const findings = of(judge(withRecords(compliantServer(), stray), { scope: 'all' }), 'MCP-NHI-019');
    expect(findings).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.stray_tool', attribute: 'orphan' }),
    );
  });

  it('passes the declared tools', () => {
    expect(of(judge(compliantServer(), { scope: 'all' }), 'MCP-NHI-019')).toEqual([]);
  });
});
