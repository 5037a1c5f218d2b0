/**
 * Collects every permission policy that applies to an IAM role or user, wherever it is written:
 * inline blocks, `aws_iam_role_policy`/`_user_policy`/`_group_policy`, attachments (including
 * through group membership), `managed_policy_arns`, and `aws_iam_policy_document` data
 * sources behind `${data.x.json}` references. Each result names the resource and attribute
 * that holds the document, so evidence points at the real place to fix.
 */
import {
  formatPath,
  isUnknown,
  type ResourceRecord,
  type UnknownValue,
  unknownValue,
} from '../../read/record.js';
import { inInputOrder, type RecordIndex } from '../context.js';
import { blocks } from '../values.js';
import { documentFromStatementBlocks, type PolicyDocument, readPolicyDocumentOnce } from './iam-document.js';
import { parsePolicyArn, recordsNaming, recordsReferring, resolveRefs } from './resolve.js';

export interface AppliedPolicy {
  /** Resource whose attribute holds the document (the policy, the role for inline blocks, the data source). */
  readonly address: string;
  /** Attribute path of the document (`policy`, `inline_policy[0].policy`, `json`), or of the ARN. */
  readonly attribute: string;
  /** `attribute` as segments; statement paths are appended to it (empty for data source blocks). */
  readonly basePath: readonly (string | number)[];
  /** The attachment or link that applies the policy to the identity, when it is another resource. */
  readonly via?: string;
  readonly document?: PolicyDocument;
  /** The document is only known after apply, or is not in the plan. */
  readonly unknown?: UnknownValue;
  /** Why the document cannot be read, in words (`policy is not valid JSON`). */
  readonly problem?: string;
  /** An AWS managed policy: its body is not in the plan, it is judged by name. */
  readonly managedArn?: string;
}

type Segments = readonly (string | number)[];

/** Every permission policy of an `aws_iam_role` or `aws_iam_user` record. */
export function permissionPolicies(index: RecordIndex, identity: ResourceRecord): AppliedPolicy[] {
  if (identity.type === 'aws_iam_role') return rolePolicies(index, identity);
  if (identity.type === 'aws_iam_user') return userPolicies(index, identity);
  return [];
}

function rolePolicies(index: RecordIndex, role: ResourceRecord): AppliedPolicy[] {
  const out: AppliedPolicy[] = [];
  const referring = (type: string, attribute: string) =>
    recordsReferring(index, type, attribute, 'aws_iam_role', role.address);

  blocks(role.values.inline_policy).forEach((block, i) => {
    out.push(...policyValue(index, role.address, ['inline_policy', i, 'policy'], block.policy));
  });
  eachElement(role.values.managed_policy_arns, (arn, path) => {
    out.push(...policyArn(index, role.address, ['managed_policy_arns', ...path], arn));
  });
  for (const record of referring('aws_iam_role_policy', 'role')) {
    out.push(...policyValue(index, record.address, ['policy'], record.values.policy));
  }
  for (const record of referring('aws_iam_role_policy_attachment', 'role')) {
    out.push(...policyArn(index, record.address, ['policy_arn'], record.values.policy_arn));
  }
  for (const record of referring('aws_iam_role_policy_attachments_exclusive', 'role_name')) {
    eachElement(record.values.policy_arns, (arn, path) => {
      out.push(...policyArn(index, record.address, ['policy_arns', ...path], arn));
    });
  }
  for (const record of referring('aws_iam_policy_attachment', 'roles')) {
    out.push(...policyArn(index, record.address, ['policy_arn'], record.values.policy_arn));
  }
  return dedupe(out);
}

