import { describe, expect, it } from 'vitest';
import {
  analyseTrust,
  type TrustOptions,
  trustRequiresSessionTag,
} from '../../../../action/inventory/aws/iam-trust.js';
import { indexRecords } from '../../../../action/inventory/context.js';
import { unknownValue } from '../../../../action/read/record.js';
import { doc, rec, ref, serviceTrust } from './build.js';

const ROLE = 'aws_iam_role.r';

function trust(policy: unknown, others: ReturnType<typeof rec>[] = [], options: TrustOptions = {}) {
  const role = rec(ROLE, { name: 'r', assume_role_policy: policy });
  return analyseTrust(indexRecords([role, ...others]), role, options);
}

const assume = (
  principal: unknown,
  condition?: Record<string, unknown>,
  action: unknown = 'sts:AssumeRole',
) =>
  doc({
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    ...(condition ? { Condition: condition } : {}),
  });

describe('trustIssues', () => {
  it('accepts a service principal', () => {
    expect(trust(serviceTrust('lambda.amazonaws.com'))).toEqual({
      trustIssues: [],
      federationIssues: [],
      humanPrincipals: [],
    });
  });

  it('reports "*" without a restricting condition', () => {
    const facts = trust(assume('*'));
    expect(facts.trustIssues).toMatchObject([
      { address: ROLE, attribute: 'assume_role_policy.Statement[0].Principal' },
    ]);
    const aws = trust(assume({ AWS: '*' }));
    expect(aws.trustIssues).toMatchObject([{ attribute: 'assume_role_policy.Statement[0].Principal.AWS' }]);
  });

  it('accepts "*" restricted by aws:PrincipalOrgID', () => {
    expect(trust(assume('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })).trustIssues).toEqual(
      [],
    );
  });

  it('reports a bare account root without conditions, and accepts it with sts:ExternalId', () => {
    const facts = trust(assume({ AWS: 'arn:aws:iam::111122223333:root' }));
    expect(facts.trustIssues).toMatchObject([{ attribute: 'assume_role_policy.Statement[0].Principal.AWS' }]);
    expect(facts.trustIssues[0]?.detail).toContain('111122223333');
    const ok = trust(assume({ AWS: '111122223333' }, { StringEquals: { 'sts:ExternalId': 'x' } }));
    expect(ok.trustIssues).toEqual([]);
  });

  it('accepts its own account root narrowed by aws:PrincipalArn', () => {
    const facts = trust(
      assume(
        { AWS: 'arn:aws:iam::111122223333:root' },
        { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci' } },
      ),
      [],
      { accounts: new Set(['111122223333']) },
    );
    expect(facts.trustIssues).toEqual([]);
  });

  it('reports a role of another account without sts:ExternalId when the account is known', () => {
    const facts = trust(assume({ AWS: 'arn:aws:iam::444455556666:role/x' }), [], {
      accounts: new Set(['111122223333']),
    });
    expect(facts.trustIssues).toMatchObject([{ attribute: 'assume_role_policy.Statement[0].Principal.AWS' }]);
  });

  it('reports an unknown trust policy as unknown', () => {
    const facts = trust(unknownValue(['data.aws_iam_policy_document.t']));
    expect(facts.trustIssues).toEqual([
      {
        address: ROLE,
        attribute: 'assume_role_policy',
        detail: 'trust policy is only known after apply',
        $unknown: true,
        refs: ['data.aws_iam_policy_document.t'],
      },
    ]);
  });
});

describe('trust rendered by an aws_iam_policy_document data source', () => {
  // `assume_role_policy = data.aws_iam_policy_document.t.json`, as HCL and CDKTF input (and
  // plans that read the data source at apply) carry it: the role's value is unknown.
  const DOC = 'data.aws_iam_policy_document.t';
  const rendered = (json: unknown, statement: unknown = []) => rec(DOC, { json, statement });
  const openBlocks = [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['*'] }] }];

  it('judges the rendered json, with evidence on the data source', () => {
    const facts = trust(ref(DOC), [rendered(assume({ AWS: '*' }))]);
    expect(facts.trustIssues).toMatchObject([{ address: DOC, attribute: 'json.Statement[0].Principal.AWS' }]);
    expect(facts.trustIssues[0]).not.toHaveProperty('$unknown');
  });

  it('judges the statement blocks when the json is only known after apply', () => {
    const facts = trust(ref(DOC), [rendered(unknownValue([]), openBlocks)]);
    expect(facts.trustIssues).toMatchObject([{ address: DOC }]);
    expect(facts.trustIssues[0]?.attribute).toMatch(/^statement\[0\]\.principals/);
    expect(facts.trustIssues[0]?.detail).toContain('every AWS principal');
  });

  it('passes a compliant document', () => {
    expect(trust(ref(DOC), [rendered(serviceTrust('lambda.amazonaws.com'))]).trustIssues).toEqual([]);
  });

  it("puts a tool role's missing session controls on the data source", () => {
    const server = rec('aws_iam_role.server', { name: 'server' });
    const tool = { serverIdentities: [server.address], otherServerIdentities: new Set<string>() };
    const facts = trust(ref(DOC), [server, rendered(serviceTrust('lambda.amazonaws.com'))], { tool });
    expect(facts.trustIssues.filter((e) => e.address === DOC && e.attribute === 'json')).toHaveLength(3);
  });

  it('stays unknown when the value could be either of two documents', () => {
    const other = rec('data.aws_iam_policy_document.u', { json: serviceTrust('ec2.amazonaws.com') });
    const facts = trust(unknownValue([DOC, other.address]), [rendered(assume({ AWS: '*' })), other]);
    expect(facts.trustIssues).toMatchObject([
      { address: ROLE, attribute: 'assume_role_policy', $unknown: true },
    ]);
  });

  it('stays unknown when the data source merges documents known only after apply', () => {
    const merging = rec(DOC, {
      json: unknownValue([]),
      statement: openBlocks,
      source_policy_documents: [unknownValue(['aws_iam_policy.p'])],
    });
    const facts = trust(ref(DOC), [merging]);
    expect(facts.trustIssues).toMatchObject([{ address: ROLE, $unknown: true }]);
  });
});

