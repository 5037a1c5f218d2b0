import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../action/read/record.js';
import { compliantServer, doc, judge, of, record, toolRole, withRecords } from '../helpers/records.js';

const withPolicy = (...statements: Record<string, unknown>[]) =>
  withRecords(
    compliantServer(),
    toolRole('search_issues', { inline_policy: [{ name: 'p', policy: doc(...statements) }] }),
  );

describe('MCP-NHI-007 Least privilege: no wildcard or admin grants', () => {
  it('passes named actions on named resources', () => {
    expect(of(judge(compliantServer()), 'MCP-NHI-007')).toEqual([]);
  });

  it('passes actions AWS only grants on "*"', () => {
    const findings = judge(withPolicy({ Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: '*' }));
    expect(of(findings, 'MCP-NHI-007')).toEqual([]);
  });

  it('flags Action "*"', () => {
    const findings = of(judge(withPolicy({ Effect: 'Allow', Action: '*', Resource: '*' })), 'MCP-NHI-007');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({
      address: 'aws_iam_role.search_issues',
      severity: 'critical',
      tool: 'search_issues',
    });
  });

  it('flags a service wildcard and NotAction', () => {
    expect(
      of(judge(withPolicy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' })), 'MCP-NHI-007'),
    ).not.toEqual([]);
    expect(
      of(judge(withPolicy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })), 'MCP-NHI-007'),
    ).not.toEqual([]);
  });

  it.each([
    ['s3:PutObject', 'arn:aws:s3:::*'],
    ['s3:DeleteObject', 'arn:aws:s3:::*/*'],
    ['dynamodb:PutItem', 'arn:aws:dynamodb:*:*:*'],
    ['logs:DeleteLogGroup', 'arn:aws:logs:*:*:*'],
    ['iam:TagRole', 'arn:aws:iam::*:*'],
    ['sqs:SendMessage', 'arn:*:sqs:*:*:*'],
  ])('flags %s on every resource of its service (%s), as on "*"', (action, resource) => {
    const findings = of(
      judge(withPolicy({ Effect: 'Allow', Action: action, Resource: resource })),
      'MCP-NHI-007',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        status: 'fail',
        attribute: 'inline_policy[0].policy.Statement[0].Resource',
        message: expect.stringContaining('every resource of their service'),
      }),
    ]);
  });

  it.each([
    ['s3:PutObject', 'arn:aws:s3:::reports/*'],
    ['s3:PutObject', 'arn:aws:s3:::*/uploads/*'],
    ['s3:PutObject', 'arn:aws:s3:::reports-*/*'],
    ['dynamodb:PutItem', 'arn:aws:dynamodb:*:*:table/orders'],
    ['dynamodb:PutItem', 'arn:aws:dynamodb:*:123456789012:*'],
    ['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:*:*'],
    // Reads on a whole service are no write grant.
    ['s3:GetObject', 'arn:aws:s3:::*'],
    // Another service's resources.
    ['sqs:SendMessage', 'arn:aws:s3:::*'],
  ])('passes %s on %s, narrower than its whole service', (action, resource) => {
    expect(
      of(judge(withPolicy({ Effect: 'Allow', Action: action, Resource: resource })), 'MCP-NHI-007'),
    ).toEqual([]);
  });

  it.each(['*', 'arn:aws:logs:*:*:*'])(
    'passes the logging AWSLambdaBasicExecutionRole grants, written inline on %s',
    (resource) => {
      // AWS's managed policy grants these on "*", and attached it is no finding: the same
      // statement written inline (as AWS's and Terraform's Lambda examples do) is none either.
      expect(
        of(
          judge(
            withPolicy({
              Effect: 'Allow',
              Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
              Resource: resource,
            }),
          ),
          'MCP-NHI-007',
        ),
      ).toEqual([]);
    },
  );

  it('names only the data writes of a statement that also grants logging on "*"', () => {
    const findings = of(
      judge(withPolicy({ Effect: 'Allow', Action: ['logs:PutLogEvents', 'sqs:SendMessage'], Resource: '*' })),
      'MCP-NHI-007',
    );
    expect(findings).toEqual([
      expect.objectContaining({ status: 'fail', message: expect.stringContaining('"sqs:SendMessage"') }),
    ]);
    expect(findings[0]!.message).not.toContain('logs:PutLogEvents');
  });

  it('flags iam:PassRole on "*" as privilege escalation', () => {
    const findings = of(
      judge(withPolicy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })),
      'MCP-NHI-007',
    );
    expect(findings.length).toBeGreaterThan(0);
  });

  it('flags AdministratorAccess attached to a tool role', () => {
    const attachment = record('aws_iam_role_policy_attachment.admin', {
      role: unknownValue(['aws_iam_role.search_issues'], 'aws_iam_role.search_issues.name'),
      policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    const findings = of(judge([...compliantServer(), attachment]), 'MCP-NHI-007');
    expect(findings).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role_policy_attachment.admin' }),
    );
  });
});

