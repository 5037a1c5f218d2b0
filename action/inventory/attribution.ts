/**
 * Which MCP server and tool each resource belongs to, in the order DESIGN.md fixes: the
 * constructs' manifest, then attribution tags, then the policy's address selectors. A
 * resource whose tags are unknown until apply is `unresolved`, never silently unclaimed.
 */
import { getOrMake } from '../memo.js';
import { matchAddress } from '../policy/glob.js';
import type { Policy } from '../policy/policy.js';
import { isUnknown, type ResourceRecord } from '../read/record.js';
import type { DeclaredServer, DeclaredTool, RecordIndex } from './context.js';
import type { Manifest } from './manifest.js';
import type { Attribution } from './model.js';
import { tagOf } from './tags.js';

/** Resource types that are non-human identities a tool or server can run as. */
export const IDENTITY_TYPES: ReadonlySet<string> = new Set([
  'aws_iam_role',
  'aws_iam_user',
  'google_service_account',
  'azurerm_user_assigned_identity',
  'kubernetes_service_account',
  'kubernetes_service_account_v1',
]);

export interface AttributionResult {
  readonly servers: DeclaredServer[];
  attributionOf(address: string): Attribution;
  environmentOf(address: string): string | undefined;
}

interface MutableServer {
  name: string;
  /** The server name a deployment's name is made of (`github` of `github (module.prod)`). */
  base?: string;
  identity?: string;
  environment?: string;
  multiTenant: boolean;
  tools: Map<string, MutableTool>;
}

interface MutableTool {
  name: string;
  identities: Set<string>;
  sensitive: boolean;
  writeCapable: boolean;
  scopes?: readonly string[];
  address?: string;
}

const NONE: Attribution = Object.freeze({});
const UNRESOLVED: Attribution = Object.freeze({ attributedBy: 'unresolved' });

/** A claim by tags, with only the keys that are set (no spread: it runs for every tagged resource). */
function tagClaim(server: string, tool: unknown, tenant: unknown): Attribution {
  const claim: { -readonly [K in keyof Attribution]: Attribution[K] } = { server };
  if (typeof tool === 'string') claim.tool = tool;
  if (typeof tenant === 'string') claim.tenant = tenant;
  claim.attributedBy = 'tags';
  return claim;
}

/**
 * Whether a selector glob claims an address. As `-target` does in Terraform, a glob names a
 * resource, or a module and everything in it, and a module or resource written without its
 * count/for_each key names every instance: `aws_iam_role.server` selects
 * `aws_iam_role.server[0]`, `module.mcp.aws_iam_role.server` selects
 * `module.mcp["prod"].aws_iam_role.server`, and `module.mcp` selects every resource in it.
 * (Waivers match exactly: there, naming more would pass more.)
 */
export function selects(glob: string, address: string): boolean {
  if (matchAddress(glob, address)) return true;
  return targetForms(address).some((form) => matchAddress(glob, form));
}

const formsCache = new Map<string, readonly string[]>();

/**
 * The shorter addresses that name `address` as a -target would: each enclosing module
 * (`module.a["x"]`, `module.a["x"].module.b`) and the address itself, each with any of its
 * instance keys left out. Not the address as written, which the caller tries first.
 */
function targetForms(address: string): readonly string[] {
  let forms = formsCache.get(address);
  if (forms !== undefined) return forms;
  const steps = addressSteps(address);
  if (steps === undefined) {
    const base = address.replace(/\[[^\]]*\]$/, '');
    forms = base === address ? [] : [base];
    formsCache.set(address, forms);
    return forms;
  }
  // Step ends after which the address is a module path (`module`, name[key]) or the whole.
  const ends: number[] = [];
  for (let i = 0; i + 1 < steps.length && steps[i]?.name === 'module'; i += 2) ends.push(i + 2);
  if (ends[ends.length - 1] !== steps.length) ends.push(steps.length);
  const found = new Set<string>();
  for (const end of ends) {
    let variants = [''];
    for (const step of steps.slice(0, end)) {
      const dot = (text: string) => (text === '' ? '' : `${text}.`);
      variants = variants.flatMap((text) =>
        step.key === undefined
          ? [`${dot(text)}${step.name}`]
          : [`${dot(text)}${step.name}${step.key}`, `${dot(text)}${step.name}`],
      );
    }
    for (const variant of variants) if (variant !== address) found.add(variant);
  }
  forms = [...found];
  formsCache.set(address, forms);
  return forms;
}

