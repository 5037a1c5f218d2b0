import { describe, expect, it } from 'vitest';
import { analysePermissions } from '../../../../action/inventory/aws/iam-permissions.js';
import { permissionPolicies } from '../../../../action/inventory/aws/role-policies.js';
import { indexRecords } from '../../../../action/inventory/context.js';
import { unknownValue } from '../../../../action/read/record.js';
import { doc, rec, ref, serviceTrust } from './build.js';

const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const readBucket = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });

function collect(identity: ReturnType<typeof rec>, others: ReturnType<typeof rec>[]) {
  return permissionPolicies(indexRecords([identity, ...others]), identity);
}

describe('permissionPolicies for a role', () => {
  const role = rec('aws_iam_role.r', {
    name: 'r',
    assume_role_policy: serviceTrust('lambda.amazonaws.com'),
    inline_policy: [{ name: 'inline', policy: readBucket }],
    managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  });

  it('collects inline blocks, role policies by name and by reference, attachments and managed ARNs', () => {
    const policies = collect(role, [
      rec('aws_iam_role_policy.by_name', { role: 'r', policy: readBucket }),
      rec('aws_iam_role_policy.by_ref', {
        role: unknownValue(['aws_iam_role.r'], 'aws_iam_role.r.id'),
        policy: readBucket,
      }),
      rec('aws_iam_role_policy.other', { role: 'someone-else', policy: allowAll }),
      rec('aws_iam_policy.p', { name: 'p', policy: readBucket }),
      rec('aws_iam_role_policy_attachment.a', { role: 'r', policy_arn: ref('aws_iam_policy.p') }),
      rec('aws_iam_role_policy_attachment.admin', {
        role: 'r',
        policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
      rec('aws_iam_policy_attachment.legacy', {
        roles: ['r'],
        policy_arn: 'arn:aws:iam::123456789012:policy/p',
      }),
    ]);
    expect(policies.map((p) => [p.address, p.attribute, p.via ?? null, p.managedArn ?? null])).toEqual([
      ['aws_iam_role.r', 'inline_policy[0].policy', null, null],
      ['aws_iam_role.r', 'managed_policy_arns[0]', null, 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
      ['aws_iam_role_policy.by_name', 'policy', null, null],
      ['aws_iam_role_policy.by_ref', 'policy', null, null],
      ['aws_iam_policy.p', 'policy', 'aws_iam_role_policy_attachment.a', null],
      [
        'aws_iam_role_policy_attachment.admin',
        'policy_arn',
        null,
        'arn:aws:iam::aws:policy/AdministratorAccess',
      ],
    ]);
    expect(policies.every((p) => p.document !== undefined || p.managedArn !== undefined)).toBe(true);
  });

  it('follows a data.aws_iam_policy_document reference to its rendered json', () => {
    const policies = collect(role, [
      rec('data.aws_iam_policy_document.d', { json: allowAll }),
      rec('aws_iam_role_policy.p', {
        role: 'r',
        policy: unknownValue(['data.aws_iam_policy_document.d'], 'data.aws_iam_policy_document.d.json'),
      }),
    ]);
    const found = policies.find((p) => p.address === 'data.aws_iam_policy_document.d');
    expect(found).toMatchObject({ attribute: 'json', via: 'aws_iam_role_policy.p' });
    const facts = analysePermissions(policies);
    expect(facts.broadGrants).toMatchObject([
      { address: 'data.aws_iam_policy_document.d', attribute: 'json.Statement[0].Action' },
    ]);
  });

  it('reads statement blocks when the data source json is unknown until apply', () => {
    const policies = collect(role, [
      rec('data.aws_iam_policy_document.d', {
        json: unknownValue(['data.aws_iam_policy_document.d']),
        statement: [{ actions: ['iam:PassRole'], resources: ['*'] }],
      }),
      rec('aws_iam_role_policy.p', { role: 'r', policy: unknownValue(['data.aws_iam_policy_document.d']) }),
    ]);
    const facts = analysePermissions(policies);
    expect(facts.escalationGrants).toMatchObject([
      { address: 'data.aws_iam_policy_document.d', attribute: 'statement[0].actions' },
    ]);
  });

  it('reports a policy unknown until apply, and a customer policy not in the plan, as unknown', () => {
    const policies = collect(rec('aws_iam_role.r', { name: 'r' }), [
      rec('aws_iam_role_policy.p', { role: 'r', policy: unknownValue(['aws_s3_bucket.b']) }),
      rec('aws_iam_role_policy_attachment.a', {
        role: 'r',
        policy_arn: 'arn:aws:iam::123456789012:policy/elsewhere',
      }),
    ]);
    expect(policies).toMatchObject([
      { address: 'aws_iam_role_policy.p', attribute: 'policy', unknown: { refs: ['aws_s3_bucket.b'] } },
      {
        address: 'aws_iam_role_policy_attachment.a',
        attribute: 'policy_arn',
        problem: expect.stringContaining('not in the plan'),
      },
    ]);
  });
});

describe('permissionPolicies for a user', () => {
  it('collects user policies, attachments and policies of the groups the user is in', () => {
    const user = rec('aws_iam_user.u', { name: 'u' });
    const policies = collect(user, [
      rec('aws_iam_user_policy.p', { user: 'u', policy: readBucket }),
      rec('aws_iam_user_policy_attachment.a', {
        user: ref('aws_iam_user.u'),
        policy_arn: 'arn:aws:iam::aws:policy/IAMFullAccess',
      }),
      rec('aws_iam_group.g', { name: 'g' }),
      rec('aws_iam_user_group_membership.m', { user: 'u', groups: [ref('aws_iam_group.g')] }),
      rec('aws_iam_group_policy.gp', { group: 'g', policy: allowAll }),
      rec('aws_iam_group.h', { name: 'h' }),
      rec('aws_iam_group_membership.hm', { group: 'h', users: ['u'] }),
      rec('aws_iam_group_policy_attachment.ha', {
        group: 'h',
        policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      }),
      rec('aws_iam_group_policy.unrelated', { group: 'nobody', policy: allowAll }),
    ]);
    expect(policies.map((p) => p.address)).toEqual([
      'aws_iam_user_policy.p',
      'aws_iam_user_policy_attachment.a',
      'aws_iam_group_policy.gp',
      'aws_iam_group_policy_attachment.ha',
    ]);
  });
});

describe('policy attributes a plan marks unknown', () => {
  const role = (values: Record<string, unknown>) =>
    rec('aws_iam_role.r', { name: 'r', assume_role_policy: serviceTrust('lambda.amazonaws.com'), ...values });
  const computed = { ...unknownValue([]), computed: true as const };

  it('judge nothing of the role for what the configuration does not set (the provider fills it from attachments)', () => {
    const r = role({ managed_policy_arns: computed, inline_policy: computed });
    expect(permissionPolicies(indexRecords([r]), r)).toEqual([]);
  });

  it('are unknown when the configuration sets them to something known only after apply', () => {
    const r = role({
      managed_policy_arns: unknownValue([], 'var.arns'),
      inline_policy: unknownValue([], 'var.inline'),
    });
    const applied = permissionPolicies(indexRecords([r]), r);
    expect(applied.map((p) => [p.attribute, p.unknown !== undefined])).toEqual([
      ['inline_policy', true],
      ['managed_policy_arns', true],
    ]);
  });
});
