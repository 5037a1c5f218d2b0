/** Tiny builders for IAM unit tests: records from an address and values, and a minimal context. */
import {
  type DeclaredServer,
  type DeclaredTool,
  type InventoryContext,
  indexRecords,
} from '../../../../action/inventory/context.js';
import { findManifests } from '../../../../action/inventory/manifest.js';
import type { Attribution } from '../../../../action/inventory/model.js';
import { readTags, tagValue } from '../../../../action/inventory/tags.js';
import { defaultPolicy, type Policy } from '../../../../action/policy/policy.js';
import { type ResourceRecord, type UnknownValue, unknownValue } from '../../../../action/read/record.js';

/** A managed (or `data.`) record from its full address. */
export function rec(address: string, values: Record<string, unknown> = {}): ResourceRecord {
  const parts = address.split('.');
  let i = 0;
  while (parts[i] === 'module' || parts[i]?.startsWith('module')) {
    if (parts[i] === 'module') i += 2;
    else break;
  }
  const module = parts.slice(0, i).join('.');
  const mode = parts[i] === 'data' ? 'data' : 'managed';
  if (mode === 'data') i += 1;
  const type = parts[i]!;
  const name = parts[i + 1]!.replace(/\[.*\]$/, '');
  return {
    address,
    mode,
    type,
    name,
    module,
    values,
    sensitivePaths: [],
    actions: mode === 'data' ? ['read'] : ['create'],
    source: { file: 'test.tfplan.json' },
  };
}

/** An unknown marker referencing resources, as readers produce for `${aws_iam_role.r.arn}`. */
export function ref(...refs: string[]): UnknownValue {
  return unknownValue(refs, refs.length === 1 ? `${refs[0]}.arn` : undefined);
}

/** A policy document as the JSON string a plan carries. */
export function doc(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export function tool(
  server: string,
  name: string,
  identities: string[],
  extra: Partial<DeclaredTool> = {},
): DeclaredTool {
  return {
    name,
    server,
    identities,
    sensitive: false,
    writeCapable: false,
    address: identities[0] ?? name,
    ...extra,
  };
}

export interface ContextOptions {
  readonly servers?: DeclaredServer[];
  readonly attribution?: Record<string, Attribution>;
  readonly today?: string;
  readonly policy?: Policy;
}

export function context(records: ResourceRecord[], options: ContextOptions = {}): InventoryContext {
  const index = indexRecords(records);
  const policy = options.policy ?? defaultPolicy();
  const servers = options.servers ?? [];
  const attribution = options.attribution ?? {};
  return {
    index,
    policy,
    parameters: {},
    today: options.today ?? '2026-03-01',
    servers,
    manifests: findManifests(records),
    attributionOf: (address) => attribution[address] ?? {},
    environmentOf: (address) => {
      const record = index.byAddress.get(address);
      if (record) {
        const env = tagValue(readTags(record), policy.tags.environment);
        if (typeof env === 'string') return env;
      }
      const server = attribution[address]?.server;
      return servers.find((s) => s.name === server)?.environment;
    },
  };
}

/** Assume-role trust for a service principal. */
export function serviceTrust(service: string): string {
  return doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
}