/**
 * `module.a["x.y"].aws_iam_role.r[0]` → module, a + ["x.y"], aws_iam_role, r + [0]; dots and
 * brackets inside a quoted key are the key's. Undefined for text that is no such address.
 */
function addressSteps(address: string): { name: string; key?: string }[] | undefined {
  const steps: { name: string; key?: string }[] = [];
  let name = '';
  let key: string | undefined;
  let inKey = false;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const char = address[i] as string;
    if (inKey) {
      key += char;
      if (quoted) {
        if (char === '\\') key += address[++i] ?? '';
        else if (char === '"') quoted = false;
      } else if (char === '"') quoted = true;
      else if (char === ']') inKey = false;
    } else if (char === '[' && key === undefined) {
      inKey = true;
      key = '[';
    } else if (char === '.') {
      steps.push(key === undefined ? { name } : { name, key });
      name = '';
      key = undefined;
    } else if (key !== undefined) {
      return undefined;
    } else name += char;
  }
  if (inKey) return undefined;
  steps.push(key === undefined ? { name } : { name, key });
  return steps;
}

/**
 * The addresses in the inputs a manifest address names: itself, else its count/for_each
 * instances (`aws_iam_role.r` → `aws_iam_role.r[0]`), else the same resource inside modules
 * (`module.m.aws_iam_role.r`), the manifest's own module first. None when the inputs do not
 * hold it.
 */
function manifestResolver(index: RecordIndex): (address: string, fromModule: string) => string[] {
  let byBase: Map<string, string[]> | undefined;
  return (address, fromModule) => {
    if (index.byAddress.has(address)) return [address];
    if (byBase === undefined) {
      byBase = new Map();
      for (const record of index.all) {
        const base = record.address.replace(/\[[^\]]*\]$/, '');
        for (const key of [base, ...moduleSuffixes(base)]) {
          const list = byBase.get(key);
          if (list) list.push(record.address);
          else byBase.set(key, [record.address]);
        }
      }
    }
    const all = byBase.get(address) ?? [];
    // A manifest inside a module (one per instance of a reused module) names that instance's
    // resources; those outside it only when the module holds none of that name.
    if (fromModule === '') return all;
    const own = all.filter((candidate) => candidate.startsWith(`${fromModule}.`));
    return own.length > 0 ? own : all;
  };
}

/** `module.a["x"].module.b.aws_iam_role.r` → `module.b.aws_iam_role.r`, `aws_iam_role.r`. */
function moduleSuffixes(address: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const segment of moduleSegments(address)) {
    at += segment.length + 1;
    if (at < address.length) out.push(address.slice(at));
  }
  return out;
}

