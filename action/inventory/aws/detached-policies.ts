/**
 * Grants that no identity in the inputs uses yet: a customer managed policy nobody attaches,
 * an inline role policy whose role lives elsewhere, an `aws_iam_policy_document` no policy
 * renders, an AWS managed policy attached to a role, user or group that lives elsewhere. Each is a grant waiting to be attached, so MCP-NHI-007 judges it too (under
 * `--scope all`, or when its tags claim it for a server). Grants reached through an identity
 * are judged there and are not repeated here.
 */
import type { ResourceRecord } from '../../read/record.js';
import type { InventoryContext } from '../context.js';
import type { PolicyFacts } from '../model.js';
import { attributed } from './facts-common.js';
import { analysePermissions } from './iam-permissions.js';
import { resolveRefs } from './resolve.js';
import { type AppliedPolicy, policyArn, policyDocumentData, policyValue } from './role-policies.js';

/** Resource types that hold a permission policy document, and the attribute that holds it. */
const POLICY_HOLDERS: readonly (readonly [string, string])[] = [
  ['aws_iam_policy', 'policy'],
  ['aws_iam_role_policy', 'policy'],
  ['aws_iam_user_policy', 'policy'],
  ['aws_iam_group_policy', 'policy'],
];

/**
 * Attachments, which may attach an AWS managed policy to an identity outside the inputs, and
 * the attribute that names the policy (one ARN, or a list of them).
 */
const ATTACHMENTS: readonly (readonly [string, string])[] = [
  ['aws_iam_role_policy_attachment', 'policy_arn'],
  ['aws_iam_user_policy_attachment', 'policy_arn'],
  ['aws_iam_group_policy_attachment', 'policy_arn'],
  ['aws_iam_policy_attachment', 'policy_arn'],
  ['aws_iam_role_policy_attachments_exclusive', 'policy_arns'],
  ['aws_iam_user_policy_attachments_exclusive', 'policy_arns'],
  ['aws_iam_group_policy_attachments_exclusive', 'policy_arns'],
];

/**
 * @param used addresses of the policies and documents the identities' analysis already reached
 *   (their own address and the attachment they came through).
 */
export function awsDetachedPolicies(ctx: InventoryContext, used: ReadonlySet<string>): PolicyFacts[] {
  const out: PolicyFacts[] = [];
  // What this function reaches itself; `used` is only read.
  const reached = new Set<string>();
  const isReached = (address: string) => used.has(address) || reached.has(address);
  // A permissions boundary is a ceiling, not a grant: the policies roles and users name there
  // grant nothing by themselves.
  for (const type of ['aws_iam_role', 'aws_iam_user']) {
    for (const identity of ctx.index.byType(type)) {
      for (const policy of resolveRefs(ctx.index, identity.values.permissions_boundary, 'aws_iam_policy')) {
        reached.add(policy);
      }
    }
  }
  const judge = (record: ResourceRecord, applied: AppliedPolicy[]) => {
    for (const policy of applied) {
      reached.add(policy.address);
      if (policy.via) reached.add(policy.via);
    }
    const { broadGrants, escalationGrants } = analysePermissions(applied);
    // Only policies with broad or escalating grants are listed.
    if (broadGrants.length === 0 && escalationGrants.length === 0) return;
    out.push(
      attributed({}, ctx.attributionOf(record.address), {
        address: record.address,
        source: record.source,
        kind: record.mode === 'data' ? `data.${record.type}` : record.type,
        broadGrants,
        escalationGrants,
      }),
    );
  };
  for (const [type, attribute] of POLICY_HOLDERS) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== 'managed' || isReached(record.address)) continue;
      judge(record, policyValue(ctx.index, record.address, [attribute], record.values[attribute]));
    }
  }
  // An attachment no identity of the inputs was reached through attaches to one that lives
  // elsewhere. Its customer policy, if in the inputs, is judged above as its own record; an
  // AWS managed policy (AdministratorAccess) has no record but this attachment.
  for (const [type, attribute] of ATTACHMENTS) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== 'managed' || isReached(record.address)) continue;
      const value = record.values[attribute];
      const arns = Array.isArray(value)
        ? value.map((arn, i) => [arn, [attribute, i]] as const)
        : [[value, [attribute]] as const];
      const managed = arns
        .flatMap(([arn, path]) => policyArn(ctx.index, record.address, path, arn))
        .filter((policy) => policy.managedArn !== undefined);
      if (managed.length > 0) judge(record, managed);
    }
  }
  // Documents last: one that a detached policy renders was judged with that policy.
  for (const record of ctx.index.byType('aws_iam_policy_document')) {
    if (record.mode !== 'data' || isReached(record.address)) continue;
    judge(record, policyDocumentData(ctx.index, record));
  }
  return out;
}
