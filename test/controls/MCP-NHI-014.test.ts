import { describe, expect, it } from 'vitest';
import {
  compliantManifest,
  compliantServer,
  doc,
  judge,
  of,
  toolRole,
  withRecords,
} from '../helpers/records.js';

const TABLE = 'arn:aws:dynamodb:eu-west-1:111122223333:table/issues';

describe('MCP-NHI-014 Context-aware rules for sensitive tools', () => {
  it('passes a write-capable tool whose writes carry a caller-context condition', () => {
    const role = toolRole('create_issue', {
      inline_policy: [
        {
          name: 'p',
          policy: doc({
            Effect: 'Allow',
            Action: 'dynamodb:PutItem',
            Resource: TABLE,
            Condition: { StringEquals: { 'aws:PrincipalTag/project': '${aws:ResourceTag/project}' } },
          }),
        },
      ],
    });
    const declared = compliantManifest({ create_issue: { writeCapable: true } });
    expect(of(judge([...withRecords(compliantServer(), role), declared]), 'MCP-NHI-014')).toEqual([]);
  });

  it('flags a sensitive tool whose writes are unconditional', () => {
    const role = toolRole('create_issue', {
      inline_policy: [
        { name: 'p', policy: doc({ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: TABLE }) },
      ],
    });
    const declared = compliantManifest({ create_issue: { sensitive: true } });
    expect(of(judge([...withRecords(compliantServer(), role), declared]), 'MCP-NHI-014')).toEqual([
      expect.objectContaining({
        address: 'aws_iam_role.create_issue',
        tool: 'create_issue',
        severity: 'medium',
      }),
    ]);
  });
});
