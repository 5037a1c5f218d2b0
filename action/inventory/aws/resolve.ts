/**
 * Resolves what a resource argument points at. ARNs are unknown until apply, so a Lambda's
 * `role = aws_iam_role.r.arn` arrives as an unknown marker whose refs name the role; a
 * literal ARN is matched to the role of that name in the same plan.
 */
import { isUnknown } from '../../read/record.js';
import type { RecordIndex } from '../context.js';

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
const POLICY_ARN = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;

/**
 * Addresses of the resources of `type` that `value` refers to: through unknown refs, through
 * a literal ARN/name matched against the `name` of records of that type, or none.
 */
export function resolveRefs(index: RecordIndex, value: unknown, type: string): string[] {
  if (isUnknown(value)) {
    return value.refs.filter((ref) => addressType(ref) === type);
  }
  if (typeof value !== 'string' || value === '') return [];
  const name = type === 'aws_iam_role' ? (ROLE_ARN.exec(value)?.[1] ?? value) : lastArnSegment(value);
  const found: string[] = [];
  for (const record of index.byType(type)) {
    if (record.values.name === name || record.values.arn === value || record.values.id === value) {
      found.push(record.address);
    }
  }
  return found;
}

/** Role addresses a value refers to. */
export function resolveRole(index: RecordIndex, value: unknown): string[] {
  return resolveRefs(index, value, 'aws_iam_role');
}

/** `{ account, name }` of a policy ARN; account `aws` for AWS managed policies. */
export function parsePolicyArn(arn: string): { account: string; name: string } | undefined {
  const match = POLICY_ARN.exec(arn);
  return match ? { account: match[1]!, name: match[2]! } : undefined;
}

/** The resource type of a full address: `module.a["x"].aws_iam_role.r[0]` → `aws_iam_role`. */
export function addressType(address: string): string | undefined {
  const parts = stripModule(address).split('.');
  if (parts[0] === 'data') return parts[1];
  return parts[0];
}

function stripModule(address: string): string {
  let rest = address;
  while (rest.startsWith('module.')) {
    const afterName = rest.slice('module.'.length).replace(/^[^.[]+(\[[^\]]*\])?\.?/, '');
    if (afterName === rest) break;
    rest = afterName;
  }
  return rest;
}

function lastArnSegment(value: string): string {
  const slash = value.lastIndexOf('/');
  const colon = value.lastIndexOf(':');
  return value.slice(Math.max(slash, colon) + 1);
}
