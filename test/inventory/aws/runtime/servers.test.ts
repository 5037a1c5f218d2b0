import { describe, expect, it } from 'vitest';
import {
  awsServerFacts,
  isUnconditionalPermit,
  resolveLambda,
} from '../../../../action/inventory/aws/servers.js';
import { indexRecords } from '../../../../action/inventory/context.js';
import type { ServerFacts } from '../../../../action/inventory/model.js';
import type { ResourceRecord } from '../../../../action/read/record.js';
import { unknownValue } from '../../../../action/read/record.js';
import { type ContextOptions, context, rec, ref, server, tool } from './build.js';

const gh = server('gh', { tools: [tool('gh', 'search_issues'), tool('gh', 'create_issue')] });

/** A compliant baseline: role, Lambda, IAM function URL, STRICT store with one policy per tool, trail. */
function baseline(): ResourceRecord[] {
  return [
    rec('aws_iam_role.gh', { name: 'gh' }),
    rec('aws_lambda_function.fn', {
      function_name: 'gh-mcp',
      role: ref('aws_iam_role.gh'),
      environment: [{ variables: { POLICY_STORE_ID: ref('aws_verifiedpermissions_policy_store.s', 'id') } }],
    }),
    rec('aws_lambda_function_url.url', {
      function_name: ref('aws_lambda_function.fn', 'function_name'),
      authorization_type: 'AWS_IAM',
    }),
    rec('aws_verifiedpermissions_policy_store.s', { validation_settings: [{ mode: 'STRICT' }] }),
    policy(
      'search',
      'permit(principal in MCP::Group::"readers", action == MCP::Action::"search_issues", resource) when { context.tenant == principal.tenant };',
    ),
    policy(
      'create',
      'permit (principal, action in [MCP::Action::"create_issue"], resource) when { principal.role == "writer" };',
    ),
    rec('aws_cloudtrail.t', {
      name: 't',
      s3_bucket_name: 'b',
      is_multi_region_trail: true,
      enable_log_file_validation: true,
    }),
  ];
}

function policy(name: string, statement: unknown): ResourceRecord {
  return rec(`aws_verifiedpermissions_policy.${name}`, {
    policy_store_id: ref('aws_verifiedpermissions_policy_store.s', 'id'),
    definition: [{ static: [{ statement }] }],
  });
}

function facts(records: ResourceRecord[], options: ContextOptions = {}): ServerFacts {
  const ctx = context(records, { servers: [gh], ...options });
  return awsServerFacts(ctx).servers[0]!;
}

function replace(records: ResourceRecord[], ...replacements: ResourceRecord[]): ResourceRecord[] {
  const byAddress = new Map(records.map((r) => [r.address, r]));
  for (const r of replacements) byAddress.set(r.address, r);
  return [...byAddress.values()];
}

const attributes = (list: readonly { attribute?: string }[]) => list.map((e) => e.attribute);

describe('awsServerFacts: the compliant baseline', () => {
  it('has no issues at all', () => {
    const f = facts(baseline());
    expect(f).toMatchObject({
      name: 'gh',
      server: 'gh',
      address: 'aws_iam_role.gh',
      source: { file: 'test.json' },
      multiTenant: false,
      tools: ['search_issues', 'create_issue'],
      identities: ['aws_iam_role.gh'],
      endpointIssues: [],
      passthroughIssues: [],
      authorizationIssues: [],
      tenantIssues: [],
      auditIssues: [],
      egressIssues: [],
    });
  });
});

