import { describe, expect, it } from 'vitest';
import { analysePermissions } from '../../../../action/inventory/aws/iam-permissions.js';
import { type AppliedPolicy, policyValue } from '../../../../action/inventory/aws/role-policies.js';
import { indexRecords } from '../../../../action/inventory/context.js';
import { isUnknown, unknownValue } from '../../../../action/read/record.js';
import { doc } from './build.js';

const P = 'aws_iam_policy.p';

function policies(...statements: Record<string, unknown>[]): AppliedPolicy[] {
  return policyValue(indexRecords([]), P, ['policy'], doc(...statements));
}

function managed(name: string): AppliedPolicy[] {
  const arn = `arn:aws:iam::aws:policy/${name}`;
  return [
    {
      address: 'aws_iam_role_policy_attachment.a',
      attribute: 'policy_arn',
      basePath: ['policy_arn'],
      managedArn: arn,
    },
  ];
}

describe('broadGrants', () => {
  it('finds nothing for scoped reads and writes', () => {
    const facts = analysePermissions(
      policies(
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Allow', Action: ['ec2:Describe*', 's3:ListAllMyBuckets'], Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ),
    );
    expect(facts.broadGrants).toEqual([]);
    expect(facts.escalationGrants).toEqual([]);
  });

  it('reports Action "*" and service wildcards with the statement path', () => {
    const facts = analysePermissions(
      policies(
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::b' },
      ),
    );
    expect(facts.broadGrants).toMatchObject([
      { address: P, attribute: 'policy.Statement[0].Action' },
      { address: P, attribute: 'policy.Statement[1].Action' },
    ]);
    expect(facts.broadGrants[1]?.detail).toContain('"s3:*"');
  });

  it('reports NotAction and NotResource with Allow', () => {
    const facts = analysePermissions(
      policies(
        { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
        { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' },
      ),
    );
    expect(facts.broadGrants.map((e) => e.attribute)).toEqual([
      'policy.Statement[0].NotAction',
      'policy.Statement[1].NotResource',
    ]);
  });

  it('reports writes on "*" but not actions AWS only grants on "*"', () => {
    const compliant = analysePermissions(
      policies({
        Effect: 'Allow',
        Action: [
          'xray:PutTraceSegments',
          'cloudwatch:PutMetricData',
          'ecr:GetAuthorizationToken',
          'ec2:CreateNetworkInterface',
        ],
        Resource: '*',
      }),
    );
    expect(compliant.broadGrants).toEqual([]);
    const facts = analysePermissions(
      policies({
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 'dynamodb:DeleteItem'],
        Resource: '*',
      }),
    );
    expect(facts.broadGrants).toHaveLength(1);
    expect(facts.broadGrants[0]).toMatchObject({ address: P, attribute: 'policy.Statement[0].Resource' });
    expect(facts.broadGrants[0]?.detail).toContain('s3:PutObject');
    expect(facts.broadGrants[0]?.detail).not.toContain('s3:GetObject');
  });

  it('counts read-named actions that hand out credentials as writes on "*"', () => {
    for (const action of ['redshift:GetClusterCredentials', 'redshift:Get*', 'sts:GetFederationToken']) {
      const facts = analysePermissions(policies({ Effect: 'Allow', Action: action, Resource: '*' }));
      expect(facts.broadGrants[0]?.detail, action).toContain('write actions on every resource');
    }
    const reads = analysePermissions(
      policies({ Effect: 'Allow', Action: 'redshift:Describe*', Resource: '*' }),
    );
    expect(reads.broadGrants).toEqual([]);
  });

  it('reports admin and *FullAccess managed policies', () => {
    expect(analysePermissions(managed('AdministratorAccess')).broadGrants).toMatchObject([
      { address: 'aws_iam_role_policy_attachment.a', attribute: 'policy_arn' },
    ]);
    expect(analysePermissions(managed('AmazonS3FullAccess')).broadGrants).toHaveLength(1);
    expect(analysePermissions(managed('service-role/AWSLambdaBasicExecutionRole')).broadGrants).toEqual([]);
  });

  it('reports an unknown policy as unknown evidence', () => {
    const facts = analysePermissions(
      policyValue(indexRecords([]), P, ['policy'], unknownValue(['aws_s3_bucket.b'])),
    );
    expect(facts.broadGrants).toEqual([
      {
        address: P,
        attribute: 'policy',
        detail: 'policy is only known after apply',
        $unknown: true,
        refs: ['aws_s3_bucket.b'],
      },
    ]);
    expect(isUnknown(facts.hasContextConditions)).toBe(true);
  });

  it('reports invalid JSON as unknown evidence', () => {
    const facts = analysePermissions(policyValue(indexRecords([]), P, ['policy'], '{"Statement": ['));
    expect(facts.broadGrants[0]).toMatchObject({
      address: P,
      detail: 'policy is not valid JSON',
      $unknown: true,
    });
  });
});

describe('escalationGrants', () => {
  it('does not report PassRole on a specific role', () => {
    const facts = analysePermissions(
      policies({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/tool' }),
    );
    expect(facts.escalationGrants).toEqual([]);
  });

  it('reports PassRole on "*", Attach*Policy and wildcards once per statement', () => {
    const facts = analysePermissions(
      policies(
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['iam:AttachRolePolicy', 'iam:PutUserPolicy'],
          Resource: 'arn:aws:iam::123456789012:role/x',
        },
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        { Effect: 'Allow', Action: 'iam:Put*', Resource: 'arn:aws:iam::123456789012:user/u' },
      ),
    );
    expect(facts.escalationGrants.map((e) => e.attribute)).toEqual([
      'policy.Statement[0].Action',
      'policy.Statement[1].Action',
      'policy.Statement[2].Action',
      'policy.Statement[3].Action',
    ]);
    expect(facts.escalationGrants[0]?.detail).toContain('iam:PassRole on every resource');
    expect(facts.escalationGrants[3]?.detail).toContain('iam:PutUserPolicy');
  });

  it('reports escalation reached through NotAction', () => {
    const facts = analysePermissions(policies({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }));
    expect(facts.escalationGrants).toMatchObject([{ attribute: 'policy.Statement[0].NotAction' }]);
  });

  it('reports AdministratorAccess as escalation too', () => {
    expect(analysePermissions(managed('AdministratorAccess')).escalationGrants).toHaveLength(1);
    expect(analysePermissions(managed('PowerUserAccess')).escalationGrants).toHaveLength(0);
  });
});

describe('hasContextConditions', () => {
  it('is true when every write statement has an ABAC condition or only telemetry/reads are granted', () => {
    const facts = analysePermissions(
      policies(
        {
          Effect: 'Allow',
          Action: 'dynamodb:PutItem',
          Resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/t',
          Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
        },
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: 'arn:aws:logs:*:*:log-group:/x:*',
        },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      ),
    );
    expect(facts.hasContextConditions).toBe(true);
  });

  it('is false when a write statement has no caller-context condition', () => {
    const facts = analysePermissions(
      policies({
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      }),
    );
    expect(facts.hasContextConditions).toBe(false);
  });
});

describe('tenantIssues', () => {
  const tenantKeys = ['tenant', 'mcp-nhi:tenant'];

  it('accepts grants scoped by ${aws:PrincipalTag/tenant} in Resource or Condition', () => {
    const facts = analysePermissions(
      policies(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:PrincipalTag/tenant}/*' },
        {
          Effect: 'Allow',
          Action: 'dynamodb:Query',
          Resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/t',
          Condition: {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/tenant}'] },
          },
        },
        { Effect: 'Allow', Action: 'xray:PutTraceSegments', Resource: '*' },
      ),
      { tenantKeys },
    );
    expect(facts.tenantIssues).toEqual([]);
  });

  it('reports grants not scoped by tenant', () => {
    const facts = analysePermissions(
      policies({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
      { tenantKeys },
    );
    expect(facts.tenantIssues).toMatchObject([{ address: P, attribute: 'policy.Statement[0].Resource' }]);
  });

  it('does not check tenant scoping without tenant keys', () => {
    const facts = analysePermissions(
      policies({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    );
    expect(facts.tenantIssues).toEqual([]);
  });
});

describe('unknown leaves', () => {
  it('reports actions known only after apply as unknown, never as a pass', () => {
    const statements = [
      { Effect: 'Allow', Action: [unknownValue([], 'var.actions')], Resource: 'arn:aws:s3:::b/*' },
    ];
    const facts = analysePermissions(policyValue(indexRecords([]), P, ['policy'], { Statement: statements }));
    expect(facts.broadGrants).toMatchObject([{ attribute: 'policy.Statement[0].Action', $unknown: true }]);
    expect(facts.escalationGrants).toMatchObject([
      { attribute: 'policy.Statement[0].Action', $unknown: true },
    ]);
    expect(facts.hasContextConditions).toMatchObject({ $unknown: true });
  });

  it('treats a resource reference as a specific resource', () => {
    const statements = [
      { Effect: 'Allow', Action: 's3:PutObject', Resource: [unknownValue(['aws_s3_bucket.b'])] },
    ];
    const facts = analysePermissions(policyValue(indexRecords([]), P, ['policy'], { Statement: statements }));
    expect(facts.broadGrants).toEqual([]);
  });

  it('makes hasContextConditions unknown when a write statement has an unknown Condition', () => {
    const statements = [
      {
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::b/*',
        Condition: unknownValue(['var.c']),
      },
    ];
    const facts = analysePermissions(policyValue(indexRecords([]), P, ['policy'], { Statement: statements }));
    expect(facts.hasContextConditions).toMatchObject({ $unknown: true, refs: ['var.c'] });
  });
});

describe('patterns that amount to a wildcard', () => {
  it.each([
    ['s3:**', 'every action of a service ("s3:**")'],
    ['s3:?*', 'every action of a service ("s3:?*")'],
    ['*?', 'every action ("*?")'],
    ['*:**', 'every action ("*:**")'],
  ])('Action %s allows %s', (action, detail) => {
    const facts = analysePermissions(
      policies({ Effect: 'Allow', Action: action, Resource: 'arn:aws:s3:::b' }),
    );
    expect(facts.broadGrants[0]?.detail).toContain(detail);
  });

  it.each(['arn:*', '?*', 'arn:*:*', 'arn:aws:*:*:*:*', '**'])(
    'Resource %s is every resource',
    (resource) => {
      const facts = analysePermissions(
        policies({ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: resource }),
      );
      expect(facts.broadGrants[0]?.detail).toContain('write actions on every resource');
    },
  );

  it('a scoped resource pattern is not every resource', () => {
    for (const resource of [
      'arn:aws:s3:::b/*',
      'arn:aws:dynamodb:*:*:table/orders',
      'arn:aws:iam::*:role/ci-*',
    ]) {
      const facts = analysePermissions(
        policies({ Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: resource }),
      );
      expect(facts.broadGrants, resource).toEqual([]);
    }
  });

  it('PassRole and AssumeRole on every role are escalation, on some roles not', () => {
    const every = analysePermissions(
      policies(
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/*' },
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/*' },
      ),
    );
    expect(every.escalationGrants.map((e) => e.detail)).toEqual([
      'statement allows privilege escalation: iam:PassRole on every resource of its kind',
      'statement allows privilege escalation: sts:AssumeRole on every resource of its kind',
    ]);
    const some = analysePermissions(
      policies({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::123456789012:role/tools/*',
      }),
    );
    expect(some.escalationGrants).toEqual([]);
    // Every bucket is no role at all.
    const buckets = analysePermissions(
      policies({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:s3:::*' }),
    );
    expect(buckets.escalationGrants).toEqual([]);
  });

  it("a resource from a variable or a module's output may be '*': unknown, not specific", () => {
    for (const leaf of [unknownValue([], 'var.resource'), unknownValue(['module.m'], 'module.m.res')]) {
      const facts = analysePermissions(
        policyValue(indexRecords([]), P, ['policy'], {
          Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: leaf }],
        }),
      );
      expect(facts.broadGrants).toMatchObject([{ $unknown: true }]);
    }
  });
});
