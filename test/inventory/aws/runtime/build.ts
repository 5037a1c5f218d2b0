/**
 * Tiny builders for the AWS runtime fact tests: hand-made records, unknown references, and a
 * minimal InventoryContext with declared servers and attribution from a map.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DeclaredServer,
  type DeclaredTool,
  type InventoryContext,
  indexRecords,
} from '../../../../action/inventory/context.js';
import { findManifests } from '../../../../action/inventory/manifest.js';
import type { Attribution } from '../../../../action/inventory/model.js';
import { defaultPolicy } from '../../../../action/policy/policy.js';
import { type ResourceRecord, type UnknownValue, unknownValue } from '../../../../action/read/record.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');

/** A managed (or `data.`) record from its address and after-values. */
export function rec(address: string, values: Record<string, unknown>): ResourceRecord {
  const match = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)(data\.)?([a-z0-9_]+)\.([\w-]+)(?:\[(.*)\])?$/.exec(
    address,
  );
  if (!match) throw new Error(`bad address ${address}`);
  const [, modulePart = '', data, type = '', name = '', index] = match;
  return {
    address,
    mode: data ? 'data' : 'managed',
    type,
    name,
    module: modulePart.replace(/\.$/, ''),
    ...(index === undefined ? {} : { index: /^\d+$/.test(index) ? Number(index) : JSON.parse(index) }),
    values,
    sensitivePaths: [],
    actions: ['create'],
    source: { file: 'test.json' },
  };
}

/** `aws_iam_role.r.arn` as a plan reader gives it: unknown, with the ref and the expression. */
export function ref(address: string, attribute = 'arn'): UnknownValue {
  return unknownValue([address], `${address}.${attribute}`);
}

export function tool(server: string, name: string, extra: Partial<DeclaredTool> = {}): DeclaredTool {
  return {
    name,
    server,
    identities: [`aws_iam_role.${name}`],
    sensitive: false,
    writeCapable: false,
    address: `aws_iam_role.${name}`,
    ...extra,
  };
}

export function server(name: string, extra: Partial<DeclaredServer> = {}): DeclaredServer {
  return { name, identity: `aws_iam_role.${name}`, multiTenant: false, tools: [], ...extra };
}

export interface ContextOptions {
  readonly servers?: readonly DeclaredServer[];
  /** Attribution by address; anything not listed is unattributed. */
  readonly attribution?: Readonly<Record<string, Attribution>>;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly environments?: Readonly<Record<string, string>>;
}

export function context(records: readonly ResourceRecord[], options: ContextOptions = {}): InventoryContext {
  const attribution = options.attribution ?? {};
  return {
    index: indexRecords(records),
    policy: defaultPolicy(),
    parameters: options.parameters ?? {},
    today: '2026-01-15',
    servers: options.servers ?? [],
    manifests: findManifests(records),
    attributionOf: (address) => attribution[address] ?? {},
    environmentOf: (address) => options.environments?.[address],
  };
}
