/**
 * What every platform extractor gets: the records indexed once, attribution answers, the
 * policy and its parameters. Built once per check by buildInventory.
 */

import { getOrMake } from '../memo.js';
import type { Policy } from '../policy/policy.js';
import type { ResourceRecord } from '../read/record.js';
import type { Manifest } from './manifest.js';
import type { Attribution } from './model.js';

export interface RecordIndex {
  readonly all: readonly ResourceRecord[];
  readonly byAddress: ReadonlyMap<string, ResourceRecord>;
  /** Records of one type (managed and data alike), in input order. */
  byType(type: string): readonly ResourceRecord[];
  /** The managed records of one type, in input order. */
  managed(type: string): readonly ResourceRecord[];
}

export function indexRecords(records: readonly ResourceRecord[]): RecordIndex {
  const byAddress = new Map<string, ResourceRecord>();
  const types = new Map<string, ResourceRecord[]>();
  for (const record of records) {
    byAddress.set(record.address, record);
    const list = types.get(record.type);
    if (list) list.push(record);
    else types.set(record.type, [record]);
  }
  const managedTypes = new Map<string, readonly ResourceRecord[]>();
  const byType = (type: string): readonly ResourceRecord[] => types.get(type) ?? [];
  return {
    all: records,
    byAddress,
    byType,
    managed(type) {
      let list = managedTypes.get(type);
      if (list === undefined) {
        list = byType(type).filter((record) => record.mode === 'managed');
        managedTypes.set(type, list);
      }
      return list;
    },
  };
}

const positions = new WeakMap<RecordIndex, Map<ResourceRecord, number>>();

/** Records of the index, each once, in input order. */
export function inInputOrder(index: RecordIndex, records: Iterable<ResourceRecord>): ResourceRecord[] {
  let position = positions.get(index);
  if (!position) {
    position = new Map();
    for (let i = 0; i < index.all.length; i++) position.set(index.all[i]!, i);
    positions.set(index, position);
  }
  const order = position;
  return [...records].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/**
 * `make(index)` computed once per record index, that is once per check: for lookup tables
 * built on first use. The table goes when the index does.
 */
export function oncePerIndex<T>(make: (index: RecordIndex) => T): (index: RecordIndex) => T {
  const made = new WeakMap<RecordIndex, T>();
  return (index) => getOrMake(made, index, make);
}

/** A declared MCP server and its tools, merged from the manifest, tags and policy selectors. */
export interface DeclaredServer {
  readonly name: string;
  /** Address of the server's own identity, when one is known. */
  readonly identity?: string;
  readonly environment?: string;
  readonly multiTenant: boolean;
  readonly tools: readonly DeclaredTool[];
}

export interface DeclaredTool {
  readonly name: string;
  readonly server: string;
  /** Identities (addresses) attributed to this tool. */
  readonly identities: readonly string[];
  readonly sensitive: boolean;
  readonly writeCapable: boolean;
  /** Outbound OAuth scopes declared for the tool, when it has an OAuth target. */
  readonly scopes?: readonly string[];
  /** The resource that declares the tool (manifest resource, or its identity). */
  readonly address: string;
}

export interface InventoryContext {
  readonly index: RecordIndex;
  readonly policy: Policy;
  /** Control parameters merged from defaults and the policy (e.g. `maxSessionSeconds`). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The check's date, YYYY-MM-DD (review-by and waiver expiry compare against it). */
  readonly today: string;
  readonly servers: readonly DeclaredServer[];
  /** The constructs' manifests found in the inputs (servers as they declared them). */
  readonly manifests: readonly Manifest[];
  /** Server/tool/tenant that claims a resource; `{}` when none does. */
  attributionOf(address: string): Attribution;
  /** Environment of a resource: its environment tag, else its server's environment. */
  environmentOf(address: string): string | undefined;
}