describe('endpointIssues (MCP-NHI-010)', () => {
  it('reports a function URL with authorization NONE on the server Lambda', () => {
    const f = facts(
      replace(
        baseline(),
        rec('aws_lambda_function_url.url', {
          function_name: ref('aws_lambda_function.fn', 'function_name'),
          authorization_type: 'NONE',
        }),
        rec('aws_lambda_permission.public', {
          function_name: 'gh-mcp',
          principal: '*',
          action: 'lambda:InvokeFunctionUrl',
          function_url_auth_type: 'NONE',
        }),
      ),
    );
    expect(f.endpointIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_lambda_function_url.url', 'authorization_type'],
      ['aws_lambda_permission.public', 'principal'],
    ]);
  });

  it('ignores function URLs of Lambdas that are not the server s', () => {
    const f = facts([
      ...baseline(),
      rec('aws_lambda_function.other', { function_name: 'other', role: 'arn:aws:iam::1:role/other' }),
      rec('aws_lambda_function_url.other', {
        function_name: ref('aws_lambda_function.other', 'function_name'),
        authorization_type: 'NONE',
      }),
    ]);
    expect(f.endpointIssues).toEqual([]);
  });

  it('reports unauthenticated HTTP API routes of an API that integrates the server Lambda', () => {
    const f = facts([
      ...baseline(),
      rec('aws_apigatewayv2_api.api', { name: 'api', protocol_type: 'HTTP' }),
      rec('aws_apigatewayv2_integration.i', {
        api_id: ref('aws_apigatewayv2_api.api', 'id'),
        integration_type: 'AWS_PROXY',
        integration_uri: ref('aws_lambda_function.fn', 'invoke_arn'),
      }),
      rec('aws_apigatewayv2_route.open', {
        api_id: ref('aws_apigatewayv2_api.api', 'id'),
        route_key: 'POST /mcp',
        authorization_type: 'NONE',
      }),
      rec('aws_apigatewayv2_route.jwt', {
        api_id: ref('aws_apigatewayv2_api.api', 'id'),
        route_key: 'GET /mcp',
        authorization_type: 'JWT',
        authorizer_id: 'x',
      }),
    ]);
    expect(f.endpointIssues.map((e) => e.address)).toEqual(['aws_apigatewayv2_route.open']);
    expect(f.endpointIssues[0]?.detail).toContain('POST /mcp');
  });

  it('reports REST methods without authorization, except CORS preflight', () => {
    const f = facts(
      [
        ...baseline(),
        rec('aws_api_gateway_rest_api.api', { name: 'api' }),
        rec('aws_api_gateway_method.post', {
          rest_api_id: ref('aws_api_gateway_rest_api.api', 'id'),
          http_method: 'POST',
          authorization: 'NONE',
        }),
        rec('aws_api_gateway_method.options', {
          rest_api_id: ref('aws_api_gateway_rest_api.api', 'id'),
          http_method: 'OPTIONS',
          authorization: 'NONE',
        }),
        rec('aws_api_gateway_method.iam', {
          rest_api_id: ref('aws_api_gateway_rest_api.api', 'id'),
          http_method: 'GET',
          authorization: 'AWS_IAM',
        }),
      ],
      { attribution: { 'aws_api_gateway_rest_api.api': { server: 'gh', attributedBy: 'tags' } } },
    );
    expect(f.endpointIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_api_gateway_method.post', 'authorization'],
    ]);
  });

  it('AgentCore gateway: NONE and an audience-less JWT fail, JWT with audience and AWS_IAM pass', () => {
    const gateway = (name: string, values: Record<string, unknown>) =>
      rec(`aws_bedrockagentcore_gateway.${name}`, {
        name,
        protocol_type: 'MCP',
        role_arn: ref('aws_iam_role.gh'),
        ...values,
      });
    const f = facts([
      ...baseline(),
      gateway('open', { authorizer_type: 'NONE' }),
      gateway('noaud', {
        authorizer_type: 'CUSTOM_JWT',
        authorizer_configuration: [
          {
            custom_jwt_authorizer: [
              { discovery_url: 'https://idp/.well-known/openid-configuration', allowed_clients: ['c'] },
            ],
          },
        ],
      }),
      gateway('good', {
        authorizer_type: 'CUSTOM_JWT',
        authorizer_configuration: [
          { custom_jwt_authorizer: [{ discovery_url: 'https://idp', allowed_audience: ['mcp-gh'] }] },
        ],
      }),
      gateway('iam', { authorizer_type: 'AWS_IAM' }),
    ]);
    expect(f.endpointIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_bedrockagentcore_gateway.open', 'authorizer_type'],
      [
        'aws_bedrockagentcore_gateway.noaud',
        'authorizer_configuration[0].custom_jwt_authorizer[0].allowed_audience',
      ],
    ]);
    expect(f.endpointIssues[1]?.detail).toContain('allowed_clients alone');
  });

  it('AgentCore runtime: a JWT authorizer must bind the audience; no authorizer means IAM', () => {
    const f = facts([
      ...baseline(),
      rec('aws_bedrockagentcore_agent_runtime.r', {
        role_arn: ref('aws_iam_role.gh'),
        authorizer_configuration: { custom_jwt_authorizer: { discovery_url: 'https://idp' } },
      }),
      rec('aws_bedrockagentcore_agent_runtime.iam', { role_arn: ref('aws_iam_role.gh') }),
    ]);
    expect(attributes(f.endpointIssues)).toEqual([
      'authorizer_configuration.custom_jwt_authorizer.allowed_audience',
    ]);
  });

  it('reports an unknown authorization type as unknown', () => {
    const f = facts(
      replace(
        baseline(),
        rec('aws_lambda_function_url.url', {
          function_name: 'gh-mcp',
          authorization_type: unknownValue([], 'var.auth'),
        }),
      ),
    );
    expect(f.endpointIssues).toEqual([
      expect.objectContaining({ $unknown: true, attribute: 'authorization_type' }),
    ]);
  });
});

