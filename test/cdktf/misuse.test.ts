/**
 * For every control the constructs are meant to satisfy: misuse is impossible through the API
 * (the constructor throws, saying what to change) or is caught at synth by the synth-time check
 * (synth fails naming the control and the construct path).
 */
import { describe, expect, it } from 'vitest';
import {
  Grant,
  IamAccessKey,
  IamUser,
  LambdaFunctionUrl,
  McpServer,
  SecretRef,
  SynthCheck,
  TENANT_VARIABLE,
} from '../../cdktf/index.js';
import { IMAGE, resources, serverProps, synth, synthServer, TABLE, type Tf, testStack } from './helpers.js';

const construct = (props: Parameters<typeof serverProps>[0]) => () =>
  new McpServer(testStack(), 'Server', serverProps(props));
const ack = { reason: 'bulk export job', owner: 'data-team@example.com', expires: '2027-01-31' };

describe('bad props throw at construction with a message that says what to change', () => {
  it('empty tool list, duplicate tool names', () => {
    expect(construct({ tools: [] })).toThrow(/no tools\. Declare at least one tool/);
    expect(construct({ tools: [{ name: 'a' }, { name: 'a' }] })).toThrow(/tool name "a" is used twice/);
  });
  it('no runtime, or two runtimes', () => {
    expect(construct({ lambda: undefined })).toThrow(
      /set exactly one runtime of lambda, ecs or eks \(none is set\)/,
    );
    expect(construct({ ecs: { image: IMAGE } })).toThrow(/lambda and ecs are set/);
  });
  it('reviewBy, owner, account', () => {
    expect(construct({ reviewBy: 'next year' })).toThrow(
      /reviewBy is "next year", not a date: write it as YYYY-MM-DD/,
    );
    expect(construct({ reviewBy: '2027-02-30' })).toThrow(/not a date/);
    expect(construct({ owner: ' ' })).toThrow(/owner is empty/);
    expect(construct({ account: '1234' })).toThrow(/12-digit AWS account ID/);
  });
  it('waivers need a reason, an owner and an expiry', () => {
    expect(
      construct({ waivers: [{ control: 'MCP-NHI-022', reason: '', owner: 'a', expires: '2027-01-01' }] }),
    ).toThrow(/reason is empty/);
    expect(
      construct({ waivers: [{ control: 'MCP-NHI-022', reason: 'r', owner: 'a', expires: 'soon' }] }),
    ).toThrow(/expires is "soon", not a date/);
    expect(
      construct({ waivers: [{ control: 'nhi 22', reason: 'r', owner: 'a', expires: '2027-01-01' }] }),
    ).toThrow(/not a control ID/);
  });
});

describe('what AWS would reject throws at construction instead', () => {
  it('a grant resource that is not an ARN (or "*"), an unknown condition operator', () => {
    expect(() => Grant.allow(['dynamodb:Query'], ['issues'])).toThrow(/"issues" is not an ARN/);
    expect(() => Grant.allow(['dynamodb:Query'], ['arn:aws:dynamodb:eu-west-1:table/x'])).toThrow(
      /not an ARN/,
    );
    expect(() =>
      Grant.allow(['dynamodb:Query'], [TABLE]).withCondition('StringEqual', 'aws:ResourceTag/a', ['b']),
    ).toThrow(/"StringEqual" is not an IAM condition operator/);
    expect(() =>
      Grant.allow(['dynamodb:Query'], [TABLE], { Equals: { 'aws:ResourceTag/a': ['b'] } }),
    ).toThrow(/not an IAM condition operator/);
    expect(() =>
      Grant.allow(['dynamodb:Query'], [TABLE]).withCondition('StringEquals', 'aws:ResourceTag/a', []),
    ).toThrow(/no values/);
  });
  it('compliant: ARNs with policy variables, "*", every operator form', () => {
    const grant = Grant.allow(
      ['dynamodb:Query'],
      [
        `arn:aws:dynamodb:eu-west-1:\${aws:PrincipalAccount}:table/x`,
        `arn:aws:dynamodb:eu-west-1:111122223333:table/${TENANT_VARIABLE}`,
        'arn:aws:s3:::bucket/*',
      ],
    )
      .withCondition('ForAnyValue:StringLikeIfExists', 'aws:TagKeys', ['a*'])
      .withCondition('Null', 'aws:ResourceTag/a', ['false'])
      .withCondition('ArnLike', 'aws:SourceArn', [TABLE]);
    expect(Object.keys(grant.conditions)).toHaveLength(3);
    expect(() => Grant.allow(['s3:ListAllMyBuckets'], ['*'])).not.toThrow();
  });
  it('a log retention CloudWatch Logs does not offer', () => {
    expect(construct({ audit: { retentionDays: 100 } })).toThrow(/retentionDays is 100.*one of 1, 3, 5/);
    expect(construct({ audit: { retentionDays: 400 } })).not.toThrow();
  });
});

