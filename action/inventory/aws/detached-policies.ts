/**
 * Grants that no identity in the inputs uses yet: a customer managed policy nobody attaches,
 * an inline role policy whose role lives elsewhere, an `aws_iam_policy_document` no policy
 * renders. Each is a grant waiting to be attached, so MCP-NHI-007 judges it too (under
 * `--scope all`, or when its tags claim it for a server). Grants reached through an identity
 * are judged there and are not repeated here.
 */
import type { ResourceRecord } from '../../read/record.js';
import type { InventoryContext } from '../context.js';
import type { PolicyFacts } from '../model.js';
import { attributed } from './facts-common.js';
import { analysePermissions } from './iam-permissions.js';
import { resolveRefs } from './resolve.js';
import { type AppliedPolicy, policyDocumentData, policyValue } from './role-policies.js';

/** Resource types that hold a permission policy document, and the attribute that holds it. */
const POLICY_HOLDERS: readonly (readonly [string, string])[] = [
  ['aws_iam_policy', 'policy'],
  ['aws_iam_role_policy', 'policy'],
  ['aws_iam_user_policy', 'policy'],
  ['aws_iam_group_policy', 'policy'],
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
  // Documents last: one that a detached policy renders was judged with that policy.
  for (const record of ctx.index.byType('aws_iam_policy_document')) {
    if (record.mode !== 'data' || isReached(record.address)) continue;
    judge(record, policyDocumentData(ctx.index, record));
  }
  return out;
}