describe('passthroughIssues (MCP-NHI-011)', () => {
  const target = (name: string, values: Record<string, unknown>) =>
    rec(`aws_bedrockagentcore_gateway_target.${name}`, {
      name,
      gateway_identifier: ref('aws_bedrockagentcore_gateway.g', 'gateway_id'),
      ...values,
    });
  const gateway = rec('aws_bedrockagentcore_gateway.g', {
    name: 'g',
    authorizer_type: 'AWS_IAM',
    role_arn: ref('aws_iam_role.gh'),
  });

  it('reports a gateway target without its own credential and passes one with a credential provider', () => {
    const f = facts([
      ...baseline(),
      gateway,
      target('bare', {
        target_configuration: [{ mcp: [{ mcp_server: [{ endpoint: 'https://upstream' }] }] }],
      }),
      target('role', { credential_provider_configuration: [{ gateway_iam_role: [{}] }] }),
    ]);
    expect(f.passthroughIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_bedrockagentcore_gateway_target.bare', 'credential_provider_configuration'],
    ]);
  });

  it('reports environment switches that forward the client token, not unrelated ones', () => {
    const f = facts(
      replace(
        baseline(),
        rec('aws_lambda_function.fn', {
          function_name: 'gh-mcp',
          role: ref('aws_iam_role.gh'),
          environment: [
            {
              variables: {
                POLICY_STORE_ID: ref('aws_verifiedpermissions_policy_store.s', 'id'),
                FORWARD_AUTH_HEADER: 'true',
                PASSTHROUGH_HEADERS: 'X-Request-Id,Authorization',
                TOKEN_PASSTHROUGH: 'false',
                FORWARD_HEADERS: 'X-Request-Id',
                PASS_THROUGH_TOKEN: '1',
              },
            },
          ],
        }),
      ),
    );
    expect(attributes(f.passthroughIssues)).toEqual([
      'environment[0].variables.FORWARD_AUTH_HEADER',
      'environment[0].variables.PASSTHROUGH_HEADERS',
      'environment[0].variables.PASS_THROUGH_TOKEN',
    ]);
  });

  it('reports a runtime allow-listing the Authorization header and API mappings that copy it', () => {
    const f = facts(
      [
        ...baseline(),
        rec('aws_bedrockagentcore_agent_runtime.r', {
          role_arn: ref('aws_iam_role.gh'),
          request_header_configuration: [
            { request_header_allowlist: ['X-Amzn-Bedrock-AgentCore-Runtime-Custom-H1', 'authorization'] },
          ],
        }),
        rec('aws_apigatewayv2_api.api', { name: 'api' }),
        rec('aws_apigatewayv2_integration.i', {
          api_id: ref('aws_apigatewayv2_api.api', 'id'),
          integration_type: 'HTTP_PROXY',
          integration_uri: 'https://upstream.example.com',
          request_parameters: {
            'overwrite:header.Authorization': '$request.header.Authorization',
            'append:header.x-id': '$context.requestId',
          },
        }),
      ],
      { attribution: { 'aws_apigatewayv2_api.api': { server: 'gh', attributedBy: 'tags' } } },
    );
    expect(f.passthroughIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_bedrockagentcore_agent_runtime.r', 'request_header_configuration[0].request_header_allowlist'],
      ['aws_apigatewayv2_integration.i', 'request_parameters["overwrite:header.Authorization"]'],
    ]);
  });
});

