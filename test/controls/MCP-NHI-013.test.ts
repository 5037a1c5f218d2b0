import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, judge, of, record, serverTags, without, withRecords } from '../helpers/records.js';

describe('MCP-NHI-013 Request-time authorization is enforced per tool', () => {
  it('passes a STRICT policy store with a conditional policy per tool', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-013')).toEqual([]);
  });

  it('flags a server with no policy engine', () => {
    const records = without(
      compliantServer(),
      'aws_verifiedpermissions_policy_store.tools',
      'aws_verifiedpermissions_policy.search_issues',
      'aws_verifiedpermissions_policy.create_issue',
    );
    expect(of(judge(records), 'MCP-NHI-013')).toContainEqual(
      expect.objectContaining({ server: 'issues-mcp' }),
    );
  });

  it('flags a store that does not validate policies strictly', () => {
    const off = record('aws_verifiedpermissions_policy_store.tools', {
      validation_settings: [{ mode: 'OFF' }],
      tags: serverTags,
    });
    expect(of(judge(withRecords(compliantServer(), off)), 'MCP-NHI-013')).not.toEqual([]);
  });

  it('flags an unconditional permit', () => {
    const permitAll = record('aws_verifiedpermissions_policy.search_issues', {
      policy_store_id: unknownValue(['aws_verifiedpermissions_policy_store.tools']),
      definition: [{ static: [{ statement: 'permit (principal, action, resource);' }] }],
    });
    expect(of(judge(withRecords(compliantServer(), permitAll)), 'MCP-NHI-013')).not.toEqual([]);
  });

  it('flags a tool without a policy', () => {
    const records = without(compliantServer(), 'aws_verifiedpermissions_policy.create_issue');
    expect(of(judge(records), 'MCP-NHI-013')).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('create_issue') }),
    );
  });
});