export function attribute(
  index: RecordIndex,
  manifests: readonly Manifest[],
  policy: Policy,
): AttributionResult {
  const claims = new Map<string, Attribution>();
  const environments = new Map<string, string>();
  const servers = new Map<string, MutableServer>();
  const serverOf = (name: string): MutableServer => {
    let server = servers.get(name);
    if (!server) {
      server = { name, multiTenant: false, tools: new Map() };
      servers.set(name, server);
    }
    return server;
  };
  const toolOf = (server: MutableServer, name: string): MutableTool => {
    let tool = server.tools.get(name);
    if (!tool) {
      tool = { name, identities: new Set(), sensitive: false, writeCapable: false };
      server.tools.set(name, tool);
    }
    return tool;
  };
  const claim = (address: string, attribution: Attribution) => {
    if (!claims.has(address)) claims.set(address, attribution);
  };

  // Names first: a server declared or tagged in several module instances is one server per
  // instance (deploymentNames), whichever way its resources are claimed.
  const { tags: names } = policy;
  const tagged = readTagClaims(index, names, environments);
  const manifestModule = (manifest: Manifest) => index.byAddress.get(manifest.address)?.module ?? '';
  const places: Place[] = [];
  for (const manifest of manifests) {
    for (const declared of manifest.servers) {
      // A manifest declares the server's identity and its tools.
      const slots = ['', ...declared.tools.map((tool) => tool.name)];
      places.push({ server: declared.name, module: manifestModule(manifest), slots });
    }
  }
  for (const { record, server, tool } of tagged) {
    if (server === undefined) continue;
    const slots = IDENTITY_TYPES.has(record.type) ? [typeof tool === 'string' ? tool : ''] : NO_SLOTS;
    places.push({ server, module: record.module, slots });
  }
  const deployed = deploymentNames(places);

  // 1. The constructs' manifest names addresses: exact ones, or (written by hand) without the
  // instance key or module path the plan gives them, its own module's first.
  const resolveIn = manifestResolver(index);
  for (const manifest of manifests) {
    const module = manifestModule(manifest);
    const resolve = (address: string) => resolveIn(address, module);
    for (const declared of manifest.servers) {
      const name = deployed(declared.name, module);
      const server = serverOf(name);
      if (name !== declared.name) server.base = declared.name;
      const identities = declared.identity ? resolve(declared.identity) : [];
      server.identity ??= identities[0];
      server.environment ??= declared.environment;
      server.multiTenant ||= declared.multiTenant === true;
      claim(manifest.address, { server: name, attributedBy: 'manifest' });
      for (const identity of identities) claim(identity, { server: name, attributedBy: 'manifest' });
      for (const address of (declared.resources ?? []).flatMap(resolve))
        claim(address, { server: name, attributedBy: 'manifest' });
      for (const declaredTool of declared.tools) {
        const tool = toolOf(server, declaredTool.name);
        tool.sensitive ||= declaredTool.sensitive === true;
        tool.writeCapable ||= declaredTool.writeCapable === true;
        tool.scopes ??= declaredTool.scopes;
        tool.address ??= declaredTool.identity ?? manifest.address;
        const toolClaim: Attribution = { server: name, tool: declaredTool.name, attributedBy: 'manifest' };
        // An identity the inputs do not hold is none: MCP-NHI-001 then says the tool has none.
        for (const identity of declaredTool.identity ? resolve(declaredTool.identity) : []) {
          // Counted even when another tool claimed the identity first: that is how sharing shows.
          tool.identities.add(identity);
          claim(identity, toolClaim);
        }
        for (const address of (declaredTool.resources ?? []).flatMap(resolve)) claim(address, toolClaim);
      }
    }
  }

  // 2. Tags on the resources themselves.
  for (const { record, server: serverTag, tool: toolTag, tenant, environment } of tagged) {
    if (claims.has(record.address)) continue;
    if (serverTag === undefined) {
      claims.set(record.address, UNRESOLVED);
      continue;
    }
    const name = deployed(serverTag, record.module);
    claims.set(record.address, tagClaim(name, typeof toolTag === 'string' ? toolTag : undefined, tenant));
    const server = serverOf(name);
    if (name !== serverTag) server.base = serverTag;
    if (typeof environment === 'string' && !server.environment) server.environment = environment;
    if (typeof toolTag === 'string') toolOf(server, toolTag).address ??= record.address;
  }

  // 3. Address selectors from the policy file. A server name the manifest or tags deploy in
  // several modules names each deployment: what the policy says of it (environment, tools) is
  // said of each, and what its selectors claim goes to the deployment of the resource's module.
  // Else the policy's name would be a server of its own, whose tools have no identity.
  const deploymentsOf = new Map<string, MutableServer[]>();
  for (const server of servers.values()) {
    if (server.base !== undefined) getOrMake(deploymentsOf, server.base, () => []).push(server);
  }
  const selectorName = (name: string, module: string) =>
    deploymentsOf.has(name) ? deployed(name, module) : name;
  for (const selector of policy.servers) {
    for (const server of deploymentsOf.get(selector.name) ?? [serverOf(selector.name)]) {
      server.environment ??= selector.environment;
      server.multiTenant ||= selector.multiTenant === true;
      for (const declaredTool of selector.tools) {
        const tool = toolOf(server, declaredTool.name);
        tool.sensitive ||= declaredTool.sensitive === true;
        tool.writeCapable ||= declaredTool.writeCapable === true;
        tool.scopes ??= declaredTool.scopes;
      }
    }
  }
  if (policy.servers.length > 0) {
    for (const record of index.all) {
      if (claims.has(record.address)) continue;
      for (const selector of policy.servers) {
        const tool = selector.tools.find((t) => t.select.some((glob) => selects(glob, record.address)));
        if (tool) {
          const name = selectorName(selector.name, record.module);
          claims.set(record.address, { server: name, tool: tool.name, attributedBy: 'selector' });
          toolOf(serverOf(name), tool.name).address ??= record.address;
          break;
        }
        if (selector.select.some((glob) => selects(glob, record.address))) {
          claims.set(record.address, {
            server: selectorName(selector.name, record.module),
            attributedBy: 'selector',
          });
          break;
        }
      }
    }
  }

  // Identities claimed by a tool serve that tool; one claimed by a server alone is its own identity.
  for (const [address, attribution] of claims) {
    const record = index.byAddress.get(address);
    if (!record || !IDENTITY_TYPES.has(record.type) || !attribution.server) continue;
    const server = serverOf(attribution.server);
    if (attribution.tool) toolOf(server, attribution.tool).identities.add(address);
    else server.identity ??= address;
  }

  const declared: DeclaredServer[] = [...servers.values()].map((server) => ({
    name: server.name,
    ...(server.identity ? { identity: server.identity } : {}),
    ...(server.environment ? { environment: server.environment } : {}),
    multiTenant: server.multiTenant,
    tools: [...server.tools.values()].map(
      (tool): DeclaredTool => ({
        name: tool.name,
        server: server.name,
        identities: [...tool.identities],
        sensitive: tool.sensitive,
        writeCapable: tool.writeCapable,
        ...(tool.scopes ? { scopes: tool.scopes } : {}),
        address: tool.address ?? [...tool.identities][0] ?? server.identity ?? `mcp-server.${server.name}`,
      }),
    ),
  }));
  const serverEnvironment = new Map(declared.map((server) => [server.name, server.environment]));

  return {
    servers: declared,
    attributionOf: (address) => claims.get(address) ?? NONE,
    environmentOf: (address) => {
      const own = environments.get(address);
      if (own) return own;
      const server = claims.get(address)?.server;
      return server ? serverEnvironment.get(server) : undefined;
    },
  };
}