describe('authorizationIssues (MCP-NHI-013)', () => {
  it('gives one evidence on the server when no policy store guards it', () => {
    const records = baseline().filter((r) => !r.type.startsWith('aws_verifiedpermissions'));
    const f = facts(records);
    expect(f.authorizationIssues).toHaveLength(1);
    expect(f.authorizationIssues[0]).toMatchObject({ address: 'aws_iam_role.gh' });
  });

  it('finds a store by tags as well as by workload reference', () => {
    const records = replace(
      baseline(),
      rec('aws_lambda_function.fn', { function_name: 'gh-mcp', role: ref('aws_iam_role.gh') }),
    );
    expect(facts(records).authorizationIssues).toHaveLength(1);
    const tagged = facts(records, {
      attribution: { 'aws_verifiedpermissions_policy_store.s': { server: 'gh', attributedBy: 'tags' } },
    });
    expect(tagged.authorizationIssues).toEqual([]);
  });

  it('reports a store without STRICT validation', () => {
    const f = facts(
      replace(
        baseline(),
        rec('aws_verifiedpermissions_policy_store.s', { validation_settings: [{ mode: 'OFF' }] }),
      ),
    );
    expect(f.authorizationIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_verifiedpermissions_policy_store.s', 'validation_settings[0].mode'],
    ]);
    const none = facts(replace(baseline(), rec('aws_verifiedpermissions_policy_store.s', {})));
    expect(attributes(none.authorizationIssues)).toEqual(['validation_settings']);
  });

  it('reports a tool no policy names', () => {
    const f = facts(baseline().filter((r) => r.address !== 'aws_verifiedpermissions_policy.create'));
    expect(f.authorizationIssues).toHaveLength(1);
    expect(f.authorizationIssues[0]?.detail).toContain('create_issue');
    expect(f.authorizationIssues[0]?.address).toBe('aws_verifiedpermissions_policy_store.s');
  });

  it('reports an unconditional permit', () => {
    const f = facts([
      ...baseline(),
      policy('all', '@id("all")\npermit (\n  principal,\n  action,\n  resource\n) ;'),
    ]);
    expect(f.authorizationIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_verifiedpermissions_policy.all', 'definition[0].static[0].statement'],
    ]);
  });

  it('reads template-linked policies through their template', () => {
    const records = [
      ...baseline().filter((r) => r.address !== 'aws_verifiedpermissions_policy.create'),
      rec('aws_verifiedpermissions_policy_template.t', {
        policy_store_id: ref('aws_verifiedpermissions_policy_store.s', 'id'),
        statement: 'permit(principal == ?principal, action == MCP::Action::"create_issue", resource);',
      }),
      rec('aws_verifiedpermissions_policy.linked', {
        policy_store_id: ref('aws_verifiedpermissions_policy_store.s', 'id'),
        definition: [
          {
            template_linked: [
              { policy_template_id: ref('aws_verifiedpermissions_policy_template.t', 'policy_template_id') },
            ],
          },
        ],
      }),
    ];
    expect(facts(records).authorizationIssues).toEqual([]);
  });

  it('reports a tool as unknown when some statement is unknown', () => {
    const records = replace(baseline(), policy('create', unknownValue([], 'file("create.cedar")')));
    expect(facts(records).authorizationIssues).toEqual([expect.objectContaining({ $unknown: true })]);
  });

  it.each([
    ['permit(principal, action, resource);', true],
    ['permit ( principal , action , resource ) ;', true],
    ['// allow all\npermit(principal, action, resource)', true],
    ['permit(principal, action, resource) when { true };', true],
    ['permit(principal, action, resource) when { principal.tenant == resource.tenant };', false],
    ['permit(principal, action, resource) unless { context.blocked };', false],
    ['permit(principal, action == Action::"x", resource);', false],
    ['forbid(principal, action, resource);', false],
  ])('isUnconditionalPermit(%j) = %s', (statement, expected) => {
    expect(isUnconditionalPermit(statement)).toBe(expected);
  });
});

