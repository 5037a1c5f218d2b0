import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, judge, of, record, serverTags, withRecords } from '../helpers/records.js';

/** An AgentCore gateway of the compliant server, with one target per upstream. */
function gateway(targetCredential: Record<string, unknown>[] | undefined) {
  return [
    record('aws_bedrockagentcore_gateway.server', {
      name: 'issues-mcp',
      protocol_type: 'MCP',
      role_arn: unknownValue(['aws_iam_role.server'], 'aws_iam_role.server.arn'),
      authorizer_type: 'CUSTOM_JWT',
      authorizer_configuration: [
        {
          custom_jwt_authorizer: [
            {
              discovery_url: 'https://idp.example.com/.well-known/openid-configuration',
              allowed_audience: ['issues-mcp'],
            },
          ],
        },
      ],
      tags: serverTags,
    }),
    record('aws_bedrockagentcore_gateway_target.tracker', {
      name: 'tracker',
      gateway_identifier: unknownValue(
        ['aws_bedrockagentcore_gateway.server'],
        'aws_bedrockagentcore_gateway.server.gateway_id',
      ),
      ...(targetCredential ? { credential_provider_configuration: targetCredential } : {}),
    }),
  ];
}

describe('MCP-NHI-011 No token passthrough', () => {
  it('passes a gateway target with an outbound credential of its own', () => {
    const oauth = [
      {
        oauth: [
          {
            provider_arn:
              'arn:aws:bedrock-agentcore:eu-west-1:111122223333:token-vault/default/oauth2credentialprovider/tracker',
            scopes: ['issues:read'],
          },
        ],
      },
    ];
    expect(of(judge([...compliantServer(), ...gateway(oauth)]), 'MCP-NHI-011')).toEqual([]);
  });

  it('flags a gateway target without its own credential', () => {
    expect(of(judge([...compliantServer(), ...gateway(undefined)]), 'MCP-NHI-011')).toEqual([
      expect.objectContaining({
        address: 'aws_bedrockagentcore_gateway_target.tracker',
        attribute: 'credential_provider_configuration',
        severity: 'critical',
        server: 'issues-mcp',
      }),
    ]);
  });

  it("flags a switch that forwards the client's Authorization header upstream", () => {
    const base = compliantServer().find((r) => r.address === 'aws_lambda_function.server')!;
    const forwarding = record('aws_lambda_function.server', {
      ...base.values,
      environment: [{ variables: { FORWARD_AUTH_HEADER: 'true' } }],
      tags: serverTags,
    });
    expect(of(judge(withRecords(compliantServer(), forwarding)), 'MCP-NHI-011')).toEqual([
      expect.objectContaining({ attribute: 'environment[0].variables.FORWARD_AUTH_HEADER' }),
    ]);
  });
});
