/**
 * Resolves what a resource argument points at. ARNs are unknown until apply, so a Lambda's
 * `role = aws_iam_role.r.arn` arrives as an unknown marker whose refs name the role; a
 * literal ARN is matched to the role of that name in the same plan.
 */
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
  const tables = tablesOf(index);
  if (isUnknown(value)) {
    const out: string[] = [];
    for (const ref of value.refs) {
      if (addressType(ref) !== type) continue;
      const instances = index.byAddress.has(ref) ? undefined : tables.instances(type).get(ref);
      if (instances) out.push(...instances);
      else out.push(ref);
    }
    return out;
  }
  if (typeof value !== 'string' || value === '') return [];
  const keys = tables.keys(type);
  const name = type === 'aws_iam_role' ? (ROLE_ARN.exec(value)?.[1] ?? value) : lastArnSegment(value);
  const byName = keys.get(`name\0${name}`) ?? [];
  const byArn = keys.get(`arn\0${value}`) ?? [];
  const byId = keys.get(`id\0${value}`) ?? [];
  if (byArn.length === 0 && byId.length === 0) return byName;
  return [...new Set([...byName, ...byArn, ...byId])];
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

interface Tables {
  /** `name\0x` / `arn\0x` / `id\0x` → addresses of records of a type. */
  keys(type: string): ReadonlyMap<string, string[]>;
  /** Address without its instance key → every instance's address. */
  instances(type: string): ReadonlyMap<string, string[]>;
  reverse(type: string, attribute: string, targetType: string): ReadonlyMap<string, ResourceRecord[]>;
}

const tablesByIndex = new WeakMap<RecordIndex, Tables>();

function tablesOf(index: RecordIndex): Tables {
  let tables = tablesByIndex.get(index);
  if (tables) return tables;
  const keys = new Map<string, Map<string, string[]>>();
  const instances = new Map<string, Map<string, string[]>>();
  const reverse = new Map<string, Map<string, ResourceRecord[]>>();
  const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  tables = {
    keys(type) {
      let table = keys.get(type);
      if (!table) {
        table = new Map();
        for (const record of index.byType(type)) {
          for (const field of ['name', 'arn', 'id'] as const) {
            const value = record.values[field];
            if (typeof value === 'string' && value !== '') push(table, `${field}\0${value}`, record.address);
          }
        }
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
      const key = `${type}\0${attribute}\0${targetType}`;
      let table = reverse.get(key);
      if (!table) {
        table = new Map();
        for (const record of index.byType(type)) {
          if (record.mode !== 'managed') continue;
          const value = record.values[attribute];
          const elements = Array.isArray(value) ? value : [value];
          const targets = new Set(elements.flatMap((element) => resolveRefs(index, element, targetType)));
          for (const target of targets) push(table, target, record);
        }
        reverse.set(key, table);
      }
      return table;
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