describe('tenantIssues (MCP-NHI-015)', () => {
  const trust = (condition: Record<string, unknown> | undefined) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/gh' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    });
  const mt = server('gh', { multiTenant: true, tools: gh.tools });
  const toolRoles = (assume_role_policy: unknown) =>
    ['search_issues', 'create_issue'].map((name) =>
      rec(`aws_iam_role.${name}`, { name, assume_role_policy }),
    );

  it('reports each tool role of a multi-tenant server whose trust does not require the tenant tag', () => {
    const f = facts([...baseline(), ...toolRoles(trust(undefined))], { servers: [mt] });
    expect(f.tenantIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_iam_role.search_issues', 'assume_role_policy'],
      ['aws_iam_role.create_issue', 'assume_role_policy'],
    ]);
  });

  it('passes with aws:RequestTag/tenant or the policy tenant tag, and ignores single-tenant servers', () => {
    const withTenant = [
      ...baseline(),
      ...toolRoles(trust({ StringLike: { 'aws:RequestTag/tenant': '?*' } })),
    ];
    expect(facts(withTenant, { servers: [mt] }).tenantIssues).toEqual([]);
    const withPolicyTag = [
      ...baseline(),
      ...toolRoles(trust({ Null: { 'aws:RequestTag/mcp-nhi:tenant': 'false' } })),
    ];
    expect(facts(withPolicyTag, { servers: [mt] }).tenantIssues).toEqual([]);
    expect(facts([...baseline(), ...toolRoles(trust(undefined))]).tenantIssues).toEqual([]);
  });

  it('reads an aws_iam_policy_document data source behind an unknown trust', () => {
    const records = [
      ...baseline(),
      ...toolRoles(ref('data.aws_iam_policy_document.trust', 'json')),
      rec('data.aws_iam_policy_document.trust', {
        json: unknownValue([]),
        statement: [
          {
            actions: ['sts:AssumeRole'],
            condition: [{ test: 'StringLike', variable: 'aws:RequestTag/tenant', values: ['?*'] }],
          },
        ],
      }),
    ];
    expect(facts(records, { servers: [mt] }).tenantIssues).toEqual([]);
    const unresolved = [...baseline(), ...toolRoles(unknownValue([], 'module.x.trust'))];
    expect(facts(unresolved, { servers: [mt] }).tenantIssues).toEqual([
      expect.objectContaining({ $unknown: true }),
      expect.objectContaining({ $unknown: true }),
    ]);
  });
});

describe('auditIssues (MCP-NHI-022)', () => {
  const noTrail = () => baseline().filter((r) => r.type !== 'aws_cloudtrail');

  it('reports a server with no trail and no log group', () => {
    const f = facts(noTrail());
    expect(f.auditIssues).toEqual([expect.objectContaining({ address: 'aws_iam_role.gh' })]);
  });

  it('does not accept a single-region trail or one without log validation', () => {
    const f = facts([
      ...noTrail(),
      rec('aws_cloudtrail.t', { name: 't', is_multi_region_trail: false, enable_log_file_validation: true }),
    ]);
    expect(f.auditIssues).toHaveLength(1);
  });

  it('accepts the Lambda log group with retention, but not one without', () => {
    const withRetention = facts([
      ...noTrail(),
      rec('aws_cloudwatch_log_group.l', { name: '/aws/lambda/gh-mcp', retention_in_days: 30 }),
    ]);
    expect(withRetention.auditIssues).toEqual([]);
    const forever = facts([
      ...noTrail(),
      rec('aws_cloudwatch_log_group.l', { name: '/aws/lambda/gh-mcp', retention_in_days: 0 }),
    ]);
    expect(forever.auditIssues).toHaveLength(1);
    const otherGroup = facts([
      ...noTrail(),
      rec('aws_cloudwatch_log_group.l', { name: '/aws/lambda/other', retention_in_days: 30 }),
    ]);
    expect(otherGroup.auditIssues).toHaveLength(1);
  });

  it('accepts an attributed log group and an external trail', () => {
    const attributed = facts(
      [...noTrail(), rec('aws_cloudwatch_log_group.gw', { name: 'gateway-logs', retention_in_days: 365 })],
      {
        attribution: { 'aws_cloudwatch_log_group.gw': { server: 'gh', attributedBy: 'tags' } },
      },
    );
    expect(attributed.auditIssues).toEqual([]);
    expect(facts(noTrail(), { parameters: { auditTrailExternal: true } }).auditIssues).toEqual([]);
  });

  it('reports unknown retention as unknown', () => {
    const f = facts([
      ...noTrail(),
      rec('aws_cloudwatch_log_group.l', {
        name: '/aws/lambda/gh-mcp',
        retention_in_days: unknownValue([], 'var.days'),
      }),
    ]);
    expect(f.auditIssues).toEqual([
      expect.objectContaining({ $unknown: true, attribute: 'retention_in_days' }),
    ]);
  });
});

