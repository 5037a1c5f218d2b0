import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, judge, of, toolRole, withRecords } from '../helpers/records.js';

describe('MCP-NHI-005 Short-lived sessions', () => {
  it('passes sessions at or under an hour', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-005')).toEqual([]);
  });

  it('flags a 12-hour tool session and names the attribute', () => {
    const records = withRecords(
      compliantServer(),
      toolRole('search_issues', { max_session_duration: 43200 }),
    );
    expect(of(judge(records), 'MCP-NHI-005')).toEqual([
      expect.objectContaining({
        address: 'aws_iam_role.search_issues',
        attribute: 'max_session_duration',
        tool: 'search_issues',
        message: expect.stringContaining('43200'),
      }),
    ]);
  });

  it('follows the policy maximum', () => {
    const policy = { controls: { 'MCP-NHI-005': { parameters: { maxSessionSeconds: 600 } } } };
    expect(
      of(judge(compliantServer(), { policy }), 'MCP-NHI-005')
        .map((f) => f.address)
        .sort(),
    ).toEqual(['aws_iam_role.create_issue', 'aws_iam_role.search_issues', 'aws_iam_role.server']);
  });

  it('reports a duration known only after apply as unknown, not as a pass or a failure', () => {
    const records = withRecords(
      compliantServer(),
      toolRole('search_issues', {
        max_session_duration: unknownValue(['random_integer.ttl'], 'random_integer.ttl.result'),
      }),
    );
    const findings = judge(records);
    expect(of(findings, 'MCP-NHI-005')).toEqual([]);
    expect(of(findings, 'MCP-NHI-005', 'unknown')).toEqual([
      expect.objectContaining({ address: 'aws_iam_role.search_issues', refs: ['random_integer.ttl'] }),
    ]);
  });
});
