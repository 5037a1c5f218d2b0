/**
 * One IdentityFacts per IAM role and IAM user: who it serves, how long its sessions last,
 * what it may do (its permission policies), who may assume it (its trust policy), where it
 * runs and who owns it. Facts only; the control schema judges them.
 */
import { formatPath, isUnknown, type ResourceRecord, unknownValue } from '../../read/record.js';
import type { DeclaredServer, DeclaredTool, InventoryContext } from '../context.js';
import type { Manifest } from '../manifest.js';
import type { Attribution, Evidence, Fact, IdentityFacts } from '../model.js';
import { readTag, readTags, tagValue } from '../tags.js';
import { attributed } from './facts-common.js';
import { assumableRoles } from './iam-assume.js';
import { analysePermissions } from './iam-permissions.js';
import { analyseTrust, type TrustOptions } from './iam-trust.js';
import { recordsReferring, resolveRefs } from './resolve.js';
import { type AppliedPolicy, permissionPolicies } from './role-policies.js';

/** AWS's default `max_session_duration` when the attribute is not set. */
export const DEFAULT_MAX_SESSION_SECONDS = 3600;

/** The session tag key a multi-tenant server passes for the tenant. */
export const TENANT_SESSION_TAG = 'tenant';

/** Resources that run as a role, and the attributes that name it (MCP-NHI-018). */
const ROLE_CONSUMERS: readonly (readonly [string, readonly string[]])[] = [
  ['aws_lambda_function', ['role']],
  ['aws_ecs_task_definition', ['task_role_arn', 'execution_role_arn']],
  ['aws_eks_pod_identity_association', ['role_arn']],
];

/** Who uses which identity, computed once per check rather than once per identity. */
interface Declarations {
  /** Trust options of every role that is not a tool's (the plan's accounts). */
  readonly trustOptions: TrustOptions & { readonly accounts: ReadonlySet<string> };
  /** Session tag keys that scope a multi-tenant tool's grants. */
  readonly tenantKeys: readonly string[];
  readonly manifests: readonly Manifest[];
  readonly toolsByIdentity: ReadonlyMap<string, DeclaredTool[]>;
  readonly serversByIdentity: ReadonlyMap<string, string[]>;
  readonly serverByName: ReadonlyMap<string, DeclaredServer>;
  /** Each server's identities: its declared one and the roles its workloads run as. */
  readonly identitiesOfServer: ReadonlyMap<string, string[]>;
  readonly usedPolicies: Set<string> | undefined;
  readonly claimedOnly: boolean;
  /** Attribute paths of the ownership tags, for `at` (the same for every identity). */
  readonly ownerPath: string;
  readonly reviewByPath: string;
}

const IDENTITY_TYPES = ['aws_iam_role', 'aws_iam_user'] as const;

/** Whether the record is an IAM identity this inventory describes. */
export function isAwsIdentity(record: ResourceRecord | undefined): boolean {
  return (
    record !== undefined &&
    record.mode === 'managed' &&
    (IDENTITY_TYPES as readonly string[]).includes(record.type)
  );
}

/**
 * @param usedPolicies when given, receives the address of every policy and document an
 *   identity's grants came from (and the attachments they came through).
 * @param claimedOnly leave out identities no server or tool claims (their policies still count
 *   as used, so they are not reported as detached).
 * @param reach what each server was found to run (address → server; see AwsServerFacts): the
 *   server claims the identities among it.
 */
