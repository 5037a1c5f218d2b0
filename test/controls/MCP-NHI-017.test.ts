import { describe, expect, it } from 'vitest';
import { compliantServer, doc, judge, of, toolRole, withRecords } from '../helpers/records.js';

describe('MCP-NHI-017 No human use of workload identities', () => {
  it('passes trust that names only workloads', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-017')).toEqual([]);
  });

  it('flags an IAM user in a tool role trust', () => {
    const role = toolRole('search_issues', {
      assume_role_policy: doc({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' },
        Action: 'sts:AssumeRole',
      }),
    });
    expect(of(judge(withRecords(compliantServer(), role)), 'MCP-NHI-017')).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.search_issues' }),
    );
  });

  it('flags an SSO role in the trust', () => {
    const role = toolRole('search_issues', {
      assume_role_policy: doc({
        Effect: 'Allow',
        Principal: {
          AWS: 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef',
        },
        Action: 'sts:AssumeRole',
      }),
    });
    expect(of(judge(withRecords(compliantServer(), role)), 'MCP-NHI-017')).not.toEqual([]);
  });
});