interface TagClaim {
  readonly record: ResourceRecord;
  /** The server tag; undefined when the server (or, without one, the tool) is known only after apply. */
  readonly server?: string;
  readonly tool: unknown;
  readonly tenant: unknown;
  readonly environment: unknown;
}

/**
 * The attribution tags of every managed resource that has a server tag, or whose server tag
 * (or tool tag, without a server tag) is known only after apply. Environment tags go into
 * `environments`.
 */
function readTagClaims(
  index: RecordIndex,
  names: Policy['tags'],
  environments: Map<string, string>,
): TagClaim[] {
  const out: TagClaim[] = [];
  for (const record of index.all) {
    if (record.mode !== 'managed') continue;
    const { values } = record;
    const tags = values.tags ?? values.labels;
    const all = values.tags_all;
    // No tag maps at all (the usual case for resources without tags): no tag to read.
    if ((tags === undefined || tags === null) && (all === undefined || all === null)) continue;
    const environment = tagOf(tags, all, names.environment);
    if (typeof environment === 'string') environments.set(record.address, environment);
    const serverTag = tagOf(tags, all, names.server);
    const toolTag = tagOf(tags, all, names.tool);
    // Any resource, not only identities: a workload or secret may be a server's, too. A known
    // server with a tool known only after apply is the server's.
    if (isUnknown(serverTag) || (serverTag === undefined && isUnknown(toolTag))) {
      out.push({ record, tool: toolTag, tenant: undefined, environment });
    } else if (typeof serverTag === 'string') {
      out.push({
        record,
        server: serverTag,
        tool: toolTag,
        tenant: tagOf(tags, all, names.tenant),
        environment,
      });
    }
  }
  return out;
}

