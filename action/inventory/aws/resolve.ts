/**
 * Resolves what a resource argument points at. ARNs are unknown until apply, so a Lambda's
 * `role = aws_iam_role.r.arn` arrives as an unknown marker whose refs name the role; a
 * literal ARN is matched to the role of that name in the same plan.
 */

import { getOrMake } from '../../memo.js';
import { isUnknown, type ResourceRecord } from '../../read/record.js';
import type { RecordIndex } from '../context.js';

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
const POLICY_ARN = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;

/**
 * Addresses of the resources of `type` that `value` refers to: through unknown refs (a ref
 * without the count/for_each key, `aws_iam_role.r`, names every instance `aws_iam_role.r[0]`,
 * ...), through a literal ARN/name/id matched against records of that type, or none.
 * Lookups go through tables built once per record index, so resolving is O(1) per value.
 */
export function resolveRefs(index: RecordIndex, value: unknown, type: string): string[] {
  if (isUnknown(value)) return resolveRefList(index, value.refs, type);
  if (typeof value !== 'string' || value === '') return [];
  const tables = tablesOf(index);
  const keys = tables.keys(type);
  const name = type === 'aws_iam_role' ? (ROLE_ARN.exec(value)?.[1] ?? value) : lastArnSegment(value);
  const byName = keys.name.get(name) ?? [];
  const byArn = keys.arn.get(value);
  const byId = keys.id.get(value);
  if (byArn === undefined && byId === undefined) return byName;
  return [...new Set([...byName, ...(byArn ?? []), ...(byId ?? [])])];
}

/** The addresses of `type` that the refs of an unknown value name (see resolveRefs). */
export function resolveRefList(index: RecordIndex, refs: readonly string[], type: string): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    if (addressType(ref) !== type) continue;
    const instances = index.byAddress.has(ref) ? undefined : tablesOf(index).instances(type).get(ref);
    if (instances) out.push(...instances);
    else out.push(ref);
  }
  return out;
}

/**
 * Records of `type` whose `attribute` (a value or a list of values) refers to `target`, a
 * resource of `targetType`: "the role policies of this role", "the functions that run as this
 * role". Built once per record index and attribute, then a map lookup.
 */
export function recordsReferring(
  index: RecordIndex,
  type: string,
  attribute: string,
  targetType: string,
  target: string,
): readonly ResourceRecord[] {
  return tablesOf(index).reverse(type, attribute, targetType).get(target) ?? [];
}

/** Addresses of the records of one type by the value of their `name`, `arn` and `id`. */
type KeyTables = Readonly<Record<'name' | 'arn' | 'id', ReadonlyMap<string, string[]>>>;

/**
 * Managed records of `type` whose `attribute` (a value or a list of values) is the literal
 * string `literal`, in input order.
 */
export function recordsNaming(
  index: RecordIndex,
  type: string,
  attribute: string,
  literal: string,
): readonly ResourceRecord[] {
  return tablesOf(index).literals(type, attribute).get(literal) ?? [];
}

interface Tables {
  keys(type: string): KeyTables;
  /** Address without its instance key → every instance's address. */
  instances(type: string): ReadonlyMap<string, string[]>;
  reverse(type: string, attribute: string, targetType: string): ReadonlyMap<string, ResourceRecord[]>;
  /** String value (or list element) of `attribute` → managed records of `type` that have it. */
  literals(type: string, attribute: string): ReadonlyMap<string, ResourceRecord[]>;
}

const tablesByIndex = new WeakMap<RecordIndex, Tables>();