describe('egressIssues (MCP-NHI-023)', () => {
  const inVpc = (sg: unknown) =>
    rec('aws_lambda_function.fn', {
      function_name: 'gh-mcp',
      role: ref('aws_iam_role.gh'),
      environment: [{ variables: { POLICY_STORE_ID: ref('aws_verifiedpermissions_policy_store.s', 'id') } }],
      vpc_config: [{ security_group_ids: [sg], subnet_ids: ['subnet-1'] }],
    });

  it('reports all-ports internet egress on the Lambda security group', () => {
    const f = facts(
      replace(
        baseline(),
        inVpc(ref('aws_security_group.sg', 'id')),
        rec('aws_security_group.sg', {
          egress: [
            {
              cidr_blocks: ['0.0.0.0/0'],
              ipv6_cidr_blocks: ['::/0'],
              from_port: 0,
              to_port: 0,
              protocol: '-1',
            },
            { cidr_blocks: ['0.0.0.0/0'], from_port: 443, to_port: 443, protocol: 'tcp' },
          ],
        }),
      ),
    );
    expect(f.egressIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_security_group.sg', 'egress[0]'],
    ]);
    expect(f.egressIssues[0]?.detail).toContain('0.0.0.0/0 and ::/0');
  });

  it('reports separate egress rules on the server security groups, and not on others', () => {
    const f = facts(
      replace(
        baseline(),
        inVpc(ref('aws_security_group.sg', 'id')),
        rec('aws_security_group.sg', { name: 'sg' }),
        rec('aws_security_group.other', { name: 'other' }),
        rec('aws_security_group_rule.all', {
          type: 'egress',
          security_group_id: ref('aws_security_group.sg', 'id'),
          cidr_blocks: ['0.0.0.0/0'],
          from_port: 0,
          to_port: 65535,
          protocol: 'tcp',
        }),
        rec('aws_vpc_security_group_egress_rule.v6', {
          security_group_id: ref('aws_security_group.sg', 'id'),
          cidr_ipv6: '::/0',
          ip_protocol: '-1',
        }),
        rec('aws_vpc_security_group_egress_rule.https', {
          security_group_id: ref('aws_security_group.sg', 'id'),
          cidr_ipv4: '0.0.0.0/0',
          ip_protocol: 'tcp',
          from_port: 443,
          to_port: 443,
        }),
        rec('aws_vpc_security_group_egress_rule.other', {
          security_group_id: ref('aws_security_group.other', 'id'),
          cidr_ipv4: '0.0.0.0/0',
          ip_protocol: '-1',
        }),
      ),
    );
    expect(f.egressIssues.map((e) => [e.address, e.attribute])).toEqual([
      ['aws_security_group_rule.all', 'cidr_blocks'],
      ['aws_vpc_security_group_egress_rule.v6', 'cidr_ipv6'],
    ]);
  });

  it('passes allow-listed egress', () => {
    const f = facts(
      replace(
        baseline(),
        inVpc(ref('aws_security_group.sg', 'id')),
        rec('aws_security_group.sg', {
          egress: [{ cidr_blocks: ['10.0.0.0/8'], from_port: 0, to_port: 0, protocol: '-1' }],
        }),
      ),
    );
    expect(f.egressIssues).toEqual([]);
  });
});