function userPolicies(index: RecordIndex, user: ResourceRecord): AppliedPolicy[] {
  const out: AppliedPolicy[] = [];
  const referring = (type: string, attribute: string) =>
    recordsReferring(index, type, attribute, 'aws_iam_user', user.address);

  for (const record of referring('aws_iam_user_policy', 'user')) {
    out.push(...policyValue(index, record.address, ['policy'], record.values.policy));
  }
  for (const record of referring('aws_iam_user_policy_attachment', 'user')) {
    out.push(...policyArn(index, record.address, ['policy_arn'], record.values.policy_arn));
  }
  for (const record of referring('aws_iam_policy_attachment', 'users')) {
    out.push(...policyArn(index, record.address, ['policy_arn'], record.values.policy_arn));
  }

  // Groups the user belongs to: each as the value that names it (a name or a reference).
  const groups: unknown[] = [];
  for (const record of referring('aws_iam_user_group_membership', 'user')) {
    eachElement(record.values.groups, (group) => groups.push(group));
  }
  for (const record of referring('aws_iam_group_membership', 'users')) groups.push(record.values.group);
  if (groups.length === 0) return dedupe(out);

  const groupAddresses = new Set<string>();
  // A group named by a literal that no group in the plan has: match other literals naming it.
  const groupNames = new Set<string>();
  for (const group of new Set(groups)) {
    const resolved = resolveRefs(index, group, 'aws_iam_group');
    for (const address of resolved) groupAddresses.add(address);
    if (resolved.length === 0 && typeof group === 'string' && group !== '') groupNames.add(group);
  }
  const groupRecords = (type: string, attribute: string): ResourceRecord[] => {
    const found = new Set<ResourceRecord>();
    for (const address of groupAddresses) {
      for (const record of recordsReferring(index, type, attribute, 'aws_iam_group', address))
        found.add(record);
    }
    if (groupNames.size > 0) {
      const named = new Set<ResourceRecord>();
      for (const name of groupNames) {
        for (const record of recordsNaming(index, type, attribute, name)) named.add(record);
      }
      for (const record of inInputOrder(index, named)) found.add(record);
    }
    return [...found];
  };
  for (const record of groupRecords('aws_iam_group_policy', 'group')) {
    out.push(...policyValue(index, record.address, ['policy'], record.values.policy));
  }
  for (const record of groupRecords('aws_iam_group_policy_attachment', 'group')) {
    out.push(...policyArn(index, record.address, ['policy_arn'], record.values.policy_arn));
  }
  for (const record of groupRecords('aws_iam_policy_attachment', 'groups')) {
    out.push(...policyArn(index, record.address, ['policy_arn'], record.values.policy_arn));
  }
  return dedupe(out);
}

/**
 * The document(s) behind a policy attribute: parsed JSON, or, when it is a reference, the
 * `aws_iam_policy_document` data source or `aws_iam_policy` it names.
 */
export function policyValue(
  index: RecordIndex,
  address: string,
  path: Segments,
  value: unknown,
  via?: string,
  depth = 0,
): AppliedPolicy[] {
  const base = { address, attribute: formatPath(path), basePath: path, ...(via ? { via } : {}) };
  const read = readPolicyDocumentOnce(index, value);
  switch (read.kind) {
    case 'absent':
      return [];
    case 'document':
      return [{ ...base, document: read.document }];
    case 'invalid':
      return [{ ...base, unknown: unknownValue([]), problem: read.reason }];
    case 'unknown':
      break;
  }
  const unknown = read.value;
  if (depth < 4) {
    const followed: AppliedPolicy[] = [];
    for (const record of lookupRefs(index, unknown.refs, 'aws_iam_policy_document')) {
      followed.push(...policyDocumentData(index, record, via ?? address, depth + 1));
    }
    if (followed.length === 0) {
      for (const record of lookupRefs(index, unknown.refs, 'aws_iam_policy')) {
        followed.push(...policyRecord(index, record, via ?? address, depth + 1));
      }
    }
    if (followed.length > 0) return followed;
  }
  return [{ ...base, unknown }];
}

