import { describe, expect, it } from 'vitest';
import { compliantServer, judge, of, record, serverTags, withRecords } from '../helpers/records.js';

describe('MCP-NHI-018 Environments do not share identities', () => {
  it('passes when every user of an identity is in one environment', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-018')).toEqual([]);
  });

  it('flags the prod server role used by a staging function', () => {
    const base = compliantServer().find((r) => r.address === 'aws_lambda_function.server')!;
    const staging = record('aws_lambda_function.staging', {
      ...base.values,
      function_name: 'issues-mcp-staging',
      tags: { ...serverTags, 'mcp-nhi:environment': 'staging' },
    });
    expect(of(judge(withRecords(compliantServer(), staging)), 'MCP-NHI-018')).toEqual([
      expect.objectContaining({
        address: 'aws_iam_role.server',
        message: expect.stringContaining('staging'),
      }),
    ]);
  });
});