export function awsIdentities(
  ctx: InventoryContext,
  usedPolicies?: Set<string>,
  claimedOnly = false,
  reach: ReadonlyMap<string, readonly string[]> = new Map(),
): IdentityFacts[] {
  const toolsByIdentity = new Map<string, DeclaredTool[]>();
  const serversByIdentity = new Map<string, string[]>();
  for (const server of ctx.servers) {
    if (server.identity !== undefined) push(serversByIdentity, server.identity, server.name);
    for (const tool of server.tools)
      for (const identity of tool.identities) push(toolsByIdentity, identity, tool);
  }
  const identitiesOfServer = new Map<string, string[]>();
  for (const server of ctx.servers) {
    if (server.identity !== undefined) push(identitiesOfServer, server.name, server.identity);
  }
  for (const [address, servers] of reach) {
    // A tool's role is its tool's, not one its server runs as.
    if (toolsByIdentity.has(address) || !isAwsIdentity(ctx.index.byAddress.get(address))) continue;
    // Not a declared identity (serversByIdentity, MCP-NHI-001's count): one its server runs
    // as, for its tools' trust and its delegation. Attribution claims it (attributedBy "reach").
    for (const server of servers) {
      if (!identitiesOfServer.get(server)?.includes(address)) push(identitiesOfServer, server, address);
    }
  }
  const declarations: Declarations = {
    trustOptions: { accounts: callerAccounts(ctx) },
    tenantKeys: distinct([TENANT_SESSION_TAG, ctx.policy.tags.tenant]),
    manifests: ctx.manifests,
    toolsByIdentity,
    serversByIdentity,
    serverByName: new Map(ctx.servers.map((server) => [server.name, server])),
    identitiesOfServer,
    usedPolicies,
    claimedOnly,
    ownerPath: formatPath(['tags', ctx.policy.tags.owner]),
    reviewByPath: formatPath(['tags', ctx.policy.tags.reviewBy]),
  };
  const out: IdentityFacts[] = [];
  for (const type of IDENTITY_TYPES) {
    for (const record of ctx.index.byType(type)) {
      if (record.mode !== 'managed') continue;
      const facts = identityFacts(ctx, record, type, declarations);
      if (facts !== undefined) out.push(facts);
    }
  }
  return out;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function identityFacts(
  ctx: InventoryContext,
  record: ResourceRecord,
  kind: 'aws_iam_role' | 'aws_iam_user',
  declarations: Declarations,
): IdentityFacts | undefined {
  const { manifests } = declarations;
  const { address, values } = record;
  const attribution = ctx.attributionOf(address);
  const declaredTools = declarations.toolsByIdentity.get(address) ?? [];
  const tools: string[] = [];
  for (const tool of declaredTools) addDistinct(tools, tool.name);
  addDistinct(tools, attribution.tool);
  const servers: string[] = [];
  for (const server of declarations.serversByIdentity.get(address) ?? []) addDistinct(servers, server);
  for (const tool of declaredTools) addDistinct(servers, tool.server);
  addDistinct(servers, attribution.server);
  if (declarations.claimedOnly && !claimedByMcp(attribution, tools, servers)) {
    noteUsedPolicies(declarations, permissionPolicies(ctx.index, record));
    return undefined;
  }
  const names = ctx.policy.tags;
  const toolTag = readTag(record, names.tool);
  const isTool = declaredTools.length > 0 || attribution.tool !== undefined;
  const toolServers = isTool ? serversOfTool(declarations, declaredTools, attribution) : [];

  // Permission policies (MCP-NHI-007, 014, 015).
  const perTenant = attribution.tenant !== undefined || typeof readTag(record, names.tenant) === 'string';
  const tenantScoped = isTool && !perTenant && toolServers.some((server) => server.multiTenant);
  const applied = permissionPolicies(ctx.index, record);
  noteUsedPolicies(declarations, applied);
  const permissions = analysePermissions(
    applied,
    tenantScoped ? { tenantKeys: declarations.tenantKeys } : {},
  );

  // Trust (MCP-NHI-006, 009, 017): roles only.
  const trust: { trustIssues: Evidence[]; federationIssues: Evidence[]; humanPrincipals: Evidence[] } =
    kind === 'aws_iam_role'
      ? analyseTrust(
          ctx.index,
          record,
          isTool ? toolTrustOptions(declarations, toolServers, address) : declarations.trustOptions,
        )
      : { trustIssues: [], federationIssues: [], humanPrincipals: [] };

  // Delegation (MCP-NHI-009): a server may assume only its own tools' roles.
  const delegationIssues = isTool ? [] : foreignAssumptions(ctx, declarations, servers, applied);

  const owner = tagFact(readTag(record, names.owner));
  const reviewBy = tagFact(readTag(record, names.reviewBy));

  const facts = {
    address,
    source: record.source,
    at: {
      name: 'name',
      maxSessionSeconds: 'max_session_duration',
      hasPermissionsBoundary: 'permissions_boundary',
      trustIssues: 'assume_role_policy',
      owner: declarations.ownerPath,
      reviewBy: declarations.reviewByPath,
      reviewOverdue: declarations.reviewByPath,
      missingTags: 'tags',
    },
    kind,
    name: nameFact(record),
    tools,
    servers,
    maxSessionSeconds: kind === 'aws_iam_role' ? sessionFact(values.max_session_duration) : null,
    federationIssues: trust.federationIssues,
    broadGrants: permissions.broadGrants,
    escalationGrants: permissions.escalationGrants,
    hasPermissionsBoundary: boundaryFact(ctx, values.permissions_boundary),
    trustIssues:
      delegationIssues.length > 0 ? [...trust.trustIssues, ...delegationIssues] : trust.trustIssues,
    tenantIssues: permissions.tenantIssues,
    humanPrincipals: trust.humanPrincipals,
    environments: environments(ctx, record),
    owner,
    reviewBy,
    reviewOverdue: overdue(reviewBy, ctx.today),
    missingTags: missingTags(record, ctx.parameters.requiredTags),
    sensitive: declaredTools.some((tool) => tool.sensitive || tool.writeCapable),
    hasContextConditions: permissions.hasContextConditions,
    orphan: isOrphan(ctx, manifests, attribution, toolTag, readTag(record, names.server), declaredTools),
  };
  // An unclaimed identity is the literal itself: the attribution keys would come first.
  return isClaimed(attribution) ? attributed({}, attribution, facts) : facts;
}

/** The declared servers a tool identity's tools belong to. */
function serversOfTool(
  declarations: Declarations,
  declaredTools: readonly DeclaredTool[],
  attribution: Attribution,
): DeclaredServer[] {
  const names: string[] = [];
  for (const tool of declaredTools) addDistinct(names, tool.server);
  if (attribution.tool !== undefined) addDistinct(names, attribution.server);
  const out: DeclaredServer[] = [];
  for (const name of names) {
    const server = declarations.serverByName.get(name);
    if (server) out.push(server);
  }
  return out;
}

/** A tool role's trust is judged against its servers' identities. */
function toolTrustOptions(
  declarations: Declarations,
  toolServers: readonly DeclaredServer[],
  address: string,
): TrustOptions {
  const serverIdentities = ownServerIdentities(declarations, toolServers);
  return {
    accounts: declarations.trustOptions.accounts,
    tool: {
      serverIdentities,
      otherServerIdentities: otherServerIdentities(declarations, toolServers, address),
    },
  };
}

function noteUsedPolicies(declarations: Declarations, applied: ReturnType<typeof permissionPolicies>): void {
  if (!declarations.usedPolicies) return;
  for (const policy of applied) {
    declarations.usedPolicies.add(policy.address);
    if (policy.via) declarations.usedPolicies.add(policy.via);
  }
}

/**
 * What `--scope mcp` judges: an identity a server or tool uses or claims, or one whose
 * attribution tags are unknown until apply (it might be claimed).
 */
function claimedByMcp(
  attribution: Attribution,
  tools: readonly string[],
  servers: readonly string[],
): boolean {
  return tools.length > 0 || servers.length > 0 || attribution.attributedBy === 'unresolved';
}

function isClaimed(attribution: Attribution): boolean {
  return (
    attribution.server !== undefined ||
    attribution.tool !== undefined ||
    attribution.tenant !== undefined ||
    attribution.attributedBy !== undefined
  );
}

/**
 * A tool identity nobody declares: tagged or attributed to a tool, but no server claims it, or
 * the server's declaration (the constructs' manifest, else the policy file's selectors) does not
 * list that tool. A server known only from tags is declared by those tags, so never orphans.
 */
function isOrphan(
  ctx: InventoryContext,
  manifests: readonly Manifest[],
  attribution: Attribution,
  toolTag: unknown,
  serverTag: unknown,
  declaredTools: readonly DeclaredTool[],
): boolean {
  const tool = attribution.tool ?? (typeof toolTag === 'string' && toolTag !== '' ? toolTag : undefined);
  if (tool === undefined) return false;
  // A server tag known only after apply (default_tags) may well name the tool's server.
  if (isUnknown(serverTag)) return false;
  const server =
    attribution.server ?? (typeof serverTag === 'string' && serverTag !== '' ? serverTag : undefined);
  if (server === undefined) return declaredTools.length === 0;
  const inManifest = manifests.flatMap((manifest) => manifest.servers).filter((s) => s.name === server);
  if (inManifest.length > 0) return !inManifest.some((s) => s.tools.some((t) => t.name === tool));
  const inPolicy = ctx.policy.servers.filter((s) => s.name === server);
  if (inPolicy.length > 0) return !inPolicy.some((s) => s.tools.some((t) => t.name === tool));
  return declaredTools.length === 0;
}

/**
 * Roles of another server that a server's identity may assume (`sts:AssumeRole` in its
 * policies): that server's tools' roles or its own identities.
 */
function foreignAssumptions(
  ctx: InventoryContext,
  declarations: Declarations,
  servers: readonly string[],
  applied: readonly AppliedPolicy[],
): Evidence[] {
  if (servers.length === 0) return [];
  const out: Evidence[] = [];
  for (const grant of assumableRoles(ctx.index, applied)) {
    // A role that is also this server's (one it runs as, or one of its tools) is its own.
    if (servers.some((server) => declarations.identitiesOfServer.get(server)?.includes(grant.role))) continue;
    const tool = declarations.toolsByIdentity.get(grant.role)?.find((t) => !servers.includes(t.server));
    const other = tool
      ? undefined
      : declarations.serversByIdentity.get(grant.role)?.find((s) => !servers.includes(s));
    if (tool === undefined && other === undefined) continue;
    const whose = tool
      ? `the role of tool ${tool.name} of server ${tool.server}`
      : `an identity of server ${other}`;
    out.push({
      address: grant.address,
      attribute: grant.attribute,
      detail: `server identity may assume ${grant.role}, ${whose}; a server may assume only its own tools' roles`,
    });
  }
  return out;
}

/** The identities of a tool's own servers, declared or run as by their workloads. */
function ownServerIdentities(declarations: Declarations, servers: readonly DeclaredServer[]): string[] {
  const out: string[] = [];
  for (const server of servers) {
    for (const identity of declarations.identitiesOfServer.get(server.name) ?? []) addDistinct(out, identity);
  }
  return out;
}

/** Identities of every declared server but the tool's own (and never the identity itself), as a lookup. */
function otherServerIdentities(
  declarations: Declarations,
  own: readonly DeclaredServer[],
  address: string,
): Pick<ReadonlySet<string>, 'has'> {
  const ownIdentities = new Set(ownServerIdentities(declarations, own));
  const all = declarations.serversByIdentity;
  return {
    has: (identity: string) => identity !== address && all.has(identity) && !ownIdentities.has(identity),
  };
}

function nameFact(record: ResourceRecord): Fact<string> {
  const name = record.values.name;
  if (typeof name === 'string' && name !== '') return name;
  if (isUnknown(name)) return name;
  // name_prefix or a generated name: known only after apply.
  return unknownValue([record.address], `${record.address}.name`);
}

function sessionFact(value: unknown): Fact<number> {
  if (isUnknown(value)) return value;
  if (value === undefined || value === null) return DEFAULT_MAX_SESSION_SECONDS;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // Terraform converts a string to the number it spells ("43200", "43200.0", "4.32e4").
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
  if (Number.isFinite(seconds)) return seconds;
  // Set to something that is no number of seconds: not the default, and not judged as it.
  return unknownValue([]);
}

/**
 * A boundary set to a reference (`aws_iam_policy.b.arn`) is unknown in a plan but certainly set;
 * only a reference to nothing in this plan stays unknown.
 */
function boundaryFact(ctx: InventoryContext, value: unknown): Fact<boolean> {
  if (typeof value === 'string') return value.trim() !== '';
  if (isUnknown(value)) {
    if (resolveRefs(ctx.index, value, 'aws_iam_policy').length > 0) return true;
    return value;
  }
  return false;
}

function tagFact(value: string | ReturnType<typeof unknownValue> | undefined): Fact<string> | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value;
}