describe('MCP-NHI-007 on grants no identity uses yet', () => {
  const detached = record('aws_iam_policy.everything', {
    name: 'everything',
    policy: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
  });

  it('flags a detached admin policy with --scope all', () => {
    const findings = of(judge([...compliantServer(), detached], { scope: 'all' }), 'MCP-NHI-007');
    expect(findings.map((f) => f.address)).toEqual([
      'aws_iam_policy.everything',
      'aws_iam_policy.everything',
    ]);
    expect(findings).toContainEqual(
      expect.objectContaining({
        attribute: 'policy.Statement[0].Action',
        message: expect.stringContaining('every action'),
      }),
    );
  });

  it('leaves it to --scope all when no MCP server claims it', () => {
    expect(of(judge([...compliantServer(), detached]), 'MCP-NHI-007')).toEqual([]);
  });

  it('does not repeat a grant already judged through the identity that uses it', () => {
    const attachment = record('aws_iam_role_policy_attachment.everything', {
      role: unknownValue(['aws_iam_role.search_issues'], 'aws_iam_role.search_issues.name'),
      policy_arn: unknownValue(['aws_iam_policy.everything'], 'aws_iam_policy.everything.arn'),
    });
    const findings = of(judge([...compliantServer(), detached, attachment], { scope: 'all' }), 'MCP-NHI-007');
    expect(findings.filter((f) => f.message.includes('every action'))).toHaveLength(1);
    expect(findings[0]).toMatchObject({ address: 'aws_iam_policy.everything', tool: 'search_issues' });
  });

  it('passes a detached policy with narrow grants', () => {
    const narrow = record('aws_iam_policy.narrow', {
      name: 'narrow',
      policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }),
    });
    expect(of(judge([...compliantServer(), narrow], { scope: 'all' }), 'MCP-NHI-007')).toEqual([]);
  });

  it('flags an AWS managed admin policy attached to an identity outside the inputs', () => {
    const attachments = [
      record('aws_iam_role_policy_attachment.admin', {
        role: 'existing-role',
        policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
      record('aws_iam_role_policy_attachments_exclusive.power', {
        role_name: 'other-role',
        policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/PowerUserAccess'],
      }),
    ];
    const findings = of(judge([...compliantServer(), ...attachments], { scope: 'all' }), 'MCP-NHI-007');
    expect(findings.map((f) => [f.address, f.attribute])).toEqual(
      expect.arrayContaining([
        ['aws_iam_role_policy_attachment.admin', 'policy_arn'],
        ['aws_iam_role_policy_attachments_exclusive.power', 'policy_arns[1]'],
      ]),
    );
    expect(findings.some((f) => f.attribute === 'policy_arns[0]')).toBe(false);
  });

  it('does not repeat a managed policy attached to an identity of the inputs', () => {
    const attachment = record('aws_iam_role_policy_attachment.admin', {
      role: unknownValue(['aws_iam_role.search_issues'], 'aws_iam_role.search_issues.name'),
      policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    const findings = of(judge([...compliantServer(), attachment], { scope: 'all' }), 'MCP-NHI-007');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.tool === 'search_issues')).toBe(true);
  });
});
