import { describe, expect, it } from 'vitest';
import {
  compliantManifest,
  compliantServer,
  judge,
  of,
  toolRole,
  toolTags,
  without,
} from '../helpers/records.js';

describe('MCP-NHI-001 Each tool has its own identity', () => {
  it('passes when each tool has a role of its own', () => {
    expect(of(judge([...compliantServer(), compliantManifest()]), 'MCP-NHI-001')).toEqual([]);
  });

  it('flags one role serving two tools', () => {
    const shared = compliantManifest({ create_issue: { identity: 'aws_iam_role.search_issues' } });
    const findings = of(judge([...compliantServer(), shared]), 'MCP-NHI-001');
    expect(findings).toContainEqual(
      expect.objectContaining({
        address: 'aws_iam_role.search_issues',
        message: expect.stringContaining('shared by 2 tools'),
      }),
    );
  });

  it('flags a declared tool that resolves to no identity', () => {
    const missing = compliantManifest({ create_issue: { identity: undefined } });
    const records = compliantServer().filter((r) => r.address !== 'aws_iam_role.create_issue');
    const findings = of(judge([...records, missing]), 'MCP-NHI-001');
    expect(findings).toContainEqual(expect.objectContaining({ tool: 'create_issue' }));
  });

  it('flags a manifest identity the inputs do not hold', () => {
    const missing = compliantManifest({ create_issue: { identity: 'aws_iam_role.not_in_plan' } });
    const records = without(compliantServer(), 'aws_iam_role.create_issue');
    expect(of(judge([...records, missing]), 'MCP-NHI-001')).toContainEqual(
      expect.objectContaining({ tool: 'create_issue' }),
    );
  });
});

describe('manifest addresses written without instance key or module path', () => {
  it('name the instances and the module resources the plan holds, which are then judged', () => {
    const records = compliantServer().map((r) =>
      r.address === 'aws_iam_role.search_issues'
        ? {
            ...r,
            address: 'aws_iam_role.search_issues[0]',
            index: 0,
            values: { ...r.values, tags: {}, max_session_duration: 43200 },
          }
        : r.address === 'aws_iam_role.create_issue'
          ? {
              ...r,
              address: 'module.tools.aws_iam_role.create_issue',
              module: 'module.tools',
              values: { ...r.values, tags: {} },
            }
          : r,
    );
    const findings = judge([...records, compliantManifest()]);
    expect(of(findings, 'MCP-NHI-001')).toEqual([]);
    expect(of(findings, 'MCP-NHI-005')).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.search_issues[0]', tool: 'search_issues' }),
    );
  });
});

describe('MCP-NHI-001 with one identity per tenant', () => {
  const perTenant = (tool: string, tenant: string) =>
    toolRole(`${tool}_${tenant}`, { tags: { ...toolTags(tool), 'mcp-nhi:tenant': tenant } });

  it('passes one role per tool per tenant', () => {
    const records = [
      ...without(compliantServer(), 'aws_iam_role.search_issues'),
      perTenant('search_issues', 'acme'),
      perTenant('search_issues', 'globex'),
    ];
    expect(of(judge(records), 'MCP-NHI-001')).toEqual([]);
  });

  it('flags two roles of one tool for the same tenant', () => {
    const second = toolRole('search_issues_acme_2', {
      tags: { ...toolTags('search_issues'), 'mcp-nhi:tenant': 'acme' },
    });
    const records = [
      ...without(compliantServer(), 'aws_iam_role.search_issues'),
      perTenant('search_issues', 'acme'),
      second,
    ];
    expect(of(judge(records), 'MCP-NHI-001')).toEqual([
      expect.objectContaining({
        address: 'aws_iam_role.search_issues_acme_2',
        message: expect.stringContaining('tenant acme'),
      }),
    ]);
  });

  it('flags two untenanted roles of one tool', () => {
    const records = [...compliantServer(), toolRole('search_issues_2', { tags: toolTags('search_issues') })];
    expect(of(judge(records), 'MCP-NHI-001')).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.search_issues_2', tool: 'search_issues' }),
    );
  });
});

describe('MCP-NHI-001 on a tool with many identities', () => {
  it('names a few of them in each finding, not all of them in every one', () => {
    const roles = Array.from({ length: 40 }, (_, i) =>
      toolRole(`extra_${i}`, { tags: toolTags('search_issues') }),
    );
    const findings = of(judge([...compliantServer(), ...roles]), 'MCP-NHI-001');
    expect(findings).toHaveLength(40);
    expect(findings[0]!.message).toMatch(/resolves to 41 identities \((aws_iam_role\.\w+, ){5}and 36 more\)/);
  });
});
