import { describe, expect, it } from 'vitest';
import { compliantServer, judge, of, without } from '../helpers/records.js';

describe('MCP-NHI-022 Audit trail for tool calls and token minting', () => {
  it('passes a server whose logs are kept', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-022')).toEqual([]);
  });

  it('flags a server with no trail and no retained logs', () => {
    const records = without(compliantServer(), 'aws_cloudwatch_log_group.server');
    expect(of(judge(records), 'MCP-NHI-022')).toEqual([expect.objectContaining({ server: 'issues-mcp' })]);
  });

  it('accepts an account trail managed elsewhere when the policy says so', () => {
    const records = without(compliantServer(), 'aws_cloudwatch_log_group.server');
    const policy = { controls: { 'MCP-NHI-022': { parameters: { auditTrailExternal: true } } } };
    expect(of(judge(records, { policy }), 'MCP-NHI-022')).toEqual([]);
  });
});
