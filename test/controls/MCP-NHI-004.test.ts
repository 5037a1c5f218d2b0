import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, judge, of, record } from '../helpers/records.js';

const secretId = unknownValue(
  ['aws_secretsmanager_secret.tracker_token'],
  'aws_secretsmanager_secret.tracker_token.id',
);

describe('MCP-NHI-004 Secret values never land in plan or state', () => {
  it('passes a write-only secret value', () => {
    const version = record('aws_secretsmanager_secret_version.tracker_token', {
      secret_id: secretId,
      secret_string_wo: null,
      secret_string_wo_version: 1,
    });
    expect(of(judge([...compliantServer(), version]), 'MCP-NHI-004')).toEqual([]);
  });

  it('flags a literal secret_string', () => {
    const version = record(
      'aws_secretsmanager_secret_version.tracker_token',
      { secret_id: secretId, secret_string: 'tracker-token-value-123456' },
      { sensitivePaths: ['secret_string'] },
    );
    const findings = of(judge([...compliantServer(), version]), 'MCP-NHI-004');
    expect(findings).toEqual([
      expect.objectContaining({
        address: 'aws_secretsmanager_secret_version.tracker_token',
        attribute: 'secret_string',
      }),
    ]);
    expect(JSON.stringify(findings)).not.toContain('tracker-token-value');
  });
});