/** Required tag keys (policy `requiredTags`) absent from the tags; unknown when the tags are. */
function missingTags(record: ResourceRecord, required: unknown): Fact<readonly string[]> {
  if (!Array.isArray(required) || required.length === 0) return [];
  const tags = readTags(record);
  if (isUnknown(tags)) return tags;
  const missing: string[] = [];
  for (const key of required) {
    if (typeof key !== 'string') continue;
    const value = tagValue(tags, key);
    // A tag that may come from default_tags known only after apply: so is whether it is missing.
    if (isUnknown(value) && !Object.hasOwn(tags, key)) return value;
    if (value === undefined || value === '') missing.push(key);
  }
  return missing;
}

/** True when review-by is before today or is not a YYYY-MM-DD date; false when absent (that is `reviewBy: null`). */
function overdue(reviewBy: Fact<string> | null, today: string): Fact<boolean> {
  if (reviewBy === null) return false;
  if (isUnknown(reviewBy)) return reviewBy;
  const date = reviewBy.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return true;
  return date < today;
}

function environments(ctx: InventoryContext, record: ResourceRecord): string[] {
  const found: string[] = [];
  addDistinct(found, ctx.environmentOf(record.address));
  if (record.type === 'aws_iam_role') {
    for (const [type, attributes] of ROLE_CONSUMERS) {
      for (const attribute of attributes) {
        for (const consumer of recordsReferring(ctx.index, type, attribute, 'aws_iam_role', record.address)) {
          addDistinct(found, ctx.environmentOf(consumer.address));
        }
      }
    }
  }
  return found.sort();
}

/** Account IDs of `data.aws_caller_identity`, when the plan knows them. */
function callerAccounts(ctx: InventoryContext): ReadonlySet<string> {
  const accounts = new Set<string>();
  for (const record of ctx.index.byType('aws_caller_identity')) {
    const id = record.values.account_id;
    if (typeof id === 'string' && /^\d{12}$/.test(id)) accounts.add(id);
  }
  return accounts;
}

function distinct(values: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) addDistinct(out, value);
  return out;
}

/** Appends a set, non-empty value not in the list yet (lists here hold a handful of names). */
function addDistinct(list: string[], value: string | undefined): void {
  if (value !== undefined && value !== '' && !list.includes(value)) list.push(value);
}