/**
 * The server name tagged resources belong to. One module instantiated per environment
 * (`module.prod` and `module.staging`, `module.mcp["eu"]` and `module.mcp["us"]`) tags the same
 * server name in each: those are separate deployments, each with its own identities, and are
 * named after their module (`github (module.prod)`). A deployment may hold its parts in modules
 * of its own (`module.prod.module.lambda`, `module.prod.module.tools`): it is named after the
 * shallowest modules that tell the deployments apart. Resources of the root module (which holds
 * them all) stay one server, and so do modules that each hold a part of it (the function and
 * its role in `module.lambda`, a tool's role in `module.search_role`): only modules that repeat
 * an identity (the server's own, or one tool's) are deployments.
 */
function deploymentNames(places: readonly Place[]): (server: string, module: string) => string {
  // Few distinct modules, many resources in each: each module is split once.
  const segmentsOf = new Map<string, string[]>();
  const segments = (module: string) => getOrMake(segmentsOf, module, moduleSegments);
  // Most server names live in one module: those are one server, with nothing more to work out.
  const modulesOf = new Map<string, Set<string>>();
  for (const { server, module } of places) getOrMake(modulesOf, server, () => new Set<string>()).add(module);
  const byServer = new Map<string, { segments: string[]; slots: readonly string[] }[]>();
  for (const { server, module, slots } of places) {
    if (modulesOf.get(server)!.size < 2) continue;
    getOrMake(byServer, server, () => []).push({ segments: segments(module), slots });
  }
  /** Per server name split into deployments, how many module levels name a deployment. */
  const depths = new Map<string, number>();
  for (const [server, list] of byServer) {
    if (list.some((place) => place.segments.length === 0)) continue;
    const deepest = Math.max(...list.map((place) => place.segments.length));
    for (let depth = 1; depth <= deepest; depth++) {
      // The modules at this depth that hold each identity: deployments when one holds it twice.
      const holders = new Map<string, Set<string>>();
      for (const { segments, slots } of list) {
        const prefix = segments.slice(0, depth).join('.');
        for (const slot of slots) getOrMake(holders, slot, () => new Set<string>()).add(prefix);
      }
      if ([...holders.values()].some((modules) => modules.size > 1)) {
        depths.set(server, depth);
        break;
      }
    }
  }
  return (server, module) => {
    const depth = depths.get(server);
    // The root module holds no deployment: what is there is the server's, as named.
    if (depth === undefined || module === '') return server;
    return `${server} (${segments(module).slice(0, depth).join('.')})`;
  };
}

/** Where a server name is declared or tagged, and which of its identities the place holds. */
interface Place {
  readonly server: string;
  readonly module: string;
  /** The identities the place holds: a tool's name, or `` for the server's own. */
  readonly slots: readonly string[];
}

const NO_SLOTS: readonly string[] = [];

/** `module.a["x.y"].module.b` → `module.a["x.y"]`, `module.b`; the root module has none. */
function moduleSegments(module: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (module.startsWith('module.', at)) {
    let end = at + 'module.'.length;
    while (end < module.length && module[end] !== '.' && module[end] !== '[') end++;
    if (module[end] === '[') {
      const close = closingBracket(module, end);
      if (close < 0) break;
      end = close + 1;
    }
    out.push(module.slice(at, end));
    if (module[end] !== '.') break;
    at = end + 1;
  }
  return out;
}

/** The `]` closing the `[` at `open`, past a quoted key's `]` and `.`: `["a]b"]`. */
function closingBracket(text: string, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ']') return i;
  }
  return -1;
}

/** Attribution of a record, falling back to that of the identity it runs as. */
export function attributionVia(
  own: Attribution,
  identities: readonly string[],
  attributionOf: (address: string) => Attribution,
): Attribution {
  if (own.server || own.tool) return own;
  for (const identity of identities) {
    const via = attributionOf(identity);
    if (via.server) return { ...via, attributedBy: 'identity' };
  }
  return own;
}

export function isIdentityRecord(record: ResourceRecord): boolean {
  return IDENTITY_TYPES.has(record.type) && record.mode === 'managed';
}