/** The policy a `policy_arn`-like value names: an `aws_iam_policy` in the plan, or an AWS managed policy. */
export function policyArn(
  index: RecordIndex,
  address: string,
  path: Segments,
  value: unknown,
): AppliedPolicy[] {
  const base = { address, attribute: formatPath(path), basePath: path };
  if (value === undefined || value === null || value === '') return [];
  if (isUnknown(value)) {
    const records = lookupRefs(index, value.refs, 'aws_iam_policy');
    if (records.length === 0) return [{ ...base, unknown: value }];
    return records.flatMap((record) => policyRecord(index, record, address, 0));
  }
  if (typeof value !== 'string') return [];
  const parsed = parsePolicyArn(value);
  if (parsed?.account === 'aws') return [{ ...base, managedArn: value }];
  const found = resolveRefs(index, value, 'aws_iam_policy')
    .map((ref) => index.byAddress.get(ref))
    .filter((record): record is ResourceRecord => record !== undefined);
  if (found.length === 0) {
    return [{ ...base, unknown: unknownValue([], value), problem: `policy ${value} is not in the plan` }];
  }
  return found.flatMap((record) => policyRecord(index, record, address, 0));
}

/** An `aws_iam_policy` resource or data source: its `policy`, or its managed ARN when only that is known. */
function policyRecord(
  index: RecordIndex,
  record: ResourceRecord,
  via: string,
  depth: number,
): AppliedPolicy[] {
  const { policy, arn } = record.values;
  if (record.mode === 'data' && (policy === undefined || policy === null || isUnknown(policy))) {
    if (typeof arn === 'string' && parsePolicyArn(arn)?.account === 'aws') {
      return [{ address: record.address, attribute: 'arn', basePath: ['arn'], via, managedArn: arn }];
    }
  }
  const found = policyValue(index, record.address, ['policy'], policy, via, depth);
  if (found.length > 0) return found;
  return [
    {
      address: record.address,
      attribute: 'policy',
      basePath: ['policy'],
      via,
      unknown: unknownValue([record.address]),
      problem: 'policy document is empty',
    },
  ];
}

/**
 * An `aws_iam_policy_document` data source: its rendered `json` when known, else its
 * `statement` blocks plus the documents it merges (`source_policy_documents`, `override_policy_documents`).
 */
export function policyDocumentData(
  index: RecordIndex,
  record: ResourceRecord,
  via?: string,
  depth = 0,
): AppliedPolicy[] {
  const viaPart = via && via !== record.address ? { via } : {};
  const json = readPolicyDocumentOnce(index, record.values.json);
  if (json.kind === 'document') {
    return [
      { address: record.address, attribute: 'json', basePath: ['json'], ...viaPart, document: json.document },
    ];
  }
  const out: AppliedPolicy[] = [];
  const fromBlocks = documentFromStatementBlocks(record.values);
  if (fromBlocks.statements.length > 0) {
    out.push({
      address: record.address,
      attribute: 'statement',
      basePath: [],
      ...viaPart,
      document: fromBlocks,
    });
  }
  for (const key of [
    'source_policy_documents',
    'override_policy_documents',
    'source_json',
    'override_json',
  ]) {
    eachElement(record.values[key], (value, path) => {
      out.push(...policyValue(index, record.address, [key, ...path], value, via, depth + 1));
    });
  }
  if (out.length > 0) return out;
  const unknown = isUnknown(record.values.json) ? record.values.json : unknownValue([record.address]);
  return [{ address: record.address, attribute: 'json', basePath: ['json'], ...viaPart, unknown }];
}

/** Calls `fn` for each element of a list attribute (or the value itself when it is not a list). */
function eachElement(value: unknown, fn: (element: unknown, path: (string | number)[]) => void): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((element, i) => {
      fn(element, [i]);
    });
  } else fn(value, []);
}

/** Records of `type` that refs name, including every instance of a counted resource. */
function lookupRefs(index: RecordIndex, refs: readonly string[], type: string): ResourceRecord[] {
  const addresses = resolveRefs(index, unknownValue(refs), type);
  return [...new Set(addresses)].flatMap((address) => index.byAddress.get(address) ?? []);
}

function dedupe(policies: AppliedPolicy[]): AppliedPolicy[] {
  const seen = new Set<string>();
  return policies.filter((policy) => {
    const key = `${policy.address}\u0000${policy.attribute}\u0000${policy.managedArn ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
