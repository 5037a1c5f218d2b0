import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, judge, of, record, serverTags, without, withRecords } from '../helpers/records.js';

describe('MCP-NHI-020 Unavoidable secrets are vaulted and rotated', () => {
  it('passes a secret with a customer key and 30-day rotation', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-020')).toEqual([]);
  });

  it('flags a secret without a customer-managed key', () => {
    const secret = record('aws_secretsmanager_secret.tracker_token', {
      name: 'issues-mcp/tracker-token',
      tags: serverTags,
    });
    expect(of(judge(withRecords(compliantServer(), secret)), 'MCP-NHI-020')).toContainEqual(
      expect.objectContaining({ address: 'aws_secretsmanager_secret.tracker_token' }),
    );
  });

  it('flags a secret that is never rotated', () => {
    const records = without(compliantServer(), 'aws_secretsmanager_secret_rotation.tracker_token');
    expect(of(judge(records), 'MCP-NHI-020')).not.toEqual([]);
  });

  it('flags rotation slower than the policy allows', () => {
    const slow = record('aws_secretsmanager_secret_rotation.tracker_token', {
      secret_id: unknownValue(['aws_secretsmanager_secret.tracker_token']),
      rotation_lambda_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
      rotation_rules: [{ automatically_after_days: 365 }],
    });
    expect(of(judge(withRecords(compliantServer(), slow)), 'MCP-NHI-020')).not.toEqual([]);
  });
});
