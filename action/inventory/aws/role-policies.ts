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
import { parsePolicyArn, recordsNaming, recordsReferring, resolveRefList, resolveRefs } from './resolve.js';

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

  // Not set in the configuration, the provider fills these with what other resources attach,
  // which are judged as themselves: nothing of the role's own to judge.
  const notWritten = (value: unknown) => isUnknown(value) && value.computed === true;
  const inline = role.values.inline_policy;
  if (isUnknown(inline) && !notWritten(inline)) {
    // Written, but known only after apply as a whole (dynamic blocks over a variable).
    out.push({
      address: role.address,
      attribute: 'inline_policy',
      basePath: ['inline_policy'],
      unknown: inline,
    });
  } else if (!notWritten(inline)) {
    blocks(inline).forEach((block, i) => {
      const path = ['inline_policy', i, 'policy'];
      addPolicyValue(out, index, role.address, path, formatPath(path), block.policy, undefined, 0);
    });
  }
  if (!notWritten(role.values.managed_policy_arns))
    eachElement(role.values.managed_policy_arns, (arn, at) => {
      const path = ['managed_policy_arns', ...at];
      addPolicyArn(out, index, role.address, path, formatPath(path), arn);
    });
  for (const record of referring('aws_iam_role_policy', 'role')) addPolicyOf(out, index, record);
  for (const record of referring('aws_iam_role_policy_attachment', 'role'))
    addPolicyArnOf(out, index, record);
  for (const record of referring('aws_iam_role_policy_attachments_exclusive', 'role_name')) {
    eachElement(record.values.policy_arns, (arn, at) => {
      const path = ['policy_arns', ...at];
      addPolicyArn(out, index, record.address, path, formatPath(path), arn);
    });
  }
  for (const record of referring('aws_iam_policy_attachment', 'roles')) addPolicyArnOf(out, index, record);
  return dedupe(out);
}

function userPolicies(index: RecordIndex, user: ResourceRecord): AppliedPolicy[] {
  const out: AppliedPolicy[] = [];
  const referring = (type: string, attribute: string) =>
    recordsReferring(index, type, attribute, 'aws_iam_user', user.address);

  for (const record of referring('aws_iam_user_policy', 'user')) addPolicyOf(out, index, record);
  for (const record of referring('aws_iam_user_policy_attachment', 'user'))
    addPolicyArnOf(out, index, record);
  for (const record of referring('aws_iam_policy_attachment', 'users')) addPolicyArnOf(out, index, record);

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
  for (const record of groupRecords('aws_iam_group_policy', 'group')) addPolicyOf(out, index, record);
  for (const record of groupRecords('aws_iam_group_policy_attachment', 'group')) {
    addPolicyArnOf(out, index, record);
  }
  for (const record of groupRecords('aws_iam_policy_attachment', 'groups'))
    addPolicyArnOf(out, index, record);
  return dedupe(out);
}

/** The `policy` of an inline policy resource (`aws_iam_role_policy`, ...). */
function addPolicyOf(out: AppliedPolicy[], index: RecordIndex, record: ResourceRecord): void {
  addPolicyValue(out, index, record.address, POLICY, 'policy', record.values.policy, undefined, 0);
}

/** The policy an attachment's `policy_arn` names. */
function addPolicyArnOf(out: AppliedPolicy[], index: RecordIndex, record: ResourceRecord): void {
  addPolicyArn(out, index, record.address, POLICY_ARN, 'policy_arn', record.values.policy_arn);
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
  const out: AppliedPolicy[] = [];
  addPolicyValue(out, index, address, path, formatPath(path), value, via, depth);
  return out;
}

/**
 * policyValue into `out`, with the attribute path already formatted; gives how many it added.
 * The `add...` functions push rather than return arrays: plans whose references name every
 * instance of a for_each module apply dozens of policies to each identity.
 */