function tablesOf(index: RecordIndex): Tables {
  let tables = tablesByIndex.get(index);
  if (tables) return tables;
  const keys = new Map<string, KeyTables>();
  const instances = new Map<string, Map<string, string[]>>();
  // type → attribute → target type → table: nested rather than one joined key, so a lookup
  // hashes the (constant) names instead of a string built per call.
  const reverse = new Map<string, Map<string, Map<string, Map<string, ResourceRecord[]>>>>();
  const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const literals = new Map<string, Map<string, Map<string, ResourceRecord[]>>>();
  tables = {
    keys(type) {
      let table = keys.get(type);
      if (!table) {
        const byField = { name: new Map(), arn: new Map(), id: new Map() };
        for (const record of index.byType(type)) {
          for (const field of ['name', 'arn', 'id'] as const) {
            const value = record.values[field];
            if (typeof value === 'string' && value !== '') push(byField[field], value, record.address);
          }
        }
        table = byField;
        keys.set(type, table);
      }
      return table;
    },
    instances(type) {
      let table = instances.get(type);
      if (!table) {
        table = new Map();
        for (const record of index.byType(type)) {
          const base = withoutInstanceKey(record.address);
          if (base !== record.address) push(table, base, record.address);
        }
        instances.set(type, table);
      }
      return table;
    },
    reverse(type, attribute, targetType) {
      const byAttribute = getOrMake(reverse, type, () => new Map());
      const byTarget = getOrMake(byAttribute, attribute, () => new Map());
      return getOrMake(byTarget, targetType, () => {
        const table = new Map<string, ResourceRecord[]>();
        for (const record of index.byType(type)) {
          if (record.mode !== 'managed') continue;
          const value = record.values[attribute];
          const targets = new Set<string>();
          for (const element of Array.isArray(value) ? value : [value]) {
            for (const target of resolveRefs(index, element, targetType)) targets.add(target);
          }
          for (const target of targets) push(table, target, record);
        }
        return table;
      });
    },
    literals(type, attribute) {
      const byAttribute = getOrMake(literals, type, () => new Map());
      return getOrMake(byAttribute, attribute, () => {
        const table = new Map<string, ResourceRecord[]>();
        for (const record of index.managed(type)) {
          const value = record.values[attribute];
          const strings = new Set<string>();
          for (const element of Array.isArray(value) ? value : [value]) {
            if (typeof element === 'string') strings.add(element);
          }
          for (const literal of strings) push(table, literal, record);
        }
        return table;
      });
    },
  };
  tablesByIndex.set(index, tables);
  return tables;
}

/** `module.a["x"].aws_iam_role.r[0]` → `module.a["x"].aws_iam_role.r`. */
export function withoutInstanceKey(address: string): string {
  return address.endsWith(']') ? address.replace(/\[[^\]]*\]$/, '') : address;
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

/**
 * The resource type of a full address: `module.a["x"].aws_iam_role.r[0]` → `aws_iam_role`.
 * A scan rather than split and regex replace: it runs for every ref of every value resolved,
 * and this way it allocates only the returned type.
 */
export function addressType(address: string): string | undefined {
  const start = afterModules(address);
  const dot = address.indexOf('.', start);
  const first = dot < 0 ? address.slice(start) : address.slice(start, dot);
  if (first !== 'data') return first;
  if (dot < 0) return undefined;
  const next = address.indexOf('.', dot + 1);
  return next < 0 ? address.slice(dot + 1) : address.slice(dot + 1, next);
}

/**
 * Where the resource part of an address starts, past every `module.<name>`, its optional
 * `[key]` (up to the first `]`) and the `.` after it.
 */
function afterModules(address: string): number {
  let at = 0;
  while (address.startsWith('module.', at)) {
    at += 'module.'.length;
    let end = at;
    while (end < address.length && address[end] !== '.' && address[end] !== '[') end++;
    if (end === at) continue;
    if (address[end] === '[') {
      const close = address.indexOf(']', end + 1);
      if (close >= 0) end = close + 1;
    }
    if (address[end] === '.') end++;
    at = end;
  }
  return at;
}

function lastArnSegment(value: string): string {
  const slash = value.lastIndexOf('/');
  const colon = value.lastIndexOf(':');
  return value.slice(Math.max(slash, colon) + 1);
}
