import { describe, expect, it } from 'vitest';
import { compliantServer, doc, judge, of, toolRole, withRecords } from '../helpers/records.js';

describe('MCP-NHI-009 Trust and delegation are scoped', () => {
  it('passes a tool role trusted by its server alone, with session tags and source identity', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-009')).toEqual([]);
  });

  it('flags trust open to any principal', () => {
    const open = toolRole('search_issues', {
      assume_role_policy: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
    });
    expect(of(judge(withRecords(compliantServer(), open)), 'MCP-NHI-009')).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.search_issues' }),
    );
  });

  it('flags a tool role that another server can assume', () => {
    const other = toolRole('search_issues', {
      assume_role_policy: doc({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:role/billing-mcp-server' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: { 'aws:RequestTag/mcp-tool': 'search_issues', 'sts:SourceIdentity': 'x' },
        },
      }),
    });
    expect(of(judge(withRecords(compliantServer(), other)), 'MCP-NHI-009')).not.toEqual([]);
  });

  it('flags a tool role trust without session tags', () => {
    const untagged = toolRole('search_issues', {
      assume_role_policy: doc({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:role/issues-mcp-server' },
        Action: 'sts:AssumeRole',
      }),
    });
    expect(of(judge(withRecords(compliantServer(), untagged)), 'MCP-NHI-009')).not.toEqual([]);
  });
});