describe('control by control', () => {
  it('MCP-NHI-001: one role per tool, never shared', () => {
    const { json } = synthServer(serverProps());
    const roles = Object.values<Tf>(json.resource.aws_iam_role);
    expect(
      roles
        .map((r) => r.tags['mcp-nhi:tool'])
        .filter(Boolean)
        .sort(),
    ).toEqual(['create_issue', 'search_issues']);
    expect(new Set(roles.map((r) => r.name)).size).toBe(roles.length);
  });

  it('MCP-NHI-002/004: no way to create credentials or secret values; a raw access key fails synth', () => {
    const { json } = synthServer(
      serverProps({
        secrets: [
          SecretRef.fromArn('API_KEY', `arn:aws:secretsmanager:eu-west-1:111122223333:secret:x-AbCdEf`),
        ],
      }),
    );
    const types = resources(json).map(([type]) => type);
    expect(types).not.toContain('aws_iam_access_key');
    expect(types).not.toContain('aws_secretsmanager_secret_version');
    const stack = testStack();
    new McpServer(stack, 'Server', serverProps());
    const user = new IamUser(stack, 'Ci', { name: 'ci' });
    new IamAccessKey(stack, 'CiKey', { user: user.name });
    expect(() => synth(stack)).toThrow(
      /MCP-NHI-002 \(critical\) at test\/CiKey \[aws_iam_access_key\.CiKey\]/,
    );
  });

  it('MCP-NHI-003: secrets go by reference; a literal token in the environment fails synth', () => {
    expect(() => SecretRef.fromArn('TOKEN', 'ghp_abc')).toThrow(
      /not a Secrets Manager secret ARN.*never the value/,
    );
    const stack = testStack();
    new McpServer(
      stack,
      'Server',
      serverProps({
        lambda: { imageUri: IMAGE, environment: { GITHUB_TOKEN: `ghp_${'x1Y2z3'.repeat(6)}` } },
      }),
    );
    expect(() => synth(stack)).toThrow(/MCP-NHI-003 \(critical\) at test\/Server\/Function/);
  });

  it('MCP-NHI-005: tool sessions ≤ 3600 s, role ceilings 3600 s', () => {
    expect(construct({ tools: [{ name: 't', sessionSeconds: 7200 }] })).toThrow(
      /sessionSeconds is 7200: use a whole number of seconds from 900 to 3600/,
    );
    const { json } = synthServer(serverProps());
    for (const role of Object.values<Tf>(json.resource.aws_iam_role))
      expect(role.max_session_duration).toBe(3600);
  });

  it('MCP-NHI-006: EKS Pod Identity trust allows sts:TagSession and binds the cluster, namespace and service account', () => {
    const { json } = synthServer(
      serverProps({
        lambda: undefined,
        eks: {
          clusterName: 'tools',
          clusterArn: 'arn:aws:eks:eu-west-1:111122223333:cluster/tools',
          namespace: 'mcp',
          serviceAccount: 'issues-mcp',
        },
      }),
    );
    const server = Object.values<Tf>(json.resource.aws_iam_role).find((r) => r.name === 'issues-mcp-server');
    const trust = JSON.parse(server.assume_role_policy);
    expect(trust.Statement[0].Action).toContain('sts:TagSession');
    expect(trust.Statement[0].Condition.ArnEquals['aws:SourceArn']).toBe(
      'arn:aws:eks:eu-west-1:111122223333:cluster/tools',
    );
    expect(Object.keys(json.resource.aws_eks_pod_identity_association)).toHaveLength(1);
    // Only the server's own service account in its namespace, by Pod Identity's session tags:
    // any other association in the cluster naming this role is refused.
    expect(trust.Statement[0].Condition.StringEquals).toEqual({
      'aws:SourceAccount': '111122223333',
      'aws:RequestTag/kubernetes-namespace': 'mcp',
      'aws:RequestTag/kubernetes-service-account': 'issues-mcp',
    });
    const [association] = Object.values<Tf>(json.resource.aws_eks_pod_identity_association);
    expect(association.disable_session_tags).not.toBe(true);
  });

  it('MCP-NHI-007: wildcard actions need an acknowledgement, which becomes a waiver', () => {
    expect(() => Grant.allow(['s3:*'], ['arn:aws:s3:::b/*'])).toThrow(
      /grants every action of a service \(MCP-NHI-007\).*Grant\.allowWildcard/,
    );
    expect(() => Grant.allow(['*'], ['*'])).toThrow(/MCP-NHI-007/);
    expect(() => Grant.allowWildcard(['s3:*'], ['arn:aws:s3:::b/*'], { ...ack, owner: '' })).toThrow(
      /owner is empty/,
    );
    const stack = testStack();
    new McpServer(
      stack,
      'Server',
      serverProps({
        tools: [{ name: 'export', grants: [Grant.allowWildcard(['s3:*'], ['arn:aws:s3:::exports/*'], ack)] }],
      }),
    );
    synth(stack);
    const waived = SynthCheck.of(stack)
      .run()
      .report.findings.filter((f) => f.status === 'waived');
    expect(waived.map((f) => f.control)).toContain('MCP-NHI-007');
    expect(waived[0]?.waiver?.owner).toBe('data-team@example.com');
  });

  it("MCP-NHI-007: an acknowledgement waives its own wildcard grant, not the tool's other grants", () => {
    // Noncompliant: PassRole on `*` beside an acknowledged s3:* must still fail synth.
    const noncompliant = testStack();
    new McpServer(
      noncompliant,
      'Server',
      serverProps({
        tools: [
          {
            name: 'export',
            grants: [
              Grant.allowWildcard(['s3:*'], ['arn:aws:s3:::exports/*'], ack),
              Grant.allow(['iam:PassRole'], ['*']),
            ],
          },
        ],
      }),
    );
    expect(() => synth(noncompliant)).toThrow(/MCP-NHI-007 \(critical\).*iam:PassRole on every resource/);
    // Each acknowledgement keeps its own expiry: the expired one comes back, the other stays waived.
    const stack = testStack();
    new McpServer(
      stack,
      'Server',
      serverProps({
        tools: [
          {
            name: 'export',
            grants: [
              Grant.allowWildcard(['s3:*'], ['arn:aws:s3:::exports/*'], ack),
              Grant.allowWildcard(['sqs:*'], ['arn:aws:sqs:eu-west-1:111122223333:exports'], {
                ...ack,
                expires: '2026-01-31',
              }),
            ],
          },
        ],
      }),
    );
    const findings = SynthCheck.of(stack).run().report.findings;
    const failing = findings.filter((f) => f.status === 'fail').map((f) => f.message);
    expect(failing.join('\n')).toMatch(/sqs:\*/);
    expect(failing.join('\n')).not.toMatch(/s3:\*/);
    expect(findings.filter((f) => f.status === 'waived').map((f) => f.message)).toEqual([
      expect.stringMatching(/s3:\*/),
    ]);
  });

  it('MCP-NHI-007: privilege escalation through a grant fails synth', () => {
    const stack = testStack();
    new McpServer(
      stack,
      'Server',
      serverProps({ tools: [{ name: 'deploy', grants: [Grant.allow(['iam:PassRole'], ['*'])] }] }),
    );
    expect(() => synth(stack)).toThrow(/MCP-NHI-007 \(critical\) at test\/Server\/Tool-deploy\/Role .*Fix: /);
  });

  it('MCP-NHI-008: every role has the boundary; a given boundary must be a policy ARN', () => {
    expect(construct({ permissionsBoundaryArn: 'boundary' })).toThrow(/not an IAM policy ARN/);
    const { json } = synthServer(
      serverProps({ permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/mcp-boundary' }),
    );
    for (const role of Object.values<Tf>(json.resource.aws_iam_role)) {
      expect(role.permissions_boundary).toBe('arn:aws:iam::111122223333:policy/mcp-boundary');
    }
  });

  it('MCP-NHI-009: tool roles trust only their server, with session tags and a source identity', () => {
    const { json } = synthServer(serverProps());
    const role = Object.values<Tf>(json.resource.aws_iam_role).find(
      (r) => r.name === 'issues-mcp-tool-create_issue',
    );
    const trust = JSON.parse(role.assume_role_policy);
    for (const statement of trust.Statement)
      expect(statement.Principal.AWS).toMatch(/^\$\{aws_iam_role\.Server_ServerRole_\w+\.arn\}$/);
    expect(trust.Statement[0].Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(trust.Statement[0].Condition.StringEquals['aws:RequestTag/mcp-tool']).toBe('create_issue');
    expect(trust.Statement[0].Condition.StringLike['sts:SourceIdentity']).toBe('mcp-user-*');
    const policy = JSON.parse(Object.values<Tf>(json.resource.aws_iam_role_policy)[0].policy);
    expect(policy.Statement[0].Resource).toHaveLength(2);
  });

  it('MCP-NHI-010: the function URL is AWS_IAM; a raw unauthenticated URL fails synth', () => {
    const stack = testStack();
    const server = new McpServer(stack, 'Server', serverProps());
    expect(synth(stack).resource.aws_lambda_function_url).toBeDefined();
    new LambdaFunctionUrl(stack, 'PublicUrl', {
      functionName: server.lambdaFunction!.functionName,
      authorizationType: 'NONE',
    });
    expect(() => synth(stack)).toThrow(/MCP-NHI-010 \(critical\) at test\/PublicUrl/);
  });

  it('MCP-NHI-012: OAuth scopes are non-empty and never omnibus', () => {
    expect(construct({ tools: [{ name: 't', oauthScopes: ['repo', 'admin'] }] })).toThrow(
      /omnibus scope "admin" \(MCP-NHI-012\)/,
    );
    expect(construct({ tools: [{ name: 't', oauthScopes: [] }] })).toThrow(/oauthScopes is empty/);
  });

  it('MCP-NHI-013: a STRICT store and one conditional Cedar policy per tool; broken Cedar throws', () => {
    const { json } = synthServer(serverProps());
    expect(
      Object.values<Tf>(json.resource.aws_verifiedpermissions_policy_store)[0].validation_settings,
    ).toEqual([{ mode: 'STRICT' }]);
    expect(Object.keys(json.resource.aws_verifiedpermissions_policy)).toHaveLength(2);
    expect(
      construct({ tools: [{ name: 't', authorization: { when: 'principal.department == "x"' } }] }),
    ).toThrow(/Cedar policy fails strict validation.*department/);
  });

  it('MCP-NHI-014: writes of sensitive tools require the caller identity, and MFA in Cedar', () => {
    const { json } = synthServer(
      serverProps({
        tools: [
          { name: 'delete_issue', sensitive: true, grants: [Grant.allow(['dynamodb:DeleteItem'], [TABLE])] },
        ],
      }),
    );
    const role = Object.values<Tf>(json.resource.aws_iam_role).find((r) => r.tags['mcp-nhi:tool']);
    const policy = JSON.parse(role.inline_policy[0].policy);
    expect(policy.Statement[0].Condition.StringLike['aws:SourceIdentity']).toEqual(['mcp-user-*']);
    const cedar = Object.values<Tf>(json.resource.aws_verifiedpermissions_policy)[0].definition[0].static[0]
      .statement;
    expect(cedar).toContain('context.mfa == true');
  });

  it('MCP-NHI-015: multi-tenant grants must be tenant-scoped', () => {
    expect(construct({ multiTenant: true })).toThrow(
      /not scoped by tenant on a multi-tenant server \(MCP-NHI-015\)/,
    );
    const { json } = synthServer(
      serverProps({
        multiTenant: true,
        tools: [
          {
            name: 'read',
            grants: [Grant.allow(['s3:GetObject'], [`arn:aws:s3:::docs/${TENANT_VARIABLE}/*`])],
          },
          {
            name: 'tagged',
            grants: [Grant.allow(['dynamodb:GetItem'], [TABLE]).whereResourceTagMatchesTenant()],
          },
        ],
      }),
    );
    const role = Object.values<Tf>(json.resource.aws_iam_role).find((r) => r.name === 'issues-mcp-tool-read');
    expect(role.inline_policy[0].policy).toContain('arn:aws:s3:::docs/$${aws:PrincipalTag/tenant}/*');
    expect(
      JSON.parse(role.assume_role_policy).Statement[0].Condition.StringLike['aws:RequestTag/tenant'],
    ).toBe('?*');
  });

  it('MCP-NHI-015: a condition that names the tenant but does not require it is no tenant scope', () => {
    // Noncompliant: every other tenant's rows, untagged rows, or a missing tag all match.
    for (const operator of [
      'StringNotEquals',
      'StringEqualsIfExists',
      'ForAllValues:StringEquals',
      'StringNotLike',
    ]) {
      const grant = Grant.allow(['dynamodb:Query'], [TABLE]).withCondition(
        operator,
        'aws:ResourceTag/tenant',
        [TENANT_VARIABLE],
      );
      expect(construct({ multiTenant: true, tools: [{ name: 'q', grants: [grant] }] })).toThrow(
        /not scoped by tenant on a multi-tenant server \(MCP-NHI-015\)/,
      );
    }
    // Compliant: the operators that require a match; ForAllValues on a multivalued key.
    const leadingKeys = Grant.allow(['dynamodb:Query'], [TABLE]).withCondition(
      'ForAllValues:StringEquals',
      'dynamodb:LeadingKeys',
      [TENANT_VARIABLE],
    );
    expect(construct({ multiTenant: true, tools: [{ name: 'q', grants: [leadingKeys] }] })).not.toThrow();
    for (const operator of [
      'StringEquals',
      'StringLike',
      'ForAnyValue:StringEquals',
      'StringEqualsIgnoreCase',
    ]) {
      const grant = Grant.allow(['dynamodb:Query'], [TABLE]).withCondition(
        operator,
        'aws:ResourceTag/tenant',
        [TENANT_VARIABLE],
      );
      expect(construct({ multiTenant: true, tools: [{ name: 'q', grants: [grant] }] })).not.toThrow();
    }
  });

  it('MCP-NHI-019: an overdue review fails synth unless waived', () => {
    const stack = testStack();
    new McpServer(stack, 'Server', serverProps({ reviewBy: '2026-01-31' }));
    expect(() => synth(stack)).toThrow(/MCP-NHI-019 \(medium\) at test\/Server\/Tool-search_issues\/Role/);
    const waived = testStack();
    new McpServer(
      waived,
      'Server',
      serverProps({ reviewBy: '2026-01-31', waivers: [{ control: 'MCP-NHI-019', ...ack }] }),
    );
    expect(() => synth(waived)).not.toThrow();
  });

  it('MCP-NHI-020: created secrets need a customer key and rotation', () => {
    expect(() =>
      SecretRef.managed('TOKEN', {
        kmsKeyArn: '',
        rotationLambdaArn: 'arn:aws:lambda:eu-west-1:1:function:r',
      }),
    ).toThrow(/kmsKeyArn/);
    expect(() =>
      SecretRef.managed('TOKEN', {
        kmsKeyArn: 'arn:aws:kms:eu-west-1:1:key/k',
        rotationLambdaArn: 'arn:aws:lambda:eu-west-1:1:function:r',
        rotationDays: 365,
      }),
    ).toThrow(/rotationDays is 365/);
  });

  it('MCP-NHI-022: a log group with retention; zero retention throws', () => {
    expect(construct({ audit: { retentionDays: 0 } })).toThrow(/retentionDays is 0/);
    const { json } = synthServer(serverProps());
    expect(Object.values<Tf>(json.resource.aws_cloudwatch_log_group)[0].retention_in_days).toBe(365);
  });

  it('MCP-NHI-024: images are pinned by digest', () => {
    expect(construct({ lambda: { imageUri: 'repo/issues:latest' } })).toThrow(
      /not pinned by digest: use "<repository>@sha256:/,
    );
  });

  it('synth errors are scrubbed like every report: no credential-shaped name reaches the log', () => {
    // A construct id is the user's to choose, and synth errors name the construct path.
    const token = `ghp_${'Zq7'.repeat(12)}`;
    const stack = testStack();
    const user = new IamUser(stack, 'Ci', { name: 'ci' });
    new IamAccessKey(stack, token, { user: user.name });
    new McpServer(stack, 'Server', serverProps());
    const messages = SynthCheck.of(stack).validate();
    expect(messages.join('\n')).toMatch(/MCP-NHI-002/);
    expect(messages.join('\n')).not.toContain(token);
  });

  it('a stack-level waiver with an address glob is reported as waived', () => {
    const stack = testStack();
    const user = new IamUser(stack, 'Ci', { name: 'ci' });
    new IamAccessKey(stack, 'CiKey', { user: user.name });
    new McpServer(stack, 'Server', serverProps());
    SynthCheck.of(stack).addWaiver({ control: 'MCP-NHI-002', address: 'aws_iam_access_key.*', ...ack });
    expect(() => synth(stack)).not.toThrow();
    expect(() =>
      SynthCheck.of(stack).addWaiver({ control: 'MCP-NHI-002', address: '*', ...ack, expires: '' }),
    ).toThrow(/expires/);
  });
});
