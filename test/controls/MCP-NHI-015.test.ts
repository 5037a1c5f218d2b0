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

const tenantScoped = (tool: string) =>
  toolRole(tool, {
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
  });

describe('MCP-NHI-015 Tenant isolation on multi-tenant servers', () => {
  it('passes tool grants scoped by the tenant session tag', () => {
    const records = withRecords(
      compliantServer(),
      tenantScoped('search_issues'),
      tenantScoped('create_issue'),
    );
    const findings = of(judge([...records, compliantManifest({}, { multiTenant: true })]), 'MCP-NHI-015');
    expect(
      findings.filter(
        (f) => f.address.startsWith('aws_iam_role.search') || f.address.startsWith('aws_iam_role.create'),
      ),
    ).toEqual([]);
  });

  it('flags tool grants of a multi-tenant server that any tenant can use', () => {
    const findings = of(
      judge([...compliantServer(), compliantManifest({}, { multiTenant: true })]),
      'MCP-NHI-015',
    );
    expect(findings).toContainEqual(expect.objectContaining({ address: 'aws_iam_role.search_issues' }));
  });

  it('does not apply to single-tenant servers', () => {
    expect(of(judge([...compliantServer(), compliantManifest()]), 'MCP-NHI-015')).toEqual([]);
  });
});
