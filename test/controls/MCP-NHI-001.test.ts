import { describe, expect, it } from 'vitest';
import { compliantManifest, compliantServer, judge, of } from '../helpers/records.js';

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
});