describe('ToolFacts (MCP-NHI-012)', () => {
  const tools = (declared = gh, records = baseline(), options: ContextOptions = {}) =>
    awsServerFacts(context(records, { servers: [declared], ...options })).tools;

  it('carries the declaration: identities, sensitive, address, source', () => {
    const declared = server('gh', { tools: [tool('gh', 'search_issues', { sensitive: true })] });
    const [t] = tools(declared);
    expect(t).toEqual({
      name: 'search_issues',
      server: 'gh',
      tool: 'search_issues',
      address: 'aws_iam_role.search_issues',
      source: { file: '' },
      identities: ['aws_iam_role.search_issues'],
      extraIdentities: [],
      scopeIssues: [],
      sensitive: true,
    });
  });

  it('reports empty and omnibus declared scopes, passes narrow ones', () => {
    const declared = server('gh', {
      tools: [
        tool('gh', 'a', { scopes: [] }),
        tool('gh', 'b', { scopes: ['read:org', 'admin'] }),
        tool('gh', 'c', { scopes: ['files.*'] }),
        tool('gh', 'd', { scopes: ['issues:read'] }),
      ],
    });
    const result = tools(declared);
    expect(result.map((t) => attributes(t.scopeIssues))).toEqual([
      ['scopes'],
      ['scopes[1]'],
      ['scopes[0]'],
      [],
    ]);
  });

  it('uses omnibusScopes from the policy', () => {
    const declared = server('gh', { tools: [tool('gh', 'a', { scopes: ['repo'] })] });
    expect(tools(declared)[0]?.scopeIssues).toEqual([]);
    expect(
      tools(declared, baseline(), { parameters: { omnibusScopes: ['repo'] } })[0]?.scopeIssues,
    ).toHaveLength(1);
  });

  it('reads OAuth scopes of the tool gateway target', () => {
    const records = [
      ...baseline(),
      rec('aws_bedrockagentcore_gateway.g', {
        name: 'g',
        authorizer_type: 'AWS_IAM',
        role_arn: ref('aws_iam_role.gh'),
      }),
      rec('aws_bedrockagentcore_gateway_target.search_issues', {
        name: 'search_issues',
        gateway_identifier: ref('aws_bedrockagentcore_gateway.g', 'gateway_id'),
        credential_provider_configuration: [{ oauth: [{ provider_arn: 'arn:x', scopes: ['*'] }] }],
      }),
      rec('aws_bedrockagentcore_gateway_target.other', {
        name: 'unrelated',
        gateway_identifier: ref('aws_bedrockagentcore_gateway.g', 'gateway_id'),
        credential_provider_configuration: [{ oauth: [{ provider_arn: 'arn:x', scopes: [] }] }],
      }),
    ];
    const [search, create] = tools(gh, records);
    expect(search?.scopeIssues.map((e) => [e.address, e.attribute])).toEqual([
      [
        'aws_bedrockagentcore_gateway_target.search_issues',
        'credential_provider_configuration[0].oauth[0].scopes[0]',
      ],
    ]);
    expect(create?.scopeIssues).toEqual([]);
  });

  it('gives no evidence for a tool without an OAuth target', () => {
    expect(tools().every((t) => t.scopeIssues.length === 0)).toBe(true);
  });
});

describe('resolveLambda', () => {
  it('resolves refs, names, ARNs and invoke ARNs', () => {
    const index = indexRecords([rec('aws_lambda_function.fn', { function_name: 'gh-mcp' })]);
    expect(resolveLambda(index, ref('aws_lambda_function.fn'))).toEqual(['aws_lambda_function.fn']);
    expect(resolveLambda(index, 'gh-mcp')).toEqual(['aws_lambda_function.fn']);
    expect(resolveLambda(index, 'arn:aws:lambda:us-east-1:123456789012:function:gh-mcp:live')).toEqual([
      'aws_lambda_function.fn',
    ]);
    expect(
      resolveLambda(
        index,
        'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:gh-mcp/invocations',
      ),
    ).toEqual(['aws_lambda_function.fn']);
    expect(resolveLambda(index, 'other')).toEqual([]);
  });

  it('resolves a reference to an alias to the function it points at', () => {
    const index = indexRecords([
      rec('aws_lambda_function.fn', { function_name: 'gh-mcp' }),
      rec('aws_lambda_alias.live', {
        name: 'live',
        function_name: ref('aws_lambda_function.fn', 'function_name'),
      }),
      rec('aws_lambda_alias.named', { name: 'blue', function_name: 'gh-mcp' }),
    ]);
    expect(resolveLambda(index, ref('aws_lambda_alias.live', 'invoke_arn'))).toEqual([
      'aws_lambda_function.fn',
    ]);
    expect(resolveLambda(index, ref('aws_lambda_alias.named', 'arn'))).toEqual(['aws_lambda_function.fn']);
  });
});
