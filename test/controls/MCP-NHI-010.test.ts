import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, judge, of, record, withRecords } from '../helpers/records.js';

describe('MCP-NHI-010 Authenticated endpoint with audience binding', () => {
  it('passes a function URL with AWS_IAM auth', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-010')).toEqual([]);
  });

  it('flags a function URL with authorization_type NONE', () => {
    const open = record('aws_lambda_function_url.server', {
      function_name: unknownValue(['aws_lambda_function.server'], 'aws_lambda_function.server.function_name'),
      authorization_type: 'NONE',
    });
    expect(of(judge(withRecords(compliantServer(), open)), 'MCP-NHI-010')).toEqual([
      expect.objectContaining({
        address: 'aws_lambda_function_url.server',
        attribute: 'authorization_type',
        severity: 'critical',
        server: 'issues-mcp',
      }),
    ]);
  });
});
