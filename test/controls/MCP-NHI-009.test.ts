import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, doc, judge, of, record, toolRole, withRecords } from '../helpers/records.js';

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

describe('MCP-NHI-009: the server may assume only its own tools’ roles', () => {
  const billingTool = record('aws_iam_role.refund', {
    name: 'billing-mcp-tool-refund',
    assume_role_policy: doc({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    }),
    tags: { 'mcp-nhi:server': 'billing-mcp', 'mcp-nhi:tool': 'refund' },
  });
  const assume = (resource: unknown) =>
    record('aws_iam_role_policy.issues_assumes', {
      role: unknownValue(['aws_iam_role.server'], 'aws_iam_role.server.id'),
      policy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource }),
    });

  it('flags a grant to assume another server’s tool role, by reference or by pattern', () => {
    for (const resource of [
      unknownValue(['aws_iam_role.refund'], 'aws_iam_role.refund.arn'),
      'arn:aws:iam::111122223333:role/*-tool-*',
    ]) {
      const findings = of(
        judge(withRecords(compliantServer(), billingTool, assume(resource))),
        'MCP-NHI-009',
      );
      expect(findings).toContainEqual(
        expect.objectContaining({
          address: 'aws_iam_role_policy.issues_assumes',
          message: expect.stringContaining(
            'may assume aws_iam_role.refund, the role of tool refund of server billing-mcp',
          ),
        }),
      );
    }
  });

  it('passes grants to its own tools’ roles', () => {
    const own = assume('arn:aws:iam::111122223333:role/issues-mcp-tool-*');
    const findings = of(judge(withRecords(compliantServer(), billingTool, own)), 'MCP-NHI-009');
    expect(findings.filter((f) => f.address === 'aws_iam_role_policy.issues_assumes')).toEqual([]);
  });
});