function addPolicyValue(
  out: AppliedPolicy[],
  index: RecordIndex,
  address: string,
  basePath: Segments,
  attribute: string,
  value: unknown,
  via: string | undefined,
  depth: number,
): number {
  const read = readPolicyDocumentOnce(index, value);
  const holderVia = via ? via : undefined;
  switch (read.kind) {
    case 'absent':
      return 0;
    case 'document':
      out.push({ address, attribute, basePath, via: holderVia, document: read.document });
      return 1;
    case 'invalid':
      out.push({
        address,
        attribute,
        basePath,
        via: holderVia,
        unknown: unknownValue([]),
        problem: read.reason,
      });
      return 1;
    case 'unknown':
      break;
  }
  const unknown = read.value;
  if (depth < 4) {
    const before = out.length;
    for (const record of lookupRefs(index, unknown.refs, 'aws_iam_policy_document')) {
      addPolicyDocumentData(out, index, record, via ?? address, depth + 1);
    }
    if (out.length === before) {
      for (const record of lookupRefs(index, unknown.refs, 'aws_iam_policy')) {
        addPolicyRecord(out, index, record, via ?? address, depth + 1);
      }
    }
    if (out.length > before) return out.length - before;
  }
  out.push({ address, attribute, basePath, via: holderVia, unknown });
  return 1;
}

/** The policy a `policy_arn`-like value names: an `aws_iam_policy` in the plan, or an AWS managed policy. */
export function policyArn(
  index: RecordIndex,
  address: string,
  path: Segments,
  value: unknown,
): AppliedPolicy[] {
  const out: AppliedPolicy[] = [];
  addPolicyArn(out, index, address, path, formatPath(path), value);
  return out;
}

function addPolicyArn(
  out: AppliedPolicy[],
  index: RecordIndex,
  address: string,
  basePath: Segments,
  attribute: string,
  value: unknown,
): void {
  if (value === undefined || value === null || value === '') return;
  if (isUnknown(value)) {
    const records = lookupRefs(index, value.refs, 'aws_iam_policy');
    if (records.length === 0) out.push({ address, attribute, basePath, unknown: value });
    for (const record of records) addPolicyRecord(out, index, record, address, 0);
    return;
  }
  if (typeof value !== 'string') return;
  const parsed = parsePolicyArn(value);
  if (parsed?.account === 'aws') {
    out.push({ address, attribute, basePath, managedArn: value });
    return;
  }
  let found = 0;
  for (const ref of resolveRefs(index, value, 'aws_iam_policy')) {
    const record = index.byAddress.get(ref);
    if (record === undefined) continue;
    addPolicyRecord(out, index, record, address, 0);
    found++;
  }
  if (found === 0) {
    out.push({
      address,
      attribute,
      basePath,
      unknown: unknownValue([], value),
      problem: `policy ${value} is not in the plan`,
    });
  }
}

const POLICY: Segments = ['policy'];
const POLICY_ARN: Segments = ['policy_arn'];
const ARN: Segments = ['arn'];
const JSON_PATH: Segments = ['json'];
const NO_PATH: Segments = [];

/** An `aws_iam_policy` resource or data source: its `policy`, or its managed ARN when only that is known. */
function addPolicyRecord(
  out: AppliedPolicy[],
  index: RecordIndex,
  record: ResourceRecord,
  via: string,
  depth: number,
): void {
  const { policy, arn } = record.values;
  if (record.mode === 'data' && (policy === undefined || policy === null || isUnknown(policy))) {
    if (typeof arn === 'string' && parsePolicyArn(arn)?.account === 'aws') {
      out.push({ address: record.address, attribute: 'arn', basePath: ARN, via, managedArn: arn });
      return;
    }
  }
  if (addPolicyValue(out, index, record.address, POLICY, 'policy', policy, via, depth) > 0) return;
  out.push({
    address: record.address,
    attribute: 'policy',
    basePath: POLICY,
    via,
    unknown: unknownValue([record.address]),
    problem: 'policy document is empty',
  });
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
  const out: AppliedPolicy[] = [];
  addPolicyDocumentData(out, index, record, via, depth);
  return out;
}

