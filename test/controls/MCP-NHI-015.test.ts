import { describe, expect, it } from 'vitest';
import {
  compliantManifest,
  compliantServer,
  doc,
  judge,
  of,
  toolRole,
  toolTrust,
  withRecords,
} from '../helpers/records.js';

const SERVER_ARN = 'arn:aws:iam::111122223333:role/issues-mcp-server';

/** A tool role of a multi-tenant server: grants scoped by the tenant tag, and a trust that requires it. */
const tenantScoped = (tool: string, overrides: Record<string, unknown> = {}) =>
  toolRole(tool, {
    assume_role_policy: doc(
      {
        Effect: 'Allow',
        Principal: { AWS: SERVER_ARN },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: {
          StringEquals: { 'aws:RequestTag/mcp-tool': tool },
          StringLike: { 'aws:RequestTag/tenant': '?*' },
        },
      },
      {
        Effect: 'Allow',
        Principal: { AWS: SERVER_ARN },
        Action: 'sts:SetSourceIdentity',
        Condition: { StringLike: { 'sts:SourceIdentity': 'mcp-user-*' } },
      },
    ),
    inline_policy: [
      {
        name: 'p',
        policy: doc({
          Effect: 'Allow',
          Action: 'dynamodb:Query',
          Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/issues',
          Condition: {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/tenant}'] },
          },
        }),
      },
    ],
    ...overrides,
  });

const multiTenant = compliantManifest({}, { multiTenant: true });

/** The MCP-NHI-015 findings when one tool of the multi-tenant server is granted `grant`. */
const judgeGrant = (grant: Record<string, unknown>) =>
  of(
    judge([
      ...withRecords(
        compliantServer(),
        tenantScoped('search_issues', { inline_policy: [{ name: 'p', policy: doc(grant) }] }),
        tenantScoped('create_issue'),
      ),
      multiTenant,
    ]),
    'MCP-NHI-015',
  );

describe('MCP-NHI-015 Tenant isolation on multi-tenant servers', () => {
  it('passes tenant-scoped grants and tool trust that requires the tenant session tag', () => {
    const records = withRecords(
      compliantServer(),
      tenantScoped('search_issues'),
      tenantScoped('create_issue'),
    );
    expect(of(judge([...records, multiTenant]), 'MCP-NHI-015')).toEqual([]);
  });

  it('flags tool grants of a multi-tenant server that any tenant can use', () => {
    const findings = of(judge([...compliantServer(), multiTenant]), 'MCP-NHI-015');
    expect(findings).toContainEqual(expect.objectContaining({ address: 'aws_iam_role.search_issues' }));
  });

  it('flags a tool role whose trust does not require the tenant session tag', () => {
    const records = withRecords(
      compliantServer(),
      tenantScoped('search_issues', { assume_role_policy: toolTrust('search_issues') }),
      tenantScoped('create_issue'),
    );
    expect(of(judge([...records, multiTenant]), 'MCP-NHI-015')).toEqual([
      expect.objectContaining({ address: 'aws_iam_role.search_issues', attribute: 'assume_role_policy' }),
    ]);
  });

  it.each([
    ['StringNotEquals', 'aws:ResourceTag/tenant'],
    ['StringEqualsIfExists', 'aws:ResourceTag/tenant'],
    ['ForAllValues:StringEquals', 'aws:ResourceTag/tenant'],
    ['Null', 'aws:ResourceTag/tenant'],
  ])('flags a grant whose %s condition on %s holds for other tenants too', (operator, key) => {
    const grant = {
      Effect: 'Allow',
      Action: 'dynamodb:Query',
      Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/issues',
      Condition: { [operator]: { [key]: '${aws:PrincipalTag/tenant}' } },
    };
    expect(judgeGrant(grant)).toEqual([
      expect.objectContaining({ address: 'aws_iam_role.search_issues', status: 'fail' }),
    ]);
  });

  it.each([
    // A Scan sends no partition key, so ForAllValues on dynamodb:LeadingKeys holds for it.
    ['dynamodb:Scan', 'ForAllValues:StringEquals'],
    ['dynamodb:*', 'ForAllValues:StringEquals'],
    // One of the batch's partition keys being the tenant's is not all of them.
    ['dynamodb:BatchWriteItem', 'ForAnyValue:StringEquals'],
  ])('flags %s under a %s condition on dynamodb:LeadingKeys', (action, operator) => {
    const grant = {
      Effect: 'Allow',
      Action: action,
      Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/issues',
      Condition: { [operator]: { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/tenant}'] } },
    };
    expect(judgeGrant(grant)).toEqual([
      expect.objectContaining({ address: 'aws_iam_role.search_issues', status: 'fail' }),
    ]);
  });

  it('passes the reads and writes AWS documents under ForAllValues on dynamodb:LeadingKeys', () => {
    const grant = {
      Effect: 'Allow',
      Action: [
        'dynamodb:GetItem',
        'dynamodb:BatchGetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
      ],
      Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/issues',
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/tenant}'] } },
    };
    expect(judgeGrant(grant)).toEqual([]);
  });

  it("flags a grant on everything but the tenant's resources (NotResource)", () => {
    const grant = {
      Effect: 'Allow',
      Action: 's3:GetObject',
      NotResource: 'arn:aws:s3:::issues/${aws:PrincipalTag/tenant}/*',
    };
    expect(judgeGrant(grant)).toContainEqual(
      expect.objectContaining({ address: 'aws_iam_role.search_issues', status: 'fail' }),
    );
  });

  it('does not apply to single-tenant servers', () => {
    expect(of(judge([...compliantServer(), compliantManifest()]), 'MCP-NHI-015')).toEqual([]);
  });
});
