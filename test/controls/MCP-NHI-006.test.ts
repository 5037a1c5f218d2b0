import { describe, expect, it } from 'vitest';
import { compliantServer, doc, judge, of, record, serverTags } from '../helpers/records.js';

const ISSUER = 'token.actions.githubusercontent.com';
const federated = (condition: Record<string, unknown>) =>
  record('aws_iam_role.deploy_from_ci', {
    name: 'issues-mcp-deploy',
    max_session_duration: 3600,
    assume_role_policy: doc({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition,
    }),
    tags: serverTags,
  });

describe('MCP-NHI-006 Federated trust bound to exact subject and audience', () => {
  it('passes StringEquals on sub and aud', () => {
    const role = federated({
      StringEquals: {
        [`${ISSUER}:sub`]: 'repo:acme/issues-mcp:ref:refs/heads/main',
        [`${ISSUER}:aud`]: 'sts.amazonaws.com',
      },
    });
    expect(of(judge([...compliantServer(), role]), 'MCP-NHI-006')).toEqual([]);
  });

  it('flags a wildcard subject', () => {
    const role = federated({
      StringLike: { [`${ISSUER}:sub`]: 'repo:acme/*' },
      StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' },
    });
    expect(of(judge([...compliantServer(), role]), 'MCP-NHI-006')).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.deploy_from_ci' }),
    );
  });

  it('flags a missing audience', () => {
    const role = federated({
      StringEquals: { [`${ISSUER}:sub`]: 'repo:acme/issues-mcp:ref:refs/heads/main' },
    });
    expect(of(judge([...compliantServer(), role]), 'MCP-NHI-006')).not.toEqual([]);
  });
});