function addPolicyDocumentData(
  out: AppliedPolicy[],
  index: RecordIndex,
  record: ResourceRecord,
  via: string | undefined,
  depth: number,
): void {
  const { address } = record;
  const holderVia = via && via !== address ? via : undefined;
  const json = readPolicyDocumentOnce(index, record.values.json);
  if (json.kind === 'document') {
    out.push({ address, attribute: 'json', basePath: JSON_PATH, via: holderVia, document: json.document });
    return;
  }
  const before = out.length;
  const fromBlocks = statementBlocksDocument(record);
  if (fromBlocks.statements.length > 0) {
    out.push({ address, attribute: 'statement', basePath: NO_PATH, via: holderVia, document: fromBlocks });
  }
  for (const key of MERGED_DOCUMENTS) {
    eachElement(record.values[key], (value, path) => {
      const basePath = [key, ...path];
      addPolicyValue(out, index, address, basePath, formatPath(basePath), value, via, depth + 1);
    });
  }
  if (out.length > before) return;
  const unknown = isUnknown(record.values.json) ? record.values.json : unknownValue([address]);
  out.push({ address, attribute: 'json', basePath: JSON_PATH, via: holderVia, unknown });
}

const MERGED_DOCUMENTS = [
  'source_policy_documents',
  'override_policy_documents',
  'source_json',
  'override_json',
] as const;

const blockDocuments = new WeakMap<ResourceRecord, PolicyDocument>();

/**
 * The document of a data source's `statement` blocks, built once per record: identities that
 * share a document data source all reach it. It depends on the record alone, never written to.
 */
function statementBlocksDocument(record: ResourceRecord): PolicyDocument {
  let document = blockDocuments.get(record);
  if (document === undefined) {
    document = documentFromStatementBlocks(record.values);
    blockDocuments.set(record, document);
  }
  return document;
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
/**
 * The document a value known only after apply will be, when it references exactly one
 * `aws_iam_policy_document` data source (`data.aws_iam_policy_document.trust.json`) whose
 * document the inputs hold: its rendered `json`, or its `statement` blocks when that is unknown.
 * Undefined when the value references no such data source or several, or the data source merges
 * other documents (its statements alone would not be the whole document).
 */
export function referencedPolicyDocument(
  index: RecordIndex,
  value: UnknownValue,
): (AppliedPolicy & { readonly document: PolicyDocument }) | undefined {
  const records = lookupRefs(index, value.refs, 'aws_iam_policy_document');
  if (records.length !== 1) return undefined;
  const parts = policyDocumentData(index, records[0]!);
  const only = parts.length === 1 ? parts[0]! : undefined;
  return only?.document === undefined ? undefined : { ...only, document: only.document };
}

function lookupRefs(index: RecordIndex, refs: readonly string[], type: string): ResourceRecord[] {
  const addresses = resolveRefList(index, refs, type);
  const out: ResourceRecord[] = [];
  for (const address of addresses.length > 1 ? new Set(addresses) : addresses) {
    const record = index.byAddress.get(address);
    if (record !== undefined) out.push(record);
  }
  return out;
}

/** The policies without repeats of the same holder, attribute and managed ARN, first kept. */
function dedupe(policies: AppliedPolicy[]): AppliedPolicy[] {
  // Grouped by holder address rather than keyed by a joined string: no string per policy.
  const seen = new Map<string, AppliedPolicy[]>();
  return policies.filter((policy) => {
    const same = seen.get(policy.address);
    if (same === undefined) {
      seen.set(policy.address, [policy]);
      return true;
    }
    if (
      same.some((other) => other.attribute === policy.attribute && other.managedArn === policy.managedArn)
    ) {
      return false;
    }
    same.push(policy);
    return true;
  });
}
