import { describe, expect, it } from 'vitest';
import { compliantServer, judge, of, toolRole, withRecords } from '../helpers/records.js';

describe('MCP-NHI-008 Privilege ceiling on tool identities', () => {
  it('passes tool roles with a permissions boundary', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-008')).toEqual([]);
  });

  it('flags a tool role without a permissions boundary', () => {
    const records = withRecords(compliantServer(), toolRole('create_issue', { permissions_boundary: null }));
    expect(of(judge(records), 'MCP-NHI-008')).toEqual([
      expect.objectContaining({
        address: 'aws_iam_role.create_issue',
        attribute: 'permissions_boundary',
        severity: 'medium',
      }),
    ]);
  });
});
