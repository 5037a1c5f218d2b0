/**
 * Records in, NHI inventory out: index once, find the manifest, attribute resources to MCP
 * servers and tools, then let each platform extract its facts.
 */
import type { Policy } from '../policy/policy.js';
import type { ResourceRecord } from '../read/record.js';
import { attribute } from './attribution.js';
import { awsCredentials } from './aws/credentials.js';
import { awsDetachedPolicies } from './aws/detached-policies.js';
import { awsIdentities, isAwsIdentity } from './aws/identities.js';
import { awsSecrets } from './aws/secrets.js';
import { awsServerFacts } from './aws/servers.js';
import { awsWorkloads } from './aws/workloads.js';
import { type InventoryContext, indexRecords } from './context.js';
import { findManifests } from './manifest.js';
import type { Inventory } from './model.js';

export interface InventoryOptions {
  readonly policy: Policy;
  /** Control parameters (defaults merged with the policy's), also exposed to schemas as `/parameters`. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** YYYY-MM-DD. */
  readonly today: string;
  /**
   * Leave out the IAM identities no MCP server or tool claims (the `--scope mcp` view), without
   * analysing their policies: on a large plan with a few MCP servers that is most of the work.
   */
  readonly claimedIdentitiesOnly?: boolean;
}

export function buildInventory(records: readonly ResourceRecord[], options: InventoryOptions): Inventory {
  const index = indexRecords(records);
  const manifests = findManifests(records);
  const attribution = attribute(index, manifests, options.policy);
  const ctx: InventoryContext = {
    index,
    policy: options.policy,
    parameters: options.parameters,
    today: options.today,
    servers: attribution.servers,
    manifests,
    attributionOf: attribution.attributionOf,
    environmentOf: attribution.environmentOf,
  };
  const { servers, tools, reach } = awsServerFacts(ctx);
  // What a server runs is its own, tagged or not: a workload it runs, a role it runs as.
  const withReach: InventoryContext = {
    ...ctx,
    attributionOf(address) {
      const own = ctx.attributionOf(address);
      const server = own.server === undefined && own.tool === undefined ? reach.get(address)?.[0] : undefined;
      return server === undefined ? own : { server, attributedBy: 'reach' };
    },
  };
  const usedPolicies = new Set<string>();
  const identities = awsIdentities(withReach, usedPolicies, options.claimedIdentitiesOnly === true, reach);
  return {
    version: 1,
    parameters: { ...options.parameters, today: options.today },
    servers,
    tools,
    identities,
    credentials: awsCredentials(withReach),
    workloads: awsWorkloads(withReach),
    secrets: awsSecrets(withReach),
    policies: awsDetachedPolicies(withReach, usedPolicies),
  };
}

/** How many IAM identities the records hold, judged or not. */
export function identityCount(records: readonly ResourceRecord[]): number {
  let count = 0;
  for (const record of records) if (isAwsIdentity(record)) count++;
  return count;
}