describe('tool role trust', () => {
  const server = rec('aws_iam_role.server', { name: 'server' });
  const other = rec('aws_iam_role.other_server', { name: 'other' });
  const tool = {
    serverIdentities: ['aws_iam_role.server'],
    otherServerIdentities: new Set(['aws_iam_role.other_server']),
  };
  const compliant = doc({
    Effect: 'Allow',
    Principal: { AWS: ref('aws_iam_role.server') },
    Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
    Condition: {
      StringEquals: { 'aws:RequestTag/mcp-nhi:tool': 'search' },
      StringLike: { 'sts:SourceIdentity': '*' },
    },
  });

  it('accepts trust naming only its server with session tags and source identity', () => {
    expect(trust(compliant, [server, other], { tool }).trustIssues).toEqual([]);
  });

  it('reports another server identity and a service principal', () => {
    const facts = trust(
      doc({
        Effect: 'Allow',
        Principal: { AWS: ref('aws_iam_role.other_server'), Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
      [server, other],
      { tool },
    );
    const attributes = facts.trustIssues.map((e) => e.attribute);
    expect(attributes).toContain('assume_role_policy.Statement[0].Principal.AWS');
    expect(attributes).toContain('assume_role_policy.Statement[0].Principal.Service');
    expect(facts.trustIssues.find((e) => e.attribute?.endsWith('AWS'))?.detail).toContain(
      'another MCP server',
    );
    // and the missing session controls
    expect(facts.trustIssues.filter((e) => e.attribute === 'assume_role_policy')).toHaveLength(3);
  });

  it('reports missing sts:TagSession, RequestTag and SourceIdentity', () => {
    const facts = trust(assume({ AWS: 'arn:aws:iam::111122223333:role/server' }), [server, other], { tool });
    const details = facts.trustIssues
      .filter((e) => e.attribute === 'assume_role_policy')
      .map((e) => e.detail);
    expect(details).toHaveLength(3);
    expect(details.join(' ')).toMatch(/TagSession.*RequestTag.*SourceIdentity/s);
  });

  it('tells whether the trust requires a tenant session tag', () => {
    expect(trustRequiresSessionTag(compliant, ['tenant'])).toBe(false);
    expect(
      trustRequiresSessionTag(assume('*', { StringLike: { 'aws:RequestTag/tenant': '?*' } }), [
        'tenant',
        'mcp-nhi:tenant',
      ]),
    ).toBe(true);
  });
});

describe('federationIssues', () => {
  const github = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
  const web = (condition: Record<string, unknown>) =>
    assume({ Federated: github }, condition, 'sts:AssumeRoleWithWebIdentity');

  it('accepts StringEquals on sub and aud', () => {
    const facts = trust(
      web({
        StringEquals: {
          'token.actions.githubusercontent.com:sub': 'repo:org/repo:environment:prod',
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        },
      }),
    );
    expect(facts.federationIssues).toEqual([]);
  });

  it('reports a wildcard sub and a missing aud', () => {
    const facts = trust(web({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/*' } }));
    expect(facts.federationIssues).toHaveLength(2);
    expect(facts.federationIssues[0]).toMatchObject({
      address: ROLE,
      attribute:
        'assume_role_policy.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"]',
    });
    expect(facts.federationIssues[0]?.detail).toContain('repo:org/*');
    expect(facts.federationIssues[1]?.detail).toContain(':aud');
  });

  it('resolves the issuer of an OIDC provider reference (IRSA)', () => {
    const provider = rec('aws_iam_openid_connect_provider.eks', {
      url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    });
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/ABC';
    const facts = trust(
      assume(
        { Federated: ref('aws_iam_openid_connect_provider.eks') },
        { StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:mcp:search' } },
        'sts:AssumeRoleWithWebIdentity',
      ),
      [provider],
    );
    expect(facts.federationIssues).toHaveLength(1);
    expect(facts.federationIssues[0]?.detail).toContain(`${issuer}:aud`);
  });

  it('requires sts:TagSession for EKS Pod Identity', () => {
    expect(
      trust(assume({ Service: 'pods.eks.amazonaws.com' }, undefined, ['sts:AssumeRole', 'sts:TagSession']))
        .federationIssues,
    ).toEqual([]);
    const facts = trust(assume({ Service: 'pods.eks.amazonaws.com' }));
    expect(facts.federationIssues).toMatchObject([{ attribute: 'assume_role_policy.Statement[0].Action' }]);
  });
});

describe('humanPrincipals', () => {
  it('finds none for a workload principal', () => {
    expect(trust(assume({ AWS: 'arn:aws:iam::111122223333:role/ci' })).humanPrincipals).toEqual([]);
  });

  it('finds users, account root, SSO roles, SAML providers and user references', () => {
    const user = rec('aws_iam_user.alice', { name: 'alice' });
    const facts = trust(
      doc(
        {
          Effect: 'Allow',
          Principal: {
            AWS: [
              'arn:aws:iam::111122223333:user/alice',
              '111122223333',
              'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_123',
              ref('aws_iam_user.alice'),
            ],
          },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'x' } },
        },
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/okta' },
          Action: 'sts:AssumeRoleWithSAML',
        },
      ),
      [user],
    );
    expect(facts.humanPrincipals.map((e) => e.attribute)).toEqual([
      'assume_role_policy.Statement[0].Principal.AWS[0]',
      'assume_role_policy.Statement[0].Principal.AWS[1]',
      'assume_role_policy.Statement[0].Principal.AWS[2]',
      'assume_role_policy.Statement[0].Principal.AWS[3]',
      'assume_role_policy.Statement[1].Principal.Federated',
    ]);
    expect(facts.humanPrincipals[3]?.detail).toContain('aws_iam_user.alice');
  });
});

describe('wildcard account root', () => {
  it('treats arn:aws:iam::*:root like "*"', () => {
    expect(trust(assume({ AWS: 'arn:aws:iam::*:root' })).trustIssues[0]?.detail).toContain(
      'every AWS principal',
    );
  });
});

describe('conditions that do not narrow a trust of "*"', () => {
  it.each([
    [
      'a wildcard account in aws:PrincipalArn',
      { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
    ],
    ['ArnLike over every ARN', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:*' } }],
    ['an ExternalId pattern that matches anything', { StringLike: { 'sts:ExternalId': '?*' } }],
    ['an organization pattern', { StringLike: { 'aws:PrincipalOrgID': 'o-*' } }],
    ['a negated operator', { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }],
    ['a negated ARN operator', { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/x' } }],
    ['Null: false (present, any value)', { Null: { 'aws:SourceArn': 'false' } }],
    ['no values', { StringEquals: { 'aws:PrincipalOrgID': [] } }],
  ])('%s still trusts everyone', (_, condition) => {
    const facts = trust(assume({ AWS: '*' }, condition));
    expect(facts.trustIssues).toMatchObject([{ detail: expect.stringContaining('every AWS principal') }]);
    expect(facts.trustIssues[0]).not.toHaveProperty('$unknown');
  });

  it.each([
    ['an organization', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }],
    ['roles of one account', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci-*' } }],
    ['an exact source ARN', { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::uploads' } }],
    ['an account', { StringEquals: { 'aws:SourceAccount': '111122223333' } }],
    [
      'any of an organization (ForAnyValue)',
      { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123' } },
    ],
  ])('%s narrows it', (_, condition) => {
    expect(trust(assume({ AWS: '*' }, condition)).trustIssues).toEqual([]);
  });

  it('a narrowing value known only after apply leaves the trust unknown', () => {
    const facts = trust(
      assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': unknownValue([], 'var.org_id') } }),
    );
    expect(facts.trustIssues).toMatchObject([
      { $unknown: true, detail: expect.stringContaining('var.org_id') },
    ]);
  });

  it('sts:ExternalId must name a value for a cross-account root', () => {
    const weak = trust(assume({ AWS: '111122223333' }, { StringLike: { 'sts:ExternalId': '*' } }));
    expect(weak.trustIssues).toMatchObject([{ detail: expect.stringContaining('without sts:ExternalId') }]);
  });
});

describe('principals known only after apply', () => {
  it('are unknown for trust and human use, unless they name a role or user of the plan', () => {
    const facts = trust(assume({ AWS: unknownValue([], 'var.trusted_arn') }));
    expect(facts.trustIssues).toMatchObject([
      { $unknown: true, detail: expect.stringContaining('var.trusted_arn') },
    ]);
    expect(facts.humanPrincipals).toMatchObject([{ $unknown: true }]);

    const role = rec('aws_iam_role.ci', { name: 'ci' });
    const known = trust(assume({ AWS: ref('aws_iam_role.ci') }), [role]);
    expect(known.trustIssues).toEqual([]);
    expect(known.humanPrincipals).toEqual([]);
  });

  it('an ARN written around an unknown account still says what it names', () => {
    const user = trust(assume({ AWS: unknownValue([], 'arn:aws:iam::${var.account}:user/alice') }));
    expect(user.humanPrincipals).toMatchObject([
      { detail: expect.stringContaining('an IAM user (an expression of var.account)') },
    ]);
    expect(user.humanPrincipals[0]).not.toHaveProperty('$unknown');
    const sso = trust(
      assume({
        AWS: unknownValue(
          [],
          'arn:aws:iam::${var.account}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin',
        ),
      }),
    );
    expect(sso.humanPrincipals).toMatchObject([{ detail: expect.stringContaining('an SSO role') }]);
  });
});

describe('what a careful team writes passes (false-positive review)', () => {
  it('an organization path, a resource reference in a condition, and a role ARN around the caller account', () => {
    expect(
      trust(assume({ AWS: '*' }, { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/*' } }))
        .trustIssues,
    ).toEqual([]);
    const src = rec('aws_iam_role.src', { name: 'src' });
    expect(
      trust(assume({ AWS: '*' }, { ArnEquals: { 'aws:PrincipalArn': ref('aws_iam_role.src') } }), [src])
        .trustIssues,
    ).toEqual([]);
    const caller = trust(
      assume({
        AWS: unknownValue(
          ['data.aws_caller_identity.current'],
          'arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ci-deployer',
        ),
      }),
    );
    expect(caller.trustIssues).toEqual([]);
    expect(caller.humanPrincipals).toEqual([]);
  });
});
