/**
 * Parses IAM policy documents into one normalized shape. Plans carry policies as JSON strings,
 * CDKTF/HCL readers give strings or objects whose leaves may be unknown markers (references
 * such as `aws_s3_bucket.b.arn`), and `aws_iam_policy_document` data sources may only have
 * their `statement` blocks when the rendered `json` is unknown until apply. Every list-or-string
 * element becomes a list; unknown leaves stay unknown so analysis can report `unknown`.
 */

import { getOrMake } from '../../memo.js';
import { isUnknown, type UnknownValue } from '../../read/record.js';
import { blocks, isPlainObject } from '../values.js';

/** A policy leaf: a literal string, or a value known only after apply. */
export type Leaf = string | UnknownValue;
/** A list of leaves, or an unknown marker for the whole list. */
export type Leaves = readonly Leaf[] | UnknownValue;

export type StatementKey =
  | 'Sid'
  | 'Effect'
  | 'Action'
  | 'NotAction'
  | 'Resource'
  | 'NotResource'
  | 'Principal'
  | 'NotPrincipal'
  | 'Condition';

/** One principal of a statement. `"*"` becomes `{ type: '*', value: '*' }`. */
export interface PrincipalEntry {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser` (as written), or `*` for the bare wildcard. */
  readonly type: string;
  readonly value: Leaf;
  /** Path below the statement (`Principal.AWS[1]`), for evidence. */
  readonly path: readonly (string | number)[];
}

export type Principals = readonly PrincipalEntry[] | UnknownValue;

/** One condition clause: `"StringEquals": { "aws:SourceAccount": ["1"] }` gives one entry per key. */
export interface ConditionEntry {
  /** The operator as written (`ForAnyValue:StringLikeIfExists`). */
  readonly operator: string;
  /** Lower-case operator without set prefix and `IfExists` (`stringlike`). */
  readonly base: string;
  readonly ifExists: boolean;
  /** Lower-case set prefix (`forallvalues`, `foranyvalue`), when present. */
  readonly set?: 'forallvalues' | 'foranyvalue';
  /** The condition key as written (`aws:PrincipalTag/team`). */
  readonly key: string;
  /** Lower-case key: condition keys are case-insensitive. */
  readonly keyLower: string;
  readonly values: Leaves;
  readonly path: readonly (string | number)[];
}

export type Conditions = readonly ConditionEntry[] | UnknownValue;

export interface PolicyStatement {
  /** Path of the statement within the document (`['Statement', 0]`, or `['statement', 0]` for data blocks). */
  readonly path: readonly (string | number)[];
  /** Field names as they appear at `path` (data source blocks use `actions`, `resources`, ...). */
  readonly fields: Readonly<Record<StatementKey, string>>;
  readonly sid?: string;
  /** `Allow` or `Deny` (normalized case), or an unknown marker. Anything else is kept as written. */
  readonly effect: Leaf;
  readonly action?: Leaves;
  readonly notAction?: Leaves;
  readonly resource?: Leaves;
  readonly notResource?: Leaves;
  readonly principal?: Principals;
  readonly notPrincipal?: Principals;
  /** Empty when the statement has no Condition. */
  readonly condition: Conditions;
}

export interface PolicyDocument {
  readonly version?: string;
  readonly statements: readonly PolicyStatement[];
}

/** What reading a policy value gave: a document, unknown until apply, nothing, or not a policy. */
export type PolicyRead =
  | { readonly kind: 'document'; readonly document: PolicyDocument }
  | { readonly kind: 'unknown'; readonly value: UnknownValue }
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid'; readonly reason: string };

export const JSON_FIELDS: Readonly<Record<StatementKey, string>> = {
  Sid: 'Sid',
  Effect: 'Effect',
  Action: 'Action',
  NotAction: 'NotAction',
  Resource: 'Resource',
  NotResource: 'NotResource',
  Principal: 'Principal',
  NotPrincipal: 'NotPrincipal',
  Condition: 'Condition',
};

const BLOCK_FIELDS: Readonly<Record<StatementKey, string>> = {
  Sid: 'sid',
  Effect: 'effect',
  Action: 'actions',
  NotAction: 'not_actions',
  Resource: 'resources',
  NotResource: 'not_resources',
  Principal: 'principals',
  NotPrincipal: 'not_principals',
  Condition: 'condition',
};

/**
 * A policy document from a JSON string, an object, or an unknown marker. Undefined for null,
 * absent, empty or unparseable values; use readPolicyDocument to tell those apart.
 */
export function parsePolicyDocument(value: unknown): PolicyDocument | UnknownValue | undefined {
  const read = readPolicyDocument(value);
  if (read.kind === 'document') return read.document;
  if (read.kind === 'unknown') return read.value;
  return undefined;
}

/** Like parsePolicyDocument, but says why there is no document. Never throws. */
export function readPolicyDocument(value: unknown): PolicyRead {
  if (value === undefined || value === null) return { kind: 'absent' };
  // A document whose text is unknown but whose structure the reader kept (jsonencode with a
  // reference inside): judge the structure; its unknown leaves stay unknown.
  if (isUnknown(value) && isPlainObject(value.partial)) return readPolicyDocument(value.partial);
  if (isUnknown(value)) return { kind: 'unknown', value };
  let parsed: unknown = value;
  if (typeof value === 'string') {
    const text = value.replace(/^\uFEFF/, '').trim();
    if (text === '') return { kind: 'absent' };
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: 'invalid', reason: 'policy is not valid JSON' };
    }
  }
  if (isUnknown(parsed)) return { kind: 'unknown', value: parsed };
  if (!isPlainObject(parsed)) return { kind: 'invalid', reason: 'policy is not a JSON object' };
  const statementValue = field(parsed, 'Statement');
  if (isUnknown(statementValue)) return { kind: 'unknown', value: statementValue };
  const version = field(parsed, 'Version');
  const statements: PolicyStatement[] = [];
  if (Array.isArray(statementValue)) {
    statementValue.forEach((item, i) => {
      if (isUnknown(item)) statements.push(unknownStatement(['Statement', i], item));
      else if (isPlainObject(item)) statements.push(normalizeStatement(item, ['Statement', i]));
    });
  } else if (isPlainObject(statementValue)) {
    statements.push(normalizeStatement(statementValue, ['Statement']));
  } else if (statementValue !== undefined && statementValue !== null) {
    return { kind: 'invalid', reason: 'policy Statement is neither an object nor a list' };
  }
  return {
    kind: 'document',
    document: typeof version === 'string' ? { version, statements } : { statements },
  };
}

const readsByScope = new WeakMap<object, Map<string, PolicyRead>>();

/**
 * readPolicyDocument that reads each distinct JSON text once per `scope` (the check's record
 * index, so the memory goes with the check). Plans repeat documents: a module under for_each
 * repeats its policies, most roles share a handful of trust policies, and an `aws_iam_policy`
 * is read again for every identity it is attached to. What a text reads as depends on the text
 * alone, and nothing writes to a PolicyRead or the document in it (their types are readonly
 * throughout), so every caller may share one.
 */
export function readPolicyDocumentOnce(scope: object, value: unknown): PolicyRead {
  if (typeof value !== 'string') return readPolicyDocument(value);
  const reads = getOrMake(readsByScope, scope, () => new Map<string, PolicyRead>());
  return getOrMake(reads, value, readPolicyDocument);
}

/**
 * A document built from the `statement` blocks of an `aws_iam_policy_document` data source,
 * for when its rendered `json` is unknown until apply. Paths name the blocks
 * (`statement[0].actions`).
 */
export function documentFromStatementBlocks(values: Readonly<Record<string, unknown>>): PolicyDocument {
  const statements: PolicyStatement[] = [];
  blocks(values.statement).forEach((block, i) => {
    const path = ['statement', i];
    const effect = block.effect;
    const sid = block.sid;
    const statement: Mutable<PolicyStatement> = {
      path,
      fields: BLOCK_FIELDS,
      effect: isUnknown(effect) ? effect : normalizeEffect(typeof effect === 'string' ? effect : 'Allow'),
      condition: blockConditions(block.condition),
    };
    if (typeof sid === 'string' && sid !== '') statement.sid = sid;
    const lists: [StatementKey, 'action' | 'notAction' | 'resource' | 'notResource'][] = [
      ['Action', 'action'],
      ['NotAction', 'notAction'],
      ['Resource', 'resource'],
      ['NotResource', 'notResource'],
    ];
    for (const [key, prop] of lists) {
      const raw = block[BLOCK_FIELDS[key]];
      if (raw === undefined || raw === null) continue;
      const leaves = toLeaves(raw);
      if (isUnknown(leaves) || leaves.length > 0) statement[prop] = leaves;
    }
    const principal = blockPrincipals(block.principals, 'principals');
    if (principal !== undefined) statement.principal = principal;
    const notPrincipal = blockPrincipals(block.not_principals, 'not_principals');
    if (notPrincipal !== undefined) statement.notPrincipal = notPrincipal;
    statements.push(statement);
  });
  return { statements };
}

/** Path segments of a statement field, for evidence (`['Statement', 0, 'Action']`). */
export function statementPath(statement: PolicyStatement, key: StatementKey): (string | number)[] {
  return [...statement.path, statement.fields[key]];
}

/**
 * `formatPath([...a, ...b])` from `formatPath(a)` and `formatPath(b)`: a path below a prefix
 * that was formatted once (`policy` + `Statement[0].Action` → `policy.Statement[0].Action`).
 */
export function appendPath(prefix: string, path: string): string {
  if (prefix === '' || path === '' || path.startsWith('[')) return prefix + path;
  return `${prefix}.${path}`;
}

/** The literal strings among leaves (unknown leaves and an unknown list give none). */
export function literals(leaves: Leaves | undefined): string[] {
  if (leaves === undefined || isUnknown(leaves)) return [];
  return leaves.filter((leaf): leaf is string => typeof leaf === 'string');
}

/** The unknown markers among leaves (the list itself when it is unknown). */
export function unknownLeaves(leaves: Leaves | undefined): UnknownValue[] {
  if (leaves === undefined) return [];
  if (isUnknown(leaves)) return [leaves];
  return leaves.filter((leaf): leaf is UnknownValue => isUnknown(leaf));
}

/** The conditions of a statement as a list (none when the whole Condition is unknown). */
/** Operators (`base`) that hold only when the key matches a value: no negation, no `Null`. */
export const POSITIVE_MATCH: ReadonlySet<string> = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'arnequals',
  'arnlike',
]);

export function conditionEntries(statement: PolicyStatement): readonly ConditionEntry[] {
  return isUnknown(statement.condition) ? [] : statement.condition;
}

/** The principals of a statement as a list (none when the whole Principal is unknown). */
export function principalEntries(principals: Principals | undefined): readonly PrincipalEntry[] {
  if (principals === undefined || isUnknown(principals)) return [];
  return principals;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function unknownStatement(path: (string | number)[], value: UnknownValue): PolicyStatement {
  return { path, fields: JSON_FIELDS, effect: value, action: value, resource: value, condition: value };
}

function normalizeStatement(raw: Record<string, unknown>, path: (string | number)[]): PolicyStatement {
  const effect = field(raw, 'Effect');
  const statement: Mutable<PolicyStatement> = {
    path,
    fields: JSON_FIELDS,
    effect: isUnknown(effect) ? effect : normalizeEffect(typeof effect === 'string' ? effect : ''),
    condition: jsonConditions(field(raw, 'Condition')),
  };
  const sid = field(raw, 'Sid');
  if (typeof sid === 'string' && sid !== '') statement.sid = sid;
  const action = field(raw, 'Action');
  if (action !== undefined && action !== null) statement.action = toLeaves(action);
  const notAction = field(raw, 'NotAction');
  if (notAction !== undefined && notAction !== null) statement.notAction = toLeaves(notAction);
  const resource = field(raw, 'Resource');
  if (resource !== undefined && resource !== null) statement.resource = toLeaves(resource);
  const notResource = field(raw, 'NotResource');
  if (notResource !== undefined && notResource !== null) statement.notResource = toLeaves(notResource);
  const principal = field(raw, 'Principal');
  if (principal !== undefined && principal !== null) {
    statement.principal = jsonPrincipals(principal, 'Principal');
  }
  const notPrincipal = field(raw, 'NotPrincipal');
  if (notPrincipal !== undefined && notPrincipal !== null) {
    statement.notPrincipal = jsonPrincipals(notPrincipal, 'NotPrincipal');
  }
  return statement;
}

/** IAM element names are matched case-insensitively: hand-written policies vary. */
function field(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

function normalizeEffect(effect: string): string {
  const lower = effect.trim().toLowerCase();
  if (lower === 'allow') return 'Allow';
  if (lower === 'deny') return 'Deny';
  return effect;
}

function toLeaves(value: unknown): Leaves {
  if (isUnknown(value)) return value;
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (!Array.isArray(value)) return [];
  const out: Leaf[] = [];
  for (const item of value) {
    if (isUnknown(item) || typeof item === 'string') out.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
  }
  return out;
}

function jsonPrincipals(value: unknown, name: string): Principals {
  if (isUnknown(value)) return value;
  if (typeof value === 'string') return [{ type: value === '*' ? '*' : 'AWS', value, path: [name] }];
  if (!isPlainObject(value)) return [];
  const out: PrincipalEntry[] = [];
  for (const [type, raw] of Object.entries(value)) {
    if (isUnknown(raw)) {
      out.push({ type: principalType(type), value: raw, path: [name, type] });
    } else if (typeof raw === 'string') {
      out.push({ type: principalType(type), value: raw, path: [name, type] });
    } else if (Array.isArray(raw)) {
      raw.forEach((item, i) => {
        if (typeof item === 'string' || isUnknown(item)) {
          out.push({ type: principalType(type), value: item, path: [name, type, i] });
        }
      });
    }
  }
  return out;
}

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

function principalType(type: string): string {
  if (type === '*') return '*';
  return PRINCIPAL_TYPES.find((known) => known.toLowerCase() === type.toLowerCase()) ?? type;
}

function blockPrincipals(value: unknown, name: string): Principals | undefined {
  if (isUnknown(value)) return value;
  const list = blocks(value);
  if (list.length === 0) return undefined;
  const out: PrincipalEntry[] = [];
  list.forEach((block, i) => {
    const type = typeof block.type === 'string' ? principalType(block.type) : 'AWS';
    const identifiers = toLeaves(block.identifiers);
    if (isUnknown(identifiers)) {
      out.push({ type, value: identifiers, path: [name, i, 'identifiers'] });
      return;
    }
    identifiers.forEach((identifier, j) => {
      // `type = "*"`, `identifiers = ["*"]` renders as `"Principal": "*"`.
      const entryType = type === '*' ? '*' : type;
      out.push({ type: entryType, value: identifier, path: [name, i, 'identifiers', j] });
    });
  });
  return out;
}

function jsonConditions(value: unknown): Conditions {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return value;
  if (!isPlainObject(value)) return [];
  const out: ConditionEntry[] = [];
  for (const [operator, clause] of Object.entries(value)) {
    if (isUnknown(clause)) {
      out.push(conditionEntry(operator, '', clause, ['Condition', operator]));
      continue;
    }
    if (!isPlainObject(clause)) continue;
    for (const [key, raw] of Object.entries(clause)) {
      out.push(conditionEntry(operator, key, toLeaves(raw), ['Condition', operator, key]));
    }
  }
  return out;
}

function blockConditions(value: unknown): Conditions {
  if (isUnknown(value)) return value;
  const out: ConditionEntry[] = [];
  blocks(value).forEach((block, i) => {
    const test = block.test;
    const variable = block.variable;
    const operator = typeof test === 'string' ? test : '';
    const key = typeof variable === 'string' ? variable : '';
    const unknownPart = isUnknown(test) ? test : isUnknown(variable) ? variable : undefined;
    out.push(conditionEntry(operator, key, unknownPart ?? toLeaves(block.values), ['condition', i]));
  });
  return out;
}

function conditionEntry(
  operator: string,
  key: string,
  values: Leaves,
  path: (string | number)[],
): ConditionEntry {
  let rest = operator.trim().toLowerCase();
  let set: ConditionEntry['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix === 'forallvalues' || prefix === 'foranyvalue') set = prefix;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('ifexists');
  if (ifExists) rest = rest.slice(0, -'ifexists'.length);
  const entry: Mutable<ConditionEntry> = {
    operator,
    base: rest,
    ifExists,
    key,
    keyLower: key.toLowerCase(),
    values,
    path,
  };
  if (set) entry.set = set;
  return entry;
}
