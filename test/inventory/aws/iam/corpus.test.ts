/**
 * Runs the IAM parser and fact extractors over every plan in the shared corpus. The plan reader
 * is separate; here records are built straight from `resource_changes[].change.after`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePolicyDocument, readPolicyDocument } from '../../../../action/inventory/aws/iam-document.js';
import { analysePermissions } from '../../../../action/inventory/aws/iam-permissions.js';
import { awsIdentities } from '../../../../action/inventory/aws/identities.js';
import { policyValue } from '../../../../action/inventory/aws/role-policies.js';
import { indexRecords } from '../../../../action/inventory/context.js';
import type { ResourceRecord } from '../../../../action/read/record.js';
import { isUnknown } from '../../../../action/read/record.js';
import { context } from './build.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const plansDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'plans');
const plans = readdirSync(plansDir).filter((file) => file.endsWith('.json'));

interface Change {
  address: string;
  mode?: string;
  type: string;
  name: string;
  module_address?: string;
  index?: string | number;
  change: { actions: string[]; after: Record<string, unknown> | null };
}

function readPlan(file: string): { resource_changes?: Change[] } {
  const bytes = readFileSync(path.join(plansDir, file));
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? bytes.subarray(2).toString('utf16le')
      : bytes.toString('utf8').replace(/^\uFEFF/, '');
  return JSON.parse(text);
}

function records(file: string): ResourceRecord[] {
  return (readPlan(file).resource_changes ?? [])
    .filter((rc) => rc.change.after !== null && rc.change.after !== undefined)
    .map((rc) => ({
      address: rc.address,
      mode: rc.mode === 'data' ? 'data' : 'managed',
      type: rc.type,
      name: rc.name,
      module: rc.module_address ?? '',
      ...(rc.index !== undefined ? { index: rc.index } : {}),
      values: rc.change.after ?? {},
      sensitivePaths: [],
      actions: rc.change.actions,
      source: { file },
    }));
}

const POLICY_ATTRIBUTES: Record<string, string[]> = {
  aws_iam_role: ['assume_role_policy'],
  aws_iam_policy: ['policy'],
  aws_iam_role_policy: ['policy'],
  aws_iam_user_policy: ['policy'],
};

describe('IAM facts over the shared corpus', () => {
  it('has plans to read', () => {
    expect(plans.length).toBeGreaterThan(0);
  });

  it.each(plans)('%s: parses every IAM policy without throwing', (file) => {
    for (const record of records(file)) {
      const attributes = POLICY_ATTRIBUTES[record.type];
      if (!attributes) continue;
      const values = [...attributes.map((attribute) => record.values[attribute])];
      if (record.type === 'aws_iam_role' && Array.isArray(record.values.inline_policy)) {
        for (const block of record.values.inline_policy)
          values.push((block as Record<string, unknown>)?.policy);
      }
      for (const value of values) {
        const read = readPolicyDocument(value);
        expect(['document', 'unknown', 'absent']).toContain(read.kind);
        expect(() => parsePolicyDocument(value)).not.toThrow();
      }
    }
  });

  it.each(plans)('%s: extracts identity facts without throwing', (file) => {
    const found = awsIdentities(context(records(file)));
    for (const facts of found) {
      expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
    }
  });

  it('checkov plan_with_iam_policies: finds the iam:* and s3:* wildcards', () => {
    const recs = records('checkov__plan_with_iam_policies.json');
    const index = indexRecords(recs);
    const analyse = (address: string) =>
      analysePermissions(
        policyValue(index, address, ['policy'], index.byAddress.get(address)?.values.policy),
      );

    const rolePolicy = analyse('aws_iam_role_policy.fail_1');
    expect(rolePolicy.broadGrants).toMatchObject([
      { address: 'aws_iam_role_policy.fail_1', attribute: 'policy.Statement[0].Action' },
    ]);
    expect(rolePolicy.broadGrants[0]?.detail).toContain('"iam:*"');
    expect(rolePolicy.escalationGrants).toHaveLength(1);

    const groupPolicy = analyse('aws_iam_group_policy.fail_2');
    expect(groupPolicy.broadGrants.map((e) => e.detail).join(' ')).toContain('"iam:*"');
    expect(groupPolicy.escalationGrants).toHaveLength(1);

    // Checkov passes s3:* (no IAM escalation); our catalogue still calls a service wildcard broad.
    const managedPolicy = analyse('aws_iam_policy.policy_pass');
    expect(managedPolicy.broadGrants).toMatchObject([{ attribute: 'policy.Statement[0].Action' }]);
    expect(managedPolicy.escalationGrants).toEqual([]);

    const identities = new Map(awsIdentities(context(recs)).map((facts) => [facts.address, facts]));
    expect(identities.get('aws_iam_user.fail_3')?.broadGrants).toMatchObject([
      { address: 'aws_iam_user_policy.fail_3', attribute: 'policy.Statement[0].Action' },
    ]);
    expect(identities.get('aws_iam_user.fail_3')?.escalationGrants).toHaveLength(1);
    expect(identities.get('aws_iam_role.example')).toMatchObject({
      trustIssues: [],
      humanPrincipals: [],
      federationIssues: [],
    });
  });

  it('regula iam_user_attached_policy: reads ec2:Describe* as read-only and ignores Deny "*"', () => {
    const recs = records('regula__iam_user_attached_policy.json');
    const index = indexRecords(recs);
    const denyAll = parsePolicyDocument(
      index.byAddress.get('aws_iam_policy.invalid_normal_policy')?.values.policy,
    );
    expect(denyAll && !isUnknown(denyAll) ? denyAll.statements[0] : undefined).toMatchObject({
      effect: 'Deny',
      action: ['*'],
      resource: ['*'],
    });
    for (const record of recs.filter(
      (r) => r.type === 'aws_iam_policy' || r.type === 'aws_iam_user_policy',
    )) {
      const facts = analysePermissions(policyValue(index, record.address, ['policy'], record.values.policy));
      expect(facts.broadGrants, record.address).toEqual([]);
      expect(facts.escalationGrants, record.address).toEqual([]);
    }
    const identities = new Map(awsIdentities(context(recs)).map((facts) => [facts.address, facts]));
    const user = identities.get('aws_iam_user.invalid_user_policy_user');
    expect(user).toMatchObject({
      kind: 'aws_iam_user',
      broadGrants: [],
      escalationGrants: [],
      hasContextConditions: true,
    });
    expect(identities.get('aws_iam_role.valid_role')).toMatchObject({
      maxSessionSeconds: 3600,
      trustIssues: [],
    });
  });
});
